// A unique-constraint violation (PostgreSQL 23505) that no service caught becomes a 409 naming the field, not a 500.
// PGlite and node-postgres both put `code` and `constraint` on the error; the constraint names below are the ones
// PostgreSQL gives the UNIQUE constraints and indexes in migrations/*.sql (<table>_<columns>_key unless named).
import { Conflict } from "../errors";

/** label: the field as read after 「同じ」; message: when 「同じ{label}がすでに登録されています。」 does not read well. */
type UniqueField = { label: string; field?: string; message?: string };

const UNIQUE_FIELDS: Readonly<Record<string, UniqueField>> = {
  // platform
  organisations_code_key: { label: "組織コード", field: "code" },
  organisations_sibling_name: {
    label: "組織名",
    field: "name",
    message: "同じ上位組織の下に同じ名前の組織がすでにあります。別の組織名にしてください。",
  },
  users_login_id_key: { label: "ログインID", field: "loginId" },
  tabular_imports_kind_file_sha256_key: { label: "内容の取込ファイル", message: "同じ内容のファイルがすでに取り込まれています。" },
  // policy
  policy_statuses_pkey: { label: "状況の名前", field: "label" },
  policy_documents_organisation_id_fiscal_year_key: {
    label: "年度",
    field: "fiscalYear",
    message: "この組織の同じ年度の局区方針がすでに登録されています。",
  },
  policy_challenges_document_id_code_key: { label: "課題番号", field: "code" },
  // furusato
  furusato_suppliers_code_key: { label: "事業者コード", field: "code" },
  furusato_suppliers_organisation_id_key: {
    label: "組織",
    field: "organisationId",
    message: "この組織はすでに別の事業者に結び付いています。",
  },
  furusato_gifts_code_key: { label: "返礼品コード", field: "code" },
  furusato_portals_pkey: { label: "サイトのコード", field: "code" },
  furusato_portals_name_key: { label: "サイト名", field: "name" },
  furusato_listings_gift_id_portal_code_key: {
    label: "サイト",
    field: "portalCode",
    message: "この返礼品はすでに同じサイトに掲載されています。",
  },
  furusato_fund_uses_pkey: { label: "使い道のコード", field: "code" },
  furusato_fund_uses_name_key: { label: "使い道の名前", field: "name" },
  furusato_donation_mappings_name_key: { label: "取込設定の名前", field: "name" },
  furusato_donation_imports_portal_code_file_sha256_key: {
    label: "内容の取込ファイル",
    message: "同じサイトの同じ内容の取込ファイルがすでに取り込まれています。",
  },
  furusato_donations_portal_code_order_number_key: { label: "サイトの受付番号", field: "orderNumber" },
  furusato_shipments_donation_id_line_no_key: { label: "明細行", message: "この寄附の同じ明細行の発送がすでに登録されています。" },
  furusato_certificates_certificate_number_key: { label: "受領証明書の番号", field: "certificateNumber" },
  // vision
  vision_nodes_plan_id_code_key: { label: "番号", field: "code", message: "同じ計画の中に同じ番号がすでに登録されています。" },
  vision_indicators_code_key: { label: "指標コード", field: "code" },
  vision_rounds_plan_id_name_key: { label: "評価回の名前", field: "name", message: "同じ計画に同じ名前の評価回がすでに登録されています。" },
  vision_council_members_user_id_key: {
    label: "利用者アカウント",
    field: "userId",
    message: "この利用者アカウントはすでに別の委員に結び付いています。",
  },
};

export const UNIQUE_FALLBACK_MESSAGE = "同じ値がすでに登録されています。";

/** The PostgreSQL unique violation behind `error` (itself or a `cause`), or null. */
function uniqueViolationOf(error: unknown): { constraint?: string } | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const candidate = current as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (candidate.code === "23505") {
      return { constraint: typeof candidate.constraint === "string" ? candidate.constraint : undefined };
    }
    current = candidate.cause;
  }
  return null;
}

/** A Conflict (409) for a unique violation, naming the field when the constraint is known; null for other errors. */
export function conflictOfUniqueViolation(error: unknown): Conflict | null {
  const violation = uniqueViolationOf(error);
  if (!violation) return null;
  const known = violation.constraint ? UNIQUE_FIELDS[violation.constraint] : undefined;
  if (!known) return new Conflict(UNIQUE_FALLBACK_MESSAGE, "duplicate_value");
  const message = known.message ?? `同じ${known.label}がすでに登録されています。別の${known.label}にしてください。`;
  return new Conflict(
    message,
    "duplicate_value",
    known.field ? { [known.field]: `この${known.label}はすでに使われています。` } : undefined,
  );
}
