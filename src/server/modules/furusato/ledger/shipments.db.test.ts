// 出荷依頼 over HTTP: staff send the requests, each supplier sees only its own with the ship-to and reports the
// tracking number; other staff never see the ship-to; overdue and year-end counts; the audited CSV export.
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInJapan } from "../../../../common/dates";
import { addDonations, auditText, buildFollowupFixture, donationRecord, type FollowupFixture, setSetting } from "./followup-fixture";
import { addDays } from "./shipments";

let f: FollowupFixture;
const shipToYh = { name: "佐藤 花子", postalCode: "805-0002", address: "北九州市八幡東区枝光1-2-3", phone: "093-222-3333" };

beforeAll(async () => {
  f = await buildFollowupFixture();
  await addDonations(f.t.db, [
    donationRecord({ orderNumber: "S-001" }),
    donationRecord({ orderNumber: "S-002", donatedOn: "2024-11-15", items: [{ giftCode: "KK001", quantity: 2 }] }),
    donationRecord({ orderNumber: "S-003", items: [{ giftCode: "YH001", quantity: 1 }], shipTo: shipToYh }),
    // 市内在住: no gift; 入金待ち: nothing to send yet
    donationRecord({ orderNumber: "S-004", isResident: true }),
    donationRecord({ orderNumber: "S-005", status: "入金待ち", paidOn: null, paymentMethod: "銀行振込" }),
  ]);
});
afterAll(() => f.t.cleanup());

type Item = { id: string; orderNumber: string; status: string; shipTo: { name: string } | null; version: number; overdue: boolean };
const list = async (client: FollowupFixture["clients"]["manager"], query = "") =>
  (await client.get<{ items: Item[]; total: number }>(`/api/furusato/shipments?pageSize=200${query}`)).body;

