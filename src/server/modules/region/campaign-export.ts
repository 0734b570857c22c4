// 費用対効果の比較の出力: the comparison as an Excel workbook (キャンペーン別, 年度別, 媒体別, 年度×媒体 and the
// definitions) and the campaigns' rows as CSV (UTF-8 with BOM, formula-safe). Audited as an export.
import type { CampaignComparison, ComparisonGroup, ComparisonRow } from "../../../common/api/region-analytics";
import { formatFiscalYear, formatWareki } from "../../../common/dates";
import { CAMPAIGN_CHANNEL_LABELS, CAMPAIGN_KIND_LABELS, LASTING_AFTER_DAYS } from "../../../common/region/campaign-effect";
import type { Db } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import type { FileResult } from "../../platform/http/types";
import { writeCsv, writeXlsx } from "../../platform/tabular";
import { getCampaignComparison } from "./campaign-comparison";

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const FIGURE_HEADER = [
  "費用（円）",
  "到達数（リーチ）",
  "訪問数",
  "訪問者数",
  "1訪問あたりの費用（円）",
  "1訪問者あたりの費用（円）",
  "1,000円あたりの到達数",
  `継続性（公開${LASTING_AFTER_DAYS}日後以降の訪問の割合・%）`,
];

// an empty cell (null) where a figure cannot be computed: Excel leaves it blank, the CSV writes nothing
type Cell = string | number | null;
const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

function figureCells(f: ComparisonGroup | ComparisonRow): Cell[] {
  return [f.costYen, f.reach, f.visits, f.visitors, f.costPerVisit, f.costPerVisitor, f.reachPer1000Yen, percent(f.lastingShare)];
}

const CAMPAIGN_HEADER = ["年度", "キャンペーン名", "媒体", "種類", "タグ", "公開日", "終了日", "実績値の計測日", ...FIGURE_HEADER];

function campaignCells(c: ComparisonRow): Cell[] {
  return [
    formatFiscalYear(c.fiscalYear),
    c.name,
    CAMPAIGN_CHANNEL_LABELS[c.channel],
    CAMPAIGN_KIND_LABELS[c.kind],
    c.tag,
    formatWareki(c.publishedOn),
    c.endsOn ? formatWareki(c.endsOn) : null,
    c.measuredOn ? formatWareki(c.measuredOn) : null,
    ...figureCells(c),
  ];
}

function scopeLabel(d: CampaignComparison): string {
  return d.fiscalYear ? formatFiscalYear(d.fiscalYear) : "全年度";
}

export async function comparisonWorkbook(d: CampaignComparison): Promise<Buffer> {
  const scope = scopeLabel(d);
  const groupRows = (groups: ComparisonGroup[]) =>
    groups.map((g) => [
      g.fiscalYear === null ? "全年度" : formatFiscalYear(g.fiscalYear),
      g.channel === null ? "全媒体" : CAMPAIGN_CHANNEL_LABELS[g.channel],
      g.campaigns,
      ...figureCells(g),
    ]);
  const groupHeader = (first: string) => [`${first}（${scope}）`, "媒体", "キャンペーン数", ...FIGURE_HEADER];
  return writeXlsx([
    {
      name: "キャンペーン別",
      header: [`${CAMPAIGN_HEADER[0]}（${scope}）`, ...CAMPAIGN_HEADER.slice(1)],
      rows: d.campaigns.map(campaignCells),
    },
    { name: "年度別", header: groupHeader("年度"), rows: groupRows([...d.byFiscalYear, d.total]) },
    { name: "媒体別", header: groupHeader("年度"), rows: groupRows(d.byChannel) },
    { name: "年度×媒体", header: groupHeader("年度"), rows: groupRows(d.byFiscalYearAndChannel) },
    {
      name: "定義",
      header: ["項目", "定義"],
      rows: [
        ["訪問数", "キャンペーンのタグ付きリンク（?c=タグ）から情報ハブに来た表示の数"],
        ["訪問者数", "そのうちの訪問者の数（日ごとに数えるため、同じ人が別の日に来ると別に数えます）"],
        ["到達数（リーチ）", "媒体が報告する値。計測日時点の累計とみなし、最新の計測日の値を使います。合計は重複を含む上限です"],
        ["1訪問あたりの費用", "費用 ÷ 訪問数（円・四捨五入）。訪問が0件なら空欄"],
        ["1訪問者あたりの費用", "費用 ÷ 訪問者数（円・四捨五入）。訪問者が0人なら空欄"],
        ["1,000円あたりの到達数", "到達数 ÷（費用 ÷ 1,000）。費用0円か到達数がなければ空欄"],
        ["継続性", `公開日から${LASTING_AFTER_DAYS}日を過ぎてからの訪問が、リンクからの訪問に占める割合`],
        ["年度", "公開日の属する年度（4月〜翌3月）"],
      ],
    },
  ]);
}

async function exported(db: Db, user: Principal | null, actor: Actor, fiscalYear: number | undefined, format: string) {
  const d = await getCampaignComparison(db, user, { fiscalYear });
  await recordAudit(db, actor, {
    action: "export",
    entityType: "region_campaign",
    summary: `プロモーションの費用対効果の比較を${format}で出力（${scopeLabel(d)}、${d.campaigns.length}件）`,
  });
  return d;
}

export async function exportComparisonXlsx(
  db: Db,
  user: Principal | null,
  actor: Actor,
  query: { fiscalYear?: number },
): Promise<FileResult> {
  const d = await exported(db, user, actor, query.fiscalYear, "Excel");
  return { file: { name: `プロモーション費用対効果_${scopeLabel(d)}.xlsx`, mimeType: XLSX_MIME, body: await comparisonWorkbook(d) } };
}

export async function exportComparisonCsv(
  db: Db,
  user: Principal | null,
  actor: Actor,
  query: { fiscalYear?: number },
): Promise<FileResult> {
  const d = await exported(db, user, actor, query.fiscalYear, "CSV");
  const { bytes } = writeCsv(CAMPAIGN_HEADER, d.campaigns.map(campaignCells), { encoding: "utf-8-bom" });
  return { file: { name: `プロモーション費用対効果_${scopeLabel(d)}.csv`, mimeType: "text/csv; charset=utf-8", body: bytes } };
}
