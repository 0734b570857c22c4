// プロモーション: the campaigns (SNS posts, videos, ads, print …) with channel, dates, cost and notes, each with its own
// tag carried by its link into the hub (?c=<tag>), and the reach figures the platform reports, by measuring day. Every
// member of staff reads; the bureau that runs the hub (region managers) records. A tag whose link has brought visits
// is not changed and its campaign not deleted: the links already posted would stop counting, or the visits lose
// their campaign.
import type { Campaign, CampaignInput, CampaignMetric, CampaignMetricInput } from "../../../common/api/region-analytics";
import { fiscalYearOf, fiscalYearRange } from "../../../common/dates";
import { type CampaignChannel, campaignLink } from "../../../common/region/campaign-effect";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import { authorize, type Principal } from "../../platform/auth/permissions";
import { Conflict, NotFound } from "../../platform/errors";
import { isRegionManager, requireRegionManager } from "./access";
import * as repo from "./campaign-repository";

export const STALE = "他の利用者が先に更新しました。画面を再読み込みしてから、もう一度保存してください。";

const iso = (value: Date) => new Date(value).toISOString();

export function toCampaign(row: repo.CampaignRow, origin: string): Campaign {
  return {
    id: row.id,
    name: row.name,
    channel: row.channel,
    kind: row.kind,
    tag: row.tag,
    targetPath: row.target_path,
    link: campaignLink(origin, row.target_path, row.tag),
    publishedOn: row.published_on,
    endsOn: row.ends_on,
    fiscalYear: fiscalYearOf(row.published_on),
    costYen: Number(row.cost_yen),
    notes: row.notes,
    latest: row.measured_on
      ? {
          measuredOn: row.measured_on,
          impressions: row.impressions,
          reach: row.reach,
          views: row.views,
          engagements: row.engagements,
          linkClicks: row.link_clicks,
        }
      : null,
    visits: row.visits,
    visitors: row.visitors,
    version: row.version,
    isSample: row.is_sample,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export function toMetric(row: repo.MetricRow): CampaignMetric {
  return {
    id: row.id,
    measuredOn: row.measured_on,
    impressions: row.impressions,
    reach: row.reach,
    views: row.views,
    engagements: row.engagements,
    linkClicks: row.link_clicks,
    source: row.source,
  };
}

async function readCampaign(db: Queryable, id: string, opts: { lock?: boolean } = {}): Promise<repo.CampaignRow> {
  const row = await repo.findCampaign(db, id, opts);
  if (!row) throw new NotFound("プロモーション");
  return row;
}

export async function listCampaigns(
  db: Db,
  user: Principal | null,
  origin: string,
  query: { fiscalYear?: number; channel?: CampaignChannel },
): Promise<{ items: Campaign[]; canManage: boolean }> {
  authorize(user, "region.read");
  const range = query.fiscalYear ? fiscalYearRange(query.fiscalYear) : null;
  const rows = await repo.findCampaigns(db, { from: range?.start, to: range?.end, channel: query.channel });
  return { items: rows.map((r) => toCampaign(r, origin)), canManage: await isRegionManager(db, user) };
}

export async function getCampaign(db: Db, user: Principal | null, origin: string, id: string) {
  authorize(user, "region.read");
  const row = await readCampaign(db, id);
  const metrics = await repo.findMetrics(db, id);
  return {
    ...toCampaign(row, origin),
    metrics: metrics.map(toMetric),
    lastingVisits: row.lasting_visits,
    canManage: await isRegionManager(db, user),
  };
}

const valuesOf = (input: CampaignInput): repo.CampaignValues => ({ ...input });

const auditedOf = (row: repo.CampaignRow): repo.CampaignValues => ({
  name: row.name,
  channel: row.channel,
  kind: row.kind,
  tag: row.tag,
  targetPath: row.target_path,
  publishedOn: row.published_on,
  endsOn: row.ends_on,
  costYen: Number(row.cost_yen),
  notes: row.notes,
});

/** Inside a caller's transaction (the sample data uses it too). */
export async function createCampaignIn(
  tx: Queryable,
  actor: Actor,
  input: CampaignInput,
  opts: { isSample?: boolean } = {},
): Promise<string> {
  const values = valuesOf(input);
  const id = await repo.insertCampaign(tx, values, { createdBy: actor.userId, isSample: opts.isSample });
  await recordAudit(tx, actor, {
    action: "create",
    entityType: "region_campaign",
    entityId: id,
    summary: `プロモーション「${values.name}」（タグ ${values.tag}）を登録`,
    after: values,
  });
  return id;
}

export async function createCampaign(
  db: Db,
  user: Principal | null,
  actor: Actor,
  origin: string,
  input: CampaignInput,
): Promise<Campaign> {
  return db.transaction(async (tx) => {
    await requireRegionManager(tx, user);
    const id = await createCampaignIn(tx, actor, input);
    return toCampaign(await readCampaign(tx, id), origin);
  });
}

export async function updateCampaign(
  db: Db,
  user: Principal | null,
  actor: Actor,
  origin: string,
  id: string,
  body: { version: number; campaign: CampaignInput },
): Promise<Campaign> {
  return db.transaction(async (tx) => {
    await requireRegionManager(tx, user);
    const before = await readCampaign(tx, id, { lock: true });
    const values = valuesOf(body.campaign);
    if (values.tag !== before.tag && before.visits > 0)
      throw new Conflict(
        `タグ ${before.tag} のリンクからの訪問がすでに${before.visits.toLocaleString("ja-JP")}件記録されているため、タグは変更できません（公開済みのリンクが数えられなくなります）。`,
        "tag_in_use",
        { "campaign.tag": "リンクからの訪問が記録されたタグは変更できません。" },
      );
    if (!(await repo.updateCampaign(tx, id, body.version, values))) throw new Conflict(STALE, "stale");
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "region_campaign",
      entityId: id,
      summary: `プロモーション「${values.name}」を変更`,
      before: auditedOf(before),
      after: values,
    });
    return toCampaign(await readCampaign(tx, id), origin);
  });
}