describe("出荷依頼", () => {
  it("lists one 未依頼 shipment per gift of a paid, non-resident donation; the ship-to only for managers", async () => {
    const response = await f.clients.manager.get("/api/furusato/shipments?sort=donatedOn");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const items = response.body.items as Item[];
    expect(items.map((s) => s.orderNumber)).toEqual(["S-002", "S-001", "S-003"]);
    expect(items.every((s) => s.status === "未依頼")).toBe(true);
    expect(items.find((s) => s.orderNumber === "S-003")?.shipTo?.name).toBe("佐藤 花子");
    expect(items.find((s) => s.orderNumber === "S-001")?.shipTo?.name).toBe("山田 太郎");
    // Shipments are donations' records: another bureau's viewer is refused, the ふるさと納税 bureau's sees no ship-to.
    expect((await f.clients.viewer.get("/api/furusato/shipments")).status).toBe(403);
    const seenByViewer = await list(f.clients.donorViewer);
    expect(seenByViewer.total).toBe(3);
    expect(seenByViewer.items.every((s) => s.shipTo === null)).toBe(true);
    expect(JSON.stringify(seenByViewer)).not.toContain("山田");
    // Nothing has been requested yet: the supplier sees nothing.
    expect((await list(f.clients.kk)).total).toBe(0);
  });

  it("requests a supplier's shipments with the configured lead days; only managers may", async () => {
    await setSetting(f.t.db, "furusato.shippingLeadDays", 10);
    expect((await f.clients.viewer.post("/api/furusato/shipments/request", { supplierId: f.suppliers.kk })).status).toBe(403);
    const response = await f.clients.manager.post("/api/furusato/shipments/request", { supplierId: f.suppliers.kk });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ requested: 2, leadDays: 10, dueOn: addDays(todayInJapan(), 10) });
    expect(response.body.bySupplier).toEqual([{ supplierId: f.suppliers.kk, supplierName: "小倉畜産", count: 2 }]);
    // A second request finds nothing left for that supplier.
    expect((await f.clients.manager.post("/api/furusato/shipments/request", { supplierId: f.suppliers.kk })).status).toBe(400);
    expect((await list(f.clients.manager, "&status=未依頼")).items.map((s) => s.orderNumber)).toEqual(["S-003"]);
  });

  it("shows a supplier only its own requests, with the ship-to; another supplier's shipment is not found", async () => {
    const own = await list(f.clients.kk);
    expect(own.items.map((s) => s.orderNumber).sort()).toEqual(["S-001", "S-002"]);
    expect(own.items.every((s) => s.shipTo?.name === "山田 太郎")).toBe(true);
    expect((await list(f.clients.kk, `&supplierId=${f.suppliers.yh}`)).total).toBe(2); // its own, whatever it asks for
    expect((await list(f.clients.yh)).total).toBe(0);
    const target = own.items[0];
    const body = {
      version: target.version,
      plannedOn: null,
      carrier: "ヤマト運輸",
      trackingNumber: "1234-5678-9012",
      shipped: false,
      shippedOn: null,
    };
    expect((await f.clients.yh.patch(`/api/furusato/shipments/${target.id}`, body)).status).toBe(404);
  });

  it("takes the supplier's plan and tracking number, checks the number's format and the version, then marks it sent", async () => {
    const [target] = (await list(f.clients.kk, "&sort=donatedOn")).items;
    const base = {
      version: target.version,
      plannedOn: "令和6年12月20日",
      carrier: "ヤマト運輸",
      trackingNumber: "",
      shipped: false,
      shippedOn: null,
    };
    const badNumber = await f.clients.kk.patch(`/api/furusato/shipments/${target.id}`, { ...base, trackingNumber: "12-34" });
    expect(badNumber.status).toBe(400);
    expect(badNumber.body.error.fields.trackingNumber).toContain("10〜14桁");
    const letters = await f.clients.kk.patch(`/api/furusato/shipments/${target.id}`, { ...base, trackingNumber: "ABC1234567" });
    expect(letters.status).toBe(400);
    const planned = await f.clients.kk.patch(`/api/furusato/shipments/${target.id}`, { ...base, trackingNumber: "1234-5678-9012" });
    expect(planned.status).toBe(200);
    expect(planned.body).toMatchObject({ plannedOn: "2024-12-20", trackingNumber: "1234-5678-9012", status: "依頼済" });
    const stale = await f.clients.kk.patch(`/api/furusato/shipments/${target.id}`, { ...base, shipped: true });
    expect(stale.status).toBe(409);
    const shipped = await f.clients.kk.patch(`/api/furusato/shipments/${target.id}`, {
      ...base,
      version: planned.body.version,
      trackingNumber: "1234-5678-9012",
      shipped: true,
    });
    expect(shipped.status).toBe(200);
    expect(shipped.body).toMatchObject({ status: "発送済", shippedOn: todayInJapan() });
    const audit = await auditText(f.t.db);
    expect(audit).toContain("1234-5678-9012");
    expect(audit).not.toContain("山田");
    expect(audit).not.toContain("浅野");
  });

  it("flags overdue requests and counts the year-end backlog per supplier", async () => {
    const [open] = (await list(f.clients.kk, "&status=依頼済")).items;
    await f.t.db.query("UPDATE furusato_shipments SET due_on = $2::date WHERE id = $1", [open.id, addDays(todayInJapan(), -1)]);
    const overdue = await list(f.clients.manager, "&overdue=true");
    expect(overdue.items.map((s) => s.id)).toEqual([open.id]);
    expect(overdue.items[0].overdue).toBe(true);
    const backlog = await f.clients.viewer.get("/api/furusato/shipments/backlog");
    expect(backlog.status).toBe(200);
    const bySupplier = Object.fromEntries(
      (backlog.body.items as { supplierName: string }[]).map(({ supplierName, ...counts }) => [supplierName, counts]),
    );
    expect(bySupplier.小倉畜産).toMatchObject({ unrequested: 0, requested: 1, open: 1, overdue: 1 });
    expect(bySupplier.八幡果樹園).toMatchObject({ unrequested: 1, requested: 0, open: 1, overdue: 0, decemberOpen: 1 });
    expect((await f.clients.kk.get("/api/furusato/shipments/backlog")).status).toBe(403);
  });

  it("exports a supplier's requests as CP932 CSV for the supplier and managers only, auditing counts without names", async () => {
    expect((await f.clients.viewer.get(`/api/furusato/shipments/export?supplierId=${f.suppliers.kk}`)).status).toBe(403);
    expect((await f.clients.manager.get("/api/furusato/shipments/export")).status).toBe(400);
    const csv = await f.clients.kk.get("/api/furusato/shipments/export");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toContain("attachment");
    expect(csv.headers.get("cache-control")).toBe("no-store");
    const text = iconv.decode(Buffer.from(csv.raw), "cp932");
    expect(text.split("\r\n")[0]).toContain("お届け先氏名");
    expect(text).toContain("山田 太郎");
    expect(text.trim().split("\r\n")).toHaveLength(2); // header + the one still 依頼済
    const { rows } = await f.t.db.query<{ summary: string; after: unknown }>(
      "SELECT summary, after FROM audit_log WHERE action = 'export' AND entity_type = 'furusato_shipment'",
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].summary).toContain("1件");
    expect(JSON.stringify(rows)).not.toContain("山田");
  });

  it("refuses a CP932 export that would lose a character, and offers UTF-8 instead", async () => {
    await addDonations(f.t.db, [
      donationRecord({ orderNumber: "S-006", items: [{ giftCode: "YH001", quantity: 1 }], shipTo: { ...shipToYh, name: "𠮷田 一郎" } }),
    ]);
    await f.clients.manager.post("/api/furusato/shipments/request", { supplierId: f.suppliers.yh });
    const refused = await f.clients.yh.get("/api/furusato/shipments/export");
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain("𠮷");
    const utf8 = await f.clients.yh.get("/api/furusato/shipments/export?encoding=utf-8-bom");
    expect(utf8.status).toBe(200);
    expect(new TextDecoder().decode(utf8.raw)).toContain("𠮷田 一郎");
  });
});

