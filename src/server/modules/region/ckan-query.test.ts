// package_search's query language as harvesters use it, on a small catalogue written for the test: fq by
// organization and tags, metadata_modified ranges (the incremental harvest), phrases, OR lists, exclusion, prefixes,
// bare words, sort, and the CKAN failures (409) for what it cannot read.
import { describe, expect, it } from "vitest";
import type { CatalogueRow } from "./catalogue-repository";
import { type CatalogueEntry, catalogueEntryOf, ckanPackageOf } from "./ckan-package";
import { facetsOf, matchesAll, naturalParam, parseClauses, parseSort, sortEntries } from "./ckan-query";

function row(code: string, name: string, dataset: string, modified: string, count = 3): CatalogueRow {
  return {
    municipalityCode: code,
    municipalityName: name,
    municipalityNameEn: `${name} (en)`,
    municipalityCreated: "2025-04-01T00:00:00.000Z",
    dataset,
    count,
    created: "2025-05-01T00:00:00.000Z",
    modified,
  };
}

const ENTRIES = [
  row("402044", "直方市", "tourism", "2026-11-01T03:00:00.000Z"),
  row("402044", "直方市", "event", "2026-12-01T03:00:00.000Z"),
  row("401005", "北九州市", "tourism", "2026-10-01T03:00:00.000Z", 40),
  row("401005", "北九州市", "aed", "2026-12-05T03:00:00.000Z"),
  row("406210", "苅田町", "cultural_property", "2026-09-01T03:00:00.000Z"),
].map((r) => catalogueEntryOf(r) as CatalogueEntry);

const NOW = new Date("2026-12-07T00:00:00Z");

function search(q?: string, fq?: string): string[] {
  const clauses = [q, fq].flatMap((text) => {
    const parsed = parseClauses(text);
    if (!parsed.ok) throw new Error(parsed.failure.message);
    return parsed.value;
  });
  return ENTRIES.filter((entry) => {
    const matched = matchesAll({ entry, licenseId: "CC-BY-4.0" }, clauses, NOW);
    if (!matched.ok) throw new Error(matched.failure.message);
    return matched.value;
  }).map((e) => e.name);
}

describe("package_search q and fq", () => {
  it("matches everything for an empty query and *:*", () => {
    expect(search()).toHaveLength(5);
    expect(search("*:*")).toHaveLength(5);
  });

  it("filters by organization (the 市町's code or name) and by tags", () => {
    expect(search(undefined, "organization:402044")).toEqual(["402044-tourism", "402044-event"]);
    expect(search(undefined, "organization:北九州市")).toEqual(["401005-tourism", "401005-aed"]);
    expect(search(undefined, "tags:観光")).toEqual(["402044-tourism", "402044-event", "401005-tourism", "406210-cultural_property"]);
    expect(search(undefined, "+organization:402044 +tags:観光施設")).toEqual(["402044-tourism"]);
    expect(search(undefined, 'tags:"防災"')).toEqual(["401005-aed"]);
  });

  it("takes OR lists, exclusion and name prefixes", () => {
    expect(search(undefined, "organization:(402044 OR 406210)")).toEqual(["402044-tourism", "402044-event", "406210-cultural_property"]);
    expect(search(undefined, "tags:観光 -organization:402044")).toEqual(["401005-tourism", "406210-cultural_property"]);
    expect(search("name:401005-*")).toEqual(["401005-tourism", "401005-aed"]);
  });

  it("filters by metadata_modified ranges as an incremental harvester asks (ISO, open ends, NOW-nDAYS)", () => {
    expect(search(undefined, "metadata_modified:[2026-11-15T00:00:00Z TO *]")).toEqual(["402044-event", "401005-aed"]);
    expect(search(undefined, "metadata_modified:[* TO 2026-09-30]")).toEqual(["406210-cultural_property"]);
    expect(search(undefined, "metadata_modified:[NOW-3DAYS TO NOW]")).toEqual(["401005-aed"]);
  });

  it("finds bare words in the title, description, tags and organization (NFKC, any case)", () => {
    expect(search("観光施設一覧")).toEqual(["402044-tourism", "401005-tourism"]);
    expect(search("直方市 イベント")).toEqual(["402044-event"]);
    expect(search("ＡＥＤ")).toEqual(["401005-aed"]);
    expect(search("Events")).toEqual(["402044-event"]);
  });

  it("answers a Search Query Error for an unknown field, an open quote or a top-level OR", () => {
    for (const query of ["foo:bar", 'tags:"観光', "観光 OR 文化財", "metadata_modified:[2026 TO"]) {
      const parsed = parseClauses(query);
      expect(parsed.ok, query).toBe(false);
      if (!parsed.ok) expect(parsed.failure).toMatchObject({ status: 409, type: "Search Query Error" });
    }
    const clauses = parseClauses("metadata_modified:[yesterday TO *]");
    expect(clauses.ok).toBe(true);
    if (clauses.ok) expect(matchesAll({ entry: ENTRIES[0], licenseId: "CC-BY-4.0" }, clauses.value, NOW).ok).toBe(false);
  });
});

