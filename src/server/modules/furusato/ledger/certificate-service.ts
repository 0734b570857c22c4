// 受領証明書 as the routes call it: the candidates (names masked unless a manager asks), the batch job, the batches
// and their files, the issued certificates and 再発行. Each function checks the caller first.
import type { Db } from "../../../db/database";
import type { Actor } from "../../../platform/audit/audit";
import type { Principal } from "../../../platform/auth/permissions";
import { availableJobs } from "../../../platform/jobs/available";
import type { JobQueue } from "../../../platform/jobs/jobs";
import { accessOf, requireManager, revealDonorNames } from "../access";
import * as certificates from "./certificates";
import type { CertificateFilter } from "./certificates-repository";

type CandidateQuery = { from?: string; to?: string; portalCode?: string; page: number; pageSize: number; reveal: "true" | "false" };

/** Donations awaiting a certificate; names in full only when a manager asks (reveal), and that look is recorded. */
export async function listCertificateCandidates(db: Db, user: Principal | null, actor: Actor, query: CandidateQuery) {
  const access = await accessOf(db, user);
  if (query.reveal === "true") requireManager(access);
  const list = await certificates.listCertificateCandidates(db, access, {
    from: query.from ?? null,
    to: query.to ?? null,
    portalCode: query.portalCode ?? null,
    page: query.page,
    pageSize: query.pageSize,
    revealed: query.reveal === "true",
  });
  const what = "受領証明書の発行待ち一覧で寄附者名を表示";
  const revealed = await revealDonorNames(db, access, actor, query.reveal === "true", what, list.items.length);
  return { ...list, canReveal: access.manager, revealed };
}

/** A batch is long work: a job, whose id the page polls. */
export async function startCertificateBatch(
  db: Db,
  jobs: JobQueue | null,
  user: Principal | null,
  actor: Actor,
  filter: CertificateFilter,
) {
  requireManager(await accessOf(db, user));
  certificates.checkCertificateFilter(filter);
  return { jobId: await availableJobs(jobs).enqueue(certificates.CERTIFICATE_JOB, { actor, filter }, actor.userId) };
}

export async function listCertificateBatches(db: Db, user: Principal | null) {
  requireManager(await accessOf(db, user));
  return { items: await certificates.listBatches(db) };
}

export async function downloadCertificateBatch(db: Db, user: Principal | null, actor: Actor, batchId: string) {
  const access = await accessOf(db, user);
  return { file: await certificates.downloadBatch(db, access, actor, batchId) };
}

export async function listCertificates(db: Db, user: Principal | null, query: { q?: string; page: number; pageSize: number }) {
  requireManager(await accessOf(db, user));
  return certificates.listCertificates(db, query);
}

/** 再発行: certificates.ts checks the caller (before rendering, and again in the transaction that issues it). */
export async function reissueCertificate(db: Db, user: Principal | null, actor: Actor, certificateId: string) {
  return certificates.reissueCertificate(db, user, actor, certificateId);
}
