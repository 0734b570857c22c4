// readOpenData on the sample files (samples/, made by samples/make-samples.ts): one per encoding, header generation and
// quirk of real 市町 files (README of ../shared/data/region). Asserts what was read: items, skipped lines with their
// line numbers, problems with row, column and code, the column mapping and the original rows.
import { readFileSync } from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { TabularFormatError } from "../../../platform/tabular/errors";
import { readOpenData } from "./read-open-data";
import { SAMPLE_FILES, SAMPLES_DIR, sampleBytes } from "./samples/make-samples";
import type { OpenDataReadResult } from "./types";

const read = (name: string): OpenDataReadResult =>
  readOpenData(new Uint8Array(readFileSync(path.join(SAMPLES_DIR, name))), { fileName: name });
const rows = (result: OpenDataReadResult) => result.items.map((item) => [item.rowNumber, item.sourceId]);
const problems = (result: OpenDataReadResult) => result.problems.map((p) => [p.row, p.column, p.code]);

describe("readOpenData: sample files", () => {
  it("the checked-in samples are what make-samples.ts makes", () => {
    for (const sample of SAMPLE_FILES)
      expect(readFileSync(path.join(SAMPLES_DIR, sample.name)).equals(sampleBytes(sample)), sample.name).toBe(true);
  });

  it("401005_tourism.csv — Shift_JIS, the old 推奨 template (30 columns), title row, multi-line cell, doubled quotes", () => {
    const result = read("401005_tourism.csv");
    expect([result.encoding, result.dataset, result.headerGeneration, result.delimiter, result.headerLine]).toEqual([
      "cp932",
      "tourism",
      "recommended",
      ",",
      2,
    ]);
    expect(result.columns).toHaveLength(30);
    expect(result.columns.slice(0, 4)).toEqual([
      { header: "都道府県コード又は市区町村コード", column: "全国地方公共団体コード" },
      { header: "NO", column: "ID" },
      { header: "都道府県名", column: "地方公共団体名" },
      { header: "市区町村名", column: "地方公共団体名" },
    ]);
    expect(result.columns.find((c) => c.header === "住所")?.column).toBe("所在地_連結表記");
    expect(result.columns.find((c) => c.header === "名称_英語")?.column).toBe("名称_英字");
    expect(result.columns.every((c) => c.column !== null)).toBe(true);
    expect(result.skipped).toEqual([{ line: 1, reason: "表題行（見出しより前の、1つのセルだけの行）" }]);
    // row 3 spans lines 3–5 (料金（詳細） has two line breaks): the next row is line 6
    expect(rows(result)).toEqual([
      [3, "0001"],
      [6, "0002"],
      [8, "0004"],
    ]);
    const [castle, customs, park] = result.items;
    expect(castle.fields).toMatchObject({
      地方公共団体名: "福岡県北九州市",
      名称: "小倉城",
      名称_英字: "Kokura Castle",
      開始時間: "09:00",
      利用可能曜日: "月;火;水;木;金;土;日",
      "料金（詳細）": "大人350円\n中高生200円\n小学生100円",
    });
    expect(castle.original).toEqual({
      fileName: "401005_tourism.csv",
      rowNumber: 3,
      header: result.columns.map((c) => c.header),
      values: expect.arrayContaining(["401005", "0001", "大人350円\r\n中高生200円\r\n小学生100円"]),
    });
    expect(customs.fields.説明).toBe('明治45年建築の赤煉瓦の建物。1階に"休憩室"があります。');
    expect(customs.municipalityCode).toBe("401005");
    expect(customs.notes).toEqual(["「全国地方公共団体コード」の「40100」: 5桁のコードにチェックデジットを補いました。（401005）"]);
    // CP932's own characters survive (髙, ①); 0/0 is 位置不明: no position, a note
    expect(park.fields.名称).toBe("髙塔山公園");
    expect(park.fields.説明).toBe("①展望台 ②つつじ園");
    expect(park.fields).not.toHaveProperty("緯度");
    expect(park.notes).toEqual(["緯度・経度が「0」「0」（位置不明を表す値）のため、位置を空欄にしました（地図には出ません）。"]);
    expect(problems(result)).toEqual([
      [7, "緯度", "lat_lon_swapped"],
      [9, "利用可能曜日", "invalid_days"],
    ]);
    expect(result.problemRows.map((r) => [r.rowNumber, r.sourceId, r.fields.緯度 ?? "", r.original.values[4]])).toEqual([
      [7, "0003", "130.8103", "皿倉山ケーブルカー"],
      [9, "0005", "", "平尾台自然観察センター"],
    ]);
    // a problem row keeps its notes too (999/999 emptied), for the editor who fixes it
    expect(result.problemRows[1].notes).toEqual([
      "緯度・経度が「999」「999」（位置不明を表す値）のため、位置を空欄にしました（地図には出ません）。",
    ]);
  });

  it("402044_event.csv — UTF-8 with BOM, the 正式版, a comment line, / dates, a period with daily hours", () => {
    const result = read("402044_event.csv");
    expect([result.encoding, result.dataset, result.headerGeneration, result.headerLine]).toEqual(["utf-8-bom", "event", "official", 2]);
    expect(result.skipped).toEqual([{ line: 1, reason: "コメント行（# で始まる行）" }]);
    expect(rows(result)).toEqual([
      [3, "E0001"],
      [4, "E0002"],
    ]);
    expect(result.items[0].fields).toMatchObject({ 開始日: "2026-04-04", 終了日: "2026-04-12", 開始時間: "09:00" });
    // 2022-01-18 … 2022-02-18, 10:00–17:00: kept as given (a period with daily hours, not one 31-day block)
    expect(result.items[1].fields).toMatchObject({ 開始日: "2022-01-18", 終了日: "2022-02-18", 開始時間: "10:00", 終了時間: "17:00" });
    expect(problems(result)).toEqual([
      [5, "終了日", "end_before_start"],
      [6, "開始時間", "invalid_time"],
      [7, "ID", "duplicate_id"],
    ]);
    const quotedName = result.problemRows.find((r) => r.sourceId === "E0004");
    expect(quotedName?.fields).toMatchObject({ イベント名: '夜の"おもてなし"ライトアップ', 開始時間: "18時～", 定員: "30" });
    expect(result.problems[2].message).toBe("ID「E0001」は3行目と同じです。IDはファイルの中で重ならないようにしてください。");
  });

  it("402133_public_facility.csv — UTF-8, a ベース・レジストリ layout with full-width and marked headers and Excel's 列1", () => {
    const result = read("402133_public_facility.csv");
    expect([result.encoding, result.dataset, result.headerGeneration]).toEqual(["utf-8", "public_facility", "base-registry"]);
    expect(result.columns.slice(0, 5).map((c) => c.column)).toEqual([
      "全国地方公共団体コード",
      "ID",
      "地方公共団体名",
      "名称",
      "名称_カナ",
    ]);
    expect(result.columns.filter((c) => /緯度|経度|ＵＲＬ/.test(c.header))).toEqual([
      { header: "緯度（世界測地系）", column: "緯度" },
      { header: "経度（世界測地系）", column: "経度" },
      { header: "ＵＲＬ", column: "URL" },
    ]);
    expect(result.columns.at(-1)).toEqual({ header: "列1", column: null });
    expect(result.headerProblems).toEqual([
      {
        row: 1,
        column: "列1",
        code: "placeholder_column",
        message:
          "列「列1」は Excel が付けた仮の列名です。元の列名に直して読み込み直すと、この列の値も取り込めます（今は元の行にだけ残します）。",
      },
    ]);
    expect(rows(result)).toEqual([
      [2, "00012"],
      [3, "00013"],
    ]);
    expect(result.items[0].fields.利用可能曜日).toBe("月;火;水;木;金");
    expect(result.items[0].original.values.at(-1)).toBe("旧庁舎");
    expect(result.items[1].fields).toMatchObject({ 利用可能曜日: "火;水;木;金;土;日", 開始時間: "09:00", 連絡先電話番号: "0930-26-2010" });
    expect(problems(result)).toEqual([[4, "全国地方公共団体コード", "municipality_code_check_digit"]]);
    expect(result.problemRows[0]).toMatchObject({ rowNumber: 4, sourceId: "00014", fields: { 全国地方公共団体コード: "402134" } });
  });

  it("403814_evacuation_space.txt — UTF-16LE tab-separated from Excel, flags 1/empty, ; lists, a multi-line list", () => {
    const result = read("403814_evacuation_space.txt");
    expect([result.encoding, result.delimiter, result.dataset, result.headerGeneration]).toEqual([
      "utf-16le",
      "\t",
      "evacuation_space",
      "official",
    ]);
    expect(result.columns.find((c) => c.header === "電話番号")?.column).toBe("連絡先電話番号");
    expect(result.columns.find((c) => c.header === "指定避難所との重複")?.column).toBe("指定避難所との住所同一");
    expect(rows(result)).toEqual([
      [2, "1"],
      [3, "2"],
    ]);
    expect(result.items[0].fields).toMatchObject({
      災害種別_洪水: "1",
      災害種別_地震: "1",
      想定収容人数: "300",
      "対象となる町会・自治会": "中ノ浜;白浜町;西浜町",
    });
    expect(result.items[0].fields).not.toHaveProperty("災害種別_高潮");
    expect(result.items[1].fields).toMatchObject({ 想定収容人数: "1500", "対象となる町会・自治会": "山鹿;正門町" });
    expect(result.items[1].notes).toEqual(["「対象となる町会・自治会」の改行を区切り（;）として読みました。"]);
    // the multi-line cell took lines 3–4: the third site is on line 5; its 0/0 leaves the required position empty
    expect(problems(result)).toEqual([
      [5, "緯度", "required_missing"],
      [5, "経度", "required_missing"],
    ]);
    expect(result.problems[0].message).toContain("位置不明を表す値（0 や 999）");
  });

  it("406422_tourism.csv — the 正式版 template with 20 empty rows left, 5-digit codes", () => {
    const result = read("406422_tourism.csv");
    expect([result.encoding, result.headerGeneration]).toEqual(["utf-8-bom", "official"]);
    expect(rows(result)).toEqual([
      [2, "T-01"],
      [3, "T-02"],
    ]);
    expect(result.items.map((item) => item.municipalityCode)).toEqual(["406422", "406422"]);
    expect(result.skipped).toEqual(Array.from({ length: 20 }, (_, i) => ({ line: i + 4, reason: "空行（区切り文字だけの行）" })));
    expect(result.problems).toEqual([]);
  });

  it("402150_event.csv — the old イベント template with 市区町村コード first, 料金(基本) half-width, 和暦 and / dates", () => {
    const result = read("402150_event.csv");
    expect([result.encoding, result.dataset, result.headerGeneration]).toEqual(["utf-8", "event", "recommended"]);
    expect(result.columns[0]).toEqual({ header: "市区町村コード", column: "全国地方公共団体コード" });
    expect(result.columns.find((c) => c.header === "料金(基本)")?.column).toBe("料金（基本）");
    expect(result.columns.find((c) => c.header === "住所")?.column).toBe("所在地_連結表記");
    expect(result.items.map((item) => [item.sourceId, item.fields.開始日, item.fields.終了日, item.fields.定員 ?? ""])).toEqual([
      ["001", "2026-10-10", "2026-10-11", ""],
      ["002", "2026-08-01", "2026-08-01", "20"],
    ]);
    expect(result.items[0].fields["料金（基本）"]).toBe("無料");
    expect(result.items[1].notes).toEqual(["「定員」の単位「人」を除いて 20 として読みました。"]);
  });
});

