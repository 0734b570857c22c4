// 国際関連事業 created many at a time (the kintone import's new records): the same rows createProjectIn writes for
// each — the project, its partners, years and indicators with their results, its audit row — with one statement per
// table for the whole batch. The checks createProjectIn makes (checkProjectInput in project-service.ts) are made once
// for the batch with set-based look-ups; a project that does not pass them is not written here but handed back, so
// that the caller sends it through createProjectIn itself, whose ValidationError says what is wrong in the service's
// own words (and which creates it if these checks were ever stricter than the service's). project-batch.db.test.ts
// checks that a project made here equals, row for row, the same project made by createProjectIn.
import { randomUUID } from "node:crypto";
import type { ProjectInput } from "../../../common/api/international";
import type { Queryable } from "../../db/database";
import { type Actor, recordAudits } from "../../platform/audit/audit";
import { findExistingPartnerIds } from "./partner-repository";
import * as batchRepo from "./project-batch-repository";
import { indexProjects } from "./search-index";

export interface NewProject {
  input: ProjectInput;
  /** the kintone record it came from, and the hash of what the import made of it */
  sourceKey?: string | null;
  sourceHash?: string | null;
}

const distinct = (values: Iterable<string | null | undefined>) => [...new Set([...values].filter((v): v is string => !!v))];

/** No 年度・財源 twice among the years, no 年度 twice among an indicator's results (checkProjectInput's own checks). */
function repeatsNothing(input: ProjectInput): boolean {
  const years = new Set(input.years.map((y) => `${y.fiscalYear}:${y.fundingSource}`));
  if (years.size !== input.years.length) return false;
  return input.indicators.every((i) => new Set(i.results.map((r) => r.fiscalYear)).size === i.results.length);
}

/**
 * For each input, whether it passes what checkProjectInput checks of a new project: the owner is a division, bureau
 * or department of the city; the 分野 exists and is in use; the contact and the partners exist; nothing repeated.
 */
export async function passProjectChecks(tx: Queryable, inputs: readonly ProjectInput[]): Promise<boolean[]> {
  return projectChecker(tx)(inputs);
}

/**
 * passProjectChecks for one batch after another in one transaction: what was looked up for a batch is remembered, so
 * the next batches ask only about the organisations, fields, users and partners not named before (the batches of
 * one import name the same few). Within the transaction an answer stays true: nothing here deletes them, and a
 * partner created later has a new id.
 */
export function projectChecker(tx: Queryable): (inputs: readonly ProjectInput[]) => Promise<boolean[]> {
  const kinds = new Map<string, string | null>();
  const activeFields = new Map<string, boolean>();
  const users = new Map<string, boolean>();
  const partners = new Map<string, boolean>();
  const unseen = (known: Map<string, unknown>, ids: Iterable<string | null | undefined>) => distinct(ids).filter((id) => !known.has(id));
  return async (inputs) => {
    // One after another: a transaction is one connection.
    const askKinds = unseen(
      kinds,
      inputs.map((i) => i.ownerOrganisationId),
    );
    const foundKinds = await batchRepo.findOrganisationKinds(tx, askKinds);
    for (const id of askKinds) kinds.set(id, foundKinds.get(id) ?? null);
    const askFields = unseen(
      activeFields,
      inputs.map((i) => i.fieldId),
    );
    const foundFields = await batchRepo.findFieldStates(tx, askFields);
    for (const id of askFields) activeFields.set(id, foundFields.get(id)?.active === true);
    const askUsers = unseen(
      users,
      inputs.map((i) => i.contactUserId),
    );
    const foundUsers = await batchRepo.findExistingUserIds(tx, askUsers);
    for (const id of askUsers) users.set(id, foundUsers.has(id));
    const askPartners = unseen(
      partners,
      inputs.flatMap((i) => i.partnerIds),
    );
    const foundPartners = await findExistingPartnerIds(tx, askPartners);
    for (const id of askPartners) partners.set(id, foundPartners.has(id));
    return inputs.map((input) => {
      const kind = kinds.get(input.ownerOrganisationId);
      return (
        !!kind &&
        kind !== "external" &&
        kind !== "municipality" &&
        activeFields.get(input.fieldId) === true &&
        (!input.contactUserId || users.get(input.contactUserId) === true) &&
        input.partnerIds.every((id) => partners.get(id) === true) &&
        repeatsNothing(input)
      );
    });
  };
}

/**
 * Writes projects that passed passProjectChecks, inside the caller's transaction: each as createProjectIn writes it
 * (the caller has authorised it), its audit row included; returns their ids in order.
 */
export async function insertCheckedProjects(tx: Queryable, actor: Actor, projects: readonly NewProject[]): Promise<string[]> {
  const ids = projects.map(() => randomUUID());
  await batchRepo.insertProjects(
    tx,
    projects.map(({ input, sourceKey, sourceHash }, k) => ({
      id: ids[k],
      name: input.name,
      ownerOrganisationId: input.ownerOrganisationId,
      contactUserId: input.contactUserId,
      contactName: input.contactName,
      fieldId: input.fieldId,
      status: input.status,
      isPublic: input.isPublic,
      firstFiscalYear: input.firstFiscalYear,
      lastFiscalYear: input.lastFiscalYear,
      summary: input.summary,
      themes: [...new Set(input.themes)],
      sourceKey: sourceKey ?? null,
      sourceHash: sourceHash ?? null,
      isSample: false,
      createdBy: actor.userId,
    })),
  );
  await batchRepo.insertProjectsParts(
    tx,
    projects.map(({ input }, k) => ({
      projectId: ids[k],
      parts: { partnerIds: [...new Set(input.partnerIds)], years: input.years, indicators: input.indicators },
      indicatorIds: input.indicators.map(() => randomUUID()),
    })),
  );
  // createProjectIn indexes each project it writes; these bypass it, so the batch is indexed here, in one call.
  await indexProjects(tx, ids);
  await recordAudits(
    tx,
    actor,
    projects.map(({ input }, k) => ({
      action: "create",
      entityType: "international_project",
      entityId: ids[k],
      summary: `国際関連事業「${input.name}」を登録`,
      after: { ...input, themes: [...new Set(input.themes)], partnerIds: [...new Set(input.partnerIds)] },
    })),
  );
  return ids;
}
