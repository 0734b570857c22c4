// The furusato module's unique constraints (migrations/*.sql), named for the 409 a duplicate answers with.
import type { UniqueConflict } from "../../platform/http/db-errors";

export const furusatoUniqueConflicts: Readonly<Record<string, UniqueConflict>> = {
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
};