describe("readOpenData: quirks and refusals", () => {
  const utf8 = (text: string) => new TextEncoder().encode(text);

  it("takes the dataset from options, else the file name, else the header", () => {
    const bytes = readFileSync(path.join(SAMPLES_DIR, "402044_event.csv"));
    expect(readOpenData(bytes, { fileName: "events.csv" }).dataset).toBe("event");
    expect(readOpenData(bytes, { fileName: "402044_event.csv", dataset: "event" }).dataset).toBe("event");
  });

  it("refuses a file whose named dataset does not match its header, or whose dataset cannot be told", () => {
    const bytes = readFileSync(path.join(SAMPLES_DIR, "402044_event.csv"));
    expect(() => readOpenData(bytes, { fileName: "402044_tourism.csv" })).toThrow(
      "このファイルの見出しは「イベント一覧」のもので、「観光施設一覧」ではありません。",
    );
    expect(() => readOpenData(utf8("名称,住所\r\n小倉城,北九州市\r\n"), { fileName: "list.csv" })).toThrow(TabularFormatError);
  });

  it("refuses what is not an open-data CSV, with Japanese messages", () => {
    const refuse = (bytes: Uint8Array) => {
      try {
        readOpenData(bytes, { fileName: "401005_tourism.csv" });
      } catch (error) {
        return error instanceof TabularFormatError ? [error.code, error.message] : ["not TabularFormatError", String(error)];
      }
      return ["read", ""];
    };
    expect(refuse(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]))[0]).toBe("not_csv");
    expect(refuse(new Uint8Array([0x00, 0x01, 0x02, 0x00, 0x00, 0x05, 0x41]))[0]).toBe("not_csv");
    expect(refuse(new Uint8Array([0x41, 0x2c, 0xff, 0xfd, 0x0d, 0x0a]))).toEqual([
      "unknown_encoding",
      "ファイルの文字コードを判別できません。UTF-8、Shift_JIS（CP932）、UTF-16 のいずれかで保存してください。",
    ]);
    expect(refuse(utf8(""))).toEqual(["no_header", "ファイルが空です。データの入った CSV ファイルを選んでください。"]);
    expect(refuse(utf8("a,b,c\r\n1,2,3\r\n"))[0]).toBe("no_header");
    expect(refuse(utf8("列1,列2,列3\r\n1,2,3\r\n"))[0]).toBe("no_header");
  });

  it("reads UTF-16 without a BOM by its NUL pattern, little- and big-endian", () => {
    const text = "名称\t所在地_連結表記\tID\t地方公共団体名\r\n小倉城\t北九州市小倉北区城内2-1\t1\t福岡県北九州市\r\n";
    const le = readOpenData(Buffer.from(text, "utf16le"), { fileName: "401005_tourism.txt" });
    expect([le.encoding, le.delimiter, le.items[0]?.fields.名称]).toEqual(["utf-16le", "\t", "小倉城"]);
    const be = Buffer.from(text, "utf16le").swap16();
    const beRead = readOpenData(be, { fileName: "401005_tourism.txt" });
    expect([beRead.encoding, beRead.items[0]?.fields.名称]).toEqual(["utf-16be", "小倉城"]);
    const beBom = readOpenData(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), { fileName: "401005_tourism.txt" });
    expect(beBom.encoding).toBe("utf-16be");
  });

  it("reads Shift_JIS when it is plain Shift_JIS too (no CP932-only characters)", () => {
    const bytes = iconv.encode("名称,所在地_連結表記,ID,地方公共団体名\r\n門司港レトロ,北九州市門司区,1,福岡県北九州市\r\n", "shift_jis");
    const result = readOpenData(bytes, { fileName: "401005_tourism.csv" });
    expect([result.encoding, result.items[0].fields.名称]).toEqual(["cp932", "門司港レトロ"]);
  });

  it("a quote left open makes its row a problem (unclosed_quote) instead of refusing the file", () => {
    const result = readOpenData(
      utf8('ID,地方公共団体名,名称,所在地_連結表記\r\n1,福岡県北九州市,小倉城,城内\r\n2,福岡県北九州市,"門司港,港町\r\n3,x,y,z\r\n'),
      {
        fileName: "401005_tourism.csv",
      },
    );
    expect(rows(result)).toEqual([[2, "1"]]);
    expect(problems(result)).toEqual([
      [3, "所在地_連結表記", "required_missing"],
      [3, "", "unclosed_quote"],
    ]);
    expect(result.problemRows[0].fields.名称).toBe("門司港,港町\n3,x,y,z");
  });

  it("cells beyond the header are extra_cells; trailing empty ones are not", () => {
    const result = readOpenData(
      utf8("ID,地方公共団体名,名称,所在地_連結表記\r\n1,福岡県北九州市,小倉城,城内,,\r\n2,福岡県北九州市,門司港,港町,余り\r\n"),
      {
        fileName: "401005_tourism.csv",
      },
    );
    expect(rows(result)).toEqual([[2, "1"]]);
    expect(problems(result)).toEqual([[3, "", "extra_cells"]]);
  });

  it("skips a repeated header, comment and empty lines after the header, each with its line", () => {
    const header = "ID,地方公共団体名,名称,所在地_連結表記";
    const result = readOpenData(
      utf8(`${header}\r\n1,福岡県北九州市,小倉城,城内\r\n\r\n# ここから門司区\r\n${header}\r\n2,福岡県北九州市,門司港,港町\r\n`),
      {
        fileName: "401005_tourism.csv",
      },
    );
    expect(result.skipped).toEqual([
      { line: 3, reason: "空行" },
      { line: 4, reason: "コメント行（# で始まる行）" },
      { line: 5, reason: "見出しの繰り返し" },
    ]);
    expect(rows(result)).toEqual([
      [2, "1"],
      [6, "2"],
    ]);
  });

  it("a file with both 住所 and 所在地_連結表記 takes the 正式版 column and reports the other", () => {
    const result = readOpenData(utf8("ID,地方公共団体名,名称,住所,所在地_連結表記\r\n1,福岡県北九州市,小倉城,旧住所,城内2-1\r\n"), {
      fileName: "401005_tourism.csv",
    });
    expect(result.items[0].fields.所在地_連結表記).toBe("城内2-1");
    expect(result.headerProblems.map((p) => [p.column, p.code])).toEqual([["住所", "duplicate_column"]]);
  });

  it("normalises headers: full-width, spaces, ※ ◎ ○ marks, 【必須】 notes, brackets; unknown ones are reported", () => {
    const result = readOpenData(
      utf8("○ＩＤ,地方公共団体名【必須】,※名 称,所在地＿連結表記※必須,料金［基本］,開館時間\r\n1,福岡県北九州市,小倉城,城内,350円,9時\r\n"),
      {
        fileName: "401005_tourism.csv",
      },
    );
    expect(result.columns.map((c) => c.column)).toEqual(["ID", "地方公共団体名", "名称", "所在地_連結表記", "料金（基本）", null]);
    expect(result.headerProblems.map((p) => [p.row, p.column, p.code])).toEqual([[1, "開館時間", "unknown_column"]]);
    expect(result.items[0].fields["料金（基本）"]).toBe("350円");
  });
});
