// checkItemFields: one row by its 正式版 columns, as the import reads a file's row and as the curation checks an
// editor's fix. Every value type of the datasets, the coordinate rules, the municipality code and the event rule.
import { describe, expect, it } from "vitest";
import { checkItemFields } from "./row-fields";

const tourism = (extra: Record<string, string>) => ({
  全国地方公共団体コード: "401005",
  ID: "0001",
  地方公共団体名: "福岡県北九州市",
  名称: "小倉城",
  所在地_連結表記: "福岡県北九州市小倉北区城内2-1",
  ...extra,
});

const event = (extra: Record<string, string>) => ({
  全国地方公共団体コード: "401005",
  ID: "E-01",
  地方公共団体名: "福岡県北九州市",
  イベント名: "小倉城竹あかり",
  開始日: "2022-01-18",
  ...extra,
});

const codes = (check: ReturnType<typeof checkItemFields>) => check.problems.map((p) => [p.column, p.code]);

describe("checkItemFields", () => {
  it("reads a clean 観光施設 row: canonical values, the ID's zero-padding kept, no problems, no notes", () => {
    const check = checkItemFields(
      "tourism",
      tourism({ 緯度: "33.8845", 経度: "130.8741", 開始時間: "9:00", 終了時間: "１７：００", 利用可能曜日: "月火水木金土日", URL: "" }),
      5,
    );
    expect(check.problems).toEqual([]);
    expect(check.notes).toEqual([]);
    expect(check.fields).toEqual({
      全国地方公共団体コード: "401005",
      ID: "0001",
      地方公共団体名: "福岡県北九州市",
      名称: "小倉城",
      所在地_連結表記: "福岡県北九州市小倉北区城内2-1",
      緯度: "33.8845",
      経度: "130.8741",
      開始時間: "09:00",
      終了時間: "17:00",
      利用可能曜日: "月;火;水;木;金;土;日",
    });
  });

  it("names each required (◎) column left empty, with the row and the column", () => {
    const check = checkItemFields("tourism", tourism({ 名称: "  ", 所在地_連結表記: "" }), 12);
    expect(check.problems).toEqual([
      { row: 12, column: "名称", code: "required_missing", message: "「名称」は必須の項目です。値を入力してください。" },
      {
        row: 12,
        column: "所在地_連結表記",
        code: "required_missing",
        message: "「所在地_連結表記」は必須の項目です。値を入力してください。",
      },
    ]);
  });

  it("a file without the code column (key absent) leaves the 市町 to the caller; an empty code cell is a problem", () => {
    const { 全国地方公共団体コード: _, ...withoutCode } = tourism({});
    expect(checkItemFields("tourism", withoutCode, 3).problems).toEqual([]);
    expect(codes(checkItemFields("tourism", tourism({ 全国地方公共団体コード: "" }), 3))).toEqual([
      ["全国地方公共団体コード", "required_missing"],
    ]);
  });

  it("repairs a 5-digit code and reports it in notes; a wrong check digit is a problem", () => {
    const repaired = checkItemFields("tourism", tourism({ 全国地方公共団体コード: "40100" }), 2);
    expect(repaired.problems).toEqual([]);
    expect(repaired.fields.全国地方公共団体コード).toBe("401005");
    expect(repaired.notes).toEqual(["「全国地方公共団体コード」の「40100」: 5桁のコードにチェックデジットを補いました。（401005）"]);
    // a spreadsheet dropped the leading zero (092011 → 92011): the zero is put back, and said so
    const zero = checkItemFields("tourism", tourism({ 全国地方公共団体コード: "92011" }), 2);
    expect([zero.fields.全国地方公共団体コード, zero.problems, zero.notes]).toEqual([
      "092011",
      [],
      ["「全国地方公共団体コード」の「92011」: 先頭の0が落ちたコードに0を補いました。（092011）"],
    ]);
    const wrong = checkItemFields("tourism", tourism({ 全国地方公共団体コード: "401006" }), 2);
    expect(codes(wrong)).toEqual([["全国地方公共団体コード", "municipality_code_check_digit"]]);
    expect(wrong.fields.全国地方公共団体コード).toBe("401006");
    expect(codes(checkItemFields("tourism", tourism({ 全国地方公共団体コード: "北九州" }), 2))).toEqual([
      ["全国地方公共団体コード", "municipality_code_format"],
    ]);
  });

  it("reads dates in - and / form, 和暦 and full-width digits; a date that does not exist is invalid_date", () => {
    const read = (開始日: string) => checkItemFields("event", event({ 開始日 }), 4);
    expect(read("2026/10/10").fields.開始日).toBe("2026-10-10");
    expect(read("2022-1-8").fields.開始日).toBe("2022-01-08");
    expect(read("令和8年10月10日").fields.開始日).toBe("2026-10-10");
    expect(read("２０２６／１０／１０").fields.開始日).toBe("2026-10-10");
    expect(read("2026/10/10 0:00").fields.開始日).toBe("2026-10-10");
    expect(read("20261010").fields.開始日).toBe("2026-10-10");
    const wrong = read("2026/02/30");
    expect(codes(wrong)).toEqual([["開始日", "invalid_date"]]);
    expect(wrong.fields.開始日).toBe("2026/02/30");
    expect(read("44579").problems[0].message).toContain("Excel の日付の通し番号");
    expect(codes(read("2026年10月"))).toEqual([["開始日", "invalid_date"]]);
  });

  it("keeps an event's period and daily hours as given (2022-01-18 … 2022-02-18, 10:00–17:00)", () => {
    const check = checkItemFields("event", event({ 終了日: "2022/02/18", 開始時間: "10:00", 終了時間: "17:00" }), 6);
    expect(check.problems).toEqual([]);
    expect(check.fields).toMatchObject({ 開始日: "2022-01-18", 終了日: "2022-02-18", 開始時間: "10:00", 終了時間: "17:00" });
  });

  it("an end date before the start date is end_before_start", () => {
    expect(codes(checkItemFields("event", event({ 終了日: "2022-01-17" }), 6))).toEqual([["終了日", "end_before_start"]]);
  });

  it("reads times as 9:00 → 09:00, 9時30分, 午後5時, 24:00; refuses 25:00, ranges and seconds", () => {
    const read = (開始時間: string) => checkItemFields("event", event({ 開始時間 }), 4);
    expect(read("9:00").fields.開始時間).toBe("09:00");
    expect(read("9時30分").fields.開始時間).toBe("09:30");
    expect(read("午後5時").fields.開始時間).toBe("17:00");
    expect(read("10:00:00").fields.開始時間).toBe("10:00");
    expect(read("24:00").fields.開始時間).toBe("24:00");
    for (const wrong of ["25:00", "9:00～17:00", "10:00:30", "9:60", "朝"])
      expect(codes(read(wrong)), wrong).toEqual([["開始時間", "invalid_time"]]);
  });

  it("reads 利用可能曜日 in its many spellings to the 正式版 list", () => {
    const read = (利用可能曜日: string) => checkItemFields("tourism", tourism({ 利用可能曜日 }), 4);
    expect(read("月火水木金土日").fields.利用可能曜日).toBe("月;火;水;木;金;土;日");
    expect(read("月,火").fields.利用可能曜日).toBe("月;火");
    expect(read("月曜日、水曜日・金曜日").fields.利用可能曜日).toBe("月;水;金");
    expect(read("平日").fields.利用可能曜日).toBe("月;火;水;木;金");
    expect(read("土日祝").fields.利用可能曜日).toBe("土;日;祝");
    expect(read("月～金").fields.利用可能曜日).toBe("月;火;水;木;金");
    expect(read("金-月").fields.利用可能曜日).toBe("月;金;土;日");
    expect(read("毎日").fields.利用可能曜日).toBe("月;火;水;木;金;土;日;祝");
    expect(codes(read("月～金（祝日除く）"))).toEqual([["利用可能曜日", "invalid_days"]]);
  });

  it("reads flags (1/empty, 有/無), integers and ; lists; refuses what is neither", () => {
    const base = {
      全国地方公共団体コード: "401005",
      ID: "H-1",
      地方公共団体名: "福岡県北九州市",
      名称: "小倉中学校",
      所在地_連結表記: "北九州市小倉北区",
      緯度: "33.88",
      経度: "130.87",
    };
    const check = checkItemFields(
      "evacuation_space",
      {
        ...base,
        災害種別_洪水: "1",
        災害種別_地震: "有",
        災害種別_津波: "無",
        想定収容人数: "1,200",
        "対象となる町会・自治会": "城内; 室町 ;;大手町",
      },
      9,
    );
    expect(check.problems).toEqual([]);
    expect(check.fields).toMatchObject({
      災害種別_洪水: "1",
      災害種別_地震: "1",
      想定収容人数: "1200",
      "対象となる町会・自治会": "城内;室町;大手町",
    });
    expect(check.fields).not.toHaveProperty("災害種別_津波");
    const unit = checkItemFields("evacuation_space", { ...base, 想定収容人数: "300人" }, 9);
    expect(unit.fields.想定収容人数).toBe("300");
    expect(unit.notes).toEqual(["「想定収容人数」の単位「人」を除いて 300 として読みました。"]);
    expect(codes(checkItemFields("evacuation_space", { ...base, 災害種別_高潮: "たぶん", 想定収容人数: "約300" }, 9))).toEqual([
      ["災害種別_高潮", "invalid_flag"],
      ["想定収容人数", "invalid_integer"],
    ]);
  });

  it("checks URLs and phone numbers without guessing", () => {
    const check = checkItemFields("tourism", tourism({ URL: "www.example.jp", 連絡先電話番号: "０９３－５８２－２０５４" }), 4);
    expect(codes(check)).toEqual([["URL", "invalid_url"]]);
    expect(check.fields.連絡先電話番号).toBe("093-582-2054");
    expect(codes(checkItemFields("tourism", tourism({ 連絡先電話番号: "観光課まで" }), 4))).toEqual([["連絡先電話番号", "invalid_phone"]]);
  });

  describe("coordinates", () => {
    const at = (緯度: string, 経度: string, dataset: "tourism" | "evacuation_space" = "tourism") =>
      checkItemFields(dataset, dataset === "tourism" ? tourism({ 緯度, 経度 }) : { ...tourism({ 緯度, 経度 }), 名称: "避難所" }, 7);

    it("latitude and longitude swapped (130.8/33.9 in Japan) is lat_lon_swapped, values kept as written", () => {
      const check = at("130.8741", "33.8845");
      expect(check.problems).toEqual([
        {
          row: 7,
          column: "緯度",
          code: "lat_lon_swapped",
          message:
            "緯度「130.8741」と経度「33.8845」が入れ替わっているようです（日本の緯度は20〜46度、経度は122〜154度）。入れ替えて保存してください。",
        },
      ]);
      expect(check.fields).toMatchObject({ 緯度: "130.8741", 経度: "33.8845" });
    });

    it("0 and 999 mean 位置不明: the item has no position and a note says so; required coordinates become a problem", () => {
      for (const [lat, lon] of [
        ["0", "0"],
        ["999", "999"],
        ["33.88", "0"],
      ]) {
        const check = at(lat, lon);
        expect(check.problems, `${lat}/${lon}`).toEqual([]);
        expect(check.fields).not.toHaveProperty("緯度");
        expect(check.fields).not.toHaveProperty("経度");
        expect(check.notes).toEqual([
          `緯度・経度が「${lat}」「${lon}」（位置不明を表す値）のため、位置を空欄にしました（地図には出ません）。`,
        ]);
      }
      expect(codes(at("999", "999", "evacuation_space"))).toEqual([
        ["緯度", "required_missing"],
        ["経度", "required_missing"],
      ]);
    });

    it("out of range, outside Japan, half a pair and non-numbers are each named", () => {
      expect(codes(at("95", "130.8"))).toEqual([["緯度", "lat_out_of_range"]]);
      expect(codes(at("33.8", "200"))).toEqual([["経度", "lon_out_of_range"]]);
      expect(codes(at("48.85", "2.35"))).toEqual([["緯度", "coordinates_outside_japan"]]);
      expect(codes(at("33.8", ""))).toEqual([["経度", "lat_lon_incomplete"]]);
      expect(codes(at("北緯33度", "130.8"))).toEqual([["緯度", "invalid_lat"]]);
      expect(at("３３．８８", "＋130.87").fields).toMatchObject({ 緯度: "33.88", 経度: "130.87" });
    });
  });

  it("keeps a multi-line text with \\n line ends and refuses an over-long name or ID", () => {
    const check = checkItemFields("tourism", tourism({ 説明: " 一行目\r\n二行目 " }), 4);
    expect(check.fields.説明).toBe("一行目\n二行目");
    expect(codes(checkItemFields("tourism", tourism({ 名称: "あ".repeat(301), ID: "9".repeat(101) }), 4))).toEqual([
      ["ID", "too_long"],
      ["名称", "too_long"],
    ]);
  });
});
