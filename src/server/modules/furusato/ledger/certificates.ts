// 寄附金受領証明書: every paid donation gets one, numbered per 年度 of issue (R6-000123). A batch is made by a job, one
// A4 page per donation: one PDF, or — past 1,000 certificates — a zip of PDFs of 1,000 each, built and stored one PDF
// at a time. Its certificates are issued in one transaction with the batch's audit row, so a second run skips the
// donations already certified and a failed run issues nothing. 再発行 issues a new number marked as a reissue.
import { createHash, randomUUID } from "node:crypto";
import { fiscalYearOf, formatFiscalYear, todayInJapan } from "../../../../common/dates";
import type { Db, Queryable } from "../../../db/database";
import { type Actor, recordAudit } from "../../../platform/audit/audit";
import type { Principal } from "../../../platform/auth/permissions";
import { AppError, Conflict, Forbidden, NotFound, ValidationError } from "../../../platform/errors";
import { appendFilePart, createFileInParts, deleteFile, fileContentStream, finishFileParts, sha256Of } from "../../../platform/files/files";
import { readFileFor } from "../../../platform/files/owners";
import { ZipWriter } from "../../../platform/files/zip-writer";
import { isLocalProcessGone, WORKER_NAME } from "../../../platform/jobs/jobs";
import { readSetting } from "../../../platform/settings";
import { WorkerOutOfMemory, WorkerThread } from "../../../platform/workers/worker-thread";
import { defineJob } from "../../manifest";
import { accessOf, type FurusatoAccess, requireDonorRecords, requireManager } from "../access";
import { bureauFileOwner } from "../file-owners";
import { type CertificatePage, type Issuer, type RenderedCertificateFile, renderCertificatesPdf } from "./certificate-pdf";
import type { CertificateRenderRequest } from "./certificate-render-worker";
import * as repo from "./certificates-repository";
import { maskName } from "./donor-name";

export const CERTIFICATE_JOB = "furusato.certificates";
export const CITY_NAME_SETTING = "furusato.cityName";
export const MAYOR_SETTING = "furusato.mayorTitle";

/** 発行者: app settings furusato.cityName / furusato.mayorTitle (北九州市 / 北九州市長 by default). */
export async function certificateIssuer(db: Queryable): Promise<Issuer> {
  const text = (value: unknown, fallback: string) => (typeof value === "string" && value.trim() !== "" ? value.trim() : fallback);
  const [city, mayor] = await Promise.all([readSetting(db, CITY_NAME_SETTING), readSetting(db, MAYOR_SETTING)]);
  return { cityName: text(city, "北九州市"), mayor: text(mayor, "北九州市長") };
}

const ERA_LETTERS: Record<string, string> = { 令和: "R", 平成: "H", 昭和: "S", 大正: "T" };

/** 証明書番号の頭: the 年度 of issue as R6 (令和6年度), R1 for 令和元年度. */
export function certificatePrefix(fiscalYear: number): string {
  const match = /^(令和|平成|昭和|大正)(元|\d+)年度$/.exec(formatFiscalYear(fiscalYear));
  if (!match) throw new RangeError(`年度を和暦で表せません: ${fiscalYear}`);
  return `${ERA_LETTERS[match[1]]}${match[2] === "元" ? "1" : match[2]}`;
}

export function certificateNumber(prefix: string, sequence: number): string {
  return `${prefix}-${String(sequence).padStart(6, "0")}`;
}

export async function listCertificateCandidates(
  db: Queryable,
  access: FurusatoAccess,
  filter: Omit<repo.CertificateFilter, "donationIds"> & { page: number; pageSize: number; revealed?: boolean },
) {
  if (access.supplier) throw new Forbidden("受領証明書は市の職員だけが扱えます。");
  requireDonorRecords(access);
  const candidates = { from: filter.from, to: filter.to, portalCode: filter.portalCode, donationIds: null };
  const offset = (filter.page - 1) * filter.pageSize;
  const [rows, total] = await Promise.all([
    repo.findCandidatePage(db, candidates, { limit: filter.pageSize, offset }),
    repo.countCandidates(db, candidates),
  ]);
  return {
    items: rows.map((r) => ({
      donationId: r.id,
      orderNumber: r.order_number,
      portalCode: r.portal_code,
      donatedOn: r.donated_on,
      amount: r.amount,
      // Masked unless a manager asked for the names (certificate-service.ts records it): access.ts, one rule for every screen.
      donorName: filter.revealed === true && access.manager ? (r.donor_name ?? "") : maskName(r.donor_name),
    })),
    total,
    page: filter.page,
    pageSize: filter.pageSize,
  };
}

