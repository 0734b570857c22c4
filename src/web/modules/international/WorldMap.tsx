// The world map of partner cities, drawn offline: the country shapes come from the world-atlas package's 110m
// TopoJSON, which Vite bundles into this page's chunk (no tile server, no request at all), projected with d3-geo's
// Equal Earth. Most partners lie within a few degrees of each other in East Asia, where the world map is too small to
// tell them apart, so an enlarged map of East Asia sits beside it: those partners are chosen there, and drawn on the
// world map as plain dots inside a dashed frame. Every partner is one keyboard stop (Tab), named for screen readers,
// with a label that shows on hover and focus; Enter or a click opens the partner's timeline.
import { Group, Stack, Text } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { type GeoProjection, geoEqualEarth, geoMercator, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, Geometry, LineString, MultiLineString } from "geojson";
import { type KeyboardEvent, useState } from "react";
import { feature, mesh } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import worldAtlas from "world-atlas/countries-110m.json";
import { type MapPoint, PARTNER_RELATION_LABELS, PARTNER_RELATIONS, type PartnerRelation } from "../../../common/api/international";
import { mm } from "./mapMessages";

// ------------------------------------------------------------------ the shapes, made once when the chunk loads

const topology = worldAtlas as unknown as Topology<{ countries: GeometryCollection; land: GeometryCollection }>;
const allCountries = feature(topology, topology.objects.countries) as FeatureCollection<Geometry>;
// Antarctica (ISO 010) only takes room at the bottom: no partner city is there
const countries: FeatureCollection<Geometry> = {
  type: "FeatureCollection",
  features: allCountries.features.filter((f: Feature) => String(f.id) !== "010"),
};
const borders: MultiLineString = mesh(topology, topology.objects.countries, (a, b) => a !== b);

/** The enlarged region: 東アジア from 天津 and 大連 to 高雄, Korea and western Japan (longitude, latitude). */
const INSET = { west: 114, east: 142, south: 20.5, north: 45 };

export function inInset(p: { latitude: number; longitude: number }): boolean {
  return p.longitude >= INSET.west && p.longitude <= INSET.east && p.latitude >= INSET.south && p.latitude <= INSET.north;
}

const WORLD_WIDTH = 960;
const worldProjection = geoEqualEarth().fitWidth(WORLD_WIDTH - 8, countries);
const worldPath = geoPath(worldProjection);
const [[, worldTop], [, worldBottom]] = worldPath.bounds(countries);
worldProjection.translate([worldProjection.translate()[0] + 4, worldProjection.translate()[1] - worldTop + 4]);
const WORLD_HEIGHT = Math.ceil(worldBottom - worldTop + 8);
const worldCountries = worldPath(countries) ?? "";
/** Where a place falls on the world map and on the enlarged map (null when outside it), in each picture's units. */
export const projectOnMaps = (longitude: number, latitude: number) => ({
  world: worldProjection([longitude, latitude]),
  worldSize: [WORLD_WIDTH, WORLD_HEIGHT] as const,
  inset: inInset({ latitude, longitude }) ? insetProjection([longitude, latitude]) : null,
  insetSize: [INSET_WIDTH, INSET_HEIGHT] as const,
});
const worldBorders = worldPath(borders) ?? "";
// the inset's frame on the world map, along meridians and parallels (densified: d3 joins points by great circles)
const frameLine: LineString = {
  type: "LineString",
  coordinates: [
    ...steps(INSET.west, INSET.east).map((lon) => [lon, INSET.north]),
    ...steps(INSET.north, INSET.south).map((lat) => [INSET.east, lat]),
    ...steps(INSET.east, INSET.west).map((lon) => [lon, INSET.south]),
    ...steps(INSET.south, INSET.north).map((lat) => [INSET.west, lat]),
  ],
};
const worldFrame = worldPath(frameLine) ?? "";

