// HTTP handlers of the ledger's ingest: 使い道, 取込設定, 取込 and the donation ledger. Donors' records reach only the
// staff of the organisation that runs ふるさと納税 (access.ts, one rule): names masked in lists unless a manager asks
// for them, personal data for managers only, and every look at it or export of it is audited.
import * as api from "../../../../common/api/furusato-ledger";
import * as settingsApi from "../../../../common/api/furusato-settings";
import type { DonorGender } from "../../../../common/furusato/donation";
import {
  DONATION_FIELDS,
  type DonationMappingConfig,
  donationMappingConfigSchema,
  type MappedField,
} from "../../../../common/furusato/donation-mapping";
import type { Queryable } from "../../../db/database";
import { type Actor, recordAudit } from "../../../platform/audit/audit";
import { AppError, Conflict, Forbidden, NotFound, ValidationError } from "../../../platform/errors";
import { checkTabularUpload, storeFile } from "../../../platform/files/files";
import type { ApiRouter } from "../../../platform/http/router";
import type { AppDeps } from "../../../platform/http/types";
import { writeCsv } from "../../../platform/tabular/csv-write";
import { writeXlsx } from "../../../platform/tabular/xlsx-write";
import { accessOf, type FurusatoAccess, recordDonorView, requireDonorRecords, requireManager, revealDonorNames } from "../access";
import { DONATION_IMPORT_JOB, type DonationImportJobData } from "./donation-import";
import { type DonationListRow, findAllDonations, findDonation, findDonations, maskName } from "./donations-query";
import { sampleDonationFileBytes } from "./sample-files";
import { readFurusatoSettings, saveFurusatoSettings } from "./settings";
import { SHIPPED_MAPPINGS } from "./shipped-mappings";

/** The ledger is staff work: a supplier's login sees its shipments elsewhere, never the ledger. */
async function staffAccess(db: Queryable, user: Parameters<typeof accessOf>[1]): Promise<FurusatoAccess> {
  const access = await accessOf(db, user);
  if (access.supplier) throw new Forbidden();
  return access;
}

async function mappingDetail(db: Queryable, id: string): Promise<api.MappingDetail> {
  const { rows } = await db.query<{
    id: string;
    portal_code: string;
    portal_name: string;
    name: string;
    config: unknown;
    version: number;
    is_sample: boolean;
    import_count: number;
  }>(
    `SELECT m.*, p.name AS portal_name, (SELECT count(*)::int FROM furusato_donation_imports i WHERE i.mapping_id = m.id) AS import_count
       FROM furusato_donation_mappings m JOIN furusato_portals p ON p.code = m.portal_code WHERE m.id = $1`,
    [id],
  );
  const row = rows[0];
  if (!row) throw new NotFound("取込設定");
  return {
    id: row.id,
    portalCode: row.portal_code,
    portalName: row.portal_name,
    name: row.name,
    version: row.version,
    isSample: row.is_sample,
    importCount: row.import_count,
    config: donationMappingConfigSchema.parse(row.config),
  };
}

export async function insertMapping(
  tx: Queryable,
  actor: Actor,
  input: { portalCode: string; name: string; config: DonationMappingConfig; isSample?: boolean },
): Promise<string> {
  const portal = await tx.query("SELECT 1 FROM furusato_portals WHERE code = $1", [input.portalCode]);
  if (portal.rowCount === 0)
    throw new ValidationError("寄附受付サイトが見つかりません。", { portalCode: "寄附受付サイトを選んでください。" });
  const taken = await tx.query("SELECT 1 FROM furusato_donation_mappings WHERE name = $1", [input.name]);
  if (taken.rowCount > 0) throw new Conflict(`取込設定「${input.name}」は既にあります。別の名称にしてください。`);
  const { rows } = await tx.query<{ id: string }>(
    "INSERT INTO furusato_donation_mappings (portal_code, name, config, is_sample) VALUES ($1, $2, $3, $4) RETURNING id",
    [input.portalCode, input.name, JSON.stringify(input.config), input.isSample ?? false],
  );
  await recordAudit(tx, actor, {
    action: "create",
    entityType: "furusato_donation_mapping",
    entityId: rows[0].id,
    summary: `取込設定「${input.name}」を作成`,
    after: input.config,
  });
  return rows[0].id;
}