function pageOf(d: repo.DonationForCertificate, number: string, issuedOn: string, reissueOf: string | null): CertificatePage {
  return {
    certificateNumber: number,
    issuedOn,
    donorName: d.donor_name ?? "",
    donorPostalCode: d.donor_postal_code,
    donorAddress: d.donor_address,
    donatedOn: d.donated_on,
    amount: d.amount,
    orderNumber: d.order_number,
    reissueOf,
  };
}

export interface BatchResult {
  batchId: string | null;
  count: number;
  firstNumber: string | null;
  lastNumber: string | null;
}

type Progress = (done: number, total?: number | null, message?: string) => Promise<void>;

/** Certificates per PDF file of a batch: a file staff can open and print, and a bounded step of work and memory. */
export const CERTIFICATES_PER_FILE = 1000;
/** The heap limit of the worker thread that renders one file (1,000 pages need about 150 MB at their peak). */
const RENDER_HEAP_MB = 320;
/** A building batch that has shown no sign of life for this long was abandoned: the next batch discards it. */
const ABANDONED_AFTER = "10 minutes";
/** files.size_bytes is an integer: a batch's file stays under 2 GB (about 2.5 million certificates). */
const MAX_BATCH_BYTES = 2 ** 31 - 1;
const RENDER_WORKER = { name: "certificate-render-worker", source: new URL("./certificate-render-worker.ts", import.meta.url) };
/** batches this process is building (a builder recorded under this process's pid but not here is from an earlier one) */
const buildingHere = new Set<string>();

export interface BatchOptions {
  /** certificates per PDF file (CERTIFICATES_PER_FILE) */
  perFile?: number;
  /** heap limit of the rendering worker thread, in MB */
  renderHeapMb?: number;
}

interface Build {
  batchId: string;
  fileId: string;
  prefix: string;
  /** the last number of the 年度 before this batch */
  start: number;
}

type Renderer = WorkerThread<CertificateRenderRequest, RenderedCertificateFile>;

interface BatchJob {
  /** which donations the batch is for (it takes those that need a certificate) */
  filter: repo.CertificateFilter;
  /** donations counted at the start: the batch takes at most these many */
  total: number;
  perFile: number;
  zipped: boolean;
  today: string;
  issuer: Issuer;
  progress: Progress;
}

interface Written {
  count: number;
  sizeBytes: number;
  sha256: string;
}

/**
 * Makes the certificates of every donation that needs one (within the filter), in bounded memory whatever their
 * number: the donations are read a page at a time (keyset pagination), each page becomes one PDF file rendered in a
 * worker thread, and each file is stored at once as a part of the batch's file (a zip of the PDFs when there is more
 * than one, the PDF itself otherwise). Nothing is issued while the batch is built: its numbers are staged beside it,
 * and one short transaction at the end issues them all with the audit row. A failure or a crash on the way leaves the
 * issued certificates as they were (a crash leaves a "building" batch that the next batch discards). One batch
 * builds at a time, so the numbers it prints stay the next ones of the 年度.
 * Not one long transaction: on PGlite it would hold the only connection (every other request) for the whole build,
 * and on PostgreSQL keep a transaction open for half an hour; the recorded state costs one staged row a certificate.
 */
export async function issueCertificates(
  db: Db,
  actor: Actor,
  filter: repo.CertificateFilter,
  progress: Progress = async () => {},
  today = todayInJapan(),
  options: BatchOptions = {},
): Promise<BatchResult> {
  const perFile = options.perFile ?? CERTIFICATES_PER_FILE;
  await progress(0, null, "対象の寄附を数えています");
  // The batch takes at most the donations counted now; any that arrive meanwhile wait for the next one.
  const total = await repo.countCandidates(db, filter);
  const none = { batchId: null, count: 0, firstNumber: null, lastNumber: null };
  if (total === 0) {
    await progress(0, 0, "新たに発行する寄附はありませんでした");
    return none;
  }
  const zipped = total > perFile;
  const issuer = await certificateIssuer(db);
  // Known here before its row exists, so that nothing in this process takes it for an earlier process's leftover.
  const batchId = randomUUID();
  buildingHere.add(batchId);
  try {
    const build = await beginBuild(db, actor, batchId, certificatePrefix(fiscalYearOf(today)), zipped);
    return await buildAndIssue(db, actor, build, { filter, total, perFile, zipped, today, issuer, progress }, options.renderHeapMb);
  } finally {
    buildingHere.delete(batchId);
  }
}

