// Sample items of the hub (is_sample), taken in at first start through the same import service as an editor's upload:
// the 市町's open-data CSVs under samples/opendata/ — 北九州市, 直方市, 行橋市, 中間市, 苅田町 and 芦屋町; 観光施設,
// イベント (2026-10 … 2027-03), 公共施設, 文化財, 子育て施設, 指定緊急避難場所, AED — in every encoding (UTF-8 with and
// without BOM, Shift_JIS, UTF-16 tab-separated) and header generation the pipeline reads, then a newer 直方市 AED file
// (re-imported: updated, unchanged, new). Three rows stay held for the demo (緯度/経度 swapped, an end before the
// start, a date that does not exist). Most items are then published, a few featured and one translated; invented
// names carry （サンプル）.
import type { DatasetKey } from "../../../common/region/datasets";
import type { Db } from "../../db/database";
import { DEMO_ACTOR, recordAudit } from "../../platform/audit/audit";
import { findSampleItems, hasSampleImports } from "./curation-demo-repository";
import { importOpenData } from "./import-service";
import { contentOf } from "./item-content";
import { updateItemContent } from "./item-repository";
import { featureItemsIn, publishDraftsIn } from "./item-service";
import { readRegionSample } from "./sample-files";

const FILES: readonly { file: string; code: string; dataset: DatasetKey }[] = [
  { file: "401005_tourism.csv", code: "401005", dataset: "tourism" },
  { file: "401005_event.csv", code: "401005", dataset: "event" },
  { file: "401005_public_facility.csv", code: "401005", dataset: "public_facility" },
  { file: "401005_cultural_property.csv", code: "401005", dataset: "cultural_property" },
  { file: "401005_preschool.csv", code: "401005", dataset: "preschool" },
  { file: "401005_evacuation_space.csv", code: "401005", dataset: "evacuation_space" },
  { file: "401005_aed.csv", code: "401005", dataset: "aed" },
  { file: "402044_tourism.csv", code: "402044", dataset: "tourism" },
  { file: "402044_event.csv", code: "402044", dataset: "event" },
  { file: "402044_preschool.csv", code: "402044", dataset: "preschool" },
  { file: "402044_aed.csv", code: "402044", dataset: "aed" },
  { file: "402133_tourism.csv", code: "402133", dataset: "tourism" },
  { file: "402133_event.csv", code: "402133", dataset: "event" },
  { file: "402133_public_facility.csv", code: "402133", dataset: "public_facility" },
  { file: "402150_public_facility.txt", code: "402150", dataset: "public_facility" },
  { file: "402150_evacuation_space.csv", code: "402150", dataset: "evacuation_space" },
  { file: "406210_tourism.csv", code: "406210", dataset: "tourism" },
  { file: "406210_event.csv", code: "406210", dataset: "event" },
  { file: "406210_cultural_property.csv", code: "406210", dataset: "cultural_property" },
  { file: "403814_tourism.csv", code: "403814", dataset: "tourism" },
  { file: "403814_event.csv", code: "403814", dataset: "event" },
  { file: "403814_evacuation_space.csv", code: "403814", dataset: "evacuation_space" },
  // a month later, 直方市's AED list again: one place moved, one added
  { file: "402044_aed_2026-12.csv", code: "402044", dataset: "aed" },
];

/** Items left as drafts (to review before publishing): `市町:dataset:ID`. */
const DRAFTS = new Set([
  "401005:tourism:00029",
  "401005:tourism:00030",
  "402044:preschool:P007",
  "402044:preschool:P008",
  "402133:public_facility:00010",
]);

/** 広域のおすすめ: 小倉城, 門司港レトロ, 皿倉山, 平尾台, 小倉城竹あかり, 門司港のイルミネーション, 直方市石炭記念館,
 * 遠賀川水源地ポンプ室, 等覚寺, 芦屋釜の里. */
const FEATURED = new Set([
  "401005:tourism:00001",
  "401005:tourism:00004",
  "401005:tourism:00008",
  "401005:tourism:00014",
  "401005:event:00001",
  "401005:event:00002",
  "402044:tourism:1",
  "402150:public_facility:00002",
  "406210:tourism:1",
  "403814:tourism:00001",
]);

/** English descriptions of events (the event dataset has no 説明_英字: they are the items' own translations). */
const TRANSLATIONS: Record<string, string> = {
  "401005:event:00001": "Bamboo lanterns light up Kokura Castle for two evenings (sample dates).",
  "401005:event:00002": "The harbour's retro buildings are lit every evening through the winter (sample dates).",
};

const keyOf = (item: { municipality_code: string; dataset: string; source_id: string | null }) =>
  `${item.municipality_code}:${item.dataset}:${item.source_id}`;

export async function loadCurationDemo(db: Db): Promise<void> {
  if (await hasSampleImports(db)) return;
  for (const { file, code, dataset } of FILES) {
    const result = await importOpenData(db, DEMO_ACTOR, {
      municipalityCode: code,
      dataset,
      fileName: file,
      fileId: null,
      bytes: readRegionSample(`opendata/${file}`),
      isSample: true,
    });
    if (!result.ok) throw new Error(`sample open data ${file}: ${result.message}`);
  }
  await db.transaction(async (tx) => {
    const items = await findSampleItems(tx);
    for (const item of items) {
      const descriptionEn = TRANSLATIONS[keyOf(item)];
      if (!descriptionEn) continue;
      const content = contentOf(item.dataset, item.fields, { nameEn: item.name_en, descriptionEn });
      await updateItemContent(tx, item.id, null, content, { userId: null });
      await recordAudit(tx, DEMO_ACTOR, { action: "translate", entityType: "region_item", entityId: item.id, summary: "英語の説明を追加" });
    }
    const published = await publishDraftsIn(
      tx,
      DEMO_ACTOR,
      items.filter((item) => !DRAFTS.has(keyOf(item))).map((item) => item.id),
    );
    const featured = await featureItemsIn(
      tx,
      DEMO_ACTOR,
      items.filter((item) => FEATURED.has(keyOf(item))).map((item) => item.id),
    );
    await recordAudit(tx, DEMO_ACTOR, {
      action: "load",
      entityType: "region_item",
      entityId: null,
      summary: `情報ハブのサンプルの掲載情報（${items.length}件: 公開${published}件・おすすめ${featured}件）を読み込みました`,
    });
  });
}