export async function deleteCampaign(db: Db, user: Principal | null, actor: Actor, id: string, version: number): Promise<{ ok: true }> {
  return db.transaction(async (tx) => {
    await requireRegionManager(tx, user);
    const before = await readCampaign(tx, id, { lock: true });
    if (before.visits > 0)
      throw new Conflict(
        `このプロモーションのリンクからの訪問が${before.visits.toLocaleString("ja-JP")}件記録されているため、削除できません（費用対効果の比較から消えてしまいます）。`,
        "campaign_has_visits",
      );
    if (!(await repo.deleteCampaign(tx, id, version))) throw new Conflict(STALE, "stale");
    await recordAudit(tx, actor, {
      action: "delete",
      entityType: "region_campaign",
      entityId: id,
      summary: `プロモーション「${before.name}」（タグ ${before.tag}）を削除`,
      before: auditedOf(before),
    });
    return { ok: true as const };
  });
}

// ------------------------------------------------------------------ 実績値

export async function putMetric(
  db: Db,
  user: Principal | null,
  actor: Actor,
  campaignId: string,
  input: CampaignMetricInput,
): Promise<CampaignMetric> {
  return db.transaction(async (tx) => {
    await requireRegionManager(tx, user);
    const campaign = await readCampaign(tx, campaignId, { lock: true });
    const before = await repo.findMetricOn(tx, campaignId, input.measuredOn);
    const [stored] = await repo.upsertMetrics(tx, [{ ...input, campaignId }], "entered");
    await recordAudit(tx, actor, {
      action: before ? "update" : "create",
      entityType: "region_campaign_metric",
      entityId: stored.id,
      summary: `プロモーション「${campaign.name}」の${input.measuredOn}の実績値を${before ? "変更" : "入力"}`,
      before: before ? toMetric(before) : undefined,
      after: input,
    });
    return toMetric(stored);
  });
}

export async function deleteMetric(
  db: Db,
  user: Principal | null,
  actor: Actor,
  campaignId: string,
  metricId: string,
): Promise<{ ok: true }> {
  return db.transaction(async (tx) => {
    await requireRegionManager(tx, user);
    const campaign = await readCampaign(tx, campaignId, { lock: true });
    const before = await repo.findMetric(tx, campaignId, metricId);
    if (!before || !(await repo.deleteMetric(tx, campaignId, metricId))) throw new NotFound("実績値");
    await recordAudit(tx, actor, {
      action: "delete",
      entityType: "region_campaign_metric",
      entityId: metricId,
      summary: `プロモーション「${campaign.name}」の${before.measured_on}の実績値を削除`,
      before: toMetric(before),
    });
    return { ok: true as const };
  });
}
