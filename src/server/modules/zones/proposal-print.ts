// The print of a 特区 proposal in the items of the national 国家戦略特区 規制改革提案 form (提案主体, 提案名, 提案の概要,
// 規制の根拠法令等・所管省庁, 提案の具体的内容, 提案理由・必要性, 事業計画, 連携先, これまでの経過), as Word (.docx, for staff
// to finish in the national form) and PDF (A4, Noto Sans JP). Dates in 和暦. Both are built from one model, so that
// the two files say the same. Every member of staff prints; each print is audited.
import type { ProposalDetail } from "../../../common/api/zones";
import { formatWareki, todayInJapan } from "../../../common/dates";
import {
  MEASURE_KIND_LABELS,
  MEASURE_SCOPE_LABELS,
  PARTNER_KIND_LABELS,
  PROPOSAL_FIELD_LABELS,
} from "../../../common/zones/proposal-fields";
import { ANSWER_KIND_LABELS, stepLabel } from "../../../common/zones/proposal-states";
import type { Db } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import type { FileResult } from "../../platform/http/types";
import { zonesOwner } from "./access";
import { findProposerNames } from "./proposal-repository";
import { proposalForPrint } from "./proposal-service";

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export interface PrintItem {
  /** the form's item name */
  label: string;
  /** paragraphs (newlines inside a paragraph are kept) */
  lines: string[];
}

export interface PrintHistoryRow {
  date: string;
  step: string;
  answer: string;
  note: string;
}

export interface ProposalPrint {
  heading: string;
  title: string;
  /** 作成日 (和暦) and the sample mark */
  meta: string;
  items: PrintItem[];
  history: PrintHistoryRow[];
}

const orNone = (text: string) => (text.trim() ? text.trim().split(/\n{2,}/) : ["（記載なし）"]);

/** 提案の具体的内容: the rules named and what is asked of them, where (区域限定 / 全国) and how (規制改革 / グレーゾーン解消). */
function requested(p: ProposalDetail): string {
  const laws = p.regulations.map((r) => `${r.law}${r.article ? ` ${r.article}` : ""}`).join("、");
  const where = p.measureScope === "zone_only" ? "特区の区域に限り" : "全国で";
  const how =
    p.measureKind === "grey_zone" ? "規制の適用の有無・解釈の明確化（グレーゾーン解消）" : "規制の特例措置または見直し（規制改革）";
  return `${laws ? `${laws}について、` : ""}${where}${how}を求める。`;
}

export function printModel(p: ProposalDetail, proposer: { city: string; bureau: string } | null, today: string): ProposalPrint {
  const partners = p.partners.map((x) => `${x.name}（${PARTNER_KIND_LABELS[x.kind]}）${x.role ? `：${x.role}` : ""}`);
  const proposerLine = proposer ? `${proposer.city}（担当：${proposer.bureau}）` : "（未設定）";
  return {
    heading: "国家戦略特区 規制改革提案",
    title: p.title,
    meta: `作成日：${formatWareki(today)}　分野：${PROPOSAL_FIELD_LABELS[p.field]}　現在の段階：${p.stateLabel}${p.isSample ? "　※サンプルデータ" : ""}`,
    items: [
      {
        label: "提案主体",
        lines: [proposerLine, ...(p.partners.length ? [`共同提案・連携：${p.partners.map((x) => x.name).join("、")}`] : [])],
      },
      { label: "提案名", lines: [p.title] },
      { label: "提案の概要", lines: orNone(p.summary) },
      {
        label: "規制の根拠法令等・所管省庁",
        lines: p.regulations.length
          ? p.regulations.map((r) => `${r.law}${r.article ? ` ${r.article}` : ""}（所管：${r.ministry}）${r.note ? `　${r.note}` : ""}`)
          : ["（記載なし）"],
      },
      {
        label: "提案の具体的内容",
        lines: [
          `措置の範囲：${MEASURE_SCOPE_LABELS[p.measureScope]}　措置の種類：${MEASURE_KIND_LABELS[p.measureKind]}`,
          `求める措置：${requested(p)}`,
        ],
      },
      { label: "提案理由・必要性", lines: orNone(p.necessity) },
      { label: "事業計画", lines: orNone(p.businessPlan) },
      { label: "連携先", lines: partners.length ? partners : ["（なし）"] },
    ],
    history: p.steps.map((s) => ({
      date: formatWareki(s.date),
      // the answer has its own column
      step: stepLabel({ state: s.state, round: s.round, answer: null }),
      answer: s.answer ? ANSWER_KIND_LABELS[s.answer] : "",
      note: [s.skipReason ? `段階を飛ばした理由：${s.skipReason}` : "", s.note].filter(Boolean).join("\n"),
    })),
  };
}

