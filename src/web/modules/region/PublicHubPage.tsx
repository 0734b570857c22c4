// /public/region (and /public/region/en in English): the 北九州都市圏域 hub — a search box and filters (市町, 種類,
// the dates an event falls on, a place: near the visitor, near a chosen point or an area chosen on the map), the results
// with paging and sort, the featured items on the first view, links to the map and the calendar, and the feeds. The
// search lives in the URL, so the map, an item's "nearby" link and the feeds can link to a search.
import { Anchor, Box, Button, Group, List, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { useRouter, useSearch } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { downloadAtomFeed, downloadRssFeed } from "../../../common/api/region-public";
import { DATASET_KEYS } from "../../../common/region/datasets";
import { urlFor } from "../../api/client";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { Loading } from "../../ui/Loading";
import { HubHeader } from "./HubHeader";
import { HubPagination } from "./HubPagination";
import { apiQueryOf, type HubSearch, hubHref, isFiltered, PAGE_SIZE, RADII_KM } from "./hubSearch";
import { useHubVisit } from "./hubVisit";
import { ItemCards } from "./ItemCards";
import { type HubLang, type HubText, hubText } from "./publicMessages";
import { useFeaturedItems, usePublicMunicipalities, usePublicSearch } from "./publicQueries";

type PlaceChoice = "any" | "here" | "near" | "map";

interface Draft {
  q: string;
  municipality: string;
  dataset: string;
  from: string;
  to: string;
  place: PlaceChoice;
  km: string;
}

function draftOf(search: HubSearch): Draft {
  return {
    q: search.q ?? "",
    municipality: search.municipality ?? "",
    dataset: search.dataset ?? "",
    from: search.from ?? "",
    to: search.to ?? "",
    place: search.bbox ? "map" : search.lat && search.lon ? "near" : "any",
    km: search.km ?? "5",
  };
}

/** The visitor's position, or null when the browser cannot or may not tell. */
function currentPosition(): Promise<{ lat: number; lon: number } | null> {
  return new Promise((resolve) => {
    if (!navigator.geolocation) return resolve(null);
    navigator.geolocation.getCurrentPosition(
      (position) => resolve({ lat: position.coords.latitude, lon: position.coords.longitude }),
      () => resolve(null),
      { timeout: 10_000, maximumAge: 300_000 },
    );
  });
}

const round = (value: number) => String(Math.round(value * 10_000) / 10_000);

function Hub({ lang }: { lang: HubLang }) {
  const text = hubText[lang];
  const router = useRouter();
  const search = useSearch({ strict: false }) as HubSearch;
  const query = apiQueryOf(search);
  const filtered = isFiltered(search);
  useHubVisit({ pageKind: filtered ? "search" : "home", lang, municipalityCode: query.municipality });
  const results = usePublicSearch(query);
  const featured = useFeaturedItems();
  const municipalities = usePublicMunicipalities();
  const [draft, setDraft] = useState<Draft>(() => draftOf(search));
  const [locating, setLocating] = useState<"idle" | "busy" | "failed">("idle");
  // a new search in the URL (a link, the back button) resets the form to it
  const [shown, setShown] = useState({ search, version: 0 });
  if (shown.search !== search && JSON.stringify(shown.search) !== JSON.stringify(search)) {
    setShown({ search, version: shown.version + 1 });
    setDraft(draftOf(search));
  }

  const go = (next: HubSearch) => router.history.push(hubHref(text.hubPath, next));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const next: HubSearch = {
      q: draft.q.trim(),
      municipality: draft.municipality,
      dataset: draft.dataset,
      from: draft.from,
      to: draft.to,
      sort: search.sort,
    };
    if (draft.place === "map") next.bbox = search.bbox;
    if (draft.place === "near") Object.assign(next, { lat: search.lat, lon: search.lon, km: draft.km });
    if (draft.place === "here") {
      setLocating("busy");
      const position = await currentPosition();
      if (!position) {
        setLocating("failed");
        return;
      }
      Object.assign(next, { lat: round(position.lat), lon: round(position.lon), km: draft.km, sort: "distance" });
    }
    setLocating("idle");
    go(next);
  }

  const municipalityChoices = [
    { value: "", label: text.search.all },
    ...(municipalities.data?.municipalities ?? []).map((m) => ({ value: m.code, label: lang === "en" ? m.nameEn : m.name })),
  ];
  const datasetChoices = [
    { value: "", label: text.search.all },
    ...DATASET_KEYS.map((key) => ({ value: key, label: text.datasetListLabel(key) })),
  ];
  const placeChoices = [
    { value: "any", label: text.search.placeAny },
    { value: "here", label: text.search.placeHere },
    ...(search.lat && search.lon ? [{ value: "near", label: text.search.placeNear }] : []),
    ...(search.bbox ? [{ value: "map", label: text.search.placeMap }] : []),
  ];
  const near = query.lat !== undefined;
  const sortChoices = (["relevance", "newest", "name", "date", ...(near ? (["distance"] as const) : [])] as const).map((value) => ({
    value,
    label: text.search.sorts[value],
  }));
  const pages = results.data ? Math.min(500, Math.ceil(results.data.total / PAGE_SIZE)) : 0;

  return (
    <Box lang={lang}>
      <HubHeader
        text={text}
        title={text.hubTitle}
        section="search"
        intro={text.hubIntro}
        otherLanguagePath={hubHref(text.otherLanguage.path, search)}
      />
      <Stack gap="xl">
        <Paper withBorder p="md" component="form" role="search" aria-label={text.search.form} onSubmit={submit}>
          <Stack gap="md">
            <TextInput
              label={text.search.keyword}
              description={text.search.keywordHint}
              value={draft.q}
              maxLength={100}
              onChange={(e) => setDraft({ ...draft, q: e.currentTarget.value })}
            />
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md" style={{ alignItems: "start" }}>
              <NativeSelect
                label={text.search.municipality}
                value={draft.municipality}
                data={municipalityChoices}
                onChange={(e) => setDraft({ ...draft, municipality: e.currentTarget.value })}
              />
              <NativeSelect
                label={text.search.dataset}
                value={draft.dataset}
                data={datasetChoices}
                onChange={(e) => setDraft({ ...draft, dataset: e.currentTarget.value })}
              />
              <NativeSelect
                label={text.search.place}
                value={draft.place}
                data={placeChoices}
                onChange={(e) => setDraft({ ...draft, place: e.currentTarget.value as PlaceChoice })}
              />
              {(draft.place === "here" || draft.place === "near") && (
                <NativeSelect
                  label={text.search.radius}
                  value={draft.km}
                  data={RADII_KM.map((km) => ({ value: String(km), label: text.search.km(km) }))}
                  onChange={(e) => setDraft({ ...draft, km: e.currentTarget.value })}
                />
              )}
            </SimpleGrid>
            <DateFilters key={shown.version} text={text} draft={draft} setDraft={setDraft} />
            {locating === "failed" && (
              <Text role="alert" c="red.8" size="sm">
                {text.search.locationFailed}
              </Text>
            )}
            <Group gap="sm">
              <Button type="submit" loading={locating === "busy"}>
                {text.search.submit}
              </Button>
              <Button type="button" variant="default" onClick={() => go({})}>
                {text.search.clear}
              </Button>
              {locating === "busy" && (
                <Text size="sm" role="status">
                  {text.search.locating}
                </Text>
              )}
            </Group>
          </Stack>
        </Paper>

        {!filtered && (featured.data?.items.length ?? 0) > 0 && (
          <Stack gap="sm" component="section" aria-labelledby="hub-featured">
            <Title order={2} size="h3" id="hub-featured">
              {text.featured.heading}
            </Title>
            <ItemCards items={featured.data?.items ?? []} text={text} label={text.featured.heading} />
          </Stack>
        )}

        <Stack gap="sm" component="section" aria-labelledby="hub-results">
          <Group justify="space-between" align="end" wrap="wrap">
            <Title order={2} size="h3" id="hub-results">
              {text.results.heading}
            </Title>
            <NativeSelect
              label={text.search.sort}
              value={query.sort}
              data={sortChoices}
              onChange={(e) => go({ ...search, sort: e.currentTarget.value, page: undefined })}
            />
          </Group>
          {search.bbox && <Text size="sm">{text.search.mapAreaNote}</Text>}
          {near && <Text size="sm">{text.search.nearNote(Number(query.km))}</Text>}
          <ErrorAlert error={results.error} />
          <Text role="status" aria-live="polite" fw={600}>
            {results.data ? text.results.count(results.data.total, results.data.totalCapped) : text.loading}
          </Text>
          {lang === "en" && (
            <Text size="sm" c="dimmed">
              {text.untranslated}
            </Text>
          )}
          {results.isPending ? (
            <Loading />
          ) : results.data && results.data.items.length === 0 ? (
            <Text>{text.results.none}</Text>
          ) : (
            <ItemCards items={results.data?.items ?? []} text={text} label={text.results.heading} />
          )}
          <HubPagination
            text={text}
            page={query.page as number}
            pages={pages}
            onChange={(page) => go({ ...search, page: page > 1 ? String(page) : undefined })}
          />
        </Stack>

        <FeedLinks text={text} municipality={query.municipality} dataset={query.dataset} />
      </Stack>
    </Box>
  );
}

