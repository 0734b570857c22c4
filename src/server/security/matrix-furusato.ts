// Route × role matrix rows of the furusato routes (see matrix-table.ts for the notation: A B D V S C N, "." = refused).
// Who may call what, as the module's rules say:
// - the catalog (返礼品・事業者・寄附受付サイト) is read by the city's staff and by a supplier's own login (its own
//   records only: another supplier's answer 404); it is written by the module's managers (the editors of the bureau
//   that runs ふるさと納税, and administrators), and a supplier writes its own gifts and documents;
// - donors' records (寄附台帳, 出荷依頼, ワンストップ特例, 受領証明書の対象) are for the staff of the bureau that runs
//   ふるさと納税 and administrators (issue 11, finding 13); other divisions see totals only (dashboard, 経費台帳,
//   年末の滞留, 全国比較); a supplier sees its own requested shipments;
// - 保存期間 (anonymising donors) is the administrators' alone.
import type { Db, Queryable } from "../db/database";
import * as catalog from "../modules/furusato";
import { createCostEntry, issueCertificates, publish } from "../modules/furusato";
import type { Actor } from "../platform/audit/audit";
import type { MatrixIds, MatrixModule } from "./matrix-table";

const ANYONE = "ABDVSCKFRMN";
const STAFF = "ABDV.......";
const STAFF_AND_SUPPLIER = "ABDVS......";
/** the module's managers: administrators and the editors of the bureau that runs ふるさと納税 (政策局) */
const MANAGER = "AB.........";
const MANAGER_AND_SUPPLIER = "AB..S......";
/** donors' personal data: the staff (any role) of the bureau that runs ふるさと納税, and administrators */
const DONOR_STAFF = "AB.........";
const DONOR_STAFF_AND_SUPPLIER = "AB..S......";
const ADMIN = "A..........";

/** Records the bodies are built from (the sample's own gift details and a mapping's config), set by collect. */
const sample: { giftDetails: unknown; mappingConfig: unknown } = { giftDetails: null, mappingConfig: null };

const pdf = (marker: string) => new TextEncoder().encode(`%PDF-1.4\n% ${marker}\n%%EOF\n`);
const png = () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

async function one<T extends Record<string, unknown>>(db: Queryable, sql: string, params: unknown[] = []): Promise<T> {
  const { rows } = await db.query<T>(sql, params);
  if (!rows[0]) throw new Error(`matrix-furusato: the sample data has nothing for ${sql}`);
  return rows[0];
}

// A supplier's login works on its own supplier's records; everyone else is called with the same ones.
const ownGift = (ids: MatrixIds) => ({ id: ids["furusato.gift"] });
const foreignGift = (ids: MatrixIds) => ({ id: ids["furusato.foreignGift"] });
const ownSupplier = (ids: MatrixIds) => ({ id: ids["furusato.supplier"] });
const foreignSupplier = (ids: MatrixIds) => ({ id: ids["furusato.foreignSupplier"] });
const fiscalYear = () => ({ fiscalYear: "2024" });

