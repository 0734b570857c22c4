// The policy module's unique constraints (migrations/*.sql), named for the 409 a duplicate answers with.
import type { UniqueConflict } from "../../platform/http/db-errors";

export const policyUniqueConflicts: Readonly<Record<string, UniqueConflict>> = {
  policy_statuses_pkey: { label: "状況の名前", field: "label" },
  policy_documents_organisation_id_fiscal_year_key: {
    label: "年度",
    field: "fiscalYear",
    message: "この組織の同じ年度の局区方針がすでに登録されています。",
  },
  policy_challenges_document_id_code_key: { label: "課題番号", field: "code" },
};
