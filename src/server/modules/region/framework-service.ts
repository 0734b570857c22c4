// 連携の枠組み (関門連携・福北連携・北九州都市圏域): the list and one framework for every member of staff; the bureau that
// runs 広域連携 (region managers) creates and edits frameworks, their members (a hub 市町 by its code, any other
// local government by name and 全国地方公共団体コード) and their agreements with the agreement's document. Every write
// is one transaction with its audit row; edits of a framework and of an agreement are version-checked.
import type * as api from "../../../common/api/region-projects";
import { parseMunicipalityCode } from "../../../common/region/municipality-code";
import { MEMBER_ROLE_LABELS } from "../../../common/region/partnerships";
import type { Db, Queryable } from "../../db/database";
import { listOrganisations } from "../../platform/admin/organisations";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import { authorize, type Principal } from "../../platform/auth/permissions";
import { Conflict, NotFound, ValidationError } from "../../platform/errors";
import { checkAttachmentUpload, storeFile } from "../../platform/files/files";
import { deleteOwnedFile, listOwnedFiles, readFileFor } from "../../platform/files/owners";
import { requireUpload, type Upload } from "../../platform/http/multipart";
import type { FileResult } from "../../platform/http/types";
import { isRegionManager, requireRegionManager } from "./access";
import * as repo from "./project-repository";

export const STALE = "他の利用者が先に更新しました。画面を再読み込みしてから、もう一度保存してください。";
const FRAMEWORK = "連携の枠組み";
const AGREEMENT = "協定";

export const agreementOwner = (id: string) => ({ kind: "region.agreement", id, purpose: "attachment" }) as const;

const toSummary = (row: repo.FrameworkRow): api.FrameworkSummary => ({
  id: row.id,
  code: row.code,
  name: row.name,
  kind: row.kind,
  description: row.description,
  startedOn: row.started_on,
  memberCount: row.member_count,
  projectCount: row.project_count,
  statusCounts: row.status_counts ?? {},
  latestAgreement: row.latest_signed_on && row.latest_title ? { signedOn: row.latest_signed_on, title: row.latest_title } : null,
  isSample: row.is_sample,
  version: row.version,
});

/** An agreement's document (the newest one it owns), or null. */
export async function ownedFileOf(db: Queryable, owner: { kind: "region.agreement" | "region.project_report"; id: string }) {
  const files = await listOwnedFiles(db, owner);
  const file = files.at(-1);
  return file ? { id: file.id, name: file.name, sizeBytes: file.sizeBytes, mimeType: file.mimeType } : null;
}

/** The city's own organisations (局・部・課): a project's 所管課 and the partners of its 庁内調整. */
export async function internalOrganisations(db: Queryable) {
  return (await listOrganisations(db)).filter((o) => o.kind !== "external" && o.kind !== "municipality");
}

async function detailOf(db: Queryable, row: repo.FrameworkRow, canManage: boolean): Promise<api.FrameworkDetail> {
  const [members, agreements, projects, municipalities] = await Promise.all([
    repo.findMembers(db, row.id),
    repo.findAgreements(db, row.id),
    repo.findProjectsOfFramework(db, row.id),
    repo.findHubMunicipalities(db),
  ]);
  const withFiles = [];
  for (const a of agreements) {
    withFiles.push({
      id: a.id,
      signedOn: a.signed_on,
      title: a.title,
      note: a.note,
      file: await ownedFileOf(db, { kind: "region.agreement", id: a.id }),
      isSample: a.is_sample,
      version: a.version,
    });
  }
  return {
    ...toSummary(row),
    members: members.map((m) => ({
      id: m.id,
      name: m.name,
      localGovernmentCode: m.local_government_code,
      municipalityCode: m.municipality_code,
      role: m.role,
      joinedOn: m.joined_on,
      sortOrder: m.sort_order,
      projectCount: m.project_count,
      isSample: m.is_sample,
    })),
    agreements: withFiles,
    projects: projects.map((p) => ({
      id: p.id,
      name: p.name,
      status: p.status,
      statusSince: p.status_since,
      leadName: p.lead_name,
      isSample: p.is_sample,
    })),
    municipalities,
    organisationChoices: canManage ? (await internalOrganisations(db)).map((o) => ({ id: o.id, name: o.name, kind: o.kind })) : [],
    canManage,
  };
}

