// 受領証明書 batches of any size (issue 11, finding 3): the donations are read a page at a time, each 1,000
// certificates become one PDF inside one zip, stored and served in parts, and a batch that fails on the way (out of
// memory included) issues nothing, leaves no file behind and keeps the server running.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, Queryable } from "../../../db/database";
import { projectRoot } from "../../../paths";
import { testDbKind } from "../../../testing/db";
import { readPdfPagesAt } from "../../../testing/pdf-text";
import { issueCertificates } from "./certificates";
import { addDonations, buildFollowupFixture, donationRecord, type FollowupFixture } from "./followup-fixture";

let f: FollowupFixture;
const all = { from: null, to: null, portalCode: null, donationIds: null };
const TODAY = "2025-06-02"; // 令和7年度: numbers R7-…
const flat = (text: string) => text.replace(/\s+/g, "");
const donorName = (i: number) => `受領 ${String(i).padStart(4, "0")}`;

beforeAll(async () => {
  f = await buildFollowupFixture({ jobs: true });
  // 2,500 paid donations, 50 a day from 2025-04-01, so that the i-th of them gets R7-00000i.
  await addDonations(
    f.t.db,
    Array.from({ length: 2500 }, (_, i) => {
      const day = new Date(Date.UTC(2025, 3, 1 + Math.floor(i / 50))).toISOString().slice(0, 10);
      return donationRecord({
        orderNumber: `Z-${String(i + 1).padStart(5, "0")}`,
        donatedOn: day,
        amount: 10000 + i,
        donor: { ...donationRecord().donor, name: donorName(i + 1) },
      });
    }),
  );
}, 300_000);
afterAll(() => f?.t.cleanup());

/** The database as the batch sees it, noting the most rows any one query brought into the process. */
function watched(db: Db): { db: Db; largestResult: () => number } {
  let largest = 0;
  const watch = (q: Queryable): Queryable => ({
    async query(sql, params) {
      const result = await q.query(sql, params);
      largest = Math.max(largest, result.rows.length);
      return result as never;
    },
  });
  const spy = Object.assign(Object.create(db) as Db, {
    query: watch(db).query,
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) => db.transaction((tx) => fn(watch(tx))),
  });
  return { db: spy, largestResult: () => largest };
}

async function counts() {
  const { rows } = await f.t.db.query<{ certificates: number; files: number; parts: number; building: number; staged: number }>(
    `SELECT (SELECT count(*)::int FROM furusato_certificates) AS certificates, (SELECT count(*)::int FROM files) AS files,
            (SELECT count(*)::int FROM file_parts) AS parts, (SELECT count(*)::int FROM furusato_certificate_staged) AS staged,
            (SELECT count(*)::int FROM furusato_certificate_batches WHERE state = 'building') AS building`,
  );
  return rows[0];
}

