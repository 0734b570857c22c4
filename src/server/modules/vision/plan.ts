// 施策体系: the plan (新ビジョン) and its tree — ビジョン → 重点戦略 → 施策 → 事業 — with owners, roll-up method and
// weight per node, and the links from nodes (mostly 施策) to the policy module's 課題, read through its index only.
import type { LinkedChallenge, NodeDetail, PlanDetail, PlanSummary, VisionNode, VisionTreeNode } from "../../../common/api/vision";
import { formatFiscalYear } from "../../../common/dates";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import { AppError, Conflict, NotFound, ValidationError } from "../../platform/errors";
import { getChallengeDetail, listChallenges } from "../policy";
import { accessOf, managerAccessOf, type VisionAccess } from "./access";
import * as indicatorRepo from "./indicator-repository";
import { STALE, toIndicatorSummary } from "./indicators";
import * as planRepo from "./plan-repository";
import * as roundRepo from "./round-repository";
import { indexNode, removeNodeFromIndex } from "./search-index";

/** The kind a node's parent must have: the tree has fixed levels. */
const PARENT_KIND: Record<planRepo.NodeKind, planRepo.NodeKind | null> = {
  vision: null,
  strategy: "vision",
  measure: "strategy",
  project: "measure",
};
const KIND_LABEL: Record<planRepo.NodeKind, string> = { vision: "ビジョン", strategy: "重点戦略", measure: "施策", project: "事業" };

export function toPlanSummary(row: planRepo.PlanRow): PlanSummary {
  return {
    id: row.id,
    name: row.name,
    cityImage: row.city_image,
    adoptedOn: row.adopted_on,
    firstFiscalYear: row.first_fiscal_year,
    lastFiscalYear: row.last_fiscal_year,
    isSample: row.is_sample,
  };
}

export function toVisionNode(row: planRepo.NodeRow): VisionNode {
  return {
    id: row.id,
    planId: row.plan_id,
    parentId: row.parent_id,
    kind: row.kind,
    code: row.code,
    title: row.title,
    description: row.description,
    ownerOrganisationId: row.owner_organisation_id,
    ownerOrganisationName: row.owner_organisation_name,
    rollupMethod: row.rollup_method,
    weight: row.weight,
    sortOrder: row.sort_order,
    version: row.version,
    isSample: row.is_sample,
  };
}

export async function listPlans(db: Queryable, user: Principal | null): Promise<{ items: PlanSummary[] }> {
  await accessOf(db, user);
  return { items: (await planRepo.findPlans(db)).map(toPlanSummary) };
}

export async function getPlan(db: Queryable, user: Principal | null, id: string): Promise<PlanDetail> {
  return planDetail(db, await accessOf(db, user), id);
}

export async function getNode(db: Queryable, user: Principal | null, id: string): Promise<NodeDetail> {
  return nodeDetail(db, await accessOf(db, user), id);
}

/** Linked 課題 as the policy module describes them (a link to a deleted challenge is dropped by its foreign key). */
async function describeChallenges(db: Queryable, user: Principal, ids: string[]): Promise<Map<string, LinkedChallenge>> {
  const described = new Map<string, LinkedChallenge>();
  for (const id of new Set(ids)) {
    try {
      const c = await getChallengeDetail(db, user, id);
      described.set(id, { id: c.id, code: c.code, name: c.name, documentId: c.documentId, ownerOrganisationName: c.ownerOrganisationName });
    } catch (error) {
      if (!(error instanceof AppError && error.status === 404)) throw error;
    }
  }
  return described;
}

export async function planDetail(db: Queryable, access: VisionAccess, id: string): Promise<PlanDetail> {
  const plan = await planRepo.findPlan(db, id);
  if (!plan) throw new NotFound("計画");
  const [nodes, indicators] = await Promise.all([planRepo.findNodes(db, id), indicatorRepo.findIndicators(db, { planId: id })]);
  const links = await planRepo.findChallengeLinks(
    db,
    nodes.map((n) => n.id),
  );
  const challenges = await describeChallenges(
    db,
    access.user,
    links.map((l) => l.challenge_id),
  );
  const childrenOf = new Map<string | null, planRepo.NodeRow[]>();
  for (const node of nodes) childrenOf.set(node.parent_id, [...(childrenOf.get(node.parent_id) ?? []), node]);
  const build = (node: planRepo.NodeRow): VisionTreeNode => ({
    ...toVisionNode(node),
    indicators: indicators.filter((i) => i.node_id === node.id).map(toIndicatorSummary),
    challenges: links.flatMap((l) => {
      const c = l.node_id === node.id ? challenges.get(l.challenge_id) : undefined;
      return c ? [c] : [];
    }),
    children: (childrenOf.get(node.id) ?? []).map(build),
  });
  return {
    ...toPlanSummary(plan),
    tree: (childrenOf.get(null) ?? []).map(build),
    indicatorCount: indicators.length,
    canManage: access.manager,
  };
}

