// The sample exports: the files in samples/ are exactly what the generator writes (CP932 where they say so), every
// record is marked （サンプル）, and each pair of forms reads back to the records the generator wrote — names and
// codes, inferred and dotted subtables, choice columns and one-cell check boxes alike.

import { isUtf8 } from "node:buffer";
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectEncoding } from "../../../platform/tabular/decode";
import { fieldCodes, KINTONE_APPS, type KintoneAppKey } from "./apps";
import { inspectKintoneExport, type KintoneExport, readKintoneExport } from "./read-export";
import { SAMPLE_USER_FIELDS, SAMPLE_USERS, type SampleKintoneRecord, sampleKintoneExport, sampleKintoneRecords } from "./sample-export";
import {
  BAD_ROW_SAMPLE,
  BAD_ROW_SAMPLE_ROW,
  KINTONE_SAMPLE_FILES,
  kintoneSampleFiles,
  kintoneSamplePath,
  readKintoneSample,
} from "./sample-files";

/** A read export's records by field code, subtables by code in the app's order (the file's subtables in file order). */
function byCode(read: KintoneExport, app: KintoneAppKey): SampleKintoneRecord[] {
  const codes = fieldCodes(KINTONE_APPS[app]);
  const tables = [...codes.subtables.values()];
  const named = read.headerKind === "names";
  const key = (map: Map<string, string>, k: string) => (named ? (map.get(k) ?? `?${k}`) : k);
  return read.records.map((record) => ({
    main: Object.fromEntries(Object.entries(record.main).map(([k, v]) => [key(codes.main, k), v])),
    subtables: Object.fromEntries(
      read.subtables.map((t, i) => [
        tables[i].code,
        record.subtables[t.name].map((row) =>
          Object.fromEntries(Object.entries(row.values).map(([k, v]) => [key(tables[i].fields, k), v])),
        ),
      ]),
    ),
  }));
}

const NAME_OF = new Map<string, string>(SAMPLE_USERS.map((u) => [u.login, u.name]));

function withUserNames(records: SampleKintoneRecord[]): SampleKintoneRecord[] {
  return records.map((r) => ({
    ...r,
    main: Object.fromEntries(
      Object.entries(r.main).map(([k, v]) => [k, SAMPLE_USER_FIELDS.has(k) ? v.map((x) => NAME_OF.get(x) ?? x) : v]),
    ),
  }));
}

function withoutUsers(records: SampleKintoneRecord[]): SampleKintoneRecord[] {
  return records.map((r) => ({ ...r, main: Object.fromEntries(Object.entries(r.main).filter(([k]) => !SAMPLE_USER_FIELDS.has(k))) }));
}

const sample = (i: number) => readKintoneExport(readKintoneSample(KINTONE_SAMPLE_FILES[i].file));

