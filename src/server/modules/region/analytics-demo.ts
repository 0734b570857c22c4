// Sample data of the アクセス解析 and プロモーション (every record is_sample): ten promotion campaigns over 令和7年度 and
// 令和8年度 on several channels, with their costs and the reach figures their platforms would report on three
// measuring days; about 90 days of everyday visits up to today; and the visits each campaign's link brought while it
// ran (and a tail after, which is what 継続性 measures). The visits are pseudo-random but stable: a fixed seed, the
// same 市町 and items in the same order give the same rows. Visitor hashes are random hex, as a real day's would look.
import { fiscalYearOf } from "../../../common/dates";
import { addDays, daysInPeriod } from "../../../common/region/analytics-period";
import type { CampaignChannel, CampaignKind } from "../../../common/region/campaign-effect";
import type { Db, Queryable } from "../../db/database";
import { DEMO_ACTOR } from "../../platform/audit/audit";
import * as demoRepo from "./analytics-demo-repository";
import * as campaignRepo from "./campaign-repository";
import { createCampaignIn } from "./campaign-service";

interface SampleCampaign {
  name: string;
  channel: CampaignChannel;
  kind: CampaignKind;
  tag: string;
  targetPath: string;
  publishedOn: string;
  endsOn: string;
  costYen: number;
  notes: string;
  /** landing visitors a day at its start (decaying while it runs) */
  pull: number;
  /** reach per yen-ish scale of the platform's figures */
  reach: number;
}

const CAMPAIGNS: SampleCampaign[] = [
  {
    name: "圏域ガイドブック（冊子・QRコード）",
    channel: "print",
    kind: "other",
    tag: "r7-print-guide",
    targetPath: "/public/region",
    publishedOn: "2025-04-15",
    endsOn: "2026-03-31",
    costYen: 480_000,
    notes: "駅・観光案内所で配布（2万部）。QRコードから情報ハブへ。",
    pull: 3,
    reach: 20_000,
  },
  {
    name: "夏のおでかけ特集（Instagram投稿）",
    channel: "instagram",
    kind: "post",
    tag: "r7-insta-summer",
    targetPath: "/public/region/calendar",
    publishedOn: "2025-07-10",
    endsOn: "2025-08-31",
    costYen: 0,
    notes: "職員による投稿（費用なし）。",
    pull: 9,
    reach: 14_500,
  },
  {
    name: "圏域グルメ動画（YouTube）",
    channel: "youtube",
    kind: "video",
    tag: "r7-yt-gourmet",
    targetPath: "/public/region/search",
    publishedOn: "2025-10-01",
    endsOn: "2025-11-30",
    costYen: 330_000,
    notes: "3分の動画を制作（制作費）。",
    pull: 10,
    reach: 38_000,
  },
  {
    name: "秋の紅葉めぐり（TikTok広告）",
    channel: "tiktok",
    kind: "ad",
    tag: "r7-tiktok-koyo",
    targetPath: "/public/region/map",
    publishedOn: "2025-11-01",
    endsOn: "2025-11-21",
    costYen: 150_000,
    notes: "18〜29歳に配信。",
    pull: 22,
    reach: 96_000,
  },
  {
    name: "冬のイベント配信（LINE公式アカウント）",
    channel: "line",
    kind: "post",
    tag: "r7-line-winter",
    targetPath: "/public/region/calendar",
    publishedOn: "2026-01-15",
    endsOn: "2026-02-15",
    costYen: 15_000,
    notes: "配信通数の追加分。",
    pull: 12,
    reach: 21_000,
  },
  {
    name: "夏休みイベント特集（X投稿）",
    channel: "x",
    kind: "post",
    tag: "r8-x-summer",
    targetPath: "/public/region/calendar",
    publishedOn: "2026-07-20",
    endsOn: "2026-08-31",
    costYen: 0,
    notes: "市公式アカウントから週2回投稿。",
    pull: 7,
    reach: 26_000,
  },
  {
    name: "移住フェア告知（Facebook広告）",
    channel: "facebook",
    kind: "ad",
    tag: "r8-fb-iju",
    targetPath: "/public/region",
    publishedOn: "2026-09-20",
    endsOn: "2026-10-20",
    costYen: 80_000,
    notes: "30〜49歳・福岡県外に配信。",
    pull: 6,
    reach: 41_000,
  },
  {
    name: "圏域の海（Instagramリール）",
    channel: "instagram",
    kind: "video",
    tag: "r8-insta-reel",
    targetPath: "/public/region/map",
    publishedOn: "2026-09-15",
    endsOn: "2026-10-31",
    costYen: 120_000,
    notes: "15秒のリール3本（撮影・編集を委託）。",
    pull: 14,
    reach: 52_000,
  },
  {
    name: "週末さんぽ（YouTube広告）",
    channel: "youtube",
    kind: "ad",
    tag: "r8-yt-sanpo",
    targetPath: "/public/region/search",
    publishedOn: "2026-10-20",
    endsOn: "2026-11-30",
    costYen: 400_000,
    notes: "インストリーム広告。",
    pull: 13,
    reach: 120_000,
  },
  {
    name: "圏域クイズ（TikTok動画）",
    channel: "tiktok",
    kind: "video",
    tag: "r8-tiktok-quiz",
    targetPath: "/public/region",
    publishedOn: "2026-11-10",
    endsOn: "2026-12-31",
    costYen: 200_000,
    notes: "若者向け。大学生と共同制作。",
    pull: 26,
    reach: 88_000,
  },
];