async function frameworkOf(db: Queryable, id: string, forUpdate = false): Promise<repo.FrameworkRow> {
  const row = await repo.findFramework(db, id, forUpdate);
  if (!row) throw new NotFound(FRAMEWORK);
  return row;
}

export async function listFrameworks(
  db: Queryable,
  user: Principal | null,
): Promise<{ items: api.FrameworkSummary[]; canManage: boolean }> {
  authorize(user, "region.read");
  return { items: (await repo.findFrameworks(db)).map(toSummary), canManage: await isRegionManager(db, user) };
}

export async function getFramework(db: Queryable, user: Principal | null, id: string): Promise<api.FrameworkDetail> {
  authorize(user, "region.read");
  return detailOf(db, await frameworkOf(db, id), await isRegionManager(db, user));
}

type FrameworkInput = repo.FrameworkInput;

const frameworkValues = (row: repo.FrameworkRow) => ({
  code: row.code,
  name: row.name,
  kind: row.kind,
  description: row.description,
  startedOn: row.started_on,
});

export async function createFramework(db: Db, user: Principal | null, actor: Actor, input: FrameworkInput): Promise<api.FrameworkDetail> {
  return db.transaction(async (tx) => {
    await requireRegionManager(tx, user);
    const id = await repo.insertFramework(tx, input);
    const row = await frameworkOf(tx, id);
    await recordAudit(tx, actor, {
      action: "create",
      entityType: "region_framework",
      entityId: id,
      summary: `連携の枠組み「${row.name}」を作成`,
      after: frameworkValues(row),
    });
    return detailOf(tx, row, true);
  });
}

export async function updateFramework(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  input: FrameworkInput & { version: number },
): Promise<api.FrameworkDetail> {
  return db.transaction(async (tx) => {
    await requireRegionManager(tx, user);
    const before = await frameworkOf(tx, id, true);
    if (before.version !== input.version) throw new Conflict(STALE);
    await repo.updateFramework(tx, id, input);
    const after = await frameworkOf(tx, id);
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "region_framework",
      entityId: id,
      summary: `連携の枠組み「${after.name}」を変更`,
      before: frameworkValues(before),
      after: frameworkValues(after),
    });
    return detailOf(tx, after, true);
  });
}

// ------------------------------------------------------------------ members

/**
 * A member as stored: one of the hub's 市町 takes its name and code from the 市町 list; any other local government
 * (下関市, 福岡市 …) needs its name and a 6-digit 全国地方公共団体コード with the right check digit.
 */
async function memberValues(tx: Queryable, input: api.MemberInput & { sortOrder: number }): Promise<repo.MemberInput> {
  const base = { role: input.role, joinedOn: (input.joinedOn as string | null) ?? null, sortOrder: input.sortOrder };
  if (input.municipalityCode) {
    const municipality = (await repo.findHubMunicipalities(tx)).find((m) => m.code === input.municipalityCode);
    if (!municipality)
      throw new ValidationError("北九州都市圏域の市町から選んでください。", { municipalityCode: "市町を選び直してください。" });
    return { ...base, name: municipality.name, localGovernmentCode: municipality.code, municipalityCode: municipality.code };
  }
  const fields: Record<string, string> = {};
  if (!input.name.trim()) fields.name = "団体名を入力してください。";
  const read = parseMunicipalityCode(input.localGovernmentCode);
  if (!read.ok) fields.localGovernmentCode = "全国地方公共団体コードを6桁（チェックデジット付き）で入力してください。";
  if (Object.keys(fields).length > 0 || !read.ok)
    throw new ValidationError("圏域の市町でない団体は、団体名と全国地方公共団体コードを入力してください。", fields);
  return { ...base, name: input.name.trim(), localGovernmentCode: read.code, municipalityCode: null };
}

/** A second 中心市, or a duplicate name or code in the framework, is refused with its field. */
async function checkMemberClash(tx: Queryable, frameworkId: string, values: repo.MemberInput, exceptId: string | null): Promise<void> {
  const others = (await repo.findMembers(tx, frameworkId)).filter((m) => m.id !== exceptId);
  if (others.some((m) => m.local_government_code === values.localGovernmentCode))
    throw new ValidationError("このコードの団体はすでに構成団体です。", { localGovernmentCode: "すでに構成団体です。" });
  if (others.some((m) => m.name === values.name))
    throw new ValidationError("この名前の団体はすでに構成団体です。", { name: "すでに構成団体です。" });
  if (values.role === "central_city" && others.some((m) => m.role === "central_city"))
    throw new ValidationError("中心市は1団体だけです。", { role: "中心市はすでにあります。" });
}