export async function nodeDetail(db: Queryable, access: VisionAccess, id: string): Promise<NodeDetail> {
  const node = await planRepo.findNode(db, id);
  if (!node) throw new NotFound("ノード");
  const nodes = await planRepo.findNodes(db, node.plan_id);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const path: NodeDetail["path"] = [];
  for (let p = node.parent_id ? byId.get(node.parent_id) : undefined; p; p = p.parent_id ? byId.get(p.parent_id) : undefined)
    path.unshift({ id: p.id, kind: p.kind, code: p.code, title: p.title });
  const [indicators, links] = await Promise.all([indicatorRepo.findIndicators(db, { nodeId: id }), planRepo.findChallengeLinks(db, [id])]);
  const challenges = await describeChallenges(
    db,
    access.user,
    links.map((l) => l.challenge_id),
  );
  return {
    ...toVisionNode(node),
    path,
    indicators: indicators.map(toIndicatorSummary),
    challenges: [...challenges.values()],
    childCount: nodes.filter((n) => n.parent_id === id).length,
    canManage: access.manager,
  };
}

// ------------------------------------------------------------------ writes
// Each request runs in one transaction: the caller's access, the record, the change, its audit row and search entry,
// and the detail the page shows next.

export async function createPlan(db: Db, user: Principal | null, actor: Actor, input: planRepo.PlanInput): Promise<PlanDetail> {
  return db.transaction(async (tx) => {
    const access = await managerAccessOf(tx, user);
    return planDetail(tx, access, await createPlanIn(tx, actor, input));
  });
}

/** A plan with its ビジョン node, audited and indexed, inside the caller's transaction (the demo loads through it). */
export async function createPlanIn(
  tx: Queryable,
  actor: Actor,
  input: planRepo.PlanInput,
  opts: { isSample?: boolean } = {},
): Promise<string> {
  const id = await planRepo.insertPlan(tx, input, opts.isSample);
  // Every plan has its ビジョン node: the root the strategies hang on and the roll-up of the whole plan.
  const rootId = await planRepo.insertNode(
    tx,
    id,
    {
      parentId: null,
      kind: "vision",
      code: "V",
      title: input.name,
      description: input.cityImage,
      ownerOrganisationId: null,
      rollupMethod: "average",
      weight: 1,
      sortOrder: 0,
    },
    opts.isSample,
  );
  await recordAudit(tx, actor, {
    action: "create",
    entityType: "vision_plan",
    entityId: id,
    summary: `計画「${input.name}」を作成（${formatFiscalYear(input.firstFiscalYear)}〜${formatFiscalYear(input.lastFiscalYear)}）`,
    after: input,
  });
  await indexNode(tx, rootId);
  return id;
}

export async function updatePlan(db: Db, user: Principal | null, actor: Actor, id: string, input: planRepo.PlanInput): Promise<PlanDetail> {
  return db.transaction(async (tx) => {
    const access = await managerAccessOf(tx, user);
    const before = await planRepo.findPlan(tx, id);
    if (!before) throw new NotFound("計画");
    await planRepo.updatePlan(tx, id, input);
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "vision_plan",
      entityId: id,
      summary: `計画「${input.name}」を変更`,
      before,
      after: input,
    });
    return planDetail(tx, access, id);
  });
}

async function checkNodeInput(
  tx: Queryable,
  planId: string,
  kind: planRepo.NodeKind,
  input: Omit<planRepo.NodeInput, "kind">,
  exceptId: string | null,
): Promise<void> {
  const parentKind = PARENT_KIND[kind];
  if (parentKind === null) {
    if (input.parentId !== null)
      throw new ValidationError("ビジョンのノードは最上位に置きます。", { parentId: "ビジョンのノードは最上位に置きます。" });
  } else {
    const parent = input.parentId ? await planRepo.findNode(tx, input.parentId) : null;
    if (!parent || parent.plan_id !== planId)
      throw new ValidationError("上位のノードが見つかりません。", { parentId: "同じ計画の上位ノードを選んでください。" });
    if (parent.kind !== parentKind) {
      const message = `${KIND_LABEL[kind]}は${KIND_LABEL[parentKind]}の下に置きます。`;
      throw new ValidationError(message, { parentId: message });
    }
  }
  if (await planRepo.nodeCodeTaken(tx, planId, input.code, exceptId))
    throw new ValidationError("このコードは計画の中で既に使われています。", { code: "このコードは計画の中で既に使われています。" });
  if (input.ownerOrganisationId && !(await planRepo.organisationExists(tx, input.ownerOrganisationId)))
    throw new ValidationError("所管の組織が見つかりません。", { ownerOrganisationId: "所管の組織が見つかりません。" });
}

