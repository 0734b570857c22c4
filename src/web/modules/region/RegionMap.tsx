// The map of the 18 市町, drawn offline: their boundaries come from the GeoJSON kept in the repository
// (common/region/kitakyushu-region-18.geo.json, bundled into this chunk; no tile server, no request), projected with
// d3-geo into an SVG. Items are points coloured by kind; every point is one keyboard stop (Tab) named for screen
// readers, with its name shown on hover and focus; Enter or a click opens the item. A 市町 can be enlarged (chosen on
// the map or in the list above it), and the area enlarged can be listed on the hub. The credit line of the boundary
// data sits under every map.
import { Group, NativeSelect, Stack, Text } from "@mantine/core";
import { useRouter } from "@tanstack/react-router";
import { type GeoPermissibleObjects, type GeoProjection, geoBounds, geoMercator, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
import { type KeyboardEvent, useMemo, useState } from "react";
import type { PublicItemSummary } from "../../../common/api/region-public";
import { DATASET_KEYS, type DatasetKey } from "../../../common/region/datasets";
import type { BoundingBox } from "../../../common/region/geo";
import boundaries from "../../../common/region/kitakyushu-region-18.geo.json";
import { DATASET_COLOURS } from "./datasetStyle";
import type { HubText } from "./publicMessages";

type Shape = Feature<Polygon | MultiPolygon, { code: string; name: string }>;

// The file follows RFC 7946 (outer rings counter-clockwise); d3-geo reads rings on the sphere and wants them
// clockwise, or a 市町 would cover the rest of the globe. Reversing every ring turns one rule into the other.
const reverseRings = (rings: Position[][]) => rings.map((ring) => [...ring].reverse());
export const SHAPES: Shape[] = (
  boundaries as unknown as FeatureCollection<Polygon | MultiPolygon, { code: string; name: string }>
).features.map((feature) => ({
  ...feature,
  geometry:
    feature.geometry.type === "Polygon"
      ? { type: "Polygon", coordinates: reverseRings(feature.geometry.coordinates) }
      : { type: "MultiPolygon", coordinates: feature.geometry.coordinates.map(reverseRings) },
}));
const REGION: FeatureCollection = { type: "FeatureCollection", features: SHAPES };

const SEA = "#e7f1fa";
const LAND = "#f4f1ea";
const LAND_FOCUS = "#fff4d6";
const BORDER = "#7b7f85";

export interface MapPoint {
  id: string;
  dataset: DatasetKey;
  name: string;
  nameEn: string;
  lat: number;
  lon: number;
  municipalityCode: string;
}

/** A projection that fits `what` into width × height (at most), and the height it needs. */
function fitted(what: GeoPermissibleObjects, width: number, maxHeight: number): { projection: GeoProjection; height: number } {
  const projection = geoMercator().fitSize([width, maxHeight], what);
  const [[, top], [, bottom]] = geoPath(projection).bounds(what);
  projection.translate([projection.translate()[0], projection.translate()[1] - top + 6]);
  return { projection, height: Math.ceil(bottom - top + 12) };
}

/** The lon/lat box of a 市町 (for the hub's "list this area"). */
export function boxOf(code: string): BoundingBox | null {
  const shape = SHAPES.find((s) => s.properties.code === code);
  if (!shape) return null;
  const [[west, south], [east, north]] = geoBounds(shape);
  return { west, south, east, north };
}

interface RegionMapProps {
  text: HubText;
  points: MapPoint[];
  /** the 市町 enlarged, or null for the whole region */
  focus: string | null;
  onFocus: (code: string | null) => void;
  municipalityNames: Record<string, { name: string; nameEn: string; count: number }>;
}

const WIDTH = 760;

export function RegionMap({ text, points, focus, onFocus, municipalityNames }: RegionMapProps) {
  const router = useRouter();
  const [active, setActive] = useState<string | null>(null);
  const focused = focus ? SHAPES.find((s) => s.properties.code === focus) : undefined;
  const { projection, height } = useMemo(() => fitted(focused ?? REGION, WIDTH, focused ? 520 : 560), [focused]);
  const path = useMemo(() => geoPath(projection), [projection]);
  const nameOf = (code: string, fallback: string) => {
    const m = municipalityNames[code];
    return m ? (text.lang === "en" ? m.nameEn : m.name) : fallback;
  };
  const placed = useMemo(
    () =>
      points.flatMap((point) => {
        const xy = projection([point.lon, point.lat]);
        return xy && xy[0] >= 0 && xy[0] <= WIDTH && xy[1] >= 0 && xy[1] <= height ? [{ point, x: xy[0], y: xy[1] }] : [];
      }),
    [points, projection, height],
  );
  const open = (id: string) => router.history.push(`${text.hubPath}/items/${id}`);
  const onKey = (event: KeyboardEvent, id: string) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      open(id);
    }
  };
  const shown = placed.find((p) => p.point.id === active);
  const label = text.map.label(placed.length);

  return (
    <Stack gap="xs">
      <Group gap="md" align="end" wrap="wrap">
        <NativeSelect
          label={text.search.municipality}
          value={focus ?? ""}
          data={[
            { value: "", label: text.map.whole },
            ...SHAPES.map((s) => ({ value: s.properties.code, label: nameOf(s.properties.code, s.properties.name) })),
          ]}
          onChange={(e) => onFocus(e.currentTarget.value || null)}
        />
        {focused && (
          <Text size="sm" role="status">
            {text.map.zoomed(nameOf(focused.properties.code, focused.properties.name))}
          </Text>
        )}
      </Group>
      <section aria-label={label} data-testid="region-map" data-points={placed.length}>
        <svg
          viewBox={`0 0 ${WIDTH} ${height}`}
          width="100%"
          style={{ maxWidth: WIDTH, display: "block", background: SEA, border: "1px solid #ced4da", borderRadius: 4 }}
        >
          <title>{label}</title>
          {SHAPES.map((shape) => {
            const code = shape.properties.code;
            const d = path(shape) ?? "";
            const isFocus = code === focus;
            return (
              // biome-ignore lint/a11y/noStaticElementInteractions: a pointer shortcut; the 市町 list above the map does the same by keyboard.
              <path
                key={code}
                d={d}
                fill={isFocus ? LAND_FOCUS : LAND}
                stroke={BORDER}
                strokeWidth={isFocus ? 1.6 : 0.8}
                style={{ cursor: "pointer" }}
                onClick={() => onFocus(isFocus ? null : code)}
              >
                <title>{nameOf(code, shape.properties.name)}</title>
              </path>
            );
          })}
          {SHAPES.map((shape) => {
            const [x, y] = path.centroid(shape);
            if (!Number.isFinite(x) || x < 0 || x > WIDTH || y < 0 || y > height) return null;
            return (
              <text
                key={`label-${shape.properties.code}`}
                x={x}
                y={y}
                textAnchor="middle"
                fontSize={focus ? 16 : 11}
                fill="#343a40"
                stroke="#fff"
                strokeWidth={3}
                paintOrder="stroke"
                pointerEvents="none"
              >
                {nameOf(shape.properties.code, shape.properties.name)}
              </text>
            );
          })}
          {placed.map(({ point, x, y }) => {
            const isActive = active === point.id;
            const name = text.name(point);
            return (
              // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be an <a>; it behaves as a link (Enter opens the item).
              <g
                key={point.id}
                role="link"
                tabIndex={0}
                aria-label={text.map.pointLabel(name, text.datasetLabel(point.dataset), nameOf(point.municipalityCode, ""))}
                data-testid="map-point"
                data-item={point.id}
                style={{ cursor: "pointer", outline: "none" }}
                onClick={() => open(point.id)}
                onKeyDown={(event) => onKey(event, point.id)}
                onFocus={() => setActive(point.id)}
                onBlur={() => setActive((current) => (current === point.id ? null : current))}
                onMouseEnter={() => setActive(point.id)}
                onMouseLeave={() => setActive((current) => (current === point.id ? null : current))}
              >
                {isActive && <circle cx={x} cy={y} r={10} fill="none" stroke="#212529" strokeWidth={2.5} />}
                <circle cx={x} cy={y} r={isActive ? 7 : 5.5} fill={DATASET_COLOURS[point.dataset]} stroke="#fff" strokeWidth={1.5} />
              </g>
            );
          })}
          {shown && <PointTip x={shown.x} y={shown.y} name={text.name(shown.point)} width={WIDTH} height={height} />}
        </svg>
      </section>
      <MapLegend text={text} />
      <Text size="xs" c="dimmed">
        {text.map.keyboard}
      </Text>
      <MapCredit text={text} />
    </Stack>
  );
}