function DateFilters({ text, draft, setDraft }: { text: HubText; draft: Draft; setDraft: (draft: Draft) => void }) {
  return (
    <Stack gap={4}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {text.lang === "en" ? (
          <>
            <TextInput
              type="date"
              label={text.search.from}
              value={draft.from}
              onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
            />
            <TextInput
              type="date"
              label={text.search.to}
              value={draft.to}
              onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
            />
          </>
        ) : (
          <>
            <DateField label={text.search.from} iso={draft.from} onChange={(from) => setDraft({ ...draft, from })} />
            <DateField label={text.search.to} iso={draft.to} onChange={(to) => setDraft({ ...draft, to })} />
          </>
        )}
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {text.search.dateHint}
      </Text>
    </Stack>
  );
}

/** A 和暦-aware date field that hands on the date it read (YYYY-MM-DD), or "" while it reads none. */
function DateField({ label, iso, onChange }: { label: string; iso: string; onChange: (iso: string) => void }) {
  // what the visitor typed (令和8年8月1日, R8.8.1 …); the form keeps the date it reads as
  const [typed, setTyped] = useState(iso);
  return (
    <JapaneseDateInput
      label={label}
      value={typed}
      onChange={(value, parsed) => {
        setTyped(value);
        onChange(parsed?.iso ?? "");
      }}
    />
  );
}