// issue 12 item 11: the list opened without a sort shows what needs doing, not what was already sent.
describe("出荷依頼の既定の並び順", () => {
  let g: FollowupFixture;
  beforeAll(async () => {
    g = await buildFollowupFixture();
    await addDonations(g.t.db, [
      donationRecord({ orderNumber: "D-SHIPPED", donatedOn: "2024-10-01" }),
      donationRecord({ orderNumber: "D-DUE-LATER", donatedOn: "2024-11-01" }),
      donationRecord({ orderNumber: "D-OVERDUE", donatedOn: "2024-11-10", items: [{ giftCode: "YH001", quantity: 1 }] }),
      donationRecord({ orderNumber: "D-UNREQ-OLD", donatedOn: "2024-09-01" }),
      donationRecord({ orderNumber: "D-UNREQ-NEW", donatedOn: "2024-12-01", items: [{ giftCode: "YH001", quantity: 1 }] }),
    ]);
    const today = todayInJapan();
    const set = (order: string, status: string, dueOn: string, shippedOn: string | null = null) =>
      g.t.db.query(
        `UPDATE furusato_shipments s SET status = $2, due_on = $3::date, shipped_on = $4::date, requested_at = now()
           FROM furusato_donations d WHERE d.id = s.donation_id AND d.order_number = $1`,
        [order, status, dueOn, shippedOn],
      );
    // The one already sent has the oldest 発送期限: sorting by 発送期限 alone put it at the top.
    await set("D-SHIPPED", "発送済", addDays(today, -10), addDays(today, -12));
    await set("D-DUE-LATER", "依頼済", addDays(today, 5));
    await set("D-OVERDUE", "依頼済", addDays(today, -2));
  });
  afterAll(() => g.t.cleanup());

  const orders = async (query: string) => {
    const response = await g.clients.manager.get<{ items: Item[] }>(`/api/furusato/shipments?pageSize=50${query}`);
    expect(response.status).toBe(200);
    return response.body.items.map((s) => s.orderNumber);
  };

  it("lists 未発送 first, oldest 発送期限 first (未依頼 by 寄附日), and 発送済 after them", async () => {
    expect(await orders("")).toEqual(["D-OVERDUE", "D-DUE-LATER", "D-UNREQ-OLD", "D-UNREQ-NEW", "D-SHIPPED"]);
    expect(await orders("&sort=todo&order=asc")).toEqual(["D-OVERDUE", "D-DUE-LATER", "D-UNREQ-OLD", "D-UNREQ-NEW", "D-SHIPPED"]);
  });

  it("keeps a sort the clerk picks", async () => {
    expect(await orders("&sort=dueOn&order=asc")).toEqual(["D-SHIPPED", "D-OVERDUE", "D-DUE-LATER", "D-UNREQ-OLD", "D-UNREQ-NEW"]);
    expect(await orders("&sort=donatedOn&order=desc")).toEqual(["D-UNREQ-NEW", "D-OVERDUE", "D-DUE-LATER", "D-SHIPPED", "D-UNREQ-OLD"]);
    expect((await orders("&sort=status&order=asc")).slice(0, 2)).toEqual(["D-UNREQ-OLD", "D-UNREQ-NEW"]);
  });
});
