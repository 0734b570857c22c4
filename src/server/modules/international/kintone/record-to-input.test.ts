// The clerk's mapping suggested from either kind of header, and kintone records turned into project and trip inputs
// by the same contracts as the forms: the two forms of each sample export give the same inputs, and a bad value is
// reported with the file's row and column.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkMapping, suggestMapping } from "./import-mapping";
import { readKintoneExport } from "./read-export";
import { type ImportLookups, projectFromRecord, tripFromRecord } from "./record-to-input";
import { SAMPLE_USERS } from "./sample-export";
import { readKintoneSample } from "./sample-files";

/** A stable id per name, in the uuid form the contracts check. */
function idOf(name: string): string {
  const h = createHash("sha256").update(name).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Lookups over plain data: every organisation, 分野 and partner the samples name exists, users by login or name. */
function sampleLookups(): ImportLookups {
  const users = new Map<string, { id: string; name: string }>();
  SAMPLE_USERS.forEach((u, i) => {
    const user = { id: idOf(`user-${i}`), name: u.name };
    users.set(u.login, user);
    users.set(u.name, user);
  });
  return {
    organisation: (division) => idOf(`org:${division}`),
    user: (text) => users.get(text) ?? null,
    fieldId: (name) => idOf(`field:${name}`),
    partnerId: (country, city) => idOf(`partner:${country}/${city}`),
    projectIdByKey: (key) => idOf(`project:${key}`),
  };
}

function read(file: string) {
  const exported = readKintoneExport(readKintoneSample(file));
  const app = file.includes("trips") ? "trips" : "projects";
  return { exported, mapping: suggestMapping(app, exported) };
}

describe("kintone import mapping", () => {
  it.each([
    "sample-projects-names-cp932.csv",
    "sample-projects-codes-utf8bom.csv",
    "sample-trips-names-utf8.csv",
    "sample-trips-codes-cp932.csv",
  ])("suggests every required field of %s from its header", (file) => {
    const { exported, mapping } = read(file);
    expect(checkMapping(mapping, exported)).toEqual([]);
    expect(Object.values(mapping.subtables).every((s) => s.source !== null)).toBe(true);
  });

  it("names a required field left out and a column the file does not have", () => {
    const { exported, mapping } = read("sample-projects-codes-utf8bom.csv");
    const changed = { ...mapping, main: { ...mapping.main, name: null, summary: "概要（旧）" } };
    expect(checkMapping(changed, exported).map((p) => p.problem)).toEqual([
      "「事業名」に対応する列を選んでください。",
      "ファイルに「概要（旧）」の列がありません。",
    ]);
  });
});

describe("kintone records → inputs", () => {
  const lookups = sampleLookups();

  it("reads the projects export by field names (CP932) and by field codes (UTF-8 BOM) to the same projects", () => {
    const byNames = read("sample-projects-names-cp932.csv");
    const byCodes = read("sample-projects-codes-utf8bom.csv");
    const convert = ({ exported, mapping }: ReturnType<typeof read>) => exported.records.map((r) => projectFromRecord(r, mapping, lookups));
    const a = convert(byNames);
    const b = convert(byCodes);
    expect(a.every((c) => c.ok)).toBe(true);
    expect(a.length).toBeGreaterThan(3);
    expect(a.map((c) => (c.ok ? [c.sourceKey, c.value] : null))).toEqual(b.map((c) => (c.ok ? [c.sourceKey, c.value] : null)));
    const first = a[0];
    if (!first.ok) throw new Error("not converted");
    expect(first.value.input.name).toContain("（サンプル）");
    const division = byNames.exported.records[0].main[byNames.mapping.main.division ?? ""]?.[0];
    expect(first.value.input.ownerOrganisationId).toBe(idOf(`org:${division}`));
    expect(first.value.partners.length).toBeGreaterThan(0);
    expect(first.value.input.years.every((y) => Number.isInteger(y.fiscalYear))).toBe(true);
  });

  it("reads the trips export with users as names (UTF-8) and as login names (CP932) to the same trips", () => {
    const convert = ({ exported, mapping }: ReturnType<typeof read>) => exported.records.map((r) => tripFromRecord(r, mapping, lookups));
    const a = convert(read("sample-trips-names-utf8.csv"));
    const b = convert(read("sample-trips-codes-cp932.csv"));
    expect(a.map((c) => (c.ok ? null : c.errors))).toEqual(a.map(() => null));
    expect(a.map((c) => (c.ok ? [c.sourceKey, c.value] : null))).toEqual(b.map((c) => (c.ok ? [c.sourceKey, c.value] : null)));
    const withLeader = a.find((c) => c.ok && c.value.input.travellers.some((t) => t.role === "leader"));
    if (!withLeader?.ok) throw new Error("no trip with a leader");
    const leader = withLeader.value.input.travellers.find((t) => t.role === "leader");
    expect(SAMPLE_USERS.map((_, i) => idOf(`user-${i}`))).toContain(leader?.userId);
    expect(withLeader.value.input.departsOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("reports a value it cannot read with the file's row and the column's header, and converts nothing of that record", () => {
    const { exported, mapping } = read("sample-projects-codes-utf8bom.csv");
    const record = exported.records[1];
    const broken = { ...record, main: { ...record.main, start_fy: ["来年度"] } };
    const result = projectFromRecord(broken, mapping, lookups);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { row: record.row, column: "start_fy", message: "開始年度「来年度」を年度として読めません（例: 2024 / 令和6年度）。" },
    ]);
  });

  it("names a subtable row's own row for an error in it, and an unknown organisation", () => {
    const { exported, mapping } = read("sample-projects-codes-utf8bom.csv");
    const record = exported.records.find((r) => (r.subtables[mapping.subtables.years.source ?? ""] ?? []).length > 1);
    if (!record) throw new Error("no record with two budget rows");
    const yearsTable = mapping.subtables.years.source as string;
    const rows = record.subtables[yearsTable];
    const badRows = rows.map((r, i) => (i === 1 ? { ...r, values: { ...r.values, budget: ["百万円"] } } : r));
    const result = projectFromRecord({ ...record, subtables: { ...record.subtables, [yearsTable]: badRows } }, mapping, {
      ...lookups,
      organisation: () => null,
    });
    if (result.ok) throw new Error("converted a bad record");
    expect(result.errors).toContainEqual(
      expect.objectContaining({ row: record.row, column: "division", message: expect.stringContaining("組織にありません") }),
    );
    // the organisation error stops the record before the contract's checks; the budget is checked once it resolves
    const again = projectFromRecord({ ...record, subtables: { ...record.subtables, [yearsTable]: badRows } }, mapping, lookups);
    if (again.ok) throw new Error("converted a bad budget");
    expect(again.errors).toEqual([expect.objectContaining({ row: rows[1].row, column: "budget" })]);
  });
});