async function buildAndIssue(db: Db, actor: Actor, build: Build, job: BatchJob, renderHeapMb = RENDER_HEAP_MB): Promise<BatchResult> {
  const { total, perFile, zipped, today, progress } = job;
  const none = { batchId: null, count: 0, firstNumber: null, lastNumber: null };
  let renderer: Renderer | null = null;
  try {
    renderer = new WorkerThread(RENDER_WORKER, { maxHeapMb: renderHeapMb });
    await progress(0, total, `${total}件の証明書を作成しています`);
    const written = await writeFiles(db, build, job, renderer);
    if (written.count === 0) {
      await discardBuild(db, build.batchId);
      await progress(0, 0, "新たに発行する寄附はありませんでした");
      return none;
    }
    await progress(written.count, total, "発行を記録しています");
    return await completeBuild(db, actor, build, written, today, zipped);
  } catch (error) {
    // Nothing was issued: the staged numbers and the file's parts go, and the numbers stay free.
    await discardBuild(db, build.batchId).catch(() => {});
    if (error instanceof WorkerOutOfMemory)
      throw new AppError(
        500,
        "certificate_memory",
        `受領証明書の PDF（1ファイル${perFile}件）を作る途中でメモリが足りなくなりました。発行済みの証明書は変わっていません。管理者に連絡してください。`,
      );
    if (error instanceof AppError) throw error;
    const failure = new AppError(500, "certificate_failed", "受領証明書を作成できませんでした。発行済みの証明書は変わっていません。");
    failure.cause = error;
    throw failure;
  } finally {
    await renderer?.close();
  }
}

/** The one file of a batch (a reissue's too), owned by the batch and filled part by part. */
async function newBatchFile(tx: Queryable, actor: Actor, batchId: string, zipped: boolean) {
  const owner = await bureauFileOwner(tx, "furusato.certificate_batch", batchId, "certificate_pdf");
  return createFileInParts(tx, {
    name: `寄附金受領証明書_作成中.${zipped ? "zip" : "pdf"}`,
    mimeType: zipped ? "application/zip" : "application/pdf",
    createdBy: actor.userId,
    owner,
  });
}

// The batch's id is chosen first so that its file is stored with its owner (the batch) in one write.
async function beginBuild(db: Db, actor: Actor, batchId: string, prefix: string, zipped: boolean): Promise<Build> {
  return db.transaction(async (tx) => {
    await repo.lockCertificateNumbers(tx);
    await discardAbandonedBuilds(tx, actor);
    const start = await repo.lastSequence(tx, prefix);
    const file = await newBatchFile(tx, actor, batchId, zipped);
    await repo.insertBuildingBatch(tx, { id: batchId, fileId: file.id, createdBy: actor.userId, builder: WORKER_NAME });
    return { batchId, fileId: file.id, prefix, start };
  });
}

/**
 * A batch still building blocks another batch and a reissue (they would take the same numbers), unless it was
 * abandoned: its process on this host is gone, or it has not written a part for ABANDONED_AFTER. Those are removed.
 */
async function discardAbandonedBuilds(tx: Queryable, actor: Actor): Promise<void> {
  for (const build of await repo.findBuildingBatches(tx, ABANDONED_AFTER)) {
    const gone = build.quiet || isLocalProcessGone(build.builder, buildingHere.has(build.id));
    if (!gone) throw new Conflict("別の受領証明書を作成中です。終わってから、もう一度操作してください。", "batch_in_progress");
    await discardBuild(tx, build.id);
    await recordAudit(tx, actor, {
      action: "discard",
      entityType: "furusato_certificate_batch",
      entityId: build.id,
      summary: "途中で止まっていた受領証明書の作成を取り消し（発行済みの証明書は変わりません）",
    });
  }
}

/** Removes a batch that is still building, with its staged numbers and its file's parts. */
async function discardBuild(db: Queryable, batchId: string): Promise<void> {
  const fileId = await repo.deleteBuildingBatch(db, batchId);
  if (fileId) await deleteFile(db, fileId);
}

