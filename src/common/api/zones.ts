// Contracts of the zones module (issue 18, 特区の規制改革提案): proposals (list with filters and export, detail, create,
// edit), their path through the state machine (common/zones/proposal-states.ts: every move is checked there and in
// the same transaction recorded and audited), documents and evidence files, the pipeline by state with days in each
// state, and the print in the items of the national 国家戦略特区 規制改革提案 form (Word and PDF). Every member of staff
// reads; the bureau that carries the proposals (zones.manager: its editors and administrators) changes them.
import { z } from "zod";
import { ATTACHMENTS_PER_SECTION_MAX, DOCUMENT_UPLOAD_MAX_BYTES } from "../upload-limits";
import { DOCUMENT_CATEGORIES, MEASURE_KINDS, MEASURE_SCOPES, PARTNER_KINDS, PROPOSAL_FIELDS } from "../zones/proposal-fields";
import { ANSWER_KINDS, PROPOSAL_STATES } from "../zones/proposal-states";
import { defineContract, idParams, pageOf, pageQuery } from "./contract";

export { ATTACHMENTS_PER_SECTION_MAX as ZONES_DOCUMENTS_MAX };

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日付は YYYY-MM-DD の形で指定してください。");
const exportFormat = z.enum(["csv", "xlsx"]).default("xlsx");

// ------------------------------------------------------------------ shapes

export const proposalPartner = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(PARTNER_KINDS),
  /** 役割 (共同研究・実証フィールド提供 …) */
  role: z.string(),
});
export type ProposalPartner = z.infer<typeof proposalPartner>;

export const proposalRegulation = z.object({
  id: z.string(),
  /** 根拠法令 (電波法) */
  law: z.string(),
  /** 条項 (第4条 …); empty when not identified */
  article: z.string(),
  /** 所管省庁 (総務省) */
  ministry: z.string(),
  /** what the rule blocks */
  note: z.string(),
});
export type ProposalRegulation = z.infer<typeof proposalRegulation>;