/** Where a campaign's visitors say they came from (print: a QR code sends no referrer). */
const CHANNEL_REFERRER: Record<CampaignChannel, string> = {
  x: "t.co",
  instagram: "l.instagram.com",
  tiktok: "www.tiktok.com",
  youtube: "www.youtube.com",
  line: "line.me",
  facebook: "l.facebook.com",
  web: "www.city.kitakyushu.lg.jp",
  print: "",
  other: "",
};

const EVERYDAY_REFERRERS: [string, number][] = [
  ["", 40],
  ["www.google.com", 26],
  ["search.yahoo.co.jp", 10],
  ["www.city.kitakyushu.lg.jp", 8],
  ["www.bing.com", 4],
  ["www.city.nogata.fukuoka.jp", 3],
  ["www.city.yukuhashi.fukuoka.jp", 3],
  ["t.co", 3],
  ["l.instagram.com", 3],
];

/** 市町 of a view: 北九州市 most, then the cities, then the towns. */
const MUNICIPALITY_WEIGHT = (index: number) => (index === 0 ? 30 : index < 6 ? 6 : 2);

/** A small, fast, seeded generator (mulberry32): the same seed, the same sample. */
function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    weighted<T>(choices: readonly [T, number][]): T {
      const total = choices.reduce((a, [, w]) => a + w, 0);
      let r = next() * total;
      for (const [value, w] of choices) {
        r -= w;
        if (r < 0) return value;
      }
      return choices[choices.length - 1][0];
    },
    hash: () => Array.from({ length: 4 }, () => (Math.floor(next() * 4294967296) >>> 0).toString(16).padStart(8, "0")).join(""),
  };
}

type Rng = ReturnType<typeof seeded>;

interface World {
  items: { id: string; municipality_code: string }[];
  municipalities: [string, number][];
}

function page(rng: Rng, world: World, kind: string, lang: "ja" | "en") {
  const base = lang === "en" ? "/public/region/en" : "/public/region";
  if (kind === "item" && world.items.length > 0) {
    // a few items are much more popular than the rest
    const index = Math.min(world.items.length - 1, Math.floor(rng.next() ** 2.2 * world.items.length));
    const item = world.items[index];
    return { pageKind: "item", path: `${base}/items/${item.id}`, itemId: item.id, municipalityCode: item.municipality_code };
  }
  if (kind === "item" || kind === "municipality") {
    const code = rng.weighted(world.municipalities);
    return { pageKind: "municipality", path: `${base}/municipalities/${code}`, itemId: null, municipalityCode: code };
  }
  const paths: Record<string, string> = { home: base, search: `${base}/search`, map: `${base}/map`, calendar: `${base}/calendar` };
  return { pageKind: kind, path: paths[kind] ?? base, itemId: null, municipalityCode: null };
}

const FIRST_PAGE: [string, number][] = [
  ["home", 40],
  ["search", 18],
  ["item", 25],
  ["map", 9],
  ["calendar", 8],
];
const NEXT_PAGE: [string, number][] = [
  ["item", 50],
  ["search", 22],
  ["map", 10],
  ["calendar", 10],
  ["municipality", 8],
];
const KIND_OF_PATH: Record<string, string> = {
  "/public/region/calendar": "calendar",
  "/public/region/map": "map",
  "/public/region/search": "search",
};

/** One visitor's views of a day: a landing page (with its referrer and campaign) and a few more inside the hub. */
function visitorViews(
  rng: Rng,
  world: World,
  day: string,
  landing: { kind: string; referrer: string; campaignId: string | null },
): demoRepo.SampleVisit[] {
  const hash = rng.hash();
  const lang: "ja" | "en" = rng.next() < 0.12 ? "en" : "ja";
  const count = 1 + Math.floor(rng.next() ** 2 * 4);
  const views: demoRepo.SampleVisit[] = [];
  for (let i = 0; i < count; i++) {
    const p = page(rng, world, i === 0 ? landing.kind : rng.weighted(NEXT_PAGE), lang);
    views.push({
      day,
      visitorHash: hash,
      ...p,
      lang,
      referrerHost: i === 0 ? landing.referrer : "",
      campaignId: i === 0 ? landing.campaignId : null,
    });
  }
  return views;
}