const INSET_WIDTH = 520;
const insetCorners = {
  type: "MultiPoint" as const,
  coordinates: [
    [INSET.west, INSET.south],
    [INSET.east, INSET.north],
  ],
};
const insetProjection = geoMercator().fitWidth(INSET_WIDTH, insetCorners);
const [[, insetTop], [, insetBottom]] = geoPath(insetProjection).bounds(insetCorners);
insetProjection.translate([insetProjection.translate()[0], insetProjection.translate()[1] - insetTop]);
const INSET_HEIGHT = Math.ceil(insetBottom - insetTop);
insetProjection.clipExtent([
  [0, 0],
  [INSET_WIDTH, INSET_HEIGHT],
]);
const insetPath = geoPath(insetProjection);
const insetCountries = insetPath(countries) ?? "";
const insetBorders = insetPath(borders) ?? "";

function steps(from: number, to: number): number[] {
  const n = Math.ceil(Math.abs(to - from));
  return Array.from({ length: n + 1 }, (_, i) => from + ((to - from) * i) / n);
}

// ------------------------------------------------------------------ points

/** 関係 → colour; the legend shows the same pairs. Dark enough for a 3:1 contrast with the land and the sea. */
export const RELATION_COLOURS: Record<PartnerRelation, string> = {
  sister: "#c92a2a",
  friendship: "#1864ab",
  agreement: "#237032",
  other: "#5f3dc4",
};

/** The radius of a point from its projects + trips: an area that grows with the count, between 5 and 18. */
export function pointRadius(total: number): number {
  return Math.min(18, 5 + 2.6 * Math.sqrt(Math.max(0, total)));
}

interface Placed {
  point: MapPoint;
  x: number;
  y: number;
  r: number;
}

function place(points: MapPoint[], projection: GeoProjection, scale = 1): Placed[] {
  return points
    .flatMap((point) => {
      const xy = projection([point.longitude, point.latitude]);
      return xy ? [{ point, x: xy[0], y: xy[1], r: pointRadius(point.projects + point.trips) * scale }] : [];
    })
    .sort((a, b) => b.r - a.r || a.point.label.localeCompare(b.point.label, "ja"));
}

interface LabelBox {
  x: number;
  y: number;
  w: number;
  h: number;
  anchor: "start" | "end";
}

/** Text width at a font size: full-width characters take a square, others about half of one. */
function textWidth(text: string, fontSize: number): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) > 0xff ? fontSize : fontSize * 0.6;
  return w;
}

/**
 * Where each point's label goes: right of the point, else left of it, else further down or up on either side, the
 * first place that overlaps no label placed before (two partners in one city, 高雄市 and an office in it, sit on
 * the same spot). Top to bottom, so that the labels of a cluster stack downwards.
 */
