import { describe, expect, it } from "vitest";
import {
  compactFields,
  fieldsWithItemEdits,
  itemBigrams,
  itemProblems,
  keepTranslations,
  projectItem,
  sameFields,
  translationsOf,
} from "./item-projection";

const tourism = {
  全国地方公共団体コード: "402044",
  ID: "00012",
  地方公共団体名: "直方市",
  名称: "直方谷尾美術館",
  名称_カナ: "ノオガタタニオビジュツカン",
  名称_英字: "Nogata Tanio Art Museum",
  POIコード: "美術館",
  所在地_連結表記: "福岡県直方市殿町10-35",
  緯度: "33.7437",
  経度: "130.7290",
  開始時間: "09:30",
  終了時間: "17:00",
  説明: "昭和初期の洋館を使った美術館。",
  URL: "https://example.jp/tanio",
};

describe("projectItem", () => {
  it("reads the item's columns from the dataset's 正式版 columns", () => {
    const item = projectItem("tourism", tourism);
    expect(item).toMatchObject({
      name: "直方谷尾美術館",
      nameKana: "ノオガタタニオビジュツカン",
      nameEn: "Nogata Tanio Art Museum",
      category: "美術館",
      address: "福岡県直方市殿町10-35",
      lat: 33.7437,
      lon: 130.729,
      startTime: "09:30",
      endTime: "17:00",
      startDate: null,
      url: "https://example.jp/tanio",
      descriptionEn: "",
    });
  });

  it("takes the English description from the item's own column when the dataset has no 説明_英字", () => {
    const event = { イベント名: "直方チューリップフェア", 開始日: "2027-03-27", 終了日: "2027-04-10", 説明: "河川敷のチューリップ" };
    const item = projectItem("event", event, { nameEn: "ignored: 英字 column exists", descriptionEn: "Tulips by the river" });
    expect(item.descriptionEn).toBe("Tulips by the river");
    expect(item.nameEn).toBe(""); // the dataset has イベント名_英字: the fields are the source
    expect(item.startDate).toBe("2027-03-27");
    expect(item.endDate).toBe("2027-04-10");
  });

  it("leaves out values the database would refuse instead of storing them", () => {
    const item = projectItem("event", { イベント名: "x", 開始日: "2027-02-30", 開始時間: "9時", 緯度: "999", 経度: "abc" });
    expect(item).toMatchObject({ startDate: null, startTime: null, lat: null, lon: null });
  });
});

describe("fieldsWithItemEdits", () => {
  it("writes an edited projected column back to its 正式版 column", () => {
    const fields = fieldsWithItemEdits("tourism", tourism, { name: "直方谷尾美術館（改）", lat: 33.75, nameEn: "" });
    expect(fields.名称).toBe("直方谷尾美術館（改）");
    expect(fields.緯度).toBe("33.75");
    expect(fields.名称_英字).toBeUndefined(); // emptied
    expect(projectItem("tourism", fields).name).toBe("直方谷尾美術館（改）");
  });

  it("ignores a projected column the dataset does not have (the caller keeps it on the item)", () => {
    const fields = fieldsWithItemEdits("event", { イベント名: "a", 開始日: "2026-10-10" }, { descriptionEn: "English" });
    expect(Object.values(fields)).not.toContain("English");
  });
});

describe("translations", () => {
  it("keeps an editor's English name when a newer file leaves 名称_英字 empty", () => {
    const incoming = { ...tourism, 名称_英字: "" };
    const kept = keepTranslations("tourism", incoming, tourism);
    expect(kept.名称_英字).toBe("Nogata Tanio Art Museum");
    expect(translationsOf("tourism", kept, { nameEn: "", descriptionEn: "" }).nameEn).toBe("Nogata Tanio Art Museum");
  });

  it("takes the file's English name when it has one", () => {
    const kept = keepTranslations("tourism", { ...tourism, 名称_英字: "Tanio Museum" }, tourism);
    expect(kept.名称_英字).toBe("Tanio Museum");
  });
});

describe("compactFields / sameFields", () => {
  it("treats an empty value as absent and ignores key order", () => {
    expect(compactFields("tourism", { 名称: "a", 説明: "" })).toEqual({ 名称: "a" });
    expect(sameFields("tourism", { URL: "u", 名称: "a" }, { 名称: "a", URL: "u", 備考: "" })).toBe(true);
    expect(sameFields("tourism", { 名称: "a" }, { 名称: "b" })).toBe(false);
  });
});

describe("itemProblems", () => {
  it("names what the hub cannot keep, by 正式版 column", () => {
    expect(itemProblems("event", { イベント名: "", 開始日: "2027-01-10", 終了日: "2027-01-09", 緯度: "95" })).toEqual([
      { column: "イベント名", code: "name_missing", message: "名称を入力してください。" },
      { column: "緯度", code: "lat_out_of_range", message: expect.stringContaining("緯度") },
      { column: "終了日", code: "end_before_start", message: "終了日が開始日より前です。" },
    ]);
    expect(itemProblems("tourism", tourism)).toEqual([]);
  });

  it("refuses a name longer than the database takes", () => {
    expect(itemProblems("tourism", { 名称: "あ".repeat(301) }).map((p) => p.code)).toEqual(["name_too_long"]);
  });
});

describe("itemBigrams", () => {
  it("covers name, kana, English name, description, address and category", () => {
    const grams = itemBigrams(projectItem("tourism", tourism));
    for (const gram of ["谷尾", "ノオ", "no", "洋館", "殿町", "美術"]) expect(grams).toContain(gram);
  });
});
