// HTTP handlers of the ledger's ingest: 使い道, 取込設定, 取込 and the donation ledger. Donors' records reach only the
// staff of the organisation that runs ふるさと納税 (access.ts, one rule): names masked in lists unless a manager asks
// for them, personal data for managers only, and every look at it or export of it is audited.
import * as api from "../../../../common/api/furusato-ledger";
import * as settingsApi from "../../../../common/api/furusato-settings";
import type { DonorGender } from "../../../../common/furusato/donation";
import { DONATION_FIELDS } from "../../../../common/furusato/donation-mapping";
import type { Queryable } from "../../../db/database";
import { recordAudit } from "../../../platform/audit/audit";
import { AppError, Forbidden, NotFound, ValidationError } from "../../../platform/errors";
import { checkTabularUpload, storeFile } from "../../../platform/files/files";
import type { ApiRouter } from "../../../platform/http/router";
import type { AppDeps } from "../../../platform/http/types";
import { writeCsv } from "../../../platform/tabular/csv-write";
import { writeXlsx } from "../../../platform/tabular/xlsx-write";
import { accessOf, type FurusatoAccess, recordDonorView, requireDonorRecords, requireManager, revealDonorNames } from "../access";
import { DONATION_IMPORT_JOB, type DonationImportJobData } from "./donation-import";
import { type DonationListRow, findAllDonations, findDonation, findDonations } from "./donations-query";
import { maskName } from "./donor-name";
import * as mappings from "./mappings";
import { sampleDonationFileBytes } from "./sample-files";
import { readFurusatoSettings, saveFurusatoSettings } from "./settings";
import { SHIPPED_MAPPINGS } from "./shipped-mappings";

/** The ledger is staff work: a supplier's login sees its shipments elsewhere, never the ledger. */
async function staffAccess(db: Queryable, user: Parameters<typeof accessOf>[1]): Promise<FurusatoAccess> {
  const access = await accessOf(db, user);
  if (access.supplier) throw new Forbidden();
  return access;
}

function summary(row: DonationListRow, revealed: boolean): api.DonationSummary {
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
    anonymised: row.anonymised_at !== null,
    isSample: row.is_sample,
  };
}

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

