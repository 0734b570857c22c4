// 海外出張の状態遷移: the one table of which state a trip may move to, who may move it and what the move needs. Pure
// data and functions (no database): the service checks a request against it and the detail page's buttons
// (nextStatuses) come from it, so the two can never disagree.
//
//   計画 → 申請 → 決裁 → 出張中 → 帰庁 → 報告書提出 → 精算 → 完了
//   申請 → 計画 (差戻し) ; 決裁 → 変更 → 申請 ; 計画・申請・決裁・変更 → 中止
//
// 報告書提出 is reached only by filing the report (fileTripReport), never by a bare transition. 中止 and 完了 are final.
import { TRIP_STATUS_LABELS, type TripStatus } from "../../../common/api/international";

/**
 * Who may make a move:
 * - owner: the editors of the division that owns the trip (and administrators);
 * - manager: the editors of the coordinating bureau (international.manager, and administrators);
 * - traveller: a traveller of the trip whose login is an editor (files the report of a trip they went on).
 */
export type TripActorRole = "owner" | "manager" | "traveller";

/** What the request must carry (besides version and to). */
export type TransitionNeed = "note" | "approvedBy" | "approvedOn" | "safetyLevel" | "cancelReason";

export interface TripTransition {
  from: TripStatus;
  to: TripStatus;
  by: readonly TripActorRole[];
  needs: readonly TransitionNeed[];
  /** the move's name on buttons and in the history (申請, 決裁, 差戻し …) */
  label: string;
  /** only through fileTripReport (報告書提出), not through transitionTrip */
  viaReport?: true;
  /** the trip must have exactly one 団長 (a trip leaves 計画/変更 only with its leader named) */
  needsLeader?: true;
  /** every cost line must have its settled amount (精算) */
  needsSettledCosts?: true;
}

export const TRIP_TRANSITIONS: readonly TripTransition[] = [
  { from: "planned", to: "applied", by: ["owner"], needs: [], label: "申請", needsLeader: true },
  { from: "planned", to: "cancelled", by: ["owner"], needs: ["cancelReason"], label: "中止" },
  // 決裁 records the 旅行命令: who approved it, when, and on what conditions (optional)
  { from: "applied", to: "approved", by: ["manager"], needs: ["approvedBy", "approvedOn"], label: "決裁" },
  { from: "applied", to: "planned", by: ["manager"], needs: ["note"], label: "差戻し" },
  { from: "applied", to: "cancelled", by: ["owner", "manager"], needs: ["cancelReason"], label: "中止" },
  // the destination's 危険情報 as it stood on departure, kept with the trip
  { from: "approved", to: "travelling", by: ["owner"], needs: ["safetyLevel"], label: "出発" },
  // plans changed after 決裁: the trip is edited again and goes back through 申請
  { from: "approved", to: "changed", by: ["owner"], needs: ["note"], label: "変更" },
  { from: "approved", to: "cancelled", by: ["owner", "manager"], needs: ["cancelReason"], label: "中止" },
  { from: "changed", to: "applied", by: ["owner"], needs: [], label: "再申請", needsLeader: true },
  { from: "changed", to: "cancelled", by: ["owner"], needs: ["cancelReason"], label: "中止" },
  { from: "travelling", to: "returned", by: ["owner"], needs: [], label: "帰庁" },
  { from: "returned", to: "reported", by: ["owner", "traveller"], needs: [], label: "報告書提出", viaReport: true },
  { from: "reported", to: "settled", by: ["manager"], needs: [], label: "精算", needsSettledCosts: true },
  { from: "settled", to: "completed", by: ["manager"], needs: [], label: "完了" },
];

export const FINAL_TRIP_STATUSES: readonly TripStatus[] = ["cancelled", "completed"];

/** States in which every field of the trip may be edited (before 申請, or after 変更). */
export const EDITABLE_TRIP_STATUSES: readonly TripStatus[] = ["planned", "changed"];