async function writeFiles(db: Db, build: Build, job: BatchJob, renderer: Renderer): Promise<Written> {
  const hash = createHash("sha256");
  const zip = job.zipped ? new ZipWriter() : null;
  const digits = Math.max(3, String(Math.ceil(job.total / job.perFile)).length);
  let count = 0;
  let part = 0;
  let sizeBytes = 0;
  let after: repo.CandidateKey | null = null;
  // Each part is stored with a sign of life; a batch discarded meanwhile (taken for abandoned) stops here.
  const store = async (bytes: Uint8Array, staged?: { numbers: string[]; donationIds: string[] }) => {
    sizeBytes += bytes.length;
    if (sizeBytes > MAX_BATCH_BYTES)
      throw new ValidationError("受領証明書のファイルが大きくなりすぎます（2GB 超）。寄附日の範囲を分けて作成してください。");
    hash.update(bytes);
    await db.transaction(async (tx) => {
      if (!(await repo.touchBuildingBatch(tx, build.batchId)))
        throw new Conflict("受領証明書の作成が取り消されました（長く止まっていたため）。もう一度作成してください。", "batch_discarded");
      await appendFilePart(tx, build.fileId, part, bytes);
      if (staged) await repo.insertStagedCertificates(tx, build.batchId, staged.numbers, staged.donationIds);
    });
    part++;
  };
  while (count < job.total) {
    // The next page after the last one read: the candidates' order is a key (a portal's order numbers are unique).
    const rows = await repo.findCandidatesAfter(db, job.filter, after, Math.min(job.perFile, job.total - count));
    if (rows.length === 0) break;
    const numbers = rows.map((_, i) => certificateNumber(build.prefix, build.start + count + i + 1));
    const file = await renderer.call(
      { pages: rows.map((d, i) => pageOf(d, numbers[i], job.today, null)), issuer: job.issuer, deflate: job.zipped },
      [],
    );
    const name = `寄附金受領証明書_${String(part + 1).padStart(digits, "0")}_${numbers[0]}～${numbers[numbers.length - 1]}.pdf`;
    await store(zip ? zip.entry(name, file) : file.data, { numbers, donationIds: rows.map((d) => d.id) });
    count += rows.length;
    const last = rows[rows.length - 1];
    after = { donated_on: last.donated_on, portal_code: last.portal_code, order_number: last.order_number };
    await job.progress(count, job.total, `${count}件 / ${job.total}件の証明書を作成しました`);
  }
  if (zip && count > 0) await store(zip.finish());
  return { count, sizeBytes, sha256: hash.digest("hex") };
}

/** Issues the staged certificates in one short transaction, after checking that nothing changed under the batch. */
async function completeBuild(db: Db, actor: Actor, build: Build, written: Written, today: string, zipped: boolean): Promise<BatchResult> {
  const first = certificateNumber(build.prefix, build.start + 1);
  const last = certificateNumber(build.prefix, build.start + written.count);
  await db.transaction(async (tx) => {
    await repo.lockCertificateNumbers(tx);
    if (!(await repo.isBuilding(tx, build.batchId)))
      throw new Conflict("受領証明書の作成が取り消されました（長く止まっていたため）。もう一度作成してください。", "batch_discarded");
    if ((await repo.lastSequence(tx, build.prefix)) !== build.start)
      throw new Conflict("別の受領証明書の作成が同時に行われました。もう一度作成してください。", "concurrent_batch");
    // A donation cancelled, anonymised or certified while its page was being printed must not get this certificate.
    const { staged, unfit } = await repo.countStaged(tx, build.batchId);
    const changed = written.count - staged + unfit;
    if (changed > 0)
      throw new Conflict(
        `作成中に${changed}件の寄附が取消・削除・匿名化されたか、別に発行されました。もう一度作成してください。`,
        "donations_changed",
      );
    await repo.issueStagedCertificates(tx, build.batchId, today, written.count);
    await finishFileParts(tx, build.fileId, {
      name: `寄附金受領証明書_${first}～${last}.${zipped ? "zip" : "pdf"}`,
      sizeBytes: written.sizeBytes,
      sha256: written.sha256,
    });
    await recordAudit(tx, actor, {
      action: "issue",
      entityType: "furusato_certificate_batch",
      entityId: build.batchId,
      summary: `寄附金受領証明書 ${written.count}件を発行（${first}～${last}）`,
      after: { count: written.count, firstNumber: first, lastNumber: last, issuedOn: today, zip: zipped },
    });
  });
  return { batchId: build.batchId, count: written.count, firstNumber: first, lastNumber: last };
}

/**
 * 再発行: a new number (of this 年度), marked as a reissue and naming the number it replaces; one page, one batch.
 * The module's managers only: checked before the page is rendered (outside the transaction: it takes a while) and
 * again inside the transaction that issues it.
 */