const memberSummary = (m: repo.MemberInput) =>
  `${m.name}（${m.localGovernmentCode}・${MEMBER_ROLE_LABELS[m.role]}${m.municipalityCode ? "・圏域の市町" : ""}）`;

export async function addMember(
  db: Db,
  user: Principal | null,
  actor: Actor,
  frameworkId: string,
  input: api.MemberInput & { sortOrder: number },
): Promise<api.FrameworkDetail> {
  return db.transaction(async (tx) => {
    await requireRegionManager(tx, user);
    const framework = await frameworkOf(tx, frameworkId, true);
    const values = await memberValues(tx, input);
    await checkMemberClash(tx, frameworkId, values, null);
    const id = await repo.insertMember(tx, frameworkId, values);
    await repo.touchFramework(tx, frameworkId);
    await recordAudit(tx, actor, {
      action: "create",
      entityType: "region_framework_member",
      entityId: id,
      summary: `「${framework.name}」に構成団体 ${memberSummary(values)} を追加`,
      after: { ...values },
    });
    return detailOf(tx, framework, true);
  });
}

export async function updateMember(
  db: Db,
  user: Principal | null,
  actor: Actor,
  frameworkId: string,
  memberId: string,
  input: api.MemberInput & { sortOrder: number },
): Promise<api.FrameworkDetail> {
  return db.transaction(async (tx) => {
    await requireRegionManager(tx, user);
    const framework = await frameworkOf(tx, frameworkId, true);
    const before = await repo.findMember(tx, frameworkId, memberId);
    if (!before) throw new NotFound("構成団体");
    const values = await memberValues(tx, input);
    await checkMemberClash(tx, frameworkId, values, memberId);
    await repo.updateMember(tx, memberId, values);
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "region_framework_member",
      entityId: memberId,
      summary: `「${framework.name}」の構成団体 ${memberSummary(values)} を変更`,
      before: {
        name: before.name,
        localGovernmentCode: before.local_government_code,
        municipalityCode: before.municipality_code,
        role: before.role,
        joinedOn: before.joined_on,
      },
      after: { ...values },
    });
    return detailOf(tx, framework, true);
  });
}

export async function removeMember(
  db: Db,
  user: Principal | null,
  actor: Actor,
  frameworkId: string,
  memberId: string,
): Promise<api.FrameworkDetail> {
  return db.transaction(async (tx) => {
    await requireRegionManager(tx, user);
    const framework = await frameworkOf(tx, frameworkId, true);
    const member = await repo.findMember(tx, frameworkId, memberId);
    if (!member) throw new NotFound("構成団体");
    if (member.project_count > 0)
      throw new Conflict(
        `${member.name}は連携事業${member.project_count}件に参加しているか幹事団体です。先に各事業の参加団体から外してください。`,
        "member_in_use",
      );
    await repo.deleteMember(tx, memberId);
    await recordAudit(tx, actor, {
      action: "delete",
      entityType: "region_framework_member",
      entityId: memberId,
      summary: `「${framework.name}」から構成団体 ${member.name} を外しました`,
      before: { name: member.name, localGovernmentCode: member.local_government_code, role: member.role },
    });
    return detailOf(tx, framework, true);
  });
}

// ------------------------------------------------------------------ agreements

export async function addAgreement(
  db: Db,
  user: Principal | null,
  actor: Actor,
  frameworkId: string,
  input: { signedOn: string; title: string; note: string },
): Promise<api.FrameworkDetail> {
  return db.transaction(async (tx) => {
    await requireRegionManager(tx, user);
    const framework = await frameworkOf(tx, frameworkId, true);
    const id = await repo.insertAgreement(tx, frameworkId, input);
    await repo.touchFramework(tx, frameworkId);
    await recordAudit(tx, actor, {
      action: "create",
      entityType: "region_agreement",
      entityId: id,
      summary: `「${framework.name}」に協定「${input.title}」（${input.signedOn}）を追加`,
      after: { ...input },
    });
    return detailOf(tx, await frameworkOf(tx, frameworkId), true);
  });
}

