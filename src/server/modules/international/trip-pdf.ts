// 海外出張の概要 → PDF (A4 portrait), ready for disclosure (情報公開) and the council: purpose, members, itinerary,
// costs and results, dates in 和暦. Only what a disclosure shows: travellers by name and role (no logins), costs in
// yen as planned and settled, the 旅行命令 and the report's results — only when the report is marked for
// publication. Noto Sans JP is embedded.
import type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces";
import {
  COST_KIND_LABELS,
  PAID_BY_LABELS,
  SAFETY_LEVEL_LABELS,
  TRAVELLER_ROLE_LABELS,
  TRIP_STATUS_LABELS,
  type TripDetail,
} from "../../../common/api/international";
import { formatWareki, todayInJapan } from "../../../common/dates";
import { PDF_FONT_FAMILY, renderPdf } from "../../platform/pdf/printer";

const HEAD_FILL = "#e8eef7";
const LABEL_FILL = "#f3f5f9";

const yen = (n: number | null) => (n === null ? "－" : `${n.toLocaleString("ja-JP")}円`);
const wareki = (iso: string | null) => (iso ? formatWareki(iso) : "－");

const tableLayout = {
  fillColor: (i: number) => (i === 0 ? HEAD_FILL : null),
  hLineWidth: () => 0.4,
  vLineWidth: () => 0.4,
  hLineColor: () => "#777777",
  vLineColor: () => "#999999",
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

const head = (labels: string[]): TableCell[] => labels.map((label) => ({ text: label, style: "head" }));

/** A two-column block of label and value (概要). */
function overviewTable(trip: TripDetail): Content {
  const row = (label: string, value: string): TableCell[] => [
    { text: label, style: "label", fillColor: LABEL_FILL },
    { text: value || "－" },
  ];
  const days = Math.round((Date.parse(trip.returnsOn) - Date.parse(trip.departsOn)) / 86_400_000) + 1;
  return {
    table: {
      widths: [90, "*"],
      body: [
        row("所管", trip.ownerName),
        row("出張期間", `${wareki(trip.departsOn)} 〜 ${wareki(trip.returnsOn)}（${days}日間）`),
        row("訪問先", trip.destinations.join("、")),
        row("目的", trip.purpose),
        row("関連する事業", trip.projects.map((p) => p.name).join("、")),
        row(
          "旅行命令",
          trip.approvedOn
            ? `${wareki(trip.approvedOn)} 決裁（${trip.approvedBy}）${trip.approvalConditions ? `　条件：${trip.approvalConditions}` : ""}`
            : "",
        ),
        row("出発時の危険情報", trip.safetyLevel === null ? "" : SAFETY_LEVEL_LABELS[trip.safetyLevel]),
        row(
          "状態",
          TRIP_STATUS_LABELS[trip.status] + (trip.status === "cancelled" && trip.cancelReason ? `（理由：${trip.cancelReason}）` : ""),
        ),
      ],
    },
    layout: { ...tableLayout, fillColor: () => null },
  };
}

function membersTable(trip: TripDetail): Content {
  const body: TableCell[][] = [
    head(["氏名", "役割", "費用負担"]),
    ...trip.travellers.map((t): TableCell[] => [t.name, TRAVELLER_ROLE_LABELS[t.role], PAID_BY_LABELS[t.paidBy]]),
  ];
  return { table: { headerRows: 1, widths: ["*", 60, 60], body }, layout: tableLayout };
}

function itineraryTable(trip: TripDetail): Content {
  if (trip.visits.length === 0) return { text: "行程の記録はありません。", style: "empty" };
  const body: TableCell[][] = [
    head(["月日", "国・都市", "訪問先", "面会者", "目的"]),
    ...trip.visits.map((v): TableCell[] => [
      { text: wareki(v.visitOn), noWrap: true },
      `${v.country}・${v.city}`,
      v.organisation,
      v.counterpart,
      v.purpose,
    ]),
  ];
  return { table: { headerRows: 1, dontBreakRows: true, widths: [78, 80, "*", 80, "*"], body }, layout: tableLayout };
}

function costsTable(trip: TripDetail): Content {
  if (trip.costs.length === 0) return { text: "経費の記録はありません。", style: "empty" };
  const right = (text: string, bold = false): TableCell => ({ text, alignment: "right", bold });
  const body: TableCell[][] = [
    head(["費目", "内訳", "予定額", "精算額"]),
    ...trip.costs.map((c): TableCell[] => [COST_KIND_LABELS[c.costKind], c.description, right(yen(c.planned)), right(yen(c.settled))]),
    [{ text: "合計", bold: true, colSpan: 2 }, "", right(yen(trip.plannedTotal), true), right(yen(trip.settledTotal), true)],
  ];
  return { table: { headerRows: 1, dontBreakRows: true, widths: [70, "*", 80, 80], body }, layout: tableLayout };
}

function resultsBlock(trip: TripDetail): Content[] {
  if (!trip.reportFiledOn) return [{ text: "出張報告は提出されていません。", style: "empty" }];
  // the report's publish flag decides whether its results go into a summary meant for disclosure
  if (!trip.reportPublic)
    return [
      { text: `出張報告は${wareki(trip.reportFiledOn)}に提出済みです（公開しない報告のため、成果は載せていません）。`, style: "empty" },
    ];
  return [
    { text: `提出日：${wareki(trip.reportFiledOn)}`, style: "note" },
    { text: "成果", style: "subheading" },
    { text: trip.reportResults || "－", style: "paragraph" },
    { text: "今後の対応", style: "subheading" },
    { text: trip.reportFollowup || "－", style: "paragraph" },
  ];
}

export function tripSummaryDocDefinition(trip: TripDetail, printedOn: string = todayInJapan()): TDocumentDefinitions {
  const title = "海外出張の概要";
  return {
    pageSize: "A4",
    pageMargins: [40, 44, 40, 44],
    info: { title: `${title}　${trip.title}`, subject: trip.title, author: trip.ownerName },
    footer: (currentPage, pageCount) => ({
      text: `${currentPage} / ${pageCount}`,
      alignment: "center",
      fontSize: 8,
      margin: [0, 12, 0, 0],
    }),
    content: [
      { text: title, style: "title" },
      { text: trip.title, style: "tripTitle" },
      { text: `${wareki(printedOn)} 現在`, style: "printed" },
      { text: "1　概要", style: "heading" },
      overviewTable(trip),
      { text: "2　出張者", style: "heading" },
      membersTable(trip),
      ...(trip.companions ? [{ text: `外部同行者：${trip.companions}`, style: "note" } as Content] : []),
      { text: "3　行程", style: "heading" },
      itineraryTable(trip),
      { text: "4　経費", style: "heading" },
      costsTable(trip),
      { text: "5　成果", style: "heading" },
      ...resultsBlock(trip),
    ],
    defaultStyle: { font: PDF_FONT_FAMILY, fontSize: 9, lineHeight: 1.25 },
    styles: {
      title: { fontSize: 16, bold: true, alignment: "center", margin: [0, 0, 0, 4] },
      tripTitle: { fontSize: 12, bold: true, alignment: "center", margin: [0, 0, 0, 2] },
      printed: { fontSize: 8, alignment: "right", color: "#555555", margin: [0, 0, 0, 6] },
      heading: { fontSize: 11, bold: true, margin: [0, 10, 0, 4] },
      subheading: { fontSize: 9.5, bold: true, margin: [0, 4, 0, 2] },
      label: { bold: true },
      head: { bold: true, alignment: "center" },
      note: { fontSize: 8.5, margin: [0, 3, 0, 0] },
      paragraph: { margin: [0, 0, 0, 4] },
      empty: { color: "#555555" },
    },
  };
}

export async function renderTripSummaryPdf(trip: TripDetail): Promise<Buffer> {
  return renderPdf(tripSummaryDocDefinition(trip));
}