export function placeLabels(points: Placed[], fontSize: number, width: number): Map<string, LabelBox> {
  const placed: LabelBox[] = [];
  const result = new Map<string, LabelBox>();
  const h = fontSize + 4;
  const overlaps = (a: LabelBox) =>
    a.x < 0 || a.x + a.w > width || placed.some((b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h);
  for (const p of [...points].sort((a, b) => a.y - b.y || a.x - b.x)) {
    const w = textWidth(p.point.label, fontSize) + 4;
    const candidates: LabelBox[] = [];
    for (const dy of [0, 1, -1, 2, -2, 3, 4]) {
      const y = p.y - h / 2 + dy * h;
      candidates.push({ x: p.x + p.r + 3, y, w, h, anchor: "start" });
      candidates.push({ x: p.x - p.r - 3 - w, y, w, h, anchor: "end" });
    }
    const box = candidates.find((c) => !overlaps(c)) ?? candidates[0];
    placed.push(box);
    result.set(p.point.partnerId, box);
  }
  return result;
}

const SEA = "#e7f1fa";
const LAND = "#f1efe9";
const LAND_STROKE = "#a9a49a";

export function WorldMap({ points }: { points: MapPoint[] }) {
  const near = points.filter(inInset);
  const far = points.filter((p) => !inInset(p));
  return (
    <Stack gap="sm" data-testid="world-map" data-points={points.length}>
      <MapPicture
        kind="world"
        label={mm.map.worldLabel(points.length)}
        width={WORLD_WIDTH}
        height={WORLD_HEIGHT}
        countries={worldCountries}
        borders={worldBorders}
        frame={worldFrame}
        points={place(far, worldProjection)}
        dots={place(near, worldProjection, 0.55)}
        fontSize={14}
      />
      <Group align="flex-start" gap="lg" wrap="wrap">
        <Stack gap={4} style={{ flex: "1 1 420px", maxWidth: INSET_WIDTH + 40 }}>
          <Text fw={600} size="sm" component="h2">
            {mm.map.insetTitle}
          </Text>
          <MapPicture
            kind="inset"
            label={mm.map.insetLabel(near.length)}
            width={INSET_WIDTH}
            height={INSET_HEIGHT}
            countries={insetCountries}
            borders={insetBorders}
            points={place(near, insetProjection)}
            dots={[]}
            fontSize={13}
          />
        </Stack>
        <Legend />
      </Group>
    </Stack>
  );
}

interface MapPictureProps {
  kind: "world" | "inset";
  label: string;
  width: number;
  height: number;
  countries: string;
  borders: string;
  frame?: string;
  /** partners chosen on this map: a keyboard stop each, with a label */
  points: Placed[];
  /** partners drawn only as a reminder of where they are (chosen on the other map) */
  dots: Placed[];
  fontSize: number;
}

function MapPicture({ kind, label, width, height, countries, borders, frame, points, dots, fontSize }: MapPictureProps) {
  const navigate = useNavigate();
  const [active, setActive] = useState<string | null>(null);
  const open = (id: string) => navigate({ to: "/international/partners/$id", params: { id } });
  const onKey = (event: KeyboardEvent, id: string) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      open(id);
    }
  };
  const shown = points.find((p) => p.point.partnerId === active);
  const labels = placeLabels(points, fontSize, width);
  return (
    <section aria-label={label} data-testid={`map-${kind}`}>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{ maxWidth: width, display: "block", background: SEA, borderRadius: 4, border: "1px solid #ced4da" }}
      >
        <title>{label}</title>
        <path d={countries} fill={LAND} stroke={LAND_STROKE} strokeWidth={0.6} />
        <path d={borders} fill="none" stroke={LAND_STROKE} strokeWidth={0.5} />
        {frame && <path d={frame} fill="none" stroke="#495057" strokeWidth={1.2} strokeDasharray="5 3" />}
        {dots.map(({ point, x, y, r }) => (
          <circle
            key={point.partnerId}
            cx={x}
            cy={y}
            r={r}
            fill={RELATION_COLOURS[point.relation]}
            fillOpacity={0.8}
            stroke="#fff"
            strokeWidth={0.8}
          />
        ))}
        {points.map(({ point, x, y, r }) => {
          const isActive = active === point.partnerId;
          const label = labels.get(point.partnerId) ?? { x: x + r + 3, y: y - fontSize / 2, w: 0, h: fontSize, anchor: "start" };
          return (
            // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>; it behaves as a link (Enter opens the timeline).
            <g
              key={point.partnerId}
              role="link"
              tabIndex={0}
              aria-label={mm.map.pointLabel(point)}
              data-testid="map-point"
              data-partner={point.partnerId}
              data-label={point.label}
              data-x={x.toFixed(1)}
              data-y={y.toFixed(1)}
              style={{ cursor: "pointer", outline: "none" }}
              onClick={() => open(point.partnerId)}
              onKeyDown={(event) => onKey(event, point.partnerId)}
              onFocus={() => setActive(point.partnerId)}
              onBlur={() => setActive((current) => (current === point.partnerId ? null : current))}
              onMouseEnter={() => setActive(point.partnerId)}
              onMouseLeave={() => setActive((current) => (current === point.partnerId ? null : current))}
            >
              {isActive && <circle cx={x} cy={y} r={r + 4} fill="none" stroke="#212529" strokeWidth={2.5} />}
              <circle cx={x} cy={y} r={r} fill={RELATION_COLOURS[point.relation]} fillOpacity={0.85} stroke="#fff" strokeWidth={1.5} />
              <text
                x={label.anchor === "start" ? label.x : label.x + label.w}
                y={label.y + label.h / 2 + fontSize * 0.35}
                textAnchor={label.anchor}
                fontSize={fontSize}
                fill="#212529"
                stroke="#fff"
                strokeWidth={3}
                paintOrder="stroke"
              >
                {point.label}
              </text>
            </g>
          );
        })}
        {shown && <Tooltip placed={shown} width={width} height={height} fontSize={fontSize} />}
      </svg>
    </section>
  );
}

