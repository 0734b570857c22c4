// アクセス解析の出力: the dashboard's figures as an Excel workbook (a sheet per breakdown, each titled with its period)
// and as one CSV (UTF-8 with BOM, formula-safe) in long form — 集計の種類, 項目, コード, 訪問数, 訪問者数 — which a
// spreadsheet pivots as it likes. Both are the same figures the page shows (analyticsFigures). The export is audited.
import type { AnalyticsDashboard, AnalyticsQuery } from "../../../common/api/region-analytics";
import { formatWareki } from "../../../common/dates";
import { CAMPAIGN_CHANNEL_LABELS } from "../../../common/region/campaign-effect";
import type { Db } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import type { FileResult } from "../../platform/http/types";
import { writeCsv, writeXlsx } from "../../platform/tabular";
import { analyticsScopeOf } from "./analytics-access";
import { analyticsFigures } from "./analytics-service";

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const DIRECT = "（直接・不明）";
const DELETED_ITEM = "（削除された掲載情報）";

function periodLabel(d: AnalyticsDashboard): string {
  const scope = d.municipality ? `・${d.municipality.name}` : "";
  return `${formatWareki(d.period.from)}〜${formatWareki(d.period.to)}${scope}`;
}

function fileStem(d: AnalyticsDashboard): string {
  return `アクセス解析_${d.period.from}_${d.period.to}${d.municipality ? `_${d.municipality.name}` : ""}`;
}

/** Every figure as [集計の種類, 項目, コード, 訪問数, 訪問者数]. */
export function analyticsRows(d: AnalyticsDashboard): (string | number)[][] {
  return [
    ["合計", "期間全体", "", d.totals.visits, d.totals.visitors],
    ...d.byDay.map((r) => ["日別", formatWareki(r.day), r.day, r.visits, r.visitors]),
    ...d.byPageKind.map((r) => ["ページの種類別", r.label, r.pageKind, r.visits, r.visitors]),
    ...d.byMunicipality.map((r) => ["市町別", r.name, r.code ?? "", r.visits, r.visitors]),
    ...d.topItems.map((r) => [
      "人気の掲載情報",
      `${r.name ?? DELETED_ITEM}${r.municipalityName ? `（${r.municipalityName}）` : ""}`,
      r.itemId,
      r.visits,
      r.visitors,
    ]),
    ...d.topReferrers.map((r) => ["参照元", r.host || DIRECT, r.host, r.visits, r.visitors]),
    ...d.byCampaign.map((r) => ["キャンペーン別", `${r.name}（${CAMPAIGN_CHANNEL_LABELS[r.channel]}）`, r.tag, r.visits, r.visitors]),
    ...d.byLang.map((r) => ["言語別", r.label, r.lang, r.visits, r.visitors]),
  ];
}

export async function analyticsWorkbook(d: AnalyticsDashboard): Promise<Buffer> {
  const p = periodLabel(d);
  const sheet = (name: string, heading: string, rows: (string | number)[][], extra: string[] = []) => ({
    name,
    header: [`${heading}（${p}）`, ...extra, "訪問数", "訪問者数"],
    rows,
  });
  return writeXlsx([
    {
      name: "概要",
      header: [`情報ハブのアクセス解析（${p}）`, "値"],
      rows: [
        ["期間の日数", d.period.days],
        ["訪問数（ページの表示回数）", d.totals.visits],
        ["訪問者数（日ごとの人数の合計）", d.totals.visitors],
        ["うちサンプルデータの訪問数", d.totals.sampleVisits],
        [
          "数え方",
          "Cookieを使わず、IPアドレスとブラウザの種類を毎日変わるソルトでハッシュ化した値で数えています（ボットとトラッキング拒否の設定のある閲覧は数えません）。",
        ],
      ],
    },
    sheet(
      "日別",
      "日付",
      d.byDay.map((r) => [formatWareki(r.day), r.visits, r.visitors]),
    ),
    sheet(
      "ページの種類別",
      "ページの種類",
      d.byPageKind.map((r) => [r.label, r.visits, r.visitors]),
    ),
    sheet(
      "市町別",
      "市町",
      d.byMunicipality.map((r) => [r.name, r.visits, r.visitors]),
    ),
    sheet(
      "人気の掲載情報",
      "掲載情報",
      d.topItems.map((r) => [r.name ?? DELETED_ITEM, r.municipalityName ?? "", r.visits, r.visitors]),
      ["市町"],
    ),
    sheet(
      "参照元",
      "参照元のサイト",
      d.topReferrers.map((r) => [r.host || DIRECT, r.visits, r.visitors]),
    ),
    sheet(
      "キャンペーン別",
      "キャンペーン",
      d.byCampaign.map((r) => [r.name, CAMPAIGN_CHANNEL_LABELS[r.channel], r.tag, r.visits, r.visitors]),
      ["媒体", "タグ"],
    ),
    sheet(
      "言語別",
      "言語",
      d.byLang.map((r) => [r.label, r.visits, r.visitors]),
    ),
  ]);
}

async function exported(db: Db, user: Principal | null, actor: Actor, query: AnalyticsQuery, format: "xlsx" | "csv") {
  const scope = await analyticsScopeOf(db, user, query.municipality);
  const d = await analyticsFigures(db, query, scope);
  await recordAudit(db, actor, {
    action: "export",
    entityType: "region_analytics",
    summary: `アクセス解析を${format === "xlsx" ? "Excel" : "CSV"}で出力（${periodLabel(d)}）`,
    after: { from: d.period.from, to: d.period.to, municipality: d.municipality?.code ?? null },
  });
  return d;
}

/** GET /api/region/analytics.xlsx */
export async function exportAnalyticsXlsx(db: Db, user: Principal | null, actor: Actor, query: AnalyticsQuery): Promise<FileResult> {
  const d = await exported(db, user, actor, query, "xlsx");
  return { file: { name: `${fileStem(d)}.xlsx`, mimeType: XLSX_MIME, body: await analyticsWorkbook(d) } };
}

/** GET /api/region/analytics.csv */
export async function exportAnalyticsCsv(db: Db, user: Principal | null, actor: Actor, query: AnalyticsQuery): Promise<FileResult> {
  const d = await exported(db, user, actor, query, "csv");
  const { bytes } = writeCsv(["集計の種類", "項目", "コード", "訪問数", "訪問者数"], analyticsRows(d), { encoding: "utf-8-bom" });
  return { file: { name: `${fileStem(d)}.csv`, mimeType: "text/csv; charset=utf-8", body: bytes } };
}
