// A follow-up action as the API shows it, and who may close it: the bureau responsible for the analyses (managers)
// and the editors of the action's owner division (their own actions only).

import { isOverdue } from "../../../common/analysis/review-rules";
import type { ActionView } from "../../../common/api/analysis-reviews";
import type { Principal } from "../../platform/auth/permissions";
import type { ActionListRow } from "./action-repository";

export interface Closer {
  user: Principal;
  isManager: boolean;
}

/** 担当課の編集者: an editor whose organisation is the action's owner division. */
export function isOwnerDivisionEditor(user: Principal, ownerOrganisationId: string | null): boolean {
  return user.role === "editor" && ownerOrganisationId !== null && user.organisationId === ownerOrganisationId;
}

export function canCloseAction(closer: Closer | null, ownerOrganisationId: string | null): boolean {
  if (!closer) return false;
  return closer.isManager || isOwnerDivisionEditor(closer.user, ownerOrganisationId);
}

export function actionViewOf(row: ActionListRow, today: string, closer: Closer | null): ActionView {
  return {
    id: row.id,
    reviewId: row.review_id,
    title: row.title,
    detail: row.detail,
    ownerOrganisationId: row.owner_organisation_id,
    ownerOrganisationName: row.owner_organisation_name,
    ownerName: row.owner_name,
    dueOn: row.due_on,
    status: row.status,
    doneOn: row.done_on,
    result: row.result,
    overdue: isOverdue({ status: row.status, dueOn: row.due_on }, today),
    canClose: canCloseAction(closer, row.owner_organisation_id),
    isSample: row.is_sample,
    version: row.version,
  };
}