export const furusatoMatrix: MatrixModule = {
  name: "furusato",
  async collect(queryable, users) {
    // collect is handed the test database, which runs transactions (the Queryable type is the narrowest it needs)
    const db = queryable as Db;
    const actor: Actor = { userId: users.admin?.id ?? null, label: "マトリクス試験" };
    const own = await one<{ id: string }>(db, "SELECT id FROM furusato_suppliers WHERE organisation_id = $1", [
      users.supplier?.organisationId,
    ]);
    // Another supplier's gift, one with evidence attached if the sample has it.
    const foreign = await one<{ id: string; supplier_id: string }>(
      db,
      `SELECT id, supplier_id FROM furusato_gifts WHERE supplier_id <> $1
        ORDER BY jsonb_array_length(details->'evidenceFileIds') DESC, code LIMIT 1`,
      [own.id],
    );
    const gift = await one<{ id: string; version: number; details: unknown }>(
      db,
      `SELECT id, version, details FROM furusato_gifts WHERE supplier_id = $1
        ORDER BY (status = '入力中') DESC, jsonb_array_length(details->'evidenceFileIds') DESC, code LIMIT 1`,
      [own.id],
    );
    sample.giftDetails = { ...(gift.details as object), evidenceFileIds: [] };
    const evidenceOf = async (giftId: string) => {
      const first = async () =>
        (
          await one<{ file: string | null }>(db, "SELECT details->'evidenceFileIds'->>0 AS file FROM furusato_gifts WHERE id = $1", [
            giftId,
          ])
        ).file;
      if (!(await first()))
        await catalog.attachEvidence(db, actor, giftId, { name: "根拠資料.pdf", mimeType: "application/pdf", bytes: pdf(giftId) });
      return (await first()) as string;
    };
    const giftEvidence = await evidenceOf(gift.id);
    const foreignEvidence = await evidenceOf(foreign.id);
    // Files the sample has none of: a gift photo, each supplier's business document, a portal export, a 受領証明書.
    await catalog.addGiftImage(db, actor, gift.id, { name: "写真.png", mimeType: "image/png", bytes: png() }, "http://localhost");
    const image = await one<{ file_id: string }>(db, "SELECT file_id FROM furusato_gift_images WHERE gift_id = $1", [gift.id]);
    const documentOf = async (supplierId: string) => {
      await catalog.addSupplierDocument(db, actor, supplierId, {
        name: "営業許可証.pdf",
        mimeType: "application/pdf",
        bytes: pdf(supplierId),
        title: "営業許可証",
      });
      return (await one<{ file_id: string }>(db, "SELECT file_id FROM furusato_supplier_documents WHERE supplier_id = $1", [supplierId]))
        .file_id;
    };
    const document = await documentOf(own.id);
    const foreignDocument = await documentOf(foreign.supplier_id);
    const bundle = await publish(db, actor);
    const paid = await one<{ id: string }>(
      db,
      "SELECT id FROM furusato_donations WHERE status = '入金済' AND anonymised_at IS NULL ORDER BY donated_on DESC, order_number LIMIT 1",
    );
    const batch = await issueCertificates(db, actor, { from: null, to: null, portalCode: null, donationIds: [paid.id] });
    const certificate = await one<{ id: string }>(db, "SELECT id FROM furusato_certificates WHERE donation_id = $1", [paid.id]);
    const cost = await createCostEntry(db, actor, {
      fiscalYear: 2024,
      category: "広報",
      amount: 1000,
      incurredOn: "2024-05-01",
      description: "マトリクス試験",
    });
    const mapping = await one<{ id: string; config: unknown }>(
      db,
      "SELECT id, config FROM furusato_donation_mappings ORDER BY name LIMIT 1",
    );
    sample.mappingConfig = mapping.config;
    const oneStop = await one<{ donation_id: string }>(
      db,
      "SELECT donation_id FROM furusato_one_stop_applications ORDER BY donation_id LIMIT 1",
    );
    // Shipments a supplier may work on are its own requested (依頼済) ones.
    const shipmentOf = async (supplierId: string) =>
      (
        await one<{ id: string }>(
          db,
          "SELECT id FROM furusato_shipments WHERE supplier_id = $1 AND status = '依頼済' ORDER BY id LIMIT 1",
          [supplierId],
        )
      ).id;
    return {
      "furusato.supplier": own.id,
      "furusato.foreignSupplier": foreign.supplier_id,
      "furusato.gift": gift.id,
      "furusato.giftVersion": String(gift.version),
      "furusato.giftEvidence": giftEvidence,
      "furusato.foreignGift": foreign.id,
      "furusato.foreignEvidence": foreignEvidence,
      "furusato.image": image.file_id,
      "furusato.document": document,
      "furusato.foreignDocument": foreignDocument,
      "furusato.export": bundle.exportId,
      "furusato.batch": batch.batchId as string,
      "furusato.certificate": certificate.id,
      "furusato.costEntry": cost.id,
      "furusato.mapping": mapping.id,
      "furusato.donation": paid.id,
      "furusato.oneStop": oneStop.donation_id,
      "furusato.shipment": await shipmentOf(own.id),
      "furusato.foreignShipment": await shipmentOf(foreign.supplier_id),
    };
  },
  table: {
    // ---------------------------------------------------------------- suppliers
    "GET /api/furusato/suppliers": { who: STAFF_AND_SUPPLIER },
    "POST /api/furusato/suppliers": {
      who: MANAGER,
      body: () => ({ code: "MXZ", name: "マトリクス商店", contactName: "", contactPhone: "", contactEmail: "", address: "", bank: {} }),
    },
    "GET /api/furusato/suppliers/:id": { who: STAFF_AND_SUPPLIER, params: ownSupplier, foreign: foreignSupplier },
    "POST /api/furusato/suppliers/:id/events": {
      who: MANAGER,
      params: ownSupplier,
      body: () => ({ kind: "検査", occurredOn: "2025-04-01", note: "" }),
    },
    // 連絡先: the managers for any supplier, a supplier's login for its own; 振込先: the managers only.
    "PUT /api/furusato/suppliers/:id/contact": {
      who: MANAGER_AND_SUPPLIER,
      params: ownSupplier,
      foreign: foreignSupplier,
      body: () => ({ contactName: "マトリクス 太郎", contactPhone: "093-000-0000", contactEmail: "", address: "" }),
    },
    "PUT /api/furusato/suppliers/:id/bank": {
      who: MANAGER,
      params: ownSupplier,
      body: () => ({
        bankName: "北九州銀行",
        branchName: "本店",
        accountType: "普通",
        accountNumber: "1234567",
        accountHolder: "マトリクス",
      }),
    },
    "POST /api/furusato/suppliers/:id/users": {
      who: MANAGER,
      params: ownSupplier,
      body: () => ({ loginId: "matrix-new-partner", displayName: "新しい担当", password: "Matrix-Passw0rd-2025" }),
    },
    // A supplier files its own documents; the city's managers file any supplier's.
    "POST /api/furusato/suppliers/:id/documents": { who: MANAGER_AND_SUPPLIER, params: ownSupplier, foreign: foreignSupplier },
    "GET /api/furusato/suppliers/:id/documents/:fileId": {
      who: STAFF_AND_SUPPLIER,
      params: (ids) => ({ id: ids["furusato.supplier"], fileId: ids["furusato.document"] }),
      foreign: (ids) => ({ id: ids["furusato.foreignSupplier"], fileId: ids["furusato.foreignDocument"] }),
    },

    // ---------------------------------------------------------------- gifts
    "GET /api/furusato/gifts": { who: STAFF_AND_SUPPLIER },
    // A supplier proposes its own gifts; staff enter gifts for any supplier.
    "POST /api/furusato/gifts": {
      who: MANAGER_AND_SUPPLIER,
      body: (ids) => ({
        supplierId: ids["furusato.supplier"],
        details: sample.giftDetails,
        procurementCost: 3000,
        shippingCost: 1000,
        costEffectiveFrom: "2025-04-01",
      }),
    },
    "GET /api/furusato/gifts/:id": { who: STAFF_AND_SUPPLIER, params: ownGift, foreign: foreignGift },
    "PUT /api/furusato/gifts/:id": {
      who: MANAGER_AND_SUPPLIER,
      params: ownGift,
      body: (ids) => ({ version: Number(ids["furusato.giftVersion"]), details: sample.giftDetails }),
      foreign: foreignGift,
    },
    "POST /api/furusato/gifts/:id/copy": { who: MANAGER_AND_SUPPLIER, params: ownGift, body: () => ({}), foreign: foreignGift },
    "POST /api/furusato/gifts/:id/costs": {
      who: MANAGER_AND_SUPPLIER,
      params: ownGift,
      body: () => ({ effectiveFrom: "2025-04-01", procurementCost: 3000, shippingCost: 1000 }),
      foreign: foreignGift,
    },
    // 提出 and 取り下げ are a supplier's; the other transitions are refused to it by the catalog's rules.
    "POST /api/furusato/gifts/:id/transitions": {
      who: MANAGER_AND_SUPPLIER,
      params: ownGift,
      body: () => ({ action: "提出", comment: "" }),
      foreign: foreignGift,
    },
    "PUT /api/furusato/gifts/:id/listings/:portalCode": {
      who: MANAGER,
      params: (ids) => ({ id: ids["furusato.gift"], portalCode: "rakuten" }),
      body: () => ({ donationAmount: 10000, titleVariant: "", stock: null, listingDate: "2025-04-01" }),
    },
    "POST /api/furusato/gifts/:id/listings/:portalCode/approve": {
      who: MANAGER,
      params: (ids) => ({ id: ids["furusato.gift"], portalCode: "rakuten" }),
      body: () => ({}),
    },
    "POST /api/furusato/gifts/:id/pending": { who: MANAGER, params: ownGift, body: () => ({ approve: false, comment: "差戻し" }) },
    "POST /api/furusato/gifts/:id/evidence": { who: MANAGER_AND_SUPPLIER, params: ownGift, foreign: foreignGift },
    "GET /api/furusato/gifts/:id/evidence/:fileId": {
      who: STAFF_AND_SUPPLIER,
      params: (ids) => ({ id: ids["furusato.gift"], fileId: ids["furusato.giftEvidence"] }),
      foreign: (ids) => ({ id: ids["furusato.foreignGift"], fileId: ids["furusato.foreignEvidence"] }),
    },
    "POST /api/furusato/gifts/:id/images": { who: MANAGER_AND_SUPPLIER, params: ownGift, foreign: foreignGift },
    // Gift photos are public on purpose: the portals fetch them by this address (so no "foreign" case).
    "GET /api/public/furusato/images/:fileId": { who: ANYONE, params: (ids) => ({ fileId: ids["furusato.image"] }) },

    // ---------------------------------------------------------------- portals, access, publishing
    "GET /api/furusato/portals": { who: STAFF_AND_SUPPLIER },
    "PUT /api/furusato/portals/:code": {
      who: MANAGER,
      params: () => ({ code: "rakuten" }),
      body: () => ({ name: "楽天ふるさと納税", feeRatio: 0.1, grantsPoints: false, fieldLimits: {}, template: {}, active: true }),
    },
    "PUT /api/furusato/portals/:code/choice": {
      who: MANAGER,
      params: () => ({ code: "choice" }),
      body: () => ({
        name: "ふるさとチョイス",
        feeRatio: 0.1,
        grantsPoints: false,
        fieldLimits: {},
        active: true,
        headerLine: "お礼の品名\t寄附金額",
        mapping: {},
      }),
    },
    "GET /api/furusato/template-vocabulary": { who: STAFF_AND_SUPPLIER },
    "GET /api/furusato/access": { who: STAFF_AND_SUPPLIER },
    "GET /api/furusato/publish/preview": { who: MANAGER },
    "POST /api/furusato/publish": { who: MANAGER, body: () => ({}) },
    "GET /api/furusato/exports": { who: MANAGER },
    "GET /api/furusato/exports/:id/download": { who: MANAGER, params: (ids) => ({ id: ids["furusato.export"] }) },

    // ---------------------------------------------------------------- ledger: masters, mappings, imports
    "GET /api/furusato/fund-uses": { who: STAFF },
    "POST /api/furusato/fund-uses": { who: MANAGER, body: () => ({ code: "MX1", name: "マトリクス試験の使い道" }) },
    "GET /api/furusato/donation-mappings": { who: STAFF },
    "GET /api/furusato/donation-mappings/:id": { who: STAFF, params: (ids) => ({ id: ids["furusato.mapping"] }) },
    "POST /api/furusato/donation-mappings": { who: MANAGER, body: () => ({ portalCode: "rakuten", name: "マトリクス試験の取込設定" }) },
    "PUT /api/furusato/donation-mappings/:id": {
      who: MANAGER,
      params: (ids) => ({ id: ids["furusato.mapping"] }),
      body: () => ({ name: "マトリクス試験の取込設定", config: sample.mappingConfig, version: 1 }),
    },
    "POST /api/furusato/donation-mappings/:id/value-map": {
      who: MANAGER,
      params: (ids) => ({ id: ids["furusato.mapping"] }),
      body: () => ({ field: "paymentMethod", value: "マトリクス払い", target: "クレジットカード" }),
    },
    "POST /api/furusato/donation-mappings/:id/imports": { who: MANAGER, params: (ids) => ({ id: ids["furusato.mapping"] }) },
    // The import history names files and counts, not donors.
    "GET /api/furusato/donation-imports": { who: STAFF },
    // The shipped sample files hold fictitious donors only.
    "GET /api/furusato/donation-samples/:key": { who: STAFF, params: () => ({ key: "generic" }) },

    // ---------------------------------------------------------------- ledger: donors (finding 13)
    "GET /api/furusato/donations": { who: DONOR_STAFF },
    "GET /api/furusato/donations/:id": { who: DONOR_STAFF, params: (ids) => ({ id: ids["furusato.donation"] }) },
    "GET /api/furusato/donations/export": { who: DONOR_STAFF },

    // ---------------------------------------------------------------- settings
    "GET /api/furusato/settings": { who: STAFF },
    "PUT /api/furusato/settings": {
      who: MANAGER,
      body: () => ({
        donorRetentionYears: 7,
        shippingLeadDays: 14,
        cityName: "北九州市",
        mayorTitle: "北九州市長",
        bodyCode: "401005",
        bodyName: "北九州市",
      }),
    },

    // ---------------------------------------------------------------- money: totals for every division
    "GET /api/furusato/dashboard": { who: STAFF, query: fiscalYear },
    "GET /api/furusato/dashboard/export": { who: STAFF, query: fiscalYear },
    "GET /api/furusato/survey-sheet": { who: STAFF, query: fiscalYear },
    "GET /api/furusato/cost-ledger": { who: STAFF, query: fiscalYear },
    "GET /api/furusato/cost-entries": { who: STAFF, query: fiscalYear },
    "GET /api/furusato/cost-entries/export": { who: STAFF, query: fiscalYear },
    "POST /api/furusato/cost-entries": {
      who: MANAGER,
      body: () => ({ fiscalYear: 2024, category: "広報", amount: 1000, incurredOn: "2024-05-01", description: "マトリクス試験" }),
    },
    "DELETE /api/furusato/cost-entries/:id": { who: MANAGER, params: (ids) => ({ id: ids["furusato.costEntry"] }) },

    // ---------------------------------------------------------------- 全国比較 (the city's own analysis of public figures)
    "GET /api/furusato/reference/status": { who: STAFF },
    "GET /api/furusato/reference/bodies": { who: STAFF },
    "GET /api/furusato/reference/comparison": {
      who: STAFF,
      query: () => ({ codes: "401005", fromYear: "2022", toYear: "2023" }),
    },
    // Loading the 総務省 files (the admin screen 「全国比較の参考データ」) is the administrators' alone.
    "POST /api/furusato/reference/loads": { who: ADMIN },

    // ---------------------------------------------------------------- 出荷依頼
    // Shipments are donations' records (order numbers, dates, お届け先): the donors' staff, and a supplier its own.
    "GET /api/furusato/shipments": { who: DONOR_STAFF_AND_SUPPLIER },
    // 年末の滞留: counts per supplier, for every division.
    "GET /api/furusato/shipments/backlog": { who: STAFF },
    "POST /api/furusato/shipments/request": { who: MANAGER, body: () => ({}) },
    "PATCH /api/furusato/shipments/:id": {
      who: MANAGER_AND_SUPPLIER,
      params: (ids) => ({ id: ids["furusato.shipment"] }),
      body: () => ({ version: 1, plannedOn: null, carrier: "", trackingNumber: "", shipped: false, shippedOn: null }),
      foreign: (ids) => ({ id: ids["furusato.foreignShipment"] }),
    },
    // お届け先 in a CSV: the managers (for one supplier) and a supplier (its own).
    "GET /api/furusato/shipments/export": {
      who: MANAGER_AND_SUPPLIER,
      query: (ids) => ({ supplierId: ids["furusato.supplier"], encoding: "utf-8-bom" }),
    },

    // ---------------------------------------------------------------- ワンストップ特例, 受領証明書 (finding 13: full names, donors' staff)
    "GET /api/furusato/one-stop": { who: DONOR_STAFF },
    "PATCH /api/furusato/one-stop/:id": {
      who: MANAGER,
      params: (ids) => ({ id: ids["furusato.oneStop"] }),
      body: () => ({ version: 1, status: "受付", missing: [], receivedOn: null, note: "" }),
    },
    "GET /api/furusato/certificates/pending": { who: DONOR_STAFF },
    "POST /api/furusato/certificates/batches": { who: MANAGER, body: () => ({ donationIds: ["00000000-0000-4000-8000-000000000000"] }) },
    "GET /api/furusato/certificates/batches": { who: MANAGER },
    "GET /api/furusato/certificates/batches/:id/pdf": { who: MANAGER, params: (ids) => ({ id: ids["furusato.batch"] }) },
    "GET /api/furusato/certificates": { who: MANAGER },
    "POST /api/furusato/certificates/:id/reissue": {
      who: MANAGER,
      params: (ids) => ({ id: ids["furusato.certificate"] }),
      body: () => ({}),
    },

    // ---------------------------------------------------------------- 保存期間 (anonymising donors)
    "GET /api/furusato/retention": { who: ADMIN },
    "POST /api/furusato/retention": { who: ADMIN, body: () => ({}) },
  },
};