/** About 90 days of everyday visits up to today: more at weekends, slowly growing. */
function everydayVisits(rng: Rng, world: World, today: string): demoRepo.SampleVisit[] {
  const visits: demoRepo.SampleVisit[] = [];
  for (let i = 0; i < 90; i++) {
    const day = addDays(today, i - 89);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    const weekend = weekday === 0 || weekday === 6 ? 1.35 : 1;
    const visitors = Math.round((32 + rng.int(18)) * weekend * (1 + (0.3 * i) / 90));
    for (let v = 0; v < visitors; v++)
      visits.push(
        ...visitorViews(rng, world, day, { kind: rng.weighted(FIRST_PAGE), referrer: rng.weighted(EVERYDAY_REFERRERS), campaignId: null }),
      );
  }
  return visits;
}

/** The visits a campaign's link brought: from 公開日 while it ran (fading), then a thin tail for up to 60 days after. */
function campaignVisits(rng: Rng, world: World, c: SampleCampaign & { id: string }, today: string): demoRepo.SampleVisit[] {
  const visits: demoRepo.SampleVisit[] = [];
  const running = daysInPeriod({ from: c.publishedOn, to: c.endsOn });
  for (let i = 0; i < running + 60; i++) {
    const day = addDays(c.publishedOn, i);
    if (day > today) break;
    const fade = i < running ? Math.exp(-i / Math.max(7, running / 2)) : 0.08 * Math.exp(-(i - running) / 30);
    const expected = c.pull * fade + (c.channel === "print" ? 0.6 : 0);
    const visitors = Math.floor(expected + rng.next());
    for (let v = 0; v < visitors; v++) {
      const views = visitorViews(rng, world, day, {
        kind: KIND_OF_PATH[c.targetPath] ?? "home",
        referrer: CHANNEL_REFERRER[c.channel],
        campaignId: c.id,
      });
      visits.push(...views);
      // some come back by the same link later that day: another visit, the same visitor
      if (rng.next() < 0.12) visits.push({ ...views[0] });
    }
  }
  return visits;
}

/** The platform's figures on three measuring days (running totals), those not in the future. */
function sampleMetrics(
  rng: Rng,
  c: SampleCampaign & { id: string },
  today: string,
): (campaignRepo.MetricValues & { campaignId: string })[] {
  const video = c.kind === "video" || c.channel === "youtube" || c.channel === "tiktok";
  return [7, 14, 30].flatMap((after, step) => {
    const measuredOn = addDays(c.publishedOn, after);
    if (measuredOn > today || c.channel === "print") return [];
    const share = [0.55, 0.8, 1][step];
    const reach = Math.round(c.reach * share * (0.95 + rng.next() * 0.1));
    const impressions = Math.round(reach * (1.4 + rng.next() * 0.4));
    return [
      {
        campaignId: c.id,
        measuredOn,
        impressions,
        reach,
        views: video ? Math.round(impressions * (0.35 + rng.next() * 0.1)) : null,
        engagements: Math.round(reach * (0.03 + rng.next() * 0.02)),
        linkClicks: Math.round(c.pull * 10 * share * (0.9 + rng.next() * 0.2)),
      },
    ];
  });
}

async function insertInSlices(db: Queryable, visits: demoRepo.SampleVisit[]): Promise<void> {
  for (let i = 0; i < visits.length; i += 4000) await demoRepo.insertSampleVisits(db, visits.slice(i, i + 4000));
}

/** Loads the sample campaigns, their figures and the sample visits (once: nothing when sample campaigns exist). */
export async function loadAnalyticsDemo(db: Db, today: string): Promise<{ campaigns: number; visits: number }> {
  return db.transaction(async (tx) => {
    if (await demoRepo.hasSampleCampaigns(tx)) return { campaigns: 0, visits: 0 };
    const rng = seeded(20_260_401);
    const campaigns: (SampleCampaign & { id: string })[] = [];
    for (const c of CAMPAIGNS) {
      const { pull: _pull, reach: _reach, ...input } = c;
      campaigns.push({ ...c, id: await createCampaignIn(tx, DEMO_ACTOR, input, { isSample: true }) });
    }
    await campaignRepo.upsertMetrics(
      tx,
      campaigns.flatMap((c) => sampleMetrics(rng, c, today)),
      "entered",
    );
    const codes = await demoRepo.municipalityCodesForSample(tx);
    if (codes.length === 0) return { campaigns: campaigns.length, visits: 0 };
    const world: World = {
      items: await demoRepo.publishedItemsForSample(tx, 300),
      municipalities: codes.map((code, i) => [code, MUNICIPALITY_WEIGHT(i)]),
    };
    const visits = [...everydayVisits(rng, world, today), ...campaigns.flatMap((c) => campaignVisits(rng, world, c, today))];
    await insertInSlices(tx, visits);
    return { campaigns: campaigns.length, visits: visits.length };
  });
}

/** The fiscal years the sample campaigns cover (令和7年度 and 令和8年度). */
export const SAMPLE_CAMPAIGN_YEARS = [...new Set(CAMPAIGNS.map((c) => fiscalYearOf(c.publishedOn)))];