function PointTip({ x, y, name, width, height }: { x: number; y: number; name: string; width: number; height: number }) {
  const fontSize = 14;
  let w = 16;
  for (const ch of name) w += (ch.codePointAt(0) ?? 0) > 0xff ? fontSize : fontSize * 0.6;
  const h = fontSize + 12;
  const left = Math.min(Math.max(4, x - w / 2), width - w - 4);
  const top = y - h - 12 >= 4 ? y - h - 12 : Math.min(height - h - 4, y + 12);
  return (
    <g pointerEvents="none">
      <rect x={left} y={top} width={w} height={h} rx={4} fill="#fff" stroke="#495057" />
      <text x={left + 8} y={top + fontSize + 4} fontSize={fontSize} fill="#212529">
        {name}
      </text>
    </g>
  );
}

export function MapLegend({ text }: { text: HubText }) {
  return (
    <Group gap="md" wrap="wrap" component="ul" aria-label={text.map.legend} className="yk-plain-list">
      {DATASET_KEYS.map((key) => (
        <Group key={key} gap={6} wrap="nowrap" component="li">
          <svg width="14" height="14" aria-hidden="true">
            <circle cx={7} cy={7} r={5.5} fill={DATASET_COLOURS[key]} stroke="#fff" strokeWidth={1} />
          </svg>
          <Text size="sm">{text.datasetLabel(key)}</Text>
        </Group>
      ))}
    </Group>
  );
}