export const NEED_LABELS: Record<TransitionNeed, string> = {
  note: "メモ（理由）",
  approvedBy: "決裁者",
  approvedOn: "決裁日",
  safetyLevel: "出発時の危険情報レベル",
  cancelReason: "中止の理由",
};

export function findTransition(from: TripStatus, to: TripStatus): TripTransition | undefined {
  return TRIP_TRANSITIONS.find((t) => t.from === from && t.to === to);
}

/** The moves a caller holding `roles` may make from `status` by transitionTrip (報告書提出 is the report form's). */
export function nextStatusesFor(status: TripStatus, roles: ReadonlySet<TripActorRole>): TripStatus[] {
  return TRIP_TRANSITIONS.filter((t) => t.from === status && !t.viaReport && t.by.some((r) => roles.has(r))).map((t) => t.to);
}

export interface TransitionRequest {
  note?: string;
  approvedBy?: string;
  approvedOn?: string;
  safetyLevel?: number;
  cancelReason?: string;
}

export type TransitionCheck =
  | { ok: true; transition: TripTransition }
  | { ok: false; kind: "invalid" | "forbidden" | "incomplete"; message: string; fields?: Record<string, string> };

const present = (request: TransitionRequest, need: TransitionNeed): boolean => {
  const value = request[need];
  return typeof value === "number" || (typeof value === "string" && value.trim() !== "");
};

/**
 * Checks one requested move against the table: is it a move at all (invalid), may the caller make it (forbidden),
 * does the request carry what the move needs (incomplete). Data rules on the trip itself (its leader, its cost
 * lines) are the service's, named by the transition's needsLeader / needsSettledCosts.
 */
export function checkTransition(
  from: TripStatus,
  to: TripStatus,
  roles: ReadonlySet<TripActorRole>,
  request: TransitionRequest,
): TransitionCheck {
  const label = (s: TripStatus) => `「${TRIP_STATUS_LABELS[s]}」`;
  if (FINAL_TRIP_STATUSES.includes(from)) return { ok: false, kind: "invalid", message: `${label(from)}の出張の状態は変えられません。` };
  const transition = findTransition(from, to);
  if (!transition) return { ok: false, kind: "invalid", message: `${label(from)}から${label(to)}へは進められません。` };
  if (transition.viaReport)
    return { ok: false, kind: "invalid", message: `${label(to)}には、出張報告を提出すると進みます（報告の入力から提出してください）。` };
  if (!transition.by.some((r) => roles.has(r))) {
    const who = transition.by.map((r) => ROLE_LABELS[r]).join("または");
    return { ok: false, kind: "forbidden", message: `${transition.label}（${label(from)}→${label(to)}）は${who}だけが行えます。` };
  }
  const missing = transition.needs.filter((need) => !present(request, need));
  if (missing.length > 0) {
    const fields = Object.fromEntries(missing.map((need) => [need, `${NEED_LABELS[need]}を入力してください。`]));
    return {
      ok: false,
      kind: "incomplete",
      message: `${transition.label}には${missing.map((need) => NEED_LABELS[need]).join("・")}が必要です。`,
      fields,
    };
  }
  return { ok: true, transition };
}

export const ROLE_LABELS: Record<TripActorRole, string> = {
  owner: "出張を所管する課の職員",
  manager: "国際を所管する局の担当者",
  traveller: "出張者本人",
};

/** 報告書の提出期限 when none is given: 帰着日の30日後. */
export const REPORT_DUE_DAYS = 30;

export function defaultReportDueOn(returnsOn: string): string {
  const [y, m, d] = returnsOn.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d) + REPORT_DUE_DAYS * 86_400_000).toISOString().slice(0, 10);
}

/** 報告書の遅延: due before today (in Japan), not filed, and the trip is under way or back (出張中・帰庁). */
export function isReportOverdue(
  trip: { status: TripStatus; reportDueOn: string | null; reportFiledOn: string | null },
  today: string,
): boolean {
  return (
    trip.reportDueOn !== null &&
    trip.reportDueOn < today &&
    trip.reportFiledOn === null &&
    (trip.status === "travelling" || trip.status === "returned")
  );
}