/** The one-click fix: an unknown portal value gets its ledger meaning, and the next import of the file passes. */
function withValueMapped(config: DonationMappingConfig, field: MappedField, value: string, target: string): DonationMappingConfig {
  const parsedTarget = field === "resident" || field === "oneStopWish" || field === "publicationConsent" ? target === "true" : target;
  if (typeof parsedTarget === "string" && ["resident", "oneStopWish", "publicationConsent"].includes(field))
    throw new ValidationError("「はい」か「いいえ」を選んでください。");
  const next = structuredClone(config);
  next.valueMaps = { ...next.valueMaps, [field]: { ...(next.valueMaps[field] ?? {}), [value]: parsedTarget } };
  const checked = donationMappingConfigSchema.safeParse(next);
  if (!checked.success) throw new ValidationError(`「${target}」は${DONATION_FIELDS[field]}の値として使えません。`);
  return checked.data;
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
    const { rows } = await db.query<{ code: string; name: string; active: boolean; is_sample: boolean }>(
      "SELECT code, name, active, is_sample FROM furusato_fund_uses ORDER BY sort_order, code",
    );
    return { items: rows.map((r) => ({ code: r.code, name: r.name, active: r.active, isSample: r.is_sample })) };
  });

  router.on(api.createFundUse, async ({ body }, { user, actor }) => {
    requireManager(await staffAccess(db, user));
    return db.transaction(async (tx) => {
      const clash = await tx.query("SELECT 1 FROM furusato_fund_uses WHERE code = $1 OR name = $2", [body.code, body.name]);
      if (clash.rowCount > 0) throw new Conflict("同じコードか名称の使い道が既にあります。");
      await tx.query(
        "INSERT INTO furusato_fund_uses (code, name, sort_order) VALUES ($1, $2, (SELECT COALESCE(max(sort_order), 0) + 1 FROM furusato_fund_uses))",
        [body.code, body.name],
      );
      await recordAudit(tx, actor, {
        action: "create",
        entityType: "furusato_fund_use",
        entityId: null,
        summary: `使い道「${body.name}」（${body.code}）を追加`,
      });
      return { code: body.code, name: body.name, active: true, isSample: false };
    });
  });

  router.on(api.listMappings, async (_, { user }) => {
    await staffAccess(db, user);
    const { rows } = await db.query<{ id: string }>("SELECT m.id FROM furusato_donation_mappings m ORDER BY m.name");
    const items = await Promise.all(rows.map(async (r) => (({ config: _, ...rest }) => rest)(await mappingDetail(db, r.id))));
    return {
      items,
      fields: { ...DONATION_FIELDS },
      shipped: SHIPPED_MAPPINGS.map((m) => ({ key: m.key, name: m.name, portalCode: m.portalCode })),
    };
  });

  router.on(api.getMapping, async ({ params }, { user }) => {
    await staffAccess(db, user);
    return mappingDetail(db, params.id);
  });

  router.on(api.createMapping, async ({ body }, { user, actor }) => {
    requireManager(await staffAccess(db, user));
    const shipped = body.shipped ? SHIPPED_MAPPINGS.find((m) => m.key === body.shipped) : undefined;
    if (body.shipped && !shipped) throw new ValidationError("用意された取込設定が見つかりません。");
    const config = body.config ?? shipped?.config();
    if (!config) throw new ValidationError("用意された設定を選ぶか、列の対応を指定してください。");
    const id = await db.transaction((tx) => insertMapping(tx, actor, { portalCode: body.portalCode, name: body.name, config }));
    return mappingDetail(db, id);
  });

  router.on(api.updateMapping, async ({ params, body }, { user, actor }) => {
    requireManager(await staffAccess(db, user));
    await db.transaction(async (tx) => {
      const before = await mappingDetail(tx, params.id);
      if (before.version !== body.version) throw new Conflict("ほかの人が先に取込設定を更新しました。画面を読み込み直してください。");
      const clash = await tx.query("SELECT 1 FROM furusato_donation_mappings WHERE name = $1 AND id <> $2", [body.name, params.id]);
      if (clash.rowCount > 0) throw new Conflict(`取込設定「${body.name}」は既にあります。別の名称にしてください。`);
      await tx.query(
        "UPDATE furusato_donation_mappings SET name = $2, config = $3, version = version + 1, updated_at = now() WHERE id = $1",
        [params.id, body.name, JSON.stringify(body.config)],
      );
      await recordAudit(tx, actor, {
        action: "update",
        entityType: "furusato_donation_mapping",
        entityId: params.id,
        summary: `取込設定「${body.name}」を更新`,
        before: before.config,
        after: body.config,
      });
    });
    return mappingDetail(db, params.id);
  });

  router.on(api.mapUnknownValue, async ({ params, body }, { user, actor }) => {
    requireManager(await staffAccess(db, user));
    await db.transaction(async (tx) => {
      const before = await mappingDetail(tx, params.id);
      if (body.field === "fundUse") {
        const known = await tx.query("SELECT 1 FROM furusato_fund_uses WHERE code = $1", [body.target]);
        if (known.rowCount === 0) throw new ValidationError("対応づける使い道を選んでください。");
      }
      if (body.field === "giftCode") {
        const known = await tx.query("SELECT 1 FROM furusato_gifts WHERE code = $1", [body.target]);
        if (known.rowCount === 0) throw new ValidationError("対応づける返礼品を選んでください。");
      }
      const config = withValueMapped(before.config, body.field, body.value, body.target);
      await tx.query("UPDATE furusato_donation_mappings SET config = $2, version = version + 1, updated_at = now() WHERE id = $1", [
        params.id,
        JSON.stringify(config),
      ]);
      await recordAudit(tx, actor, {
        action: "update",
        entityType: "furusato_donation_mapping",
        entityId: params.id,
        summary: `取込設定「${before.name}」: ${DONATION_FIELDS[body.field]}「${body.value}」を「${body.target}」に対応づけ`,
      });
    });
    return mappingDetail(db, params.id);
  });

  router.on(api.startDonationImport, async ({ params }, { user, actor, c }) => {
    requireManager(await staffAccess(db, user));
    await mappingDetail(db, params.id);
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
    const total = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM furusato_donation_imports");
    const { rows } = await db.query<{
      id: string;
      portal_code: string;
      mapping_name: string;
      file_name: string;
      row_count: number;
      created_count: number;
      updated_count: number;
      unchanged_count: number;
      created_by_name: string | null;
      created_at: Date;
    }>(
      `SELECT i.*, m.name AS mapping_name, u.display_name AS created_by_name
         FROM furusato_donation_imports i JOIN furusato_donation_mappings m ON m.id = i.mapping_id
         LEFT JOIN users u ON u.id = i.created_by
        ORDER BY i.created_at DESC LIMIT $1 OFFSET $2`,
      [query.pageSize, (query.page - 1) * query.pageSize],
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        portalCode: r.portal_code,
        mappingName: r.mapping_name,
        fileName: r.file_name,
        rowCount: r.row_count,
        created: r.created_count,
        updated: r.updated_count,
        unchanged: r.unchanged_count,
        createdBy: r.created_by_name ?? "システム",
        createdAt: r.created_at.toISOString(),
      })),
      total: total.rows[0].n,
      page: query.page,
      pageSize: query.pageSize,
    };
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
