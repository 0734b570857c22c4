// The kintone import: an export of 国際関連事業データベース or 海外出張管理, read (kintone/read-export.ts), mapped record by
// record (kintone/record-to-input.ts) and written, all in one transaction: new projects in batches as the file is read
// (project-batch.ts writes what createProjectIn writes, with one statement per table for a batch), changed projects
// and trips through the projects' and trips' own steps. The records themselves are not kept, only what the import
// made of each (its key, hash and input). A record is keyed by its レコード番号: one already imported with the same
// content (the hash of what the import made of it) is left alone, so the same file again changes nothing; a changed
// one is replaced by the newer export. Any problem in the file — a line the reader could not place, a value the
// contracts or the service's checks refuse — imports nothing and is named by its row.
import { createHash } from "node:crypto";
import type { ProjectInput } from "../../../common/api/international";
import type { KintoneAppName, KintoneMappingBody, KintonePreview, KintoneRowError } from "../../../common/api/international-kintone";
import type { Queryable } from "../../db/database";
import type { Actor } from "../../platform/audit/audit";
import { ValidationError } from "../../platform/errors";
import {
  checkMapping,
  IMPORT_TARGETS,
  type ImportTargets,
  type KintoneMapping,
  type MappingProblem,
  suggestMapping,
} from "./kintone/import-mapping";
import {
  type KintoneExportSummary,
  type KintoneLayout,
  type KintoneRecord,
  scanKintoneExport,
  scanKintoneExportAsync,
} from "./kintone/read-export";
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
import { insertCheckedProjects, projectChecker } from "./project-batch";
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
  /** what was read of the file (its records are not kept: `items` holds what the import made of them) */
  exported: KintoneExportSummary;
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
  // names compacted once (every record names its division: not every organisation's name again for each)
  const orgs = organisations.map((o) => ({ ...o, compactName: compact(o.name), compactBureau: o.bureau_name && compact(o.bureau_name) }));
  const organisationIds = new Map<string, string | null>();
  return {
    organisation(division, bureau) {
      const asked = `${division}\u0000${bureau ?? ""}`;
      const known = organisationIds.get(asked);
      if (known !== undefined) return known;
      const name = compact(division);
      const found = orgs.filter((o) => o.compactName === name || o.code === division);
      const narrowed = bureau && found.length > 1 ? found.filter((o) => o.compactBureau && o.compactBureau === compact(bureau)) : found;
      const id = narrowed.length === 1 ? narrowed[0].id : null;
      organisationIds.set(asked, id);
      return id;
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

/**
 * What the import makes of the file as it reads it, record by record: the mapping (the saved one, else one suggested
 * from the header once it is read), the rows' errors, and of each record only what the import needs — its key, hash
 * and input (`keep` says which of those items are kept; all are counted).
 */
class Planner {
  mapping: ImportPlan["mapping"];
  mappingProblems: MappingProblem[] = [];
  readonly errors: KintoneRowError[] = [];
  readonly items: PlannedItem<unknown>[] = [];
  readonly counts = { create: 0, update: 0, unchanged: 0 };
  /** partners the projects name that do not exist yet, in the order they are first named */
  readonly newPartners: PartnerSpec[] = [];
  private readonly pendingPartners = new Set<string>();
  private readonly keysSeen = new Map<string, number>();

  constructor(
    private readonly app: KintoneAppName,
    private readonly chosen: ImportPlan["mapping"] | null,
    private readonly lookups: ImportLookups,
    private readonly imported: Map<string, { id: string; source_hash: string | null }>,
    private readonly knownPartners: Set<string>,
    private readonly keep: (item: PlannedItem<unknown>) => boolean = () => true,
  ) {
    this.mapping = chosen ?? { app, main: {}, subtables: {}, subtableOf: {} };
  }

  get clean(): boolean {
    return this.mappingProblems.length === 0 && this.errors.length === 0;
  }

  layout(layout: KintoneLayout): void {
    this.mapping = this.chosen ?? { ...suggestMapping(this.app, layout), subtableOf: {} };
    this.mappingProblems = checkMapping(this.mapping, layout);
  }

  /** The record's item, or null when it has errors (or the mapping has problems: nothing is read then). */
  add(record: KintoneRecord): PlannedItem<unknown> | null {
    if (this.mappingProblems.length > 0) return null;
    const { app, mapping, lookups } = this;
    const converted = app === "projects" ? projectFromRecord(record, mapping, lookups) : tripFromRecord(record, mapping, lookups);
    if (!converted.ok) {
      this.errors.push(...converted.errors);
      return null;
    }
    const firstRow = this.keysSeen.get(converted.sourceKey);
    if (firstRow !== undefined) {
      this.errors.push({
        row: record.row,
        column: mapping.main.key ?? null,
        message: `レコード番号「${converted.sourceKey}」が${firstRow}行目と重複しています。`,
      });
      return null;
    }
    this.keysSeen.set(converted.sourceKey, record.row);
    if ("partners" in converted.value)
      for (const p of converted.value.partners) {
        const key = partnerKey(p.country, p.city, p.organisation);
        if (this.knownPartners.has(key) || this.pendingPartners.has(key)) continue;
        this.pendingPartners.add(key);
        this.newPartners.push(p);
      }
    const hash = hashOf(converted.value);
    const existing = this.imported.get(converted.sourceKey);
    const value = converted.value as { input: { name?: string; title?: string } };
    const item: PlannedItem<unknown> = {
      row: record.row,
      key: converted.sourceKey,
      title: value.input.name ?? value.input.title ?? "",
      action: !existing ? "create" : existing.source_hash === hash ? "unchanged" : "update",
      existingId: existing?.id ?? null,
      hash,
      value: converted.value,
    };
    this.counts[item.action] += 1;
    if (this.keep(item)) this.items.push(item);
    return item;
  }

  /** Everything that stops the import: the mapping's problems (on the header's row), then the file's and the records'. */
  allErrors(exported: KintoneExportSummary): KintoneRowError[] {
    return [
      ...this.mappingProblems.map((p) => ({ row: 1, column: null, message: `${p.target}: ${p.problem}` })),
      ...exported.problems.map((p) => ({ row: p.row, column: p.column, message: p.problem })),
      ...(this.mappingProblems.length > 0 ? [] : this.errors),
    ];
  }
}

/** The mapping to read the file with, and what the records are checked against, loaded before the file is read. */
async function startPlanning(
  tx: Queryable,
  app: KintoneAppName,
  given: KintoneMappingBody | null,
  keep?: (item: PlannedItem<unknown>) => boolean,
) {
  const saved = given ? null : await repo.findMapping(tx, app);
  const chosen = given ? storedMapping(app, given) : storedMapping(app, saved?.mapping);
  // One query after another: a transaction is one connection.
  const lookups = await loadLookups(tx, app);
  const imported = new Map(
    (await repo.findImported(tx, app === "projects" ? "international_projects" : "international_trips")).map((r) => [r.source_key, r]),
  );
  const partners = await repo.findPartnerKeys(tx);
  const partnerIds = new Map(partners.map((p) => [partnerKey(p.country, p.city, p.organisation), p.id]));
  const planner = new Planner(app, chosen, lookups, imported, new Set(partnerIds.keys()), keep);
  return { saved, chosen, planner, partnerIds };
}

/**
 * Reads the file with the app's saved mapping (or one suggested from its header) and works out what importing would
 * do (the preview; nothing is written). The records are read one by one and not kept.
 */
export async function planImport(
  tx: Queryable,
  app: KintoneAppName,
  bytes: Uint8Array,
  given: KintoneMappingBody | null = null,
): Promise<ImportPlan & { mappingSaved: boolean }> {
  const { saved, chosen, planner } = await startPlanning(tx, app, given);
  const exported = scanKintoneExport(
    bytes,
    { subtableOf: chosen?.subtableOf ?? {} },
    (record) => planner.add(record),
    (layout) => planner.layout(layout),
  );
  const failed = planner.mappingProblems.length > 0;
  return {
    app,
    exported,
    mapping: planner.mapping,
    mappingSaved: saved !== null,
    mappingProblems: planner.mappingProblems,
    errors: [...exported.problems.map((p) => ({ row: p.row, column: p.column, message: p.problem })), ...(failed ? [] : planner.errors)],
    items: failed ? [] : planner.items,
    newPartners: failed ? [] : planner.newPartners,
  };
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
    records: exported.recordCount,
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

/** The records a batch creates at once (one statement per table for each batch). */
export const IMPORT_BATCH = 1000;

/** Thrown inside the import's transaction (so that it rolls back) when the service refused records: by their rows. */
export class ImportRefused extends Error {
  constructor(readonly errors: KintoneRowError[]) {
    super(`the import was refused (${errors.length} rows)`);
  }
}

/**
 * Imports the file inside the caller's transaction, writing while it reads: new partners as they are first named,
 * new projects in batches of IMPORT_BATCH as soon as a batch is read (project-batch.ts: the same rows and audit as
 * createProjectIn, checked for the batch at once; on PostgreSQL the database writes one batch while the next is read).
 * Changed projects and every trip go through the projects' and trips' own steps (their checks and audit) once the
 * file is read, each with its hash; unchanged records are not touched. Anything wrong — the mapping, a line, a record
 * the contracts or the service refuse (its ValidationError, named by its row) — throws ImportRefused with every
 * problem, and the caller's transaction rolls back what was written.
 */
export async function importExport(
  tx: Queryable,
  actor: Actor,
  app: KintoneAppName,
  bytes: Uint8Array,
  onProgress?: (done: number) => Promise<void>,
): Promise<AppliedImport> {
  // new projects are written as they are read, not kept; the rest waits for the end of the file
  const streamed = (item: PlannedItem<unknown>) => app === "projects" && item.action === "create";
  const { chosen, planner, partnerIds } = await startPlanning(tx, app, null, (item) => !streamed(item));
  const table = app === "projects" ? "international_projects" : "international_trips";
  const refused: KintoneRowError[] = [];
  /** One record through the service's own step; its ValidationError becomes the row's error. */
  const viaService = async (item: PlannedItem<unknown>, write: () => Promise<string>) => {
    try {
      await repo.setSourceHash(tx, table, await write(), item.hash);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      refused.push({ row: item.row, column: null, message: error.message });
    }
  };
  let done = 0;
  let reported = 0;
  const progress = async (n: number) => {
    done += n;
    if (onProgress && done - reported >= 500) {
      reported = done;
      await onProgress(done);
    }
  };
  let partnersCreated = 0;
  const createNewPartners = async () => {
    for (; partnersCreated < planner.newPartners.length; partnersCreated++) {
      const p = planner.newPartners[partnersCreated];
      partnerIds.set(
        partnerKey(p.country, p.city, p.organisation),
        await createPartnerIn(tx, actor, { ...p, latitude: null, longitude: null }),
      );
    }
  };
  const projectOf = (item: PlannedItem<unknown>): ProjectInput => {
    const { input, partners } = item.value as ProjectImport;
    return {
      ...input,
      partnerIds: [...new Set(partners.map((p) => partnerIds.get(partnerKey(p.country, p.city, p.organisation)) as string))],
    };
  };
  const checkProjects = projectChecker(tx);
  const createProjects = async (items: PlannedItem<unknown>[]) => {
    await createNewPartners();
    const inputs = items.map(projectOf);
    const passed = await checkProjects(inputs);
    const checked = items.flatMap((item, k) => (passed[k] ? [{ input: inputs[k], sourceKey: item.key, sourceHash: item.hash }] : []));
    await insertCheckedProjects(tx, actor, checked); // indexes them for search too (see SEARCH INDEX there)
    for (const [k, item] of items.entries())
      if (!passed[k]) await viaService(item, () => createProjectIn(tx, actor, inputs[k], { sourceKey: item.key }));
    await progress(items.length);
  };

  // The batches are written one after another on the transaction's connection while the file is read on: the reader
  // stops every fifty lines to let the database's answers in (and lets the writing catch up when four batches wait).
  let writing: Promise<void> = Promise.resolve();
  let queued = 0;
  let batch: PlannedItem<unknown>[] = [];
  const send = () => {
    const items = batch;
    batch = [];
    queued += 1;
    writing = writing.then(async () => {
      await createProjects(items);
      queued -= 1;
    });
    writing.catch(() => {}); // awaited below; a failure stops the writing and is thrown there
  };
  const exported = await scanKintoneExportAsync(
    bytes,
    { subtableOf: chosen?.subtableOf ?? {} },
    (record) => {
      const item = planner.add(record);
      if (item === null) return;
      if (!streamed(item)) {
        if (item.action === "unchanged") done += 1;
        return;
      }
      // once the file has a problem nothing more is written: it will all be rolled back
      if (!planner.clean) return;
      batch.push(item);
      if (batch.length >= IMPORT_BATCH) send();
    },
    (layout) => planner.layout(layout),
    async () => {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (queued >= 4) await writing;
    },
  );
  await writing;
  const errors = planner.allErrors(exported);
  if (errors.length > 0) throw new ImportRefused(errors);
  if (batch.length > 0) send();
  await writing;
  await createNewPartners();
  for (const item of planner.items) {
    if (item.action === "unchanged") continue;
    if (app === "projects") {
      const id = item.existingId as string;
      await viaService(item, async () => {
        await replaceProjectIn(tx, actor, id, projectOf(item), { action: "import_update" });
        return id;
      });
    } else {
      const trip = item.value as TripImport;
      await viaService(item, async () => {
        const id = item.existingId ?? (await createTripIn(tx, actor, trip.input, { sourceKey: item.key }));
        await replaceImportedTripIn(tx, actor, id, trip, { created: item.existingId === null });
        return id;
      });
    }
    await progress(1);
  }
  if (refused.length > 0) throw new ImportRefused(refused.sort((a, b) => a.row - b.row));
  const { create, update, unchanged } = planner.counts;
  return { records: create + update + unchanged, created: create, updated: update, unchanged, partnersCreated: planner.newPartners.length };
}