export function MapCredit({ text }: { text: HubText }) {
  return (
    <Text size="xs" c="dimmed" lang="ja">
      {text.credit}
    </Text>
  );
}

/** A small map of one item's place: its 市町 enlarged, the item as a point (a picture: the address is beside it). */
export function ItemLocationMap({
  item,
  text,
}: {
  item: Pick<PublicItemSummary, "lat" | "lon" | "municipalityCode" | "dataset" | "name" | "nameEn">;
  text: HubText;
}) {
  const shape = SHAPES.find((s) => s.properties.code === item.municipalityCode);
  const width = 420;
  const { projection, height } = useMemo(() => fitted(shape ?? REGION, width, 320), [shape]);
  const path = geoPath(projection);
  if (item.lat === null || item.lon === null) return null;
  const xy = projection([item.lon, item.lat]);
  const label = text.item.mapLabel(text.name(item));
  return (
    <Stack gap={4}>
      <svg
        role="img"
        aria-label={label}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{ maxWidth: width, display: "block", background: SEA, border: "1px solid #ced4da", borderRadius: 4 }}
      >
        <title>{label}</title>
        {SHAPES.map((s) => (
          <path
            key={s.properties.code}
            d={path(s) ?? ""}
            fill={s === shape ? LAND_FOCUS : LAND}
            stroke={BORDER}
            strokeWidth={s === shape ? 1.4 : 0.6}
          />
        ))}
        {xy && (
          <g>
            <circle cx={xy[0]} cy={xy[1]} r={12} fill="none" stroke="#212529" strokeWidth={2} />
            <circle cx={xy[0]} cy={xy[1]} r={7} fill={DATASET_COLOURS[item.dataset]} stroke="#fff" strokeWidth={2} />
          </g>
        )}
      </svg>
      <MapCredit text={text} />
    </Stack>
  );
}
