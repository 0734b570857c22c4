// 寄附金受領証明書: a batch makes one A4 page per paid donation with its number, name, amount and 和暦 date, records
// the certificates with the batch, skips them the next time, and a reissue gets a new number marked as such.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobRun } from "../../../../common/api/platform";
import { findUserById, loadPrincipal } from "../../../platform/auth/principal-repo";
import { readFileRow } from "../../../platform/files/files";
import { extractPdfText, readPdfPages } from "../../../testing/pdf-text";
import { STATUTORY_NOTE } from "./certificate-pdf";
import { issueCertificates, reissueCertificate } from "./certificates";
import { addDonations, auditText, buildFollowupFixture, donationRecord, type FollowupFixture, setSetting } from "./followup-fixture";

let f: FollowupFixture;
const donor = (name: string, address: string) => ({ ...donationRecord().donor, name, address });
const all = { from: null, to: null, portalCode: null, donationIds: null };

beforeAll(async () => {
  f = await buildFollowupFixture({ jobs: true });
  await addDonations(f.t.db, [
    donationRecord({ orderNumber: "C-001", donatedOn: "2024-10-01", amount: 10000, donor: donor("山田 太郎", "北九州市小倉北区城内1-1") }),
    donationRecord({ orderNumber: "C-002", donatedOn: "2024-11-15", amount: 25000, donor: donor("佐藤 花子", "東京都千代田区丸の内1-1") }),
    donationRecord({ orderNumber: "C-003", donatedOn: "2024-12-31", amount: 123000, donor: donor("髙橋 𠮷男", "大阪市北区梅田2-2") }),
    donationRecord({ orderNumber: "C-004", donatedOn: "2024-12-20", status: "キャンセル" }),
    donationRecord({ orderNumber: "C-005", donatedOn: "2024-12-21", status: "入金待ち", paidOn: null, paymentMethod: "銀行振込" }),
  ]);
});
afterAll(() => f.t.cleanup());

async function batchPdf(batchId: string): Promise<Uint8Array> {
  const { rows } = await f.t.db.query<{ file_id: string }>("SELECT file_id FROM furusato_certificate_batches WHERE id = $1", [batchId]);
  // a batch's file is kept in parts (finding 3 of issue 11); readFileRow joins a small one
  return (await readFileRow(f.t.db, rows[0].file_id)).bytes;
}