/** The feeds and the calendar under the search's 市町 and kind. */
function FeedLinks({ text, municipality, dataset }: { text: HubText; municipality?: string; dataset?: string }) {
  const lang = text.lang === "en" ? ("en" as const) : undefined;
  const base = { municipality, dataset: dataset as never, lang };
  return (
    <Stack gap={4} component="section" aria-labelledby="hub-feeds">
      <Title order={2} size="h4" id="hub-feeds">
        {text.calendar.feeds}
      </Title>
      <List size="sm" spacing={4}>
        <List.Item>
          {text.calendar.feedNew}: <Anchor href={urlFor(downloadRssFeed, { query: { ...base, kind: "new" } })}>RSS</Anchor>
          {" ・ "}
          <Anchor href={urlFor(downloadAtomFeed, { query: { ...base, kind: "new" } })}>Atom</Anchor>
        </List.Item>
        <List.Item>
          {text.calendar.feedEvents}:{" "}
          <Anchor href={urlFor(downloadRssFeed, { query: { ...base, dataset: undefined, kind: "events" } })}>RSS</Anchor>
          {" ・ "}
          <Anchor href={urlFor(downloadAtomFeed, { query: { ...base, dataset: undefined, kind: "events" } })}>Atom</Anchor>
        </List.Item>
      </List>
    </Stack>
  );
}

export function PublicHubPage() {
  return <Hub lang="ja" />;
}

export function PublicHubPageEn() {
  return <Hub lang="en" />;
}
