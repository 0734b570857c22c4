// /public/region/map (and /public/region/en/map): the 18 市町 drawn offline with the published items that have a
// place as points, filtered by kind; a 市町 can be enlarged (its points only), and the enlarged area listed on the hub.
// The same points as a list of links (a keyboard's and screen reader's way through them).
import { Box, Group, List, NativeSelect, Stack, Text } from "@mantine/core";
import { useRouter, useSearch } from "@tanstack/react-router";
import { DATASET_KEYS, type DatasetKey, isDatasetKey } from "../../../common/region/datasets";
import { formatBoundingBox } from "../../../common/region/geo";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { InternalLink } from "../../ui/InternalLink";
import { Loading } from "../../ui/Loading";
import { HubHeader } from "./HubHeader";
import { hubHref } from "./hubSearch";
import { useHubVisit } from "./hubVisit";
import { ItemName } from "./ItemCards";
import { type HubLang, hubText } from "./publicMessages";
import { useMapPoints, usePublicMunicipalities } from "./publicQueries";
import { boxOf, RegionMap, SHAPES } from "./RegionMap";

interface MapSearch {
  dataset?: string;
  municipality?: string;
}

function MapView({ lang }: { lang: HubLang }) {
  const text = hubText[lang];
  const router = useRouter();
  const search = useSearch({ strict: false }) as MapSearch;
  const dataset: DatasetKey | undefined = search.dataset && isDatasetKey(search.dataset) ? search.dataset : undefined;
  const focus = search.municipality && SHAPES.some((s) => s.properties.code === search.municipality) ? search.municipality : null;
  useHubVisit({ pageKind: "map", lang, municipalityCode: focus ?? undefined });
  const points = useMapPoints({ dataset, municipality: focus ?? undefined });
  const municipalities = usePublicMunicipalities();
  const names = Object.fromEntries(
    (municipalities.data?.municipalities ?? []).map((m) => [m.code, { name: m.name, nameEn: m.nameEn, count: m.publishedCount }]),
  );
  const mapPath = `${text.hubPath}/map`;
  const setSearch = (next: MapSearch) => {
    const params = new URLSearchParams();
    if (next.dataset) params.set("dataset", next.dataset);
    if (next.municipality) params.set("municipality", next.municipality);
    router.history.replace(params.size ? `${mapPath}?${params}` : mapPath);
  };
  const box = focus ? boxOf(focus) : null;
  const listHref = hubHref(text.hubPath, { dataset, bbox: box ? formatBoundingBox(box) : undefined });
  const otherParams = new URLSearchParams();
  if (dataset) otherParams.set("dataset", dataset);
  if (focus) otherParams.set("municipality", focus);
  const otherLanguagePath = `${text.otherLanguage.path}/map${otherParams.size ? `?${otherParams}` : ""}`;
  const nameOf = (code: string) => (names[code] ? (lang === "en" ? names[code].nameEn : names[code].name) : "");

  return (
    <Box lang={lang}>
      <HubHeader text={text} title={text.map.title} section="map" intro={text.map.intro} otherLanguagePath={otherLanguagePath} />
      <Stack gap="md">
        <Group gap="md" align="end" wrap="wrap">
          <NativeSelect
            label={text.search.dataset}
            value={dataset ?? ""}
            data={[
              { value: "", label: text.search.all },
              ...DATASET_KEYS.map((key) => ({ value: key, label: text.datasetListLabel(key) })),
            ]}
            onChange={(e) => setSearch({ municipality: focus ?? undefined, dataset: e.currentTarget.value || undefined })}
          />
          <InternalLink href={listHref}>{text.map.searchArea}</InternalLink>
        </Group>
        <ErrorAlert error={points.error} />
        <Text role="status" aria-live="polite" size="sm">
          {points.data ? text.map.points(points.data.points.length, points.data.total) : text.loading}
        </Text>
        <RegionMap
          text={text}
          points={points.data?.points ?? []}
          focus={focus}
          onFocus={(code) => setSearch({ dataset, municipality: code ?? undefined })}
          municipalityNames={names}
        />
        <Box component="details">
          <Text component="summary" fw={600} style={{ cursor: "pointer" }}>
            {text.map.list}
          </Text>
          <Text size="sm" c="dimmed" my="xs">
            {text.map.listHint}
          </Text>
          {points.isPending ? (
            <Loading />
          ) : (
            <List size="sm" spacing={4} aria-label={text.map.list}>
              {(points.data?.points ?? []).map((point) => (
                <List.Item key={point.id}>
                  <InternalLink href={`${text.hubPath}/items/${point.id}`}>
                    <ItemName item={point} text={text} />
                  </InternalLink>{" "}
                  <Text span size="xs" c="dimmed">
                    {lang === "en"
                      ? `(${text.datasetLabel(point.dataset)}, ${nameOf(point.municipalityCode)})`
                      : `（${text.datasetLabel(point.dataset)}・${nameOf(point.municipalityCode)}）`}
                  </Text>
                </List.Item>
              ))}
            </List>
          )}
        </Box>
      </Stack>
    </Box>
  );
}

export function PublicMapPage() {
  return <MapView lang="ja" />;
}

export function PublicMapPageEn() {
  return <MapView lang="en" />;
}
