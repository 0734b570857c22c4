// Server state of the アクセス解析 and プロモーション screens (TanStack Query keys and hooks) and their conditions in
// the URL (?from=…&to=…&municipality=…, ?fiscalYear=…&channel=…).
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getAnalytics, getCampaign, getCampaignComparison, listCampaigns } from "../../../common/api/region-analytics";
import { todayInJapan } from "../../../common/dates";
import { type AnalyticsPreset, presetPeriod } from "../../../common/region/analytics-period";
import { CAMPAIGN_CHANNELS, type CampaignChannel } from "../../../common/region/campaign-effect";
import { call } from "../../api/client";

export const analyticsKeys = {
  all: ["region", "analytics"] as const,
  dashboard: (q: object) => ["region", "analytics", "dashboard", q] as const,
  campaigns: (q: object) => ["region", "analytics", "campaigns", q] as const,
  campaign: (id: string) => ["region", "analytics", "campaign", id] as const,
  comparison: (fy: number | undefined) => ["region", "analytics", "comparison", fy ?? "all"] as const,
};

/**
 * The dashboard's conditions in the URL. The 市町 code is kept as a number: the router writes a digit string quoted
 * (?municipality=%22402044%22), a number plainly; municipalityCodeOf gives it back as six digits.
 */
export interface AnalyticsSearch {
  from?: string;
  to?: string;
  municipality?: number;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** The dashboard's conditions from the URL; anything malformed dropped (the default period is used instead). */
export function analyticsSearch(search: Record<string, unknown>): AnalyticsSearch {
  const iso = (value: unknown) => (typeof value === "string" && ISO.test(value) ? value : undefined);
  const raw = search.municipality;
  const code = typeof raw === "number" ? raw : typeof raw === "string" && /^\d{6}$/.test(raw) ? Number(raw) : undefined;
  const valid = code !== undefined && Number.isInteger(code) && code > 0 && code < 1_000_000;
  return { from: iso(search.from), to: iso(search.to), municipality: valid ? code : undefined };
}

/** The 市町 code of the URL's conditions, six digits (a leading zero given back), or undefined. */
export function municipalityCodeOf(search: AnalyticsSearch): string | undefined {
  return search.municipality === undefined ? undefined : String(search.municipality).padStart(6, "0");
}

export const DEFAULT_PRESET: AnalyticsPreset = "last30";

/** The period shown: the URL's, else the default preset's on today's date in Japan. */
export function periodOf(search: AnalyticsSearch): { from: string; to: string } {
  if (search.from && search.to) return { from: search.from, to: search.to };
  return presetPeriod(DEFAULT_PRESET, todayInJapan());
}

export function useAnalytics(query: { from: string; to: string; municipality?: string }) {
  return useQuery({
    queryKey: analyticsKeys.dashboard(query),
    queryFn: () => call(getAnalytics, { query }),
    placeholderData: keepPreviousData,
  });
}

export interface CampaignSearch {
  fiscalYear?: number;
  channel?: CampaignChannel;
}

export function campaignSearch(search: Record<string, unknown>): CampaignSearch {
  const fy = Number(search.fiscalYear);
  return {
    fiscalYear: Number.isInteger(fy) && fy >= 2000 && fy <= 2100 ? fy : undefined,
    channel: CAMPAIGN_CHANNELS.find((c) => c === search.channel),
  };
}

export function useCampaigns(query: CampaignSearch) {
  return useQuery({
    queryKey: analyticsKeys.campaigns(query),
    queryFn: () => call(listCampaigns, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useCampaign(id: string) {
  return useQuery({ queryKey: analyticsKeys.campaign(id), queryFn: () => call(getCampaign, { params: { id } }) });
}

export function useCampaignComparison(fiscalYear: number | undefined) {
  return useQuery({
    queryKey: analyticsKeys.comparison(fiscalYear),
    queryFn: () => call(getCampaignComparison, { query: { fiscalYear } }),
    placeholderData: keepPreviousData,
  });
}