describe("寄附金受領証明書", () => {
  it("lists the paid donations still without a certificate, names masked for other staff", async () => {
    const pending = await f.clients.manager.get("/api/furusato/certificates/pending");
    expect(pending.body.items.map((d: { orderNumber: string }) => d.orderNumber)).toEqual(["C-001", "C-002", "C-003"]);
    const ranged = await f.clients.manager.get("/api/furusato/certificates/pending?from=2024-11-01&to=2024-11-30");
    expect(ranged.body.total).toBe(1);
    // Donors' records are for the staff of the bureau that runs ふるさと納税; another bureau's viewer is refused.
    expect((await f.clients.viewer.get("/api/furusato/certificates/pending")).status).toBe(403);
    const masked = await f.clients.donorViewer.get("/api/furusato/certificates/pending");
    expect(masked.body.items[0].donorName).toBe("山田 **");
    expect((await f.clients.kk.get("/api/furusato/certificates/pending")).status).toBe(403);
  });

  it("issues one numbered page per donation with name, address, amount, 和暦 date, issuer and statutory note", async () => {
    await setSetting(f.t.db, "furusato.mayorTitle", "北九州市長　武内 和久");
    const result = await issueCertificates(f.t.db, f.actor, all, undefined, "2025-01-15");
    expect(result).toMatchObject({ count: 3, firstNumber: "R6-000001", lastNumber: "R6-000003" });
    const pages = await readPdfPages(await batchPdf(result.batchId as string));
    expect(pages).toHaveLength(3);
    expect(Math.round(pages[0].width)).toBe(595);
    const flat = (text: string) => text.replace(/\s+/g, "");
    expect(flat(pages[0].text)).toContain("R6-000001");
    expect(flat(pages[0].text)).toContain("山田太郎様");
    expect(flat(pages[0].text)).toContain("北九州市小倉北区城内1-1");
    expect(flat(pages[0].text)).toContain("金10,000円");
    expect(flat(pages[0].text)).toContain("令和6年10月1日");
    expect(flat(pages[1].text)).toContain("佐藤花子様");
    expect(flat(pages[1].text)).toContain("金25,000円");
    expect(flat(pages[2].text)).toContain("R6-000003");
    expect(flat(pages[2].text)).toContain("髙橋𠮷男様");
    expect(flat(pages[2].text)).toContain("金123,000円");
    expect(flat(pages[2].text)).toContain("令和6年12月31日");
    expect(flat(pages[2].text)).toContain("北九州市長武内和久");
    expect(flat(pages[2].text)).toContain("令和7年1月15日");
    expect(flat(pages[2].text)).toContain(flat(STATUTORY_NOTE));
    const { rows } = await f.t.db.query<{ certificate_number: string; issued_on: string }>(
      "SELECT certificate_number, issued_on FROM furusato_certificates ORDER BY certificate_number",
    );
    expect(rows).toEqual([
      { certificate_number: "R6-000001", issued_on: "2025-01-15" },
      { certificate_number: "R6-000002", issued_on: "2025-01-15" },
      { certificate_number: "R6-000003", issued_on: "2025-01-15" },
    ]);
    expect(await auditText(f.t.db)).not.toContain("山田");
  });

  it("skips donations already certified on a second run, and numbers the next 年度 from 1", async () => {
    const again = await issueCertificates(f.t.db, f.actor, all, undefined, "2025-01-16");
    expect(again).toEqual({ batchId: null, count: 0, firstNumber: null, lastNumber: null });
    await addDonations(f.t.db, [donationRecord({ orderNumber: "C-006", donatedOn: "2025-04-02", amount: 5000 })]);
    const next = await issueCertificates(f.t.db, f.actor, all, undefined, "2025-04-10");
    expect(next).toMatchObject({ count: 1, firstNumber: "R7-000001" });
  });

  it("reissues one certificate with a new number, marked as a reissue of the old one", async () => {
    const { rows } = await f.t.db.query<{ id: string }>("SELECT id FROM furusato_certificates WHERE certificate_number = 'R6-000002'");
    const manager = await loadPrincipal(f.t.db, (await findUserById(f.t.db, f.city.editor.id))!);
    const reissued = await reissueCertificate(f.t.db, manager, f.actor, rows[0].id, "2025-02-01");
    expect(reissued.certificateNumber).toBe("R6-000004");
    const text = (await extractPdfText(await batchPdf(reissued.batchId))).replace(/\s+/g, "");
    expect(text).toContain("再発行");
    expect(text).toContain("R6-000004");
    expect(text).toContain("R6-000002");
    expect(text).toContain("佐藤花子様");
    const stored = await f.t.db.query<{ reissue: boolean }>(
      "SELECT reissue FROM furusato_certificates WHERE certificate_number = 'R6-000004'",
    );
    expect(stored.rows[0].reissue).toBe(true);
  });

  it("runs a batch as a job from the API; the PDF downloads again for managers only", async () => {
    await addDonations(f.t.db, [donationRecord({ orderNumber: "C-007", donatedOn: "2025-05-01", amount: 7000 })]);
    expect((await f.clients.viewer.post("/api/furusato/certificates/batches", {})).status).toBe(403);
    const started = await f.clients.manager.post("/api/furusato/certificates/batches", { from: "2025-05-01", to: "2025-05-31" });
    expect(started.status).toBe(200);
    let job: JobRun | null = null;
    for (let i = 0; i < 300 && job?.status !== "succeeded" && job?.status !== "failed"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      job = (await f.clients.manager.get(`/api/jobs/${started.body.jobId}`)).body;
    }
    expect(job?.status).toBe("succeeded");
    const batchId = (job?.result as { batchId: string } | undefined)?.batchId;
    const batches = (await f.clients.manager.get("/api/furusato/certificates/batches")).body.items;
    expect(batches[0]).toMatchObject({ id: batchId, certificateCount: 1, reissue: false });
    const download = await f.clients.manager.get(`/api/furusato/certificates/batches/${batchId}/pdf`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(download.headers.get("cache-control")).toBe("no-store");
    expect((await f.clients.viewer.get(`/api/furusato/certificates/batches/${batchId}/pdf`)).status).toBe(403);
    const issued = await f.clients.manager.get("/api/furusato/certificates?q=C-002");
    expect(issued.body.items.map((c: { certificateNumber: string }) => c.certificateNumber).sort()).toEqual(["R6-000002", "R6-000004"]);
  });
});