const fileBase = (p: ProposalDetail) => `規制改革提案_${p.title.replace(/[\\/:*?"<>|\s]+/g, "_").slice(0, 60)}`;

export async function printProposal(db: Db, user: Principal | null, actor: Actor, id: string, format: "docx" | "pdf"): Promise<FileResult> {
  const proposal = await proposalForPrint(db, user, id);
  const bureau = await zonesOwner(db);
  const proposer = bureau ? await findProposerNames(db, bureau.organisationId) : null;
  const model = printModel(proposal, proposer, todayInJapan());
  const body = format === "docx" ? await (await import("./proposal-print-docx")).renderDocx(model) : await renderPrintPdf(model);
  await recordAudit(db, actor, {
    action: "export",
    entityType: "zones_proposal",
    entityId: id,
    summary: `特区の提案「${proposal.title}」を規制改革提案の様式で出力（${format === "docx" ? "Word" : "PDF"}）`,
  });
  return {
    file: {
      name: `${fileBase(proposal)}.${format}`,
      mimeType: format === "docx" ? DOCX_MIME : "application/pdf",
      body,
    },
  };
}

async function renderPrintPdf(model: ProposalPrint): Promise<Buffer> {
  const { renderPdf, PDF_FONT_FAMILY } = await import("../../platform/pdf/printer");
  const cell = (text: string, extra: Record<string, unknown> = {}) => ({ text, ...extra });
  const layout = {
    hLineWidth: () => 0.4,
    vLineWidth: () => 0.4,
    hLineColor: () => "#777777",
    vLineColor: () => "#999999",
    paddingLeft: () => 4,
    paddingRight: () => 4,
    paddingTop: () => 3,
    paddingBottom: () => 3,
  };
  return renderPdf({
    pageSize: "A4",
    pageMargins: [40, 48, 40, 48],
    defaultStyle: { font: PDF_FONT_FAMILY, fontSize: 9.5, lineHeight: 1.3 },
    info: { title: `${model.heading} ${model.title}` },
    footer: (page: number, pages: number) => ({ text: `${page} / ${pages}`, alignment: "center", fontSize: 8, margin: [0, 16, 0, 0] }),
    content: [
      { text: model.heading, fontSize: 15, bold: true, alignment: "center", margin: [0, 0, 0, 4] },
      { text: model.meta, fontSize: 8.5, alignment: "right", margin: [0, 0, 0, 8] },
      {
        table: {
          widths: [110, "*"],
          body: model.items.map((item) => [
            cell(item.label, { bold: true, fillColor: "#eef1f6" }),
            { stack: item.lines.map((line) => ({ text: line, margin: [0, 0, 0, 2] })) },
          ]),
        },
        layout,
      },
      { text: "これまでの経過", bold: true, fontSize: 11, margin: [0, 12, 0, 4] },
      model.history.length
        ? {
            table: {
              headerRows: 1,
              widths: [88, 118, 56, "*"],
              body: [
                ["年月日", "段階", "回答", "備考"].map((h) => cell(h, { bold: true, fillColor: "#e8eef7" })),
                ...model.history.map((h) => [h.date, h.step, h.answer, h.note]),
              ],
            },
            layout,
          }
        : { text: "経過の記録はありません。" },
    ],
  });
}