describe("kintone sample exports", () => {
  it("samples/ holds exactly the generated files, named sample-…, CP932 ones as real CP932 bytes", () => {
    const generated = kintoneSampleFiles();
    const onDisk = readdirSync(path.dirname(kintoneSamplePath("x"))).filter((f) => f.startsWith("sample-") && f.endsWith(".csv"));
    expect(onDisk.sort()).toEqual(generated.map((g) => g.file).sort());
    for (const { file, bytes } of generated) {
      expect(file).toMatch(/^sample-/);
      expect(Buffer.compare(Buffer.from(readKintoneSample(file)), Buffer.from(bytes)), file).toBe(0);
    }
    for (const s of KINTONE_SAMPLE_FILES) {
      const bytes = readKintoneSample(s.file);
      expect(detectEncoding(bytes), s.file).toBe(s.options.encoding);
      if (s.options.encoding === "cp932") expect(isUtf8(bytes)).toBe(false);
    }
  });

  it("every record's title says （サンプル）", () => {
    for (const file of [...KINTONE_SAMPLE_FILES.map((s) => s.file), BAD_ROW_SAMPLE]) {
      const read = readKintoneExport(readKintoneSample(file));
      const app = KINTONE_APPS[file.includes("trips") ? "trips" : "projects"];
      const title = read.headerKind === "codes" ? app.titleCode : [...fieldCodes(app).main].find(([, c]) => c === app.titleCode)![0];
      expect(read.records.length, file).toBeGreaterThan(0);
      for (const r of read.records) expect(r.main[title][0], file).toContain("（サンプル）");
    }
  });

  it("samples 1 and 2 (names, CP932, inferred subtables, choice columns / codes, BOM, dotted) read to the same records", () => {
    const [names, codes] = [sample(0), sample(1)];
    expect(names).toMatchObject({ encoding: "cp932", headerKind: "names", problems: [] });
    expect(codes).toMatchObject({ encoding: "utf-8-bom", headerKind: "codes", problems: [] });
    expect(names.subtables).toEqual([
      { name: "国 ほか", rows: 13, fields: ["国", "都市", "相手機関", "関係", "締結日"], inferred: true },
      { name: "年度 ほか", rows: 13, fields: ["年度", "予算額", "決算額", "財源"], inferred: true },
    ]);
    expect(codes.subtables.map((t) => [t.name, t.rows, t.inferred])).toEqual([
      ["partners", 13, false],
      ["budgets", 13, false],
    ]);
    const written = withUserNames(sampleKintoneRecords("projects", 8, KINTONE_SAMPLE_FILES[0].options.seed));
    expect(byCode(names, "projects")).toEqual(written);
    expect(byCode(codes, "projects")).toEqual(written);
    expect(names.records.map((r) => r.row)).toEqual(codes.records.map((r) => r.row));
    // what the samples promise: a 概要 with line breaks and doubled quotes, file names by line, a record without rows
    expect(names.records[1].main.概要).toEqual([
      'リヨン市との"国際ビジネス"事業。',
      "毎年度、相互に代表団を派遣する。",
      '※「"若者交流"枠」を含む（サンプル）',
    ]);
    expect(names.records[0].main.添付ファイル).toEqual(["事業計画書.pdf", "予算内訳.xlsx"]);
    expect(Object.values(names.records[5].subtables)).toEqual([[], []]);
  });

  it("samples 3 and 4 (names, UTF-8, display names / codes, CP932, login names) read to the same trips, users aside", () => {
    const [names, codes] = [sample(2), sample(3)];
    expect(names).toMatchObject({ encoding: "utf-8", headerKind: "names", problems: [] });
    expect(codes).toMatchObject({ encoding: "cp932", headerKind: "codes", problems: [] });
    expect(names.subtables.map((t) => [t.name, t.fields.length])).toEqual([
      ["訪問日 ほか", 6],
      ["費目 ほか", 3],
    ]);
    const written = sampleKintoneRecords("trips", 6, KINTONE_SAMPLE_FILES[2].options.seed);
    expect(byCode(codes, "trips")).toEqual(written);
    expect(byCode(names, "trips")).toEqual(withUserNames(written));
    expect(withoutUsers(byCode(names, "trips"))).toEqual(withoutUsers(byCode(codes, "trips")));
    expect(codes.records[0].main.leader[0]).toMatch(/^[a-z.]+$/);
    expect(names.records[0].main.団長[0]).toMatch(/^\S+ \S+$/);
  });

  it("the trips include one whose report is overdue and one completed", () => {
    const today = new Date().toISOString().slice(0, 10);
    const trips = sample(3).records.map((r) => r.main);
    const overdueOn = (day: string) =>
      trips.filter((t) => t.report_due[0] < day && t.report_filed_on.length === 0 && !["完了", "中止"].includes(t.status[0]));
    expect(overdueOn("2026-12-06").map((t) => t.status[0])).toEqual(["帰庁"]);
    expect(overdueOn(today).map((t) => t.record_no[0])).toContain("2");
    expect(trips.filter((t) => t.status[0] === "完了").length).toBeGreaterThan(0);
  });

  it("the bad-row sample reads with one problem naming its row and column; the others read without problems", () => {
    const bad = readKintoneExport(readKintoneSample(BAD_ROW_SAMPLE));
    expect(bad.problems).toEqual([
      { row: BAD_ROW_SAMPLE_ROW, column: "project_name", problem: expect.stringContaining("最初の行（8行目）と違います") },
    ]);
    for (const i of [0, 1, 2, 3]) expect(sample(i).problems).toEqual([]);
  });

  for (const app of ["projects", "trips"] as const) {
    it(`a generated ${app} export of 1,000 records by names reads back to what was written, subtables inferred right`, () => {
      const options = { app, records: 1000, seed: 7, encoding: "cp932", headerKind: "names" } as const;
      const bytes = sampleKintoneExport(options);
      const read = readKintoneExport(bytes);
      expect(read.problems).toEqual([]);
      expect(inspectKintoneExport(bytes)).toEqual({
        encoding: "cp932",
        headerKind: "names",
        records: 1000,
        subtables: read.subtables.map((t) => ({ name: t.name, rows: t.rows })),
        problems: [],
      });
      const tables = [...fieldCodes(KINTONE_APPS[app]).subtables.values()];
      expect(read.subtables.map((t) => t.fields.length)).toEqual(tables.map((t) => t.fields.size));
      expect(byCode(read, app)).toEqual(withUserNames(sampleKintoneRecords(app, 1000, 7)));
    });
  }

  it("the generator is deterministic: the same seed gives the same bytes, another seed others", () => {
    const options = { app: "trips", records: 50, seed: 3, encoding: "utf-8", headerKind: "codes" } as const;
    expect(Buffer.from(sampleKintoneExport(options)).equals(Buffer.from(sampleKintoneExport(options)))).toBe(true);
    expect(Buffer.from(sampleKintoneExport({ ...options, seed: 4 })).equals(Buffer.from(sampleKintoneExport(options)))).toBe(false);
  });
});
