// The kintone import: an export of 国際関連事業データベース or 海外出張管理, read (kintone/read-export.ts), mapped record by
// record (kintone/record-to-input.ts) and written through the projects' and trips' own steps, all in one transaction.
// A record is keyed by its レコード番号: one already imported with the same content (the hash of what the import made
// of it) is left alone, so the same file again changes nothing; a changed one is replaced by the newer export. Any
// problem in the file — a line the reader could not place, a value the contracts refuse — imports nothing and is
// named by its row.
import { createHash } from "node:crypto";
import type { KintoneAppName, KintoneMappingBody, KintonePreview, KintoneRowError } from "../../../common/api/international-kintone";
import type { Queryable } from "../../db/database";
import type { Actor } from "../../platform/audit/audit";
import {
  checkMapping,
  IMPORT_TARGETS,
  type ImportTargets,
  type KintoneMapping,
  type MappingProblem,
  suggestMapping,
} from "./kintone/import-mapping";
import { type KintoneExport, readKintoneExport } from "./kintone/read-export";
import {
  type ImportLookups,
  type PartnerSpec,
  type ProjectImport,
  projectFromRecord,
  type TripImport,
  tripFromRecord,
} from "./kintone/record-to-input";
import * as repo from "./kintone-import-repository";
import { createPartnerIn } from "./partner-service";
import { createProjectIn, replaceProjectIn } from "./project-service";
import { createTripIn, replaceImportedTripIn } from "./trip-service";

/** How many errors a preview or a failed import lists (the count is always whole). */
export const ERRORS_SHOWN = 500;
const ROWS_SHOWN = 50;

export type ImportAction = "create" | "update" | "unchanged";

interface PlannedItem<T> {
  row: number;
  key: string;
  title: string;
  action: ImportAction;
  existingId: string | null;
  hash: string;
  value: T;
}

export interface ImportPlan {
  app: KintoneAppName;
  exported: KintoneExport;
  mapping: KintoneMapping & { subtableOf: Record<string, string | null> };
  mappingProblems: MappingProblem[];
  errors: KintoneRowError[];
  items: PlannedItem<unknown>[];
  /** partners the projects name that do not exist yet (created by the import) */
  newPartners: PartnerSpec[];
}

const compact = (text: string) => text.normalize("NFKC").replace(/\s+/g, "");
const partnerKey = (country: string, city: string, organisation = "") =>
  `${compact(country)}\u0000${compact(city)}\u0000${compact(organisation)}`;
const hashOf = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex");

/** Names as offices write them: organisations by name or code (the bureau narrows a repeated name), users by login or name. */
async function loadLookups(tx: Queryable, app: KintoneAppName): Promise<ImportLookups> {
  // One after another: a transaction's connection runs one query at a time.
  const organisations = await repo.findOrganisationRefs(tx);
  const users = await repo.findStaffUsers(tx);
  const fields = await repo.findFieldNames(tx);
  const partners = await repo.findPartnerKeys(tx);
  const projects = app === "trips" ? await repo.findImported(tx, "international_projects") : [];
  const usersByText = new Map<string, { id: string; name: string } | null>();
  const addUser = (text: string, user: { id: string; name: string }) =>
    usersByText.set(text, usersByText.has(text) && usersByText.get(text)?.id !== user.id ? null : user);
  for (const u of users) {
    addUser(u.login_id, { id: u.id, name: u.display_name });
    addUser(compact(u.display_name), { id: u.id, name: u.display_name });
  }
  const fieldIds = new Map(fields.map((f) => [compact(f.name), f.id]));
  const partnerIds = new Map<string, string>();
  const cityPartner = new Map<string, string>();
  for (const p of partners) {
    partnerIds.set(partnerKey(p.country, p.city, p.organisation), p.id);
    // a visit names a city: the city itself, else any partner in it
    const city = partnerKey(p.country, p.city);
    if (p.organisation === "" || !cityPartner.has(city)) cityPartner.set(city, p.id);
  }
  const projectIds = new Map(projects.map((p) => [p.source_key, p.id]));
  return {
    organisation(division, bureau) {
      const name = compact(division);
      const found = organisations.filter((o) => compact(o.name) === name || o.code === division);
      const narrowed =
        bureau && found.length > 1 ? found.filter((o) => o.bureau_name && compact(o.bureau_name) === compact(bureau)) : found;
      return narrowed.length === 1 ? narrowed[0].id : null;
    },
    user: (text) => usersByText.get(text.trim().toLowerCase()) ?? usersByText.get(compact(text)) ?? null,
    fieldId: (name) => fieldIds.get(compact(name)) ?? null,
    partnerId: (country, city) => cityPartner.get(partnerKey(country, city)) ?? partnerIds.get(partnerKey(country, city)) ?? null,
    projectIdByKey: (key) => projectIds.get(key) ?? null,
  };
}