export async function createNode(
  db: Db,
  user: Principal | null,
  actor: Actor,
  planId: string,
  input: planRepo.NodeInput,
): Promise<VisionNode> {
  return db.transaction(async (tx) => {
    await managerAccessOf(tx, user);
    const id = await createNodeIn(tx, actor, planId, input);
    const node = await planRepo.findNode(tx, id);
    if (!node) throw new NotFound("ノード");
    return toVisionNode(node);
  });
}

/** A node of the plan's tree, checked, audited and indexed, inside the caller's transaction (the demo loads through it). */
export async function createNodeIn(
  tx: Queryable,
  actor: Actor,
  planId: string,
  input: planRepo.NodeInput,
  opts: { isSample?: boolean } = {},
): Promise<string> {
  if (!(await planRepo.findPlan(tx, planId))) throw new NotFound("計画");
  await checkNodeInput(tx, planId, input.kind, input, null);
  const id = await planRepo.insertNode(tx, planId, input, opts.isSample);
  await recordAudit(tx, actor, {
    action: "create",
    entityType: "vision_node",
    entityId: id,
    summary: `${KIND_LABEL[input.kind]}「${input.title}」（${input.code}）を追加`,
    after: input,
  });
  await indexNode(tx, id);
  return id;
}

export async function updateNode(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  input: Omit<planRepo.NodeInput, "kind"> & { version: number },
): Promise<NodeDetail> {
  return db.transaction(async (tx) => {
    const access = await managerAccessOf(tx, user);
    const before = await planRepo.findNode(tx, id);
    if (!before) throw new NotFound("ノード");
    await checkNodeInput(tx, before.plan_id, before.kind, input, id);
    const { version, ...fields } = input;
    if (!(await planRepo.updateNode(tx, id, version, fields))) throw new Conflict(STALE, "stale_version");
    // Indicators that inherit the node's owner (or a moved subtree's) follow it in the open rounds' tasks.
    const moved = await roundRepo.moveOpenTasksToOwner(tx, { planId: before.plan_id });
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "vision_node",
      entityId: id,
      summary: `${KIND_LABEL[before.kind]}「${input.title}」（${input.code}）を変更${moved > 0 ? `（受付中のラウンドの更新依頼${moved}件を新しい所管へ移動）` : ""}`,
      before,
      after: input,
    });
    await indexNode(tx, id);
    return nodeDetail(tx, access, id);
  });
}

export async function deleteNode(db: Db, user: Principal | null, actor: Actor, id: string): Promise<{ ok: true }> {
  return db.transaction(async (tx) => {
    await managerAccessOf(tx, user);
    const node = await planRepo.findNode(tx, id);
    if (!node) throw new NotFound("ノード");
    if (node.kind === "vision") throw new Conflict("ビジョンのノードは削除できません。");
    const { children, indicators } = await planRepo.countNodeDependents(tx, id);
    if (children > 0 || indicators > 0)
      throw new Conflict(
        `下位のノード（${children}件）や指標（${indicators}件）があるため削除できません。先に移動または削除してください。`,
      );
    await planRepo.deleteNode(tx, id);
    await recordAudit(tx, actor, {
      action: "delete",
      entityType: "vision_node",
      entityId: id,
      summary: `${KIND_LABEL[node.kind]}「${node.title}」（${node.code}）を削除`,
      before: node,
    });
    await removeNodeFromIndex(tx, id);
    return { ok: true as const };
  });
}

export async function setNodeChallenges(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  challengeIds: string[],
): Promise<NodeDetail> {
  return db.transaction(async (tx) => {
    const access = await managerAccessOf(tx, user);
    const node = await planRepo.findNode(tx, id);
    if (!node) throw new NotFound("ノード");
    const unique = [...new Set(challengeIds)];
    const found = await describeChallenges(tx, access.user, unique);
    const missing = unique.filter((c) => !found.has(c));
    if (missing.length > 0)
      throw new ValidationError("見つからない課題が含まれています。", { challengeIds: "見つからない課題が含まれています。" });
    const before = (await planRepo.findChallengeLinks(tx, [id])).map((l) => l.challenge_id);
    await planRepo.replaceChallengeLinks(tx, id, unique);
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "vision_node",
      entityId: id,
      summary: `「${node.title}」に関連する課題を設定（${unique.map((c) => found.get(c)?.code).join("、") || "なし"}）`,
      before: { challengeIds: before },
      after: { challengeIds: unique },
    });
    return nodeDetail(tx, access, id);
  });
}

/** 関連づけられる課題: the policy module's challenges, searched by name or code. */
export async function challengeCandidates(
  db: Queryable,
  user: Principal | null,
  q: string | undefined,
): Promise<{ items: LinkedChallenge[] }> {
  await accessOf(db, user);
  const { items } = await listChallenges(db, { q: q || undefined, sort: "code", order: "asc", page: 1, pageSize: 100 });
  return {
    items: items.map((c) => ({
      id: c.id,
      code: c.code,
      name: c.name,
      documentId: c.documentId,
      ownerOrganisationName: c.ownerOrganisationName,
    })),
  };
}