/** The label of the point under the pointer or the keyboard focus: name, country and relation, and its counts. */
function Tooltip({ placed, width, height, fontSize }: { placed: Placed; width: number; height: number; fontSize: number }) {
  const { point, x, y, r } = placed;
  const lines = [
    `${point.label}（${point.country}）`,
    `${PARTNER_RELATION_LABELS[point.relation]}・事業${point.projects}件・出張${point.trips}件`,
  ];
  const boxW = Math.max(...lines.map((l) => l.length)) * fontSize + 16;
  const boxH = fontSize * 2 + 18;
  const left = Math.min(Math.max(4, x - boxW / 2), width - boxW - 4);
  const above = y - r - boxH - 8;
  const top = above >= 4 ? above : Math.min(height - boxH - 4, y + r + 8);
  return (
    <g pointerEvents="none" data-testid="map-tooltip">
      <rect x={left} y={top} width={boxW} height={boxH} rx={4} fill="#fff" stroke="#495057" strokeWidth={1} opacity={0.97} />
      {lines.map((line, i) => (
        <text
          key={line}
          x={left + 8}
          y={top + 6 + fontSize * (i + 1) + i * 4}
          fontSize={fontSize}
          fill="#212529"
          fontWeight={i === 0 ? 600 : 400}
        >
          {line}
        </text>
      ))}
    </g>
  );
}

function Legend() {
  return (
    <Stack gap={6} component="section" aria-label={mm.map.legendTitle} style={{ flex: "0 1 240px" }}>
      <Text fw={600} size="sm" component="h2">
        {mm.map.legendTitle}
      </Text>
      {PARTNER_RELATIONS.map((relation) => (
        <Group key={relation} gap={8} wrap="nowrap">
          <svg width="16" height="16" role="presentation">
            <circle cx={8} cy={8} r={6} fill={RELATION_COLOURS[relation]} stroke="#fff" strokeWidth={1} />
          </svg>
          <Text size="sm">{PARTNER_RELATION_LABELS[relation]}</Text>
        </Group>
      ))}
      <Text size="sm" mt={4}>
        {mm.map.legendSize}
      </Text>
      <Group gap={12} wrap="nowrap" align="center">
        {[1, 10].map((n) => (
          <Group key={n} gap={6} wrap="nowrap">
            <svg width={pointRadius(n) * 2 + 2} height={pointRadius(n) * 2 + 2} role="presentation">
              <circle cx={pointRadius(n) + 1} cy={pointRadius(n) + 1} r={pointRadius(n)} fill="#868e96" />
            </svg>
            <Text size="sm">{n === 1 ? mm.map.legendSmall : mm.map.legendLarge}</Text>
          </Group>
        ))}
      </Group>
      <Text size="xs" c="dimmed" mt={4}>
        {mm.map.keyboard}
      </Text>
      <Text size="xs" c="dimmed">
        {mm.map.attribution}
      </Text>
    </Stack>
  );
}