export async function reissueCertificate(
  db: Db,
  user: Principal | null,
  actor: Actor,
  certificateId: string,
  today = todayInJapan(),
): Promise<{ batchId: string; certificateNumber: string }> {
  requireManager(await accessOf(db, user));
  const original = await repo.findCertificateWithDonation(db, certificateId);
  if (!original) throw new NotFound("受領証明書");
  if (original.status !== "入金済") throw new Conflict(`寄附が「${original.status}」のため再発行できません。`, "invalid_status");
  if (original.anonymised_at) throw new Conflict("寄附者の情報が匿名化されているため再発行できません。", "anonymised");
  const prefix = certificatePrefix(fiscalYearOf(today));
  const start = await repo.lastSequence(db, prefix);
  const number = certificateNumber(prefix, start + 1);
  const pdf = await renderCertificatesPdf([pageOf(original, number, today, original.certificate_number)], await certificateIssuer(db));
  const batchId = randomUUID();
  await db.transaction(async (tx) => {
    requireManager(await accessOf(tx, user));
    await repo.lockCertificateNumbers(tx);
    // A batch being built has the next numbers: the reissue waits for it.
    await discardAbandonedBuilds(tx, actor);
    if ((await repo.lastSequence(tx, prefix)) !== start)
      throw new Conflict("別の受領証明書の作成が同時に行われました。もう一度操作してください。", "concurrent_batch");
    const file = await newBatchFile(tx, actor, batchId, false);
    await appendFilePart(tx, file.id, 0, pdf);
    await finishFileParts(tx, file.id, { name: `寄附金受領証明書_${number}_再発行.pdf`, sizeBytes: pdf.length, sha256: sha256Of(pdf) });
    await repo.insertReissue(tx, {
      batchId,
      fileId: file.id,
      createdBy: actor.userId,
      donationId: original.id,
      certificateNumber: number,
      issuedOn: today,
    });
    await recordAudit(tx, actor, {
      action: "reissue",
      entityType: "furusato_certificate",
      entityId: certificateId,
      summary: `寄附金受領証明書 ${original.certificate_number} を ${number} として再発行`,
      after: { certificateNumber: number, reissueOf: original.certificate_number, batchId },
    });
  });
  return { batchId, certificateNumber: number };
}

export async function listBatches(db: Queryable) {
  return (await repo.findIssuedBatches(db)).map((r) => ({
    id: r.id,
    certificateCount: r.certificate_count,
    firstNumber: r.first_number,
    lastNumber: r.last_number,
    reissue: r.reissue ?? false,
    createdAt: r.created_at.toISOString(),
    createdBy: r.created_by ?? "",
  }));
}

export async function listCertificates(db: Queryable, filter: { q?: string; page: number; pageSize: number }) {
  const { rows, total } = await repo.findCertificates(db, {
    q: filter.q,
    limit: filter.pageSize,
    offset: (filter.page - 1) * filter.pageSize,
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      certificateNumber: r.certificate_number,
      donationId: r.donation_id,
      orderNumber: r.order_number,
      donatedOn: r.donated_on,
      amount: r.amount,
      issuedOn: r.issued_on,
      reissue: r.reissue,
      batchId: r.batch_id,
    })),
    total,
    page: filter.page,
    pageSize: filter.pageSize,
  };
}

/**
 * The batch's file again, a PDF or a zip of PDFs (it holds names and addresses: the managers only, and every download
 * is recorded). It is streamed from its stored parts: a batch of any size goes out one part at a time.
 */
export async function downloadBatch(db: Db, access: FurusatoAccess, actor: Actor, batchId: string) {
  requireManager(access);
  const batch = await repo.findIssuedBatch(db, batchId);
  if (!batch) throw new NotFound("受領証明書の作成記録");
  const file = await readFileFor(
    db,
    access.user,
    batch.file_id,
    { kind: "furusato.certificate_batch", ownerId: batchId },
    "受領証明書のファイル",
  );
  await db.transaction((tx) =>
    recordAudit(tx, actor, {
      action: "download",
      entityType: "furusato_certificate_batch",
      entityId: batchId,
      summary: `寄附金受領証明書（${batch.certificate_count}件）のファイルをダウンロード`,
    }),
  );
  // readFileFor checked the owner; the content (kept in parts) is read as the download goes.
  return { name: file.name, mimeType: file.mimeType, body: fileContentStream(db, file.id) };
}

export function checkCertificateFilter(filter: repo.CertificateFilter): void {
  if (filter.from && filter.to && filter.from > filter.to)
    throw new ValidationError("寄附日の範囲が逆になっています。", { to: "開始日より後の日付を入れてください。" });
}

// 600,000 certificates take about an hour here; a failure (out of memory included) is reported, not retried.
export const certificateJob = defineJob<{ actor: Actor; filter: repo.CertificateFilter }>(
  CERTIFICATE_JOB,
  (data, context) => issueCertificates(context.db, data.actor, data.filter, context.progress),
  { expireInSeconds: 6 * 60 * 60 },
);
