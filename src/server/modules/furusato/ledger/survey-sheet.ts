// ふるさと納税に関する現況調査 (総務省) — the municipality's answer for one fiscal year, generated from the ledger:
// 受入件数・受入額, うち区域外からの寄附, うちワンストップ特例申請分, and 募集等に伴う費用 in the six categories with
// their 合計, each also as a share of 受入額. The first sheet is one row in the survey's column order (団体コード
// first) so that it can be pasted into the answer form; the second lists the same figures with their breakdown.
import { formatFiscalYear } from "../../../../common/dates";
import type { CostCategory } from "../../../../common/furusato/donation";
import type { Queryable } from "../../../db/database";
import { readSetting } from "../../../platform/settings";
import { writeXlsx, type XlsxSheet } from "../../../platform/tabular/xlsx-write";
import { costLedger } from "./costs";
import { receivedTotals } from "./survey-sheet-repository";

export const BODY_CODE_SETTING = "furusato.bodyCode";
export const BODY_NAME_SETTING = "furusato.bodyName";
const DEFAULT_BODY = { code: "401005", name: "北九州市" };

/** The survey's wording of the six categories. */
export const SURVEY_COST_LABELS: Record<CostCategory, string> = {
  調達: "返礼品等の調達に係る費用",
  送付: "返礼品等の送付に係る費用",
  広報: "広報に係る費用",
  決済等: "決済等に係る費用",
  事務: "事務に係る費用",
  その他: "その他の費用",
};

export interface SurveyFigures {
  bodyCode: string;
  bodyName: string;
  fiscalYear: number;
  asOf: string;
  /** 受入件数・受入額: paid (入金済) donations of the year */
  count: number;
  amount: number;
  /** うち区域外からの寄附 (donors outside the city) */
  outsideCount: number;
  outsideAmount: number;
  /** うちワンストップ特例申請分 (donors who asked for the one-stop exception) */
  oneStopCount: number;
  oneStopAmount: number;
  costs: { category: CostCategory; label: string; amount: number; computed: number; portalFees: number; manual: number }[];
  costTotal: number;
}

async function setting(db: Queryable, key: string): Promise<string | null> {
  const stored = await readSetting(db, key);
  const value = stored === null ? undefined : String(stored).trim();
  return value ? value : null;
}

/** 団体コード and 団体名 (app settings furusato.bodyCode / furusato.bodyName; 北九州市 401005 when unset). */
export async function surveyBody(db: Queryable): Promise<{ code: string; name: string }> {
  const [code, name] = await Promise.all([setting(db, BODY_CODE_SETTING), setting(db, BODY_NAME_SETTING)]);
  return { code: code ?? DEFAULT_BODY.code, name: name ?? DEFAULT_BODY.name };
}

export async function surveyFigures(db: Queryable, fiscalYear: number, today: string): Promise<SurveyFigures> {
  const [body, received, ledger] = await Promise.all([surveyBody(db), receivedTotals(db, fiscalYear), costLedger(db, fiscalYear, today)]);
  return {
    bodyCode: body.code,
    bodyName: body.name,
    fiscalYear,
    asOf: today,
    count: received.count,
    amount: received.amount,
    outsideCount: received.outside_count,
    outsideAmount: received.outside_amount,
    oneStopCount: received.one_stop_count,
    oneStopAmount: received.one_stop_amount,
    costs: ledger.lines.map((line) => ({
      category: line.category,
      label: SURVEY_COST_LABELS[line.category],
      amount: line.total,
      computed: line.computed,
      portalFees: line.portalFees,
      manual: line.manual,
    })),
    costTotal: ledger.totalCosts,
  };
}

/** Share of 受入額 in percent with one decimal (27.5), as the survey prints it; blank when nothing was received. */
export function shareOfReceipts(part: number, amount: number): number | null {
  return amount > 0 ? Math.round((part / amount) * 1000) / 10 : null;
}

