// 費用対効果の比較: every campaign (or one fiscal year's) with its cost, the platform's reach (latest measurement), the
// visits and visitors its link brought, and the figures per yen (common/region/campaign-effect.ts), then the same
// summed by fiscal year (年度 of 公開日), by channel across the years, and by year and channel — so the bureau can see
// whether SNS and video promotion is worth its cost, and whether it keeps working (継続性).
import type { CampaignComparison, ComparisonGroup, ComparisonRow } from "../../../common/api/region-analytics";
import { fiscalYearOf, fiscalYearRange } from "../../../common/dates";
import {
  CAMPAIGN_CHANNELS,
  type CampaignChannel,
  type CampaignFigures,
  campaignEffect,
  sumFigures,
} from "../../../common/region/campaign-effect";
import type { Queryable } from "../../db/database";
import { authorize, type Principal } from "../../platform/auth/permissions";
import * as repo from "./campaign-repository";

function figuresOf(row: repo.CampaignRow): CampaignFigures {
  return {
    costYen: Number(row.cost_yen),
    reach: row.reach,
    visits: row.visits,
    visitors: row.visitors,
    lastingVisits: row.lasting_visits,
  };
}

function group(fiscalYear: number | null, channel: CampaignChannel | null, members: CampaignFigures[]): ComparisonGroup {
  const sum = sumFigures(members);
  return { fiscalYear, channel, campaigns: members.length, ...sum, ...campaignEffect(sum) };
}

/** The comparison over campaigns already read (the export and the tests share it). */
export function compareCampaigns(rows: repo.CampaignRow[], fiscalYear: number | null): CampaignComparison {
  const campaigns: ComparisonRow[] = rows.map((row) => {
    const f = figuresOf(row);
    return {
      id: row.id,
      name: row.name,
      channel: row.channel,
      kind: row.kind,
      tag: row.tag,
      fiscalYear: fiscalYearOf(row.published_on),
      publishedOn: row.published_on,
      endsOn: row.ends_on,
      measuredOn: row.measured_on,
      isSample: row.is_sample,
      campaigns: 1,
      ...f,
      ...campaignEffect(f),
    };
  });
  const years = [...new Set(campaigns.map((c) => c.fiscalYear))].sort((a, b) => a - b);
  const channels = CAMPAIGN_CHANNELS.filter((ch) => campaigns.some((c) => c.channel === ch));
  const members = (pred: (c: ComparisonRow) => boolean) => campaigns.filter(pred);
  return {
    fiscalYear,
    campaigns,
    byFiscalYear: years.map((fy) =>
      group(
        fy,
        null,
        members((c) => c.fiscalYear === fy),
      ),
    ),
    byChannel: channels.map((ch) =>
      group(
        null,
        ch,
        members((c) => c.channel === ch),
      ),
    ),
    byFiscalYearAndChannel: years.flatMap((fy) =>
      channels.flatMap((ch) => {
        const list = members((c) => c.fiscalYear === fy && c.channel === ch);
        return list.length > 0 ? [group(fy, ch, list)] : [];
      }),
    ),
    total: group(null, null, campaigns),
  };
}

export async function campaignComparisonFor(db: Queryable, fiscalYear: number | null): Promise<CampaignComparison> {
  const range = fiscalYear ? fiscalYearRange(fiscalYear) : null;
  const rows = await repo.findCampaigns(db, { from: range?.start, to: range?.end });
  // oldest first: the comparison reads as a history
  const ordered = [...rows].sort((a, b) => a.published_on.localeCompare(b.published_on) || a.name.localeCompare(b.name, "ja"));
  return compareCampaigns(ordered, fiscalYear);
}

/** GET /api/region/campaign-comparison (every member of staff). */
export async function getCampaignComparison(db: Queryable, user: Principal | null, query: { fiscalYear?: number }) {
  authorize(user, "region.read");
  return campaignComparisonFor(db, query.fiscalYear ?? null);
}