async function agreementOf(tx: Queryable, frameworkId: string, id: string, forUpdate = false): Promise<repo.AgreementRow> {
  const row = await repo.findAgreement(tx, frameworkId, id, forUpdate);
  if (!row) throw new NotFound(AGREEMENT);
  return row;
}

export async function updateAgreement(
  db: Db,
  user: Principal | null,
  actor: Actor,
  frameworkId: string,
  id: string,
  input: { signedOn: string; title: string; note: string; version: number },
): Promise<api.FrameworkDetail> {
  return db.transaction(async (tx) => {
    await requireRegionManager(tx, user);
    const framework = await frameworkOf(tx, frameworkId);
    const before = await agreementOf(tx, frameworkId, id, true);
    if (before.version !== input.version) throw new Conflict(STALE);
    await repo.updateAgreement(tx, id, input);
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "region_agreement",
      entityId: id,
      summary: `「${framework.name}」の協定「${input.title}」を変更`,
      before: { signedOn: before.signed_on, title: before.title, note: before.note },
      after: { signedOn: input.signedOn, title: input.title, note: input.note },
    });
    return detailOf(tx, await frameworkOf(tx, frameworkId), true);
  });
}

export async function deleteAgreement(
  db: Db,
  user: Principal | null,
  actor: Actor,
  frameworkId: string,
  id: string,
): Promise<api.FrameworkDetail> {
  return db.transaction(async (tx) => {
    await requireRegionManager(tx, user);
    const framework = await frameworkOf(tx, frameworkId);
    const before = await agreementOf(tx, frameworkId, id, true);
    await repo.deleteAgreement(tx, id);
    await recordAudit(tx, actor, {
      action: "delete",
      entityType: "region_agreement",
      entityId: id,
      summary: `「${framework.name}」の協定「${before.title}」を削除（文書も削除）`,
      before: { signedOn: before.signed_on, title: before.title, note: before.note },
    });
    return detailOf(tx, await frameworkOf(tx, frameworkId), true);
  });
}

/** The agreement's document: a new upload replaces the one before (one document per agreement). */
export async function uploadAgreementFile(
  db: Db,
  user: Principal | null,
  actor: Actor,
  frameworkId: string,
  id: string,
  form: Upload | null,
): Promise<api.FrameworkDetail> {
  return db.transaction(async (tx) => {
    await requireRegionManager(tx, user);
    const framework = await frameworkOf(tx, frameworkId);
    const agreement = await agreementOf(tx, frameworkId, id, true);
    const upload = requireUpload(form);
    const mimeType = checkAttachmentUpload(upload.name, upload.bytes);
    const previous = await listOwnedFiles(tx, agreementOwner(id));
    for (const file of previous) await deleteOwnedFile(tx, file.id, agreementOwner(id));
    const stored = await storeFile(tx, {
      name: upload.name,
      mimeType,
      bytes: upload.bytes,
      createdBy: actor.userId,
      owner: { ...agreementOwner(id), organisationId: null },
    });
    await recordAudit(tx, actor, {
      action: "attach_file",
      entityType: "region_agreement",
      entityId: id,
      summary: `「${framework.name}」の協定「${agreement.title}」に文書「${stored.name}」を添付${previous.length ? "（前の文書と置き換え）" : ""}`,
      after: { fileId: stored.id, name: stored.name, mimeType: stored.mimeType, sizeBytes: stored.sizeBytes, sha256: stored.sha256 },
    });
    return detailOf(tx, framework, true);
  });
}

export async function downloadAgreementFile(
  db: Db,
  user: Principal | null,
  actor: Actor,
  frameworkId: string,
  id: string,
): Promise<FileResult> {
  authorize(user, "region.read");
  const agreement = await agreementOf(db, frameworkId, id);
  const owned = await ownedFileOf(db, { kind: "region.agreement", id });
  if (!owned) throw new NotFound("協定の文書");
  const file = await readFileFor(db, user, owned.id, agreementOwner(id), "協定の文書");
  await recordAudit(db, actor, {
    action: "download",
    entityType: "file",
    entityId: file.id,
    summary: `協定「${agreement.title}」の文書「${file.name}」をダウンロード`,
  });
  return { file: { name: file.name, mimeType: file.mimeType, body: file.body } };
}