describe("package_search sort, rows and facets", () => {
  it("sorts by metadata_modified, name or title, and falls back to the name", () => {
    const sort = (text?: string) => {
      const keys = parseSort(text);
      if (!keys.ok) throw new Error(keys.failure.message);
      return sortEntries(ENTRIES, keys.value).map((e) => e.name);
    };
    expect(sort()).toEqual(["401005-aed", "402044-event", "402044-tourism", "401005-tourism", "406210-cultural_property"]);
    expect(sort("name asc")).toEqual(["401005-aed", "401005-tourism", "402044-event", "402044-tourism", "406210-cultural_property"]);
    expect(sort("metadata_modified asc")[0]).toBe("406210-cultural_property");
    expect(parseSort("popularity desc").ok).toBe(false);
    expect(parseSort("name sideways").ok).toBe(false);
  });

  it("reads rows and start as CKAN validates them", () => {
    expect(naturalParam("rows", undefined, 10)).toEqual({ ok: true, value: 10 });
    expect(naturalParam("rows", "25", 10)).toEqual({ ok: true, value: 25 });
    const bad = naturalParam("rows", "ten", 10);
    expect(bad).toMatchObject({ ok: false, failure: { status: 409, type: "Validation Error", fields: { rows: ["Invalid integer"] } } });
    expect(naturalParam("start", "-1", 0).ok).toBe(false);
  });

  it("counts facets over every match, largest first", () => {
    const docs = ENTRIES.map((entry) => ({ entry, licenseId: "CC-BY-4.0" }));
    const { facets, search_facets } = facetsOf(docs, ["organization", "tags", "unknown"], 2, 1);
    expect(facets.organization).toEqual({ "401005": 2, "402044": 2 });
    expect(search_facets.organization.items[0]).toEqual({ name: "401005", display_name: "北九州市", count: 2 });
    expect(Object.keys(facets.tags)).toHaveLength(2);
    expect(facets.unknown).toBeUndefined();
  });
});

describe("the package dict", () => {
  it("names the dataset of one 市町, its organization, licence, dates and two CSV resources", () => {
    const entry = ENTRIES[0];
    const pkg = ckanPackageOf(
      entry,
      {
        origin: "https://hub.example.jp",
        license: { id: "CC-BY-4.0", title: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/deed.ja" },
      },
      { "utf-8-bom": 1234, cp932: 1000 },
    );
    expect(pkg).toMatchObject({
      id: "402044-tourism",
      name: "402044-tourism",
      title: "直方市 観光施設一覧",
      license_id: "CC-BY-4.0",
      owner_org: "402044",
      organization: { name: "402044", title: "直方市", is_organization: true },
      metadata_created: "2025-05-01T00:00:00.000000",
      metadata_modified: "2026-11-01T03:00:00.000000",
      num_resources: 2,
      private: false,
      state: "active",
    });
    expect(pkg.tags.map((t) => t.name)).toContain("観光");
    expect(pkg.resources.map((r) => [r.url, r.format, r.mimetype, r.size, r.charset])).toEqual([
      ["https://hub.example.jp/api/public/region/opendata/402044_tourism.csv", "CSV", "text/csv", 1234, "UTF-8"],
      ["https://hub.example.jp/api/public/region/opendata/402044_tourism.csv?encoding=cp932", "CSV", "text/csv", 1000, "Shift_JIS"],
    ]);
  });
});
