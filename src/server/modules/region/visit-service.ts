// 訪問の記録: one view of a public hub page, counted without cookies and without keeping the caller's address or user
// agent (common/region/visitor-hash.ts holds the rules). Crawlers and browsers that ask not to be tracked (DNT, GPC)
// are not counted at all. The per-address rate limit is keyed by the address hashed with the day's salt, so the
// address does not reach the database there either (the router's own `rateLimit` would store it in its bucket name).
// A page view is not audited: it is no one's change to a record, and an audit row would have to name the caller.
import { createHash } from "node:crypto";
import type { VisitInput } from "../../../common/api/region-analytics";
import { CAMPAIGN_TAG_PATTERN } from "../../../common/region/campaign-effect";
import { asksNotToBeTracked, isBotUserAgent, rateLimitKey, referrerHostOf, visitorHash } from "../../../common/region/visitor-hash";
import type { Db } from "../../db/database";
import { hitRateLimit } from "../../platform/auth/rate-limit";
import { TooManyRequests } from "../../platform/errors";
import { saltOfDay } from "./salt-service";
import * as repo from "./visit-repository";

/** Views a minute from one address (a school or an office behind one address is many people); PUBLIC_API_RATE_LIMIT overrides. */
export const VISITS_PER_MINUTE = 120;

const sha256 = (bytes: Uint8Array) => new Uint8Array(createHash("sha256").update(bytes).digest());

/** What the request says about its caller; used for the hash and then forgotten. */
export interface VisitCaller {
  userAgent: string | undefined;
  address: string;
  dnt: string | undefined;
  secGpc: string | undefined;
}

export async function recordVisit(
  db: Db,
  input: VisitInput,
  caller: VisitCaller,
  opts: { perMinute?: number | null; now?: Date } = {},
): Promise<{ counted: boolean }> {
  if (isBotUserAgent(caller.userAgent) || asksNotToBeTracked({ dnt: caller.dnt, secGpc: caller.secGpc })) return { counted: false };
  const now = opts.now ?? new Date();
  const { day, salt } = await saltOfDay(db, now);

  const perMinute = opts.perMinute ?? VISITS_PER_MINUTE;
  const hit = await hitRateLimit(db, `region.visit:${rateLimitKey(sha256, salt, caller.address)}`, perMinute, 60);
  if (!hit.allowed)
    throw new TooManyRequests(
      `アクセスが集中しています（1分間に${perMinute}回まで）。${hit.retryAfterSeconds}秒ほど待ってから、もう一度お試しください。`,
      hit.retryAfterSeconds,
    );

  const tag = input.campaign?.trim().toLowerCase() ?? "";
  const refs = await repo.findVisitReferences(db, {
    itemId: input.itemId ?? null,
    municipalityCode: input.municipalityCode && /^[0-9]{6}$/.test(input.municipalityCode) ? input.municipalityCode : null,
    tag: CAMPAIGN_TAG_PATTERN.test(tag) ? tag : null,
  });
  await repo.insertVisit(db, {
    day,
    visitorHash: visitorHash(sha256, salt, caller.userAgent ?? "", caller.address),
    path: input.path,
    pageKind: input.pageKind,
    // an item's page counts for the item's own 市町, whatever the page said
    municipalityCode: refs.itemMunicipality ?? refs.municipality,
    itemId: refs.itemMunicipality ? (input.itemId ?? null) : null,
    lang: input.lang,
    referrerHost: referrerHostOf(input.referrerHost),
    campaignId: refs.campaignId,
  });
  return { counted: true };
}