export function surveySheets(f: SurveyFigures): XlsxSheet[] {
  const header: string[] = [
    "団体コード",
    "団体名",
    "年度",
    "受入件数",
    "受入額（円）",
    "うち区域外からの寄附 件数",
    "うち区域外からの寄附 金額（円）",
    "うち区域外からの寄附 受入額に対する割合（%）",
    "うちワンストップ特例申請分 件数",
    "うちワンストップ特例申請分 金額（円）",
    "うちワンストップ特例申請分 受入額に対する割合（%）",
  ];
  const row: unknown[] = [
    f.bodyCode,
    f.bodyName,
    formatFiscalYear(f.fiscalYear),
    f.count,
    f.amount,
    f.outsideCount,
    f.outsideAmount,
    shareOfReceipts(f.outsideAmount, f.amount),
    f.oneStopCount,
    f.oneStopAmount,
    shareOfReceipts(f.oneStopAmount, f.amount),
  ];
  for (const cost of f.costs) {
    header.push(`${cost.label}（円）`, `${cost.label} 受入額に対する割合（%）`);
    row.push(cost.amount, shareOfReceipts(cost.amount, f.amount));
  }
  header.push("募集等に伴う費用 合計（円）", "募集等に伴う費用 合計 受入額に対する割合（%）");
  row.push(f.costTotal, shareOfReceipts(f.costTotal, f.amount));

  const detail: unknown[][] = [
    ["受入", "受入件数・受入額", f.count, f.amount, f.amount > 0 ? 100 : null],
    ["受入", "うち区域外からの寄附", f.outsideCount, f.outsideAmount, shareOfReceipts(f.outsideAmount, f.amount)],
    ["受入", "うちワンストップ特例申請分", f.oneStopCount, f.oneStopAmount, shareOfReceipts(f.oneStopAmount, f.amount)],
  ];
  for (const cost of f.costs) {
    detail.push(["募集等に伴う費用", cost.label, null, cost.amount, shareOfReceipts(cost.amount, f.amount)]);
    if (cost.computed - cost.portalFees !== 0)
      detail.push(["　内訳", `${cost.label}（返礼品カタログの費用から計算）`, null, cost.computed - cost.portalFees, null]);
    if (cost.portalFees !== 0) detail.push(["　内訳", `${cost.label}（うちポータル手数料）`, null, cost.portalFees, null]);
    if (cost.manual !== 0) detail.push(["　内訳", `${cost.label}（手入力分）`, null, cost.manual, null]);
  }
  detail.push(["募集等に伴う費用", "合計", null, f.costTotal, shareOfReceipts(f.costTotal, f.amount)]);

  return [
    { name: "回答", header, rows: [row] },
    { name: "明細", header: ["区分", "項目", "件数", "金額（円）", "受入額に対する割合（%）"], rows: detail },
    {
      name: "注記",
      header: ["項目", "説明"],
      wrapText: true,
      columnWidths: [24, 90],
      rows: [
        ["団体", `${f.bodyName}（団体コード ${f.bodyCode}）`],
        [
          "年度",
          `${formatFiscalYear(f.fiscalYear)}（${f.fiscalYear}年4月1日〜${f.fiscalYear + 1}年3月31日）、${f.asOf} 時点の台帳から作成`,
        ],
        ["受入件数・受入額", "寄附日がこの年度に入り、入金済の寄附（キャンセル・入金待ちを除く）。"],
        ["うち区域外からの寄附", "市内在住ではない寄附者からの寄附。"],
        ["うちワンストップ特例申請分", "ワンストップ特例の申請を希望した寄附。"],
        ["調達・送付", "入金済・市外の寄附の返礼品について、寄附日に有効な調達費用・送料 × 数量 × 定期便の回数。手入力分を加えています。"],
        ["事務", "寄附受付サイトの手数料（サイトの手数料率 × 入金済の寄附額）を含みます。手入力分を加えています。"],
        ["割合", "受入額に対する割合（%、小数第1位に四捨五入）。"],
      ],
    },
  ];
}

export async function surveySheetXlsx(db: Queryable, fiscalYear: number, today: string): Promise<{ name: string; bytes: Uint8Array }> {
  const figures = await surveyFigures(db, fiscalYear, today);
  const bytes = await writeXlsx(surveySheets(figures));
  return { name: `現況調査回答_${figures.bodyName}_${formatFiscalYear(fiscalYear)}.xlsx`, bytes: new Uint8Array(bytes) };
}