function storedMapping(app: KintoneAppName, raw: unknown): (KintoneMapping & { subtableOf: Record<string, string | null> }) | null {
  if (!raw || typeof raw !== "object") return null;
  const m = raw as KintoneMappingBody;
  return { app, main: m.main, subtables: m.subtables, subtableOf: m.subtableOf ?? {} };
}

/** Reads the file with the app's saved mapping (or one suggested from its header) and works out what importing would do. */
export async function planImport(
  tx: Queryable,
  app: KintoneAppName,
  bytes: Uint8Array,
  given: KintoneMappingBody | null = null,
): Promise<ImportPlan & { mappingSaved: boolean }> {
  const saved = given ? null : await repo.findMapping(tx, app);
  const chosen = given ? storedMapping(app, given) : storedMapping(app, saved?.mapping);
  const exported = readKintoneExport(bytes, { subtableOf: chosen?.subtableOf ?? {} });
  const mapping = chosen ?? { ...suggestMapping(app, exported), subtableOf: {} };
  const plan: ImportPlan & { mappingSaved: boolean } = {
    app,
    exported,
    mapping,
    mappingSaved: saved !== null,
    mappingProblems: checkMapping(mapping, exported),
    errors: exported.problems.map((p) => ({ row: p.row, column: p.column, message: p.problem })),
    items: [],
    newPartners: [],
  };
  if (plan.mappingProblems.length > 0) return plan;

  const pendingPartners = new Map<string, PartnerSpec>();
  const lookups = await loadLookups(tx, app);
  const imported = new Map(
    (await repo.findImported(tx, app === "projects" ? "international_projects" : "international_trips")).map((r) => [r.source_key, r]),
  );
  const knownPartners = new Set((await repo.findPartnerKeys(tx)).map((p) => partnerKey(p.country, p.city, p.organisation)));
  const keysSeen = new Map<string, number>();
  for (const record of exported.records) {
    const converted = app === "projects" ? projectFromRecord(record, mapping, lookups) : tripFromRecord(record, mapping, lookups);
    if (!converted.ok) {
      plan.errors.push(...converted.errors);
      continue;
    }
    const firstRow = keysSeen.get(converted.sourceKey);
    if (firstRow !== undefined) {
      plan.errors.push({
        row: record.row,
        column: mapping.main.key ?? null,
        message: `レコード番号「${converted.sourceKey}」が${firstRow}行目と重複しています。`,
      });
      continue;
    }
    keysSeen.set(converted.sourceKey, record.row);
    if ("partners" in converted.value)
      for (const p of converted.value.partners) {
        const key = partnerKey(p.country, p.city, p.organisation);
        if (!knownPartners.has(key) && !pendingPartners.has(key)) pendingPartners.set(key, p);
      }
    const hash = hashOf(converted.value);
    const existing = imported.get(converted.sourceKey);
    const value = converted.value as { input: { name?: string; title?: string } };
    plan.items.push({
      row: record.row,
      key: converted.sourceKey,
      title: value.input.name ?? value.input.title ?? "",
      action: !existing ? "create" : existing.source_hash === hash ? "unchanged" : "update",
      existingId: existing?.id ?? null,
      hash,
      value: converted.value,
    });
  }
  plan.newPartners = [...pendingPartners.values()];
  return plan;
}

