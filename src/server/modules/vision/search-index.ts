// What the vision module makes searchable: each node of the plan tree (重点戦略・施策・事業) and each indicator, for
// staff. Entries are refreshed in the same transaction as the write.
import type { Db, Queryable } from "../../db/database";
import { indexRecord, removeRecords, type SearchModule } from "../../platform/search/search";
import * as indicatorRepo from "./indicator-repository";
import * as planRepo from "./plan-repository";

const KIND_LABEL: Record<planRepo.NodeKind, string> = { vision: "ビジョン", strategy: "重点戦略", measure: "施策", project: "事業" };

async function indexNodeRow(tx: Queryable, node: planRepo.NodeRow): Promise<void> {
  await indexRecord(tx, {
    module: "vision",
    entityType: "node",
    entityId: node.id,
    title: `${KIND_LABEL[node.kind]} ${node.code} ${node.title}`,
    body: [node.description, node.owner_organisation_name ?? ""].join("\n"),
    url: `/vision/nodes/${node.id}`,
    organisationId: node.owner_organisation_id,
    visibility: "staff",
  });
}

async function indexIndicatorRow(tx: Queryable, indicator: indicatorRepo.IndicatorRow): Promise<void> {
  await indexRecord(tx, {
    module: "vision",
    entityType: "indicator",
    entityId: indicator.id,
    title: `指標 ${indicator.code} ${indicator.name}`,
    body: [indicator.kind, indicator.unit, indicator.data_source, indicator.effective_owner_name ?? ""].join("\n"),
    url: `/vision/indicators/${indicator.id}`,
    organisationId: indicator.effective_owner_id,
    visibility: "staff",
  });
}

export async function indexNode(tx: Queryable, nodeId: string): Promise<void> {
  const node = await planRepo.findNode(tx, nodeId);
  if (node) await indexNodeRow(tx, node);
}

export async function removeNodeFromIndex(tx: Queryable, nodeId: string): Promise<void> {
  await removeRecords(tx, "vision", "node", [nodeId]);
}

export async function indexIndicator(tx: Queryable, indicatorId: string): Promise<void> {
  const indicator = await indicatorRepo.findIndicator(tx, indicatorId);
  if (indicator) await indexIndicatorRow(tx, indicator);
}

/** Indexes a whole plan (sample data, reindex). */
export async function indexPlan(tx: Queryable, planId: string): Promise<number> {
  const [nodes, indicators] = await Promise.all([planRepo.findNodes(tx, planId), indicatorRepo.findIndicators(tx, { planId })]);
  for (const node of nodes) await indexNodeRow(tx, node);
  for (const indicator of indicators) await indexIndicatorRow(tx, indicator);
  return nodes.length + indicators.length;
}

async function reindexVision(db: Db): Promise<number> {
  let count = 0;
  for (const plan of await planRepo.findPlans(db)) count += await db.transaction((tx) => indexPlan(tx, plan.id));
  return count;
}

export const VISION_SEARCH_MODULE: SearchModule = { module: "vision", label: "新ビジョン", reindex: reindexVision };