export function registerLedgerIngestRoutes(router: ApiRouter, deps: AppDeps): void {
  const { db } = deps;

  router.on(settingsApi.getFurusatoSettings, async (_, { user }) => {
    const access = await staffAccess(db, user);
    return { ...(await readFurusatoSettings(db)), canEdit: access.manager };
  });

  router.on(settingsApi.putFurusatoSettings, async ({ body }, { user, actor }) => {
    const access = await staffAccess(db, user);
    requireManager(access);
    return { ...(await saveFurusatoSettings(db, actor, body)), canEdit: true };
  });

  router.on(api.listFundUses, async (_, { user }) => {
    await staffAccess(db, user);
    return { items: await mappings.listFundUses(db) };
  });

  router.on(api.createFundUse, async ({ body }, { user, actor }) => {
    requireManager(await staffAccess(db, user));
    return mappings.createFundUse(db, actor, body);
  });

  router.on(api.listMappings, async (_, { user }) => {
    await staffAccess(db, user);
    return {
      items: await mappings.listMappings(db),
      fields: { ...DONATION_FIELDS },
      shipped: SHIPPED_MAPPINGS.map((m) => ({ key: m.key, name: m.name, portalCode: m.portalCode })),
    };
  });

  router.on(api.getMapping, async ({ params }, { user }) => {
    await staffAccess(db, user);
    return mappings.mappingDetail(db, params.id);
  });

  router.on(api.createMapping, async ({ body }, { user, actor }) => {
    requireManager(await staffAccess(db, user));
    const shipped = body.shipped ? SHIPPED_MAPPINGS.find((m) => m.key === body.shipped) : undefined;
    if (body.shipped && !shipped) throw new ValidationError("用意された取込設定が見つかりません。");
    const config = body.config ?? shipped?.config();
    if (!config) throw new ValidationError("用意された設定を選ぶか、列の対応を指定してください。");
    return mappings.createMapping(db, actor, { portalCode: body.portalCode, name: body.name, config });
  });

  router.on(api.updateMapping, async ({ params, body }, { user, actor }) => {
    requireManager(await staffAccess(db, user));
    return mappings.updateMapping(db, actor, params.id, body);
  });

  router.on(api.mapUnknownValue, async ({ params, body }, { user, actor }) => {
    requireManager(await staffAccess(db, user));
    return mappings.mapUnknownValue(db, actor, params.id, body);
  });

  router.on(api.startDonationImport, async ({ params }, { user, actor, c }) => {
    requireManager(await staffAccess(db, user));
    await mappings.mappingDetail(db, params.id);
    if (!deps.jobs) throw new AppError(503, "jobs_unavailable", "ジョブ実行基盤が起動していません。");
    const upload = (await c.req.parseBody()).file;
    if (!(upload instanceof File)) throw new ValidationError("ファイルを選んでください。", { file: "ファイルを選んでください。" });
    const bytes = new Uint8Array(await upload.arrayBuffer());
    const mimeType = checkTabularUpload(upload.name, bytes);
    const stored = await storeFile(db, {
      name: upload.name,
      mimeType,
      bytes,
      createdBy: user?.id ?? null,
      owner: { kind: "import", id: null, purpose: "import_upload" },
    });
    const data: DonationImportJobData = { mappingId: params.id, fileId: stored.id, actor };
    return { jobId: await deps.jobs.enqueue(DONATION_IMPORT_JOB, data, user?.id ?? null) };
  });

  router.on(api.listDonationImports, async ({ query }, { user }) => {
    await staffAccess(db, user);
    return mappings.listImports(db, query);
  });

  router.on(api.sampleDonationFile, async ({ params }, { user }) => {
    await staffAccess(db, user);
    return { file: sampleDonationFileBytes(params.key) };
  });

  // Registered before /donations/:id so that "export" is not read as an id.
  router.on(api.exportDonations, async ({ query }, { user, actor }) => {
    const access = await staffAccess(db, user);
    requireDonorRecords(access);
    const personal = query.personal === "true";
    if (personal) requireManager(access);
    const { format, personal: _, ...filter } = query;
    const rows = await findAllDonations(db, filter);
    const header = personal ? [...EXPORT_HEADER, ...PERSONAL_HEADER] : [...EXPORT_HEADER, "寄附者（伏せ字）"];
    const cells = rows.map((r) => [
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
    ]);
    await recordAudit(db, actor, {
      action: personal ? "export_personal" : "export",
      entityType: "furusato_donation",
      entityId: null,
      summary: `寄附台帳を書き出し（${rows.length}件${personal ? "・個人情報を含む" : ""}、${format === "xlsx" ? "Excel" : "CSV"}）`,
    });
    const stem = `寄附台帳_${new Date().toISOString().slice(0, 10)}`;
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
  });

  router.on(api.listDonations, async ({ query }, { user, actor }) => {
    const access = await staffAccess(db, user);
    requireDonorRecords(access);
    if (query.reveal === "true") requireManager(access);
    const { page, pageSize, sort, reveal, ...filter } = query;
    const { rows, total } = await findDonations(db, filter, { page, pageSize, sort });
    const revealed = await revealDonorNames(db, access, actor, reveal === "true", "寄附台帳で寄附者名を表示", rows.length);
    return { items: rows.map((r) => summary(r, revealed)), total, page, pageSize, canReveal: access.manager, revealed };
  });

  router.on(api.getDonation, async ({ params }, { user, actor }) => {
    const access = await staffAccess(db, user);
    requireDonorRecords(access);
    const found = await findDonation(db, params.id);
    if (!found) throw new NotFound("寄附");
    const d = found.donation;
    if (access.manager) await recordDonorView(db, actor, `寄附 ${d.order_number} の寄附者情報を表示`, 1, d.id);
    return {
      ...summary(d, access.manager),
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
  });
}
