// The ledger's ingest as the routes call it: 取込設定 and 使い道 (mappings.ts), ふるさと納税の設定 (settings.ts), and
// starting an import. Staff only (a supplier's login is refused); writing needs the module's 担当者, checked inside
// the write's transaction.
import type { FurusatoSettings } from "../../../../common/api/furusato-settings";
import { DONATION_FIELDS, type DonationMappingConfig, type MappedField } from "../../../../common/furusato/donation-mapping";
import type { Db } from "../../../db/database";
import type { Actor } from "../../../platform/audit/audit";
import type { Principal } from "../../../platform/auth/permissions";
import { ValidationError } from "../../../platform/errors";
import { checkTabularUpload, storeFile } from "../../../platform/files/files";
import { availableJobs } from "../../../platform/jobs/available";
import type { JobQueue } from "../../../platform/jobs/jobs";
import { requireManager, staffAccessOf } from "../access";
import { requireUpload, type Upload } from "../gift-files";
import { DONATION_IMPORT_JOB, type DonationImportJobData } from "./donation-import";
import * as mappings from "./mappings";
import { sampleDonationFileBytes } from "./sample-files";
import { readFurusatoSettings, saveFurusatoSettings } from "./settings";
import { SHIPPED_MAPPINGS } from "./shipped-mappings";

// ---------------------------------------------------------------- ふるさと納税の設定

export async function getSettings(db: Db, user: Principal | null) {
  const access = await staffAccessOf(db, user);
  return { ...(await readFurusatoSettings(db)), canEdit: access.manager };
}

export async function saveSettings(db: Db, user: Principal | null, actor: Actor, input: FurusatoSettings) {
  return db.transaction(async (tx) => {
    requireManager(await staffAccessOf(tx, user));
    return { ...(await saveFurusatoSettings(tx, actor, input)), canEdit: true };
  });
}

// ---------------------------------------------------------------- 使い道

export async function listFundUses(db: Db, user: Principal | null) {
  await staffAccessOf(db, user);
  return { items: await mappings.listFundUses(db) };
}

export async function createFundUse(db: Db, user: Principal | null, actor: Actor, input: { code: string; name: string }) {
  return db.transaction(async (tx) => {
    requireManager(await staffAccessOf(tx, user));
    return mappings.createFundUse(tx, actor, input);
  });
}

// ---------------------------------------------------------------- 取込設定

export async function listMappings(db: Db, user: Principal | null) {
  await staffAccessOf(db, user);
  return {
    items: await mappings.listMappings(db),
    fields: { ...DONATION_FIELDS },
    shipped: SHIPPED_MAPPINGS.map((m) => ({ key: m.key, name: m.name, portalCode: m.portalCode })),
  };
}

export async function getMapping(db: Db, user: Principal | null, id: string) {
  await staffAccessOf(db, user);
  return mappings.mappingDetail(db, id);
}

/** A new 取込設定: a copy of a shipped one (shipped) or the columns given (config). */
export async function createMapping(
  db: Db,
  user: Principal | null,
  actor: Actor,
  input: { portalCode: string; name: string; shipped?: string; config?: DonationMappingConfig },
) {
  return db.transaction(async (tx) => {
    requireManager(await staffAccessOf(tx, user));
    const shipped = input.shipped ? SHIPPED_MAPPINGS.find((m) => m.key === input.shipped) : undefined;
    if (input.shipped && !shipped) throw new ValidationError("用意された取込設定が見つかりません。");
    const config = input.config ?? shipped?.config();
    if (!config) throw new ValidationError("用意された設定を選ぶか、列の対応を指定してください。");
    return mappings.createMapping(tx, actor, { portalCode: input.portalCode, name: input.name, config });
  });
}

export async function updateMapping(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  input: { version: number; name: string; config: DonationMappingConfig },
) {
  return db.transaction(async (tx) => {
    requireManager(await staffAccessOf(tx, user));
    return mappings.updateMapping(tx, actor, id, input);
  });
}

export async function mapUnknownValue(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  input: { field: MappedField; value: string; target: string },
) {
  return db.transaction(async (tx) => {
    requireManager(await staffAccessOf(tx, user));
    return mappings.mapUnknownValue(tx, actor, id, input);
  });
}

// ---------------------------------------------------------------- 取込

/**
 * Stores the uploaded file and starts the import job. The caller, the 取込設定 and the job runner are checked before
 * the file is looked at; the job is enqueued once the file is committed (the job reads it on its own connection).
 */
export async function startDonationImport(
  db: Db,
  jobs: JobQueue | null,
  user: Principal | null,
  actor: Actor,
  mappingId: string,
  form: Upload | null,
) {
  const fileId = await db.transaction(async (tx) => {
    requireManager(await staffAccessOf(tx, user));
    await mappings.mappingDetail(tx, mappingId);
    availableJobs(jobs);
    const upload = requireUpload(form);
    const mimeType = checkTabularUpload(upload.name, upload.bytes);
    const stored = await storeFile(tx, {
      name: upload.name,
      mimeType,
      bytes: upload.bytes,
      createdBy: user?.id ?? null,
      owner: { kind: "import", id: null, purpose: "import_upload" },
    });
    return stored.id;
  });
  const data: DonationImportJobData = { mappingId, fileId, actor };
  return { jobId: await availableJobs(jobs).enqueue(DONATION_IMPORT_JOB, data, user?.id ?? null) };
}

export async function listDonationImports(db: Db, user: Principal | null, query: { page: number; pageSize: number }) {
  await staffAccessOf(db, user);
  return mappings.listImports(db, query);
}

export async function sampleDonationFile(db: Db, user: Principal | null, key: Parameters<typeof sampleDonationFileBytes>[0]) {
  await staffAccessOf(db, user);
  return { file: sampleDonationFileBytes(key) };
}
