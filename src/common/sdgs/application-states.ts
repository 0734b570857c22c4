// 申請の状態と移り方 (the application's states and moves): the one source both the server (which refuses any other
// move) and the screens (which offer only these) read.
//   draft ─提出→ submitted ─要件確認開始→ screening ─書類審査へ→ review ─審査会へ→ committee ─決定→ certified | refused
//   submitted / screening ─差戻し→ returned ─再提出→ submitted;  draft / returned / submitted ─取下げ→ withdrawn

export const APPLICATION_STATUSES = [
  "draft",
  "submitted",
  "returned",
  "screening",
  "review",
  "committee",
  "certified",
  "refused",
  "withdrawn",
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  draft: "下書き",
  submitted: "提出済み",
  returned: "差戻し中",
  screening: "要件確認中",
  review: "書類審査・ヒアリング",
  committee: "審査会待ち",
  certified: "認証",
  refused: "不認証",
  withdrawn: "取下げ",
};

/** Who makes a move: the applying company, the bureau's staff, or the committee's decision (recorded by staff). */
export type ApplicationActor = "company" | "staff" | "committee";

export const APPLICATION_MOVES = [
  "submit",
  "withdraw",
  "start_screening",
  "return",
  "to_review",
  "to_committee",
  "certify",
  "refuse",
] as const;
export type ApplicationMove = (typeof APPLICATION_MOVES)[number];

interface MoveRule {
  from: readonly ApplicationStatus[];
  to: ApplicationStatus;
  by: ApplicationActor;
  label: string;
  /** a comment (reason) must be given */
  needsComment?: boolean;
}

export const MOVE_RULES: Record<ApplicationMove, MoveRule> = {
  submit: { from: ["draft", "returned"], to: "submitted", by: "company", label: "提出する" },
  withdraw: { from: ["draft", "returned", "submitted"], to: "withdrawn", by: "company", label: "取り下げる" },
  start_screening: { from: ["submitted"], to: "screening", by: "staff", label: "要件確認を始める" },
  return: { from: ["submitted", "screening"], to: "returned", by: "staff", label: "差し戻す", needsComment: true },
  to_review: { from: ["screening"], to: "review", by: "staff", label: "書類審査へ進める" },
  to_committee: { from: ["review"], to: "committee", by: "staff", label: "審査会に付す" },
  certify: { from: ["committee"], to: "certified", by: "committee", label: "認証と決定" },
  refuse: { from: ["committee"], to: "refused", by: "committee", label: "不認証と決定", needsComment: true },
};

export function canMove(from: ApplicationStatus, move: ApplicationMove): boolean {
  return MOVE_RULES[move].from.includes(from);
}

/** The moves open from a state for an actor (the buttons a screen shows). */
export function movesFrom(from: ApplicationStatus, actor: ApplicationActor): ApplicationMove[] {
  return APPLICATION_MOVES.filter((move) => MOVE_RULES[move].by === actor && canMove(from, move));
}

/** The company may change its answers, goals and files only while the application is with it. */
export function companyMayEdit(status: ApplicationStatus): boolean {
  return status === "draft" || status === "returned";
}

export function moveRefusal(from: ApplicationStatus, move: ApplicationMove): string {
  return `「${APPLICATION_STATUS_LABELS[from]}」の申請は「${MOVE_RULES[move].label}」ことができません。`;
}
