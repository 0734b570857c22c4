// The donation ledger as the routes call it: the list, one donation, the export. Donors' records reach only the staff
// of the organisation that runs ふるさと納税 (access.ts, one rule): names masked in lists unless a manager asks for
// them, personal data for managers only, and every look at it or export of it is audited.
import type * as api from "../../../../common/api/furusato-ledger";
import { todayInJapan } from "../../../../common/dates";
import type { DonorGender } from "../../../../common/furusato/donation";
import type { Db } from "../../../db/database";
import { type Actor, recordAudit } from "../../../platform/audit/audit";
import type { Principal } from "../../../platform/auth/permissions";
import { NotFound } from "../../../platform/errors";
import { writeCsv } from "../../../platform/tabular/csv-write";
import { writeXlsx } from "../../../platform/tabular/xlsx-write";
import { recordDonorView, requireDonorRecords, requireManager, revealDonorNames, staffAccessOf } from "../access";
import {
  type DonationFilter,
  type DonationListRow,
  type DonationPageRow,
  findAllDonations,
  findDonation,
  findDonations,
} from "./donations-query";
import { maskName } from "./donor-name";

function summary(row: DonationPageRow, revealed: boolean): api.DonationSummary {
  return {
    id: row.id,
    portalCode: row.portal_code,
    portalName: row.portal_name,
    orderNumber: row.order_number,
    donatedOn: row.donated_on,
    fiscalYear: row.fiscal_year,
    amount: row.amount,
    status: row.status,
    paymentMethod: row.payment_method as api.DonationSummary["paymentMethod"],
    fundUseName: row.fund_use_name,
    isResident: row.is_resident,
    oneStopWish: row.one_stop_wish,
    donorName: revealed ? (row.donor_name ?? "") : maskName(row.donor_name),
    giftTitles: row.gift_titles,
    anonymised: row.anonymised,
    isSample: row.is_sample,
  };
}

/** The ledger is staff work: a supplier's login sees its shipments elsewhere, never the ledger. */
async function donorRecordsAccess(db: Db, user: Principal | null) {
  const access = await staffAccessOf(db, user);
  requireDonorRecords(access);
  return access;
}

export async function listDonations(
  db: Db,
  user: Principal | null,
  actor: Actor,
  query: DonationFilter & { page: number; pageSize: number; sort: string; reveal: "true" | "false" },
) {
  const access = await donorRecordsAccess(db, user);
  if (query.reveal === "true") requireManager(access);
  const { page, pageSize, sort, reveal, ...filter } = query;
  const { rows, total } = await findDonations(db, filter, { page, pageSize, sort });
  const revealed = await revealDonorNames(db, access, actor, reveal === "true", "寄附台帳で寄附者名を表示", rows.length);
  return { items: rows.map((r) => summary(r, revealed)), total, page, pageSize, canReveal: access.manager, revealed };
}

/** One donation with what followed it; the donor's personal data for managers only, and that look recorded. */
export async function getDonation(db: Db, user: Principal | null, actor: Actor, id: string): Promise<api.DonationDetail> {
  const access = await donorRecordsAccess(db, user);
  const found = await findDonation(db, id);
  if (!found) throw new NotFound("寄附");
  const d = found.donation;
  if (access.manager) await recordDonorView(db, actor, `寄附 ${d.order_number} の寄附者情報を表示`, 1, d.id);
  return {
    ...summary({ ...d, anonymised: d.anonymised_at !== null }, access.manager),
    appliedOn: d.applied_on,
    paidOn: d.paid_on,
    publicationConsent: d.publication_consent,
    donor: access.manager
      ? {
          name: d.donor_name,
          kana: d.donor_kana,
          postalCode: d.donor_postal_code,
          address: d.donor_address,
          phone: d.donor_phone,
          email: d.donor_email,
          gender: d.donor_gender as DonorGender | null,
        }
      : null,
    shipTo:
      access.manager && d.ship_name
        ? { name: d.ship_name, postalCode: d.ship_postal_code, address: d.ship_address, phone: d.ship_phone }
        : null,
    items: found.items.map((i) => ({ lineNo: i.line_no, giftCode: i.gift_code, giftTitle: i.gift_title, quantity: i.quantity })),
    shipments: found.shipments.map((s) => ({
      lineNo: s.line_no,
      status: s.status,
      dueOn: s.due_on,
      shippedOn: s.shipped_on,
      trackingNumber: s.tracking_number,
    })),
    oneStop: found.oneStop,
    certificates: found.certificates.map((c) => ({ number: c.certificate_number, issuedOn: c.issued_on, reissue: c.reissue })),
    importFileName: d.import_file_name,
  };
}

// ------------------------------------------------------------------ export

const EXPORT_HEADER = [
  "寄附受付サイト",
  "受付番号",
  "寄附日",
  "申込日",
  "入金日",
  "年度",
  "寄附金額",
  "入金状況",
  "決済方法",
  "使い道",
  "市内在住",
  "ワンストップ特例申請",
  "返礼品",
];
const PERSONAL_HEADER = ["寄附者氏名", "フリガナ", "郵便番号", "住所", "電話番号", "メールアドレス"];

function exportCells(r: DonationListRow, personal: boolean): unknown[] {
  return [
    r.portal_name,
    r.order_number,
    r.donated_on,
    r.applied_on,
    r.paid_on ?? "",
    r.fiscal_year,
    r.amount,
    r.status,
    r.payment_method,
    r.fund_use_name ?? "",
    r.is_resident ? "はい" : "いいえ",
    r.one_stop_wish ? "はい" : "いいえ",
    r.gift_titles.join("、"),
    ...(personal
      ? [r.donor_name, r.donor_kana, r.donor_postal_code, r.donor_address, r.donor_phone, r.donor_email]
      : [maskName(r.donor_name)]),
  ];
}

/** The ledger as CSV (Shift_JIS) or Excel; names masked unless a manager asks for personal data. Audited. */
export async function exportDonations(
  db: Db,
  user: Principal | null,
  actor: Actor,
  query: DonationFilter & { format: "csv" | "xlsx"; personal: "true" | "false" },
) {
  const access = await donorRecordsAccess(db, user);
  const personal = query.personal === "true";
  if (personal) requireManager(access);
  const { format, personal: _, ...filter } = query;
  const rows = await findAllDonations(db, filter);
  const header = personal ? [...EXPORT_HEADER, ...PERSONAL_HEADER] : [...EXPORT_HEADER, "寄附者（伏せ字）"];
  const cells = rows.map((r) => exportCells(r, personal));
  await recordAudit(db, actor, {
    action: personal ? "export_personal" : "export",
    entityType: "furusato_donation",
    entityId: null,
    summary: `寄附台帳を書き出し（${rows.length}件${personal ? "・個人情報を含む" : ""}、${format === "xlsx" ? "Excel" : "CSV"}）`,
  });
  const stem = `寄附台帳_${todayInJapan()}`; // named for the day in Japan, not in UTC
  if (format === "xlsx") {
    const body = await writeXlsx([{ name: "寄附台帳", header, rows: cells }]);
    return {
      file: {
        name: `${stem}.xlsx`,
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        body: new Uint8Array(body),
      },
    };
  }
  return {
    file: { name: `${stem}.csv`, mimeType: "text/csv; charset=Shift_JIS", body: writeCsv(header, cells, { encoding: "cp932" }).bytes },
  };
}
