// region.import: the open-data pipeline's throughput (issue 17). Built outside the timing: one 50,000-row 観光施設一覧
// in the 正式版 layout (34 columns), encoded as Shift_JIS/CP932 the way 九州's shared catalogue serves 北九州市's CSVs,
// ~22 MB, with what real files carry: a comment line above the header, times as `9:00`, 利用可能曜日 as `月火水木金土日`
// or `平日`, quoted cells with doubled quotes and line breaks, zero-padded IDs, 5-digit codes, 1 row in 100 with swapped
// coordinates and 1 in 100 with 0/0 (so problem rows and notes are made too). Timed: readOpenData on the bytes (detect
// and decode, records with their lines, header, aliases, every value read by its column type), median of 5 after one
// warm-up; value = rows per second. Floor: the same bytes decoded from CP932 and parsed by csv-parse alone (no types,
// no checks), in rows per second, so ratio = value ÷ floor (above 1: the pipeline is faster than csv-parse alone).
// BENCH_REGION_ROWS sets another size (a quick look).
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import { DATASETS } from "../src/common/region/datasets";
import { readOpenData } from "../src/server/modules/region/opendata/read-open-data";
import { type Bench, log, timeIt } from "./harness";

const ROWS = Number(process.env.BENCH_REGION_ROWS ?? 50_000);

const PLACES = ["小倉北区城内", "門司区東港町", "八幡東区尾倉", "若松区本町", "戸畑区汐井町", "小倉南区平尾台", "八幡西区黒崎"];
const NAMES = ["城跡", "資料館", "展望台", "公園", "美術館", "記念館", "神社", "市場", "温泉", "海岸"];
const DAYS = ["月火水木金土日", "平日", "土日祝", "月,水,金", "火～日"];

function quoteCsv(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One 観光施設 row in the 正式版 column order (deterministic: the same file every run). */
function row(i: number): string[] {
  const place = PLACES[i % PLACES.length];
  const name = `${place.slice(-3)}${NAMES[i % NAMES.length]}${i}`;
  let lat = (33.85 + (i % 97) / 1000).toFixed(4);
  let lon = (130.8 + (i % 89) / 1000).toFixed(4);
  if (i % 100 === 37) [lat, lon] = [lon, lat];
  if (i % 100 === 71) [lat, lon] = ["0", "0"];
  return [
    i % 10 === 0 ? "40100" : "401005",
    String(i).padStart(6, "0"),
    "福岡県北九州市",
    name,
    "カンコウシセツ",
    `Sightseeing spot ${i}`,
    "",
    `福岡県北九州市${place}${(i % 30) + 1}-${(i % 9) + 1}`,
    "福岡県",
    "北九州市",
    place,
    `${(i % 30) + 1}-${(i % 9) + 1}`,
    "",
    "",
    lat,
    lon,
    DAYS[i % DAYS.length],
    i % 2 ? "9:00" : "10:00",
    "17:00",
    i % 5 === 0 ? "年末年始は休み" : "",
    "大人350円",
    i % 3 === 0 ? "大人350円\r\n中高生200円\r\n小学生100円" : "",
    `江戸時代の「${name}」。地元では"お城"と呼ばれ、春は桜の名所として親しまれています。`,
    "",
    "JR小倉駅から徒歩15分",
    i % 2 ? "あり" : "なし",
    "スロープあり",
    "北九州市観光課",
    "093-582-2054",
    "",
    `https://example.jp/img/${i}.jpg`,
    "CC BY 4.0",
    `https://example.jp/spot/${i}`,
    "",
  ];
}

export function regionImportCsv(rows: number): Buffer {
  const header = DATASETS.tourism.columns.map((c) => c.name);
  const lines = ["# 観光施設一覧（北九州市）", header.join(",")];
  for (let i = 0; i < rows; i++) lines.push(row(i).map(quoteCsv).join(","));
  return iconv.encode(`${lines.join("\r\n")}\r\n`, "cp932");
}

export default [
  {
    name: "region.import",
    description: `readOpenData on a ${ROWS.toLocaleString("en")}-row 観光施設一覧 in CP932 (正式版 layout, real files' quirks), rows/s; floor: CP932 decode + csv-parse alone on the same bytes`,
    async run() {
      const bytes = regionImportCsv(ROWS);
      log(`${ROWS} rows, ${(bytes.length / 1024 / 1024).toFixed(1)} MB (CP932)`);
      const check = readOpenData(bytes, { fileName: "401005_tourism.csv" });
      if (check.items.length + check.problemRows.length !== ROWS)
        throw new Error(`read ${check.items.length} items and ${check.problemRows.length} problem rows of ${ROWS}`);
      log(`${check.items.length} items, ${check.problemRows.length} problem rows, ${check.skipped.length} skipped`);
      const ms = await timeIt(() => readOpenData(bytes, { fileName: "401005_tourism.csv" }), { warmup: 1, iterations: 5 });
      const floorMs = await timeIt(() => parse(iconv.decode(bytes, "cp932"), { relax_column_count: true }), { warmup: 1, iterations: 5 });
      log(`readOpenData ${ms.toFixed(0)} ms, csv-parse alone ${floorMs.toFixed(0)} ms`);
      return {
        value: Math.round(ROWS / (ms / 1000)),
        unit: "rows/s",
        floor: Math.round(ROWS / (floorMs / 1000)),
        extra: { ms, floor_ms: floorMs },
      };
    },
  },
] satisfies Bench[];