describe("受領証明書: large batches", () => {
  it("finding 3: 2,500 donations become one zip of three PDFs (1,000, 1,000, 500), read a page at a time and stored in parts", async () => {
    const spy = watched(f.t.db);
    const result = await issueCertificates(spy.db, f.actor, all, undefined, TODAY);
    expect(result).toMatchObject({ count: 2500, firstNumber: "R7-000001", lastNumber: "R7-002500" });
    // Never all donations at once: no query brought more than one file's worth of rows into the process.
    expect(spy.largestResult()).toBeLessThanOrEqual(1000);

    const { rows } = await f.t.db.query<{
      state: string;
      name: string;
      mime_type: string;
      in_parts: boolean;
      parts: number;
      size_bytes: number;
      sha256: string;
      largest_part: number;
    }>(
      `SELECT b.state, fl.name, fl.mime_type, fl.in_parts, fl.size_bytes, fl.sha256,
              (SELECT count(*)::int FROM file_parts p WHERE p.file_id = fl.id) AS parts,
              (SELECT max(length(p.content))::int FROM file_parts p WHERE p.file_id = fl.id) AS largest_part
         FROM furusato_certificate_batches b JOIN files fl ON fl.id = b.file_id WHERE b.id = $1`,
      [result.batchId],
    );
    // three PDFs and the zip's directory, each stored as it was made
    expect(rows[0]).toMatchObject({
      state: "issued",
      name: "寄附金受領証明書_R7-000001～R7-002500.zip",
      mime_type: "application/zip",
      in_parts: true,
      parts: 4,
    });
    expect(rows[0].largest_part).toBeLessThan(rows[0].size_bytes / 2);

    const download = await f.clients.manager.get(`/api/furusato/certificates/batches/${result.batchId}/pdf`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/zip");
    expect(download.headers.get("cache-control")).toBe("no-store");
    expect(download.raw.length).toBe(rows[0].size_bytes);
    expect(createHash("sha256").update(download.raw).digest("hex")).toBe(rows[0].sha256);

    const zip = await JSZip.loadAsync(download.raw, { checkCRC32: true });
    const names = Object.keys(zip.files);
    expect(names).toEqual([
      "寄附金受領証明書_001_R7-000001～R7-001000.pdf",
      "寄附金受領証明書_002_R7-001001～R7-002000.pdf",
      "寄附金受領証明書_003_R7-002001～R7-002500.pdf",
    ]);
    const expected = [
      { pages: 1000, first: 1, last: 1000 },
      { pages: 1000, first: 1001, last: 2000 },
      { pages: 500, first: 2001, last: 2500 },
    ];
    for (const [index, name] of names.entries()) {
      const pdf = await zip.file(name)!.async("uint8array");
      const { numPages, pages } = await readPdfPagesAt(pdf, [1, -1]);
      const want = expected[index];
      expect(numPages).toBe(want.pages);
      const number = (n: number) => `R7-${String(n).padStart(6, "0")}`;
      expect(flat(pages[0].text)).toContain(number(want.first));
      expect(flat(pages[0].text)).toContain(`${flat(donorName(want.first))}様`);
      expect(flat(pages[1].text)).toContain(number(want.last));
      expect(flat(pages[1].text)).toContain(`${flat(donorName(want.last))}様`);
    }

    const issued = await f.t.db.query<{ n: number; first: string; last: string }>(
      "SELECT count(*)::int AS n, min(certificate_number) AS first, max(certificate_number) AS last FROM furusato_certificates WHERE batch_id = $1",
      [result.batchId],
    );
    expect(issued.rows[0]).toEqual({ n: 2500, first: "R7-000001", last: "R7-002500" });
    expect(await counts()).toMatchObject({ staged: 0, building: 0 });
    const batches = (await f.clients.manager.get("/api/furusato/certificates/batches")).body.items;
    expect(batches[0]).toMatchObject({ id: result.batchId, certificateCount: 2500, firstNumber: "R7-000001", lastNumber: "R7-002500" });
    // A second run finds nothing left to certify.
    expect(await issueCertificates(f.t.db, f.actor, all, undefined, TODAY)).toMatchObject({ batchId: null, count: 0 });
  }, 600_000);

  it("a batch that fails half-way issues nothing and leaves no file behind; the next one numbers on", async () => {
    await addDonations(
      f.t.db,
      [0, 1, 2].map((i) => donationRecord({ orderNumber: `Y-${i}`, donatedOn: "2025-06-01" })),
    );
    const before = await counts();
    // The job dies after its first file (two certificates) was stored.
    const failing = async (done: number) => {
      if (done >= 2) throw new Error("the process went away");
    };
    await expect(issueCertificates(f.t.db, f.actor, all, failing, TODAY, { perFile: 2 })).rejects.toThrow(
      "受領証明書を作成できませんでした",
    );
    expect(await counts()).toEqual(before);

    const result = await issueCertificates(f.t.db, f.actor, all, undefined, TODAY, { perFile: 2 });
    expect(result).toMatchObject({ count: 3, firstNumber: "R7-002501", lastNumber: "R7-002503" });
  }, 300_000);

  it("finding 3: running out of memory while rendering fails the batch with a Japanese message; the server and the issued certificates are unharmed", async () => {
    await addDonations(f.t.db, [donationRecord({ orderNumber: "X-1", donatedOn: "2025-06-01" })]);
    const before = await counts();
    // A worker heap far too small for pdfmake and its fonts: the rendering thread dies, this process does not.
    await expect(issueCertificates(f.t.db, f.actor, all, undefined, TODAY, { renderHeapMb: 8 })).rejects.toThrow(
      /メモリが足りなくなりました。発行済みの証明書は変わっていません。/,
    );
    expect(await counts()).toEqual(before);
    expect((await f.clients.manager.get("/api/health")).status).toBe(200);
    expect(await issueCertificates(f.t.db, f.actor, all, undefined, TODAY)).toMatchObject({ count: 1, firstNumber: "R7-002504" });
  }, 300_000);

  // A second process on the same database: PostgreSQL only (PGlite is one process's in-memory database here).
  it.runIf(testDbKind() === "postgres")(
    "a batch whose process is killed half-way leaves the issued certificates as they were; the next batch discards it and issues all",
    async () => {
      await addDonations(
        f.t.db,
        Array.from({ length: 200 }, (_, i) => donationRecord({ orderNumber: `K-${String(i).padStart(3, "0")}`, donatedOn: "2025-06-01" })),
      );
      const before = await counts();
      const child = spawn(
        process.execPath,
        ["--import", "tsx", "src/server/testing/certificate-batch-process.ts", f.t.url!, f.actor.userId!, TODAY, "1"],
        { cwd: projectRoot, stdio: "ignore" },
      );
      const exited = new Promise((resolve) => child.once("exit", resolve));
      // Killed as soon as its first files are stored (SIGKILL: nothing of it runs any more).
      for (let i = 0; i < 1200 && (await counts()).parts <= before.parts + 2; i++) await new Promise((r) => setTimeout(r, 50));
      child.kill("SIGKILL");
      await exited;
      const left = await counts();
      expect(left.certificates).toBe(before.certificates);
      expect(left.building).toBe(1);
      expect(left.parts).toBeGreaterThan(before.parts);

      const result = await issueCertificates(f.t.db, f.actor, all, undefined, TODAY, { perFile: 100 });
      expect(result).toMatchObject({ count: 200, firstNumber: "R7-002505", lastNumber: "R7-002704" });
      const after = await counts();
      expect(after).toMatchObject({ building: 0, staged: 0, certificates: before.certificates + 200 });
      // the abandoned build's file and parts are gone: only the new zip (two PDFs and the directory) was added
      expect(after.files).toBe(before.files + 1);
      expect(after.parts).toBe(before.parts + 3);
      const audit = await f.t.db.query<{ summary: string }>("SELECT summary FROM audit_log WHERE action = 'discard'");
      expect(audit.rows.map((r) => r.summary)).toEqual(["途中で止まっていた受領証明書の作成を取り消し（発行済みの証明書は変わりません）"]);
    },
    300_000,
  );
});