export const proposalSummary = z.object({
  id: z.string(),
  title: z.string(),
  field: z.enum(PROPOSAL_FIELDS),
  state: z.enum(PROPOSAL_STATES),
  /** 第2回検討要請（再検討要請）, 第1回回答（条件付可）… */
  stateLabel: z.string(),
  /** YYYY-MM-DD: the day the current state was entered */
  stateSince: z.string(),
  /** days in the current state (to today; 0 for a date after today) */
  daysInState: z.number().int(),
  /** days since the first step (調査研究) */
  totalDays: z.number().int(),
  /** partners' names, in order */
  partnerNames: z.array(z.string()),
  /** 所管省庁, distinct, in order */
  ministries: z.array(z.string()),
  /** the 提案 step's date (null before 提案) */
  proposedOn: z.string().nullable(),
  measureScope: z.enum(MEASURE_SCOPES),
  measureKind: z.enum(MEASURE_KINDS),
  isEnded: z.boolean(),
  isSample: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type ProposalSummary = z.infer<typeof proposalSummary>;

export const proposalStep = z.object({
  id: z.string(),
  /** 1, 2, … in the order entered */
  seq: z.number().int(),
  state: z.enum(PROPOSAL_STATES),
  /** 第1回検討要請, 第1回回答（可）… */
  label: z.string(),
  /** YYYY-MM-DD */
  date: z.string(),
  /** request/answer round; null for other steps */
  round: z.number().int().nullable(),
  answer: z.enum(ANSWER_KINDS).nullable(),
  /** the reason recorded for a skip (or a move the previous step did not open); null for a natural move */
  skipReason: z.string().nullable(),
  note: z.string(),
  /** the day the next step was entered (null: the current step) */
  leftOn: z.string().nullable(),
  days: z.number().int(),
  recordedByName: z.string().nullable(),
  /** ISO timestamp */
  recordedAt: z.string(),
});
export type ProposalStepView = z.infer<typeof proposalStep>;

export const proposalDocument = z.object({
  /** the file's id (download and delete use it) */
  id: z.string(),
  name: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  category: z.enum(DOCUMENT_CATEGORIES),
  /** the step it belongs to (null: the proposal as a whole) */
  stepId: z.string().nullable(),
  stepLabel: z.string().nullable(),
  note: z.string(),
  uploaderName: z.string().nullable(),
  /** ISO timestamp */
  createdAt: z.string(),
});
export type ProposalDocument = z.infer<typeof proposalDocument>;

export const nextMove = z.object({
  to: z.enum(PROPOSAL_STATES),
  /** 第2回検討要請（再検討要請）, 措置方針 … */
  label: z.string(),
  /** a reason must be sent (a skip, or a move the current step does not open) */
  needsReason: z.boolean(),
  /** 回答: an answer kind must be sent */
  needsAnswer: z.boolean(),
  round: z.number().int().nullable(),
});
export type NextMove = z.infer<typeof nextMove>;

export const stateDays = z.object({ state: z.enum(PROPOSAL_STATES), label: z.string(), days: z.number().int() });

export const proposalDetail = proposalSummary.extend({
  summary: z.string(),
  businessPlan: z.string(),
  necessity: z.string(),
  researchNotes: z.string(),
  partners: z.array(proposalPartner),
  regulations: z.array(proposalRegulation),
  /** the history, oldest first, each step with its days */
  steps: z.array(proposalStep),
  /** days spent in each state over the whole history (rounds add up), in pipeline order, states never entered left out */
  daysByState: z.array(stateDays),
  documents: z.array(proposalDocument),
  /** the moves allowed now (empty for a manager when the proposal has ended; empty for readers) */
  nextMoves: z.array(nextMove),
  canManage: z.boolean(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export type ProposalDetail = z.infer<typeof proposalDetail>;

// ------------------------------------------------------------------ list, export, pipeline

export const PROPOSAL_SORTS = ["updated", "title", "state", "stateSince", "daysInState", "proposedOn"] as const;

const listFilter = {
  /** one state, or "active" (not ended) / "ended" */
  state: z.union([z.enum(PROPOSAL_STATES), z.enum(["active", "ended"])]).optional(),
  field: z.enum(PROPOSAL_FIELDS).optional(),
  /** words in the title, summary, partners, laws and ministries */
  q: z.string().trim().max(100).optional(),
  sort: z.enum(PROPOSAL_SORTS).default("updated"),
  order: z.enum(["asc", "desc"]).default("desc"),
};

export const listProposals = defineContract({
  method: "get",
  path: "/api/zones/proposals",
  tag: "zones",
  summary: "特区の規制改革提案の一覧（状態・分野・語句で絞り込み、並べ替え、ページ送り。滞留日数つき）",
  allow: ["staff"],
  query: z.object({ ...listFilter, ...pageQuery }).strict(),
  response: pageOf(proposalSummary).extend({ canManage: z.boolean() }),
});

export const exportProposals = defineContract({
  method: "get",
  path: "/api/zones/proposals/export",
  tag: "zones",
  summary: "特区の規制改革提案の一覧をExcelまたはCSV（UTF-8 BOM付き）で出力（絞り込みは一覧と同じ。日付は和暦と西暦）",
  allow: ["staff"],
  query: z.object({ ...listFilter, format: exportFormat }).strict(),
  kind: "file",
  response: z.unknown(),
});

export const pipelineItem = z.object({
  id: z.string(),
  title: z.string(),
  field: z.enum(PROPOSAL_FIELDS),
  stateLabel: z.string(),
  stateSince: z.string(),
  daysInState: z.number().int(),
  totalDays: z.number().int(),
  partnerNames: z.array(z.string()),
  isSample: z.boolean(),
});
export type PipelineItem = z.infer<typeof pipelineItem>;

export const pipelineColumn = z.object({
  state: z.enum(PROPOSAL_STATES),
  label: z.string(),
  isEnd: z.boolean(),
  /** longest in the state first */
  items: z.array(pipelineItem),
});
export type PipelineColumn = z.infer<typeof pipelineColumn>;

export const getPipeline = defineContract({
  method: "get",
  path: "/api/zones/pipeline",
  tag: "zones",
  summary: "提案のパイプライン（状態ごとの提案、現在の状態の滞留日数と通算日数）",
  allow: ["staff"],
  query: z.object({ field: z.enum(PROPOSAL_FIELDS).optional() }).strict(),
  response: z.object({
    /** YYYY-MM-DD the days are counted to */
    today: z.string(),
    /** every state in pipeline order (also the empty ones) */
    columns: z.array(pipelineColumn),
  }),
});

// ------------------------------------------------------------------ one proposal

export const getProposal = defineContract({
  method: "get",
  path: "/api/zones/proposals/:id",
  tag: "zones",
  summary: "特区の規制改革提案の詳細（連携先、規制、手続の経過と滞留日数、書類、次に進める段階）",
  allow: ["staff"],
  params: idParams,
  response: proposalDetail,
});

const text = (label: string, max: number) => z.string().trim().max(max, `${label}は${max}文字以内です。`);
const required = (label: string, max: number) => text(label, max).min(1, `${label}を入力してください。`);

export const partnerInput = z
  .object({
    name: required("連携先の名称", 80),
    kind: z.enum(PARTNER_KINDS, { message: "連携先の種別を選んでください。" }),
    role: text("連携先の役割", 200).default(""),
  })
  .strict();

export const regulationInput = z
  .object({
    law: required("根拠法令", 120),
    article: text("条項", 120).default(""),
    ministry: required("所管省庁", 60),
    note: text("規制の内容", 1000).default(""),
  })
  .strict();

const proposalFields = {
  title: required("提案名", 200),
  field: z.enum(PROPOSAL_FIELDS, { message: "分野を選んでください。" }),
  summary: text("提案の概要", 4000).default(""),
  measureScope: z.enum(MEASURE_SCOPES, { message: "措置の範囲（区域限定・全国）を選んでください。" }),
  measureKind: z.enum(MEASURE_KINDS, { message: "措置の種類（規制改革・グレーゾーン解消）を選んでください。" }),
  businessPlan: text("事業計画", 8000).default(""),
  necessity: text("提案理由・必要性", 8000).default(""),
  researchNotes: text("調査研究のメモ", 8000).default(""),
  /** in order; replaces the list */
  partners: z.array(partnerInput).max(30, "連携先は30件までです。").default([]),
  /** in order; replaces the list */
  regulations: z.array(regulationInput).max(20, "規制は20件までです。").default([]),
};

export const createProposalBody = z
  .object({
    ...proposalFields,
    /** the date of the first step (調査研究); YYYY-MM-DD, not after today */
    startedOn: isoDate,
    note: text("メモ", 2000).default(""),
  })
  .strict();
export type CreateProposalInput = z.input<typeof createProposalBody>;

export const createProposal = defineContract({
  method: "post",
  path: "/api/zones/proposals",
  tag: "zones",
  summary: "特区の規制改革提案を登録（調査研究の段階から。特区を所管する局の担当者）",
  allow: ["zones.manager"],
  body: createProposalBody,
  response: proposalDetail,
});

export const updateProposalBody = z.object({ version: z.number().int().min(1), ...proposalFields }).strict();
export type UpdateProposalInput = z.input<typeof updateProposalBody>;

export const updateProposal = defineContract({
  method: "patch",
  path: "/api/zones/proposals/:id",
  tag: "zones",
  summary: "特区の規制改革提案を編集（版の確認つき。連携先と規制は一覧ごと置き換え）",
  allow: ["zones.manager"],
  params: idParams,
  body: updateProposalBody,
  response: proposalDetail,
});

export const moveProposalBody = z
  .object({
    /** the proposal's version as read (a concurrent move or edit: 409) */
    version: z.number().int().min(1),
    to: z.enum(PROPOSAL_STATES, { message: "進める段階を選んでください。" }),
    /** YYYY-MM-DD; not before the last step, not after today */
    date: isoDate,
    /** 回答 only */
    answer: z.enum(ANSWER_KINDS).nullable().default(null),
    /** required for a skip (nextMoves[].needsReason) */
    reason: text("理由", 1000).nullable().default(null),
    note: text("メモ", 2000).default(""),
  })
  .strict();
export type MoveProposalInput = z.input<typeof moveProposalBody>;

export const moveProposal = defineContract({
  method: "post",
  path: "/api/zones/proposals/:id/steps",
  tag: "zones",
  summary: "提案を次の段階へ進める（状態遷移の規則で確認し、経過と監査記録を一つのトランザクションで記録）",
  allow: ["zones.manager"],
  params: idParams,
  body: moveProposalBody,
  response: proposalDetail,
});

// ------------------------------------------------------------------ documents

const UPLOAD_NOTE = "multipart/form-data の file 項目。PDF・PNG・JPEG・Word・Excel・PowerPoint、10MB まで";
const fileParams = z.object({
  id: z.uuid({ message: "IDの形式が正しくありません" }),
  fileId: z.uuid({ message: "IDの形式が正しくありません" }),
});

export const uploadProposalDocument = defineContract({
  method: "post",
  path: "/api/zones/proposals/:id/documents",
  tag: "zones",
  summary: `提案に書類・根拠資料を添付（category=evidence で根拠資料、stepId で手続の段階に紐付け。${UPLOAD_NOTE}）`,
  allow: ["zones.manager"],
  kind: "multipart",
  uploadMaxBytes: DOCUMENT_UPLOAD_MAX_BYTES,
  params: idParams,
  query: z
    .object({
      category: z.enum(DOCUMENT_CATEGORIES).default("document"),
      stepId: z.uuid({ message: "手続の段階を選び直してください。" }).optional(),
      note: z.string().trim().max(200, "メモは200文字以内です。").default(""),
    })
    .strict(),
  response: z.object({ items: z.array(proposalDocument) }),
});

export const downloadProposalDocument = defineContract({
  method: "get",
  path: "/api/zones/proposals/:id/documents/:fileId",
  tag: "zones",
  summary: "提案の書類・根拠資料をダウンロード",
  allow: ["staff"],
  kind: "file",
  params: fileParams,
  response: z.unknown(),
});

export const deleteProposalDocument = defineContract({
  method: "delete",
  path: "/api/zones/proposals/:id/documents/:fileId",
  tag: "zones",
  summary: "提案の書類・根拠資料を削除",
  allow: ["zones.manager"],
  params: fileParams,
  response: z.object({ items: z.array(proposalDocument) }),
});

// ------------------------------------------------------------------ print

export const printProposal = defineContract({
  method: "get",
  path: "/api/zones/proposals/:id/print",
  tag: "zones",
  summary: "提案を国家戦略特区 規制改革提案の様式の項目で出力（Word または PDF。経過は和暦）",
  allow: ["staff"],
  params: idParams,
  query: z.object({ format: z.enum(["docx", "pdf"]).default("docx") }).strict(),
  kind: "file",
  response: z.unknown(),
});