export function countActions(items: readonly { action: ImportAction }[]) {
  const counts = { create: 0, update: 0, unchanged: 0 };
  for (const item of items) counts[item.action] += 1;
  return counts;
}

export function targetsOf(targets: ImportTargets) {
  return {
    main: targets.main.map((t) => ({ key: t.key, label: t.label, required: t.required ?? false })),
    subtables: targets.subtables.map((s) => ({
      key: s.key,
      label: s.label,
      fields: s.fields.map((t) => ({ key: t.key, label: t.label, required: t.required ?? false })),
    })),
  };
}

/** The preview's answer: what was read, the mapping, and what importing would do. */
export function previewOf(plan: ImportPlan & { mappingSaved: boolean }): KintonePreview {
  const { exported } = plan;
  return {
    encoding: exported.encoding,
    headerKind: exported.headerKind,
    records: exported.records.length,
    subtables: exported.subtables.map((s) => ({ name: s.name, rows: s.rows, fields: s.fields, inferred: s.inferred })),
    columns: exported.columns.map((c) => ({ header: c.header, field: c.field, subtable: c.subtable })),
    targets: targetsOf(IMPORT_TARGETS[plan.app]),
    mapping: { main: plan.mapping.main, subtables: plan.mapping.subtables, subtableOf: plan.mapping.subtableOf },
    mappingSaved: plan.mappingSaved,
    mappingProblems: plan.mappingProblems,
    counts: countActions(plan.items),
    rows: plan.items.slice(0, ROWS_SHOWN).map((i) => ({ row: i.row, key: i.key, title: i.title, action: i.action })),
    errors: plan.errors.slice(0, ERRORS_SHOWN),
    errorCount: plan.errors.length,
  };
}

export interface AppliedImport {
  records: number;
  created: number;
  updated: number;
  unchanged: number;
  partnersCreated: number;
}

/**
 * Writes a plan without errors inside the caller's transaction: new partners first, then each record created or
 * replaced through the projects' and trips' own steps (their checks and audit), with its hash. Unchanged records are
 * not touched.
 */
export async function applyPlan(
  tx: Queryable,
  actor: Actor,
  plan: ImportPlan,
  onProgress?: (done: number) => Promise<void>,
): Promise<AppliedImport> {
  if (plan.mappingProblems.length > 0 || plan.errors.length > 0) throw new Error("a plan with problems is not applied");
  const partnerIds = new Map<string, string>();
  for (const p of await repo.findPartnerKeys(tx)) partnerIds.set(partnerKey(p.country, p.city, p.organisation), p.id);
  for (const p of plan.newPartners) {
    const id = await createPartnerIn(tx, actor, { ...p, latitude: null, longitude: null });
    partnerIds.set(partnerKey(p.country, p.city, p.organisation), id);
  }
  const table = plan.app === "projects" ? "international_projects" : "international_trips";
  let done = 0;
  for (const item of plan.items) {
    done += 1;
    if (item.action === "unchanged") continue;
    let id: string;
    if (plan.app === "projects") {
      const { input, partners } = item.value as ProjectImport;
      const project = {
        ...input,
        partnerIds: [...new Set(partners.map((p) => partnerIds.get(partnerKey(p.country, p.city, p.organisation)) as string))],
      };
      if (item.existingId) {
        await replaceProjectIn(tx, actor, item.existingId, project, { action: "import_update" });
        id = item.existingId;
      } else id = await createProjectIn(tx, actor, project, { sourceKey: item.key });
    } else {
      const trip = item.value as TripImport;
      id = item.existingId ?? (await createTripIn(tx, actor, trip.input, { sourceKey: item.key }));
      await replaceImportedTripIn(tx, actor, id, trip, { created: item.existingId === null });
    }
    await repo.setSourceHash(tx, table, id, item.hash);
    if (onProgress && done % 500 === 0) await onProgress(done);
  }
  const counts = countActions(plan.items);
  return {
    records: plan.items.length,
    created: counts.create,
    updated: counts.update,
    unchanged: counts.unchanged,
    partnersCreated: plan.newPartners.length,
  };
}
