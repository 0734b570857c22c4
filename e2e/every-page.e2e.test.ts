// Every page of the SPA, on a fresh server with the sample data (issue 12 items 6 and 10): the first administrator
// opens every route of src/web/router.tsx (ids taken from the sample data through the API), a supplier's login and a
// council member's login open theirs, and a signed-out visitor opens the public pages and the lobby board. A page
// fails on any console error or uncaught page error, and on any status badge whose label is cut (「承…」): the label's
// scrollWidth must fit its clientWidth. Every role also logs out through the menu, which once logged
// "useCurrentUser outside the signed-in area".
import type { BrowserContext, ConsoleMessage, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { RunningServer } from "./lib/server";
import { useBrowserSession } from "./lib/session";
import { setUpFirstAdmin } from "./lib/setup-admin";
import * as ui from "./lib/ui";
import { UI_TIMEOUT, visible } from "./lib/ui";

const ADMIN = { loginId: "e2e.admin", displayName: "試験 太郎", password: "Yokogushi2025test" };
const SUPPLIER_LOGIN = { loginId: "crawl.partner", displayName: "巡回 次郎", password: "Furusato2026partner" };
const COUNCIL_LOGIN = { loginId: "crawl.council", displayName: "巡回 委員", password: "Council2026member" };

/** What went wrong on one page: console errors, page errors, cut badges. */
type Finding = { path: string; kind: "console" | "pageerror" | "badge" | "signed out"; text: string };

/** Collects console errors and uncaught errors of a page, tagged with the path the page was on. */
function watch(page: Page, findings: Finding[]) {
  const path = () => {
    try {
      const url = new URL(page.url());
      return `${url.pathname}${url.search}`;
    } catch {
      return page.url();
    }
  };
  page.on("console", (message: ConsoleMessage) => {
    // A failed request names its URL only in the message's location.
    if (message.type() === "error") findings.push({ path: path(), kind: "console", text: `${message.text()} ${message.location().url}` });
  });
  page.on("pageerror", (error) => findings.push({ path: path(), kind: "pageerror", text: String(error) }));
}

/** Calls the JSON API from the page (its session cookie and CSRF token). */
async function api<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  const result = await page.evaluate(
    async ({ method, path, body }) => {
      const session = await (await fetch("/api/auth/session", { headers: { Accept: "application/json" } })).json();
      const response = await fetch(path, {
        method,
        headers: { Accept: "application/json", "Content-Type": "application/json", "X-CSRF-Token": session.csrfToken ?? "" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, json: await response.json().catch(() => null) };
    },
    { method, path, body },
  );
  if (result.status >= 300) throw new Error(`${method} ${path} → ${result.status} ${JSON.stringify(result.json)}`);
  return result.json as T;
}

/** Labels of the visible badges on the page whose text does not fit (an ellipsis or a clipped label). */
async function cutBadges(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cut: string[] = [];
    for (const label of document.querySelectorAll<HTMLElement>(".mantine-Badge-label, .yk-status-badge")) {
      if (label.offsetParent === null || label.clientWidth === 0) continue;
      if (label.scrollWidth > label.clientWidth + 0.5) cut.push(`${label.textContent} (${label.scrollWidth} > ${label.clientWidth})`);
    }
    return cut;
  });
}

/**
 * Opens a path and waits until the page has settled: its h1 is shown, no request is pending and no loader is left.
 * The path a page redirects to is what it reports.
 */
async function visit(page: Page, base: string, path: string, findings: Finding[]) {
  await page.goto(new URL(path, base).href, { waitUntil: "networkidle" });
  await visible(page.getByRole("heading", { level: 1 }).first());
  await page
    .locator(".mantine-Loader-root:visible, [aria-busy='true']")
    .first()
    .waitFor({ state: "detached", timeout: UI_TIMEOUT })
    .catch(() => undefined);
  await page.waitForLoadState("networkidle");
  // A page that sent its visitor to the login page was not checked at all.
  if (new URL(page.url()).pathname === "/login" && !path.startsWith("/login"))
    findings.push({ path, kind: "signed out", text: page.url() });
  for (const badge of await cutBadges(page)) findings.push({ path, kind: "badge", text: badge });
}

function report(findings: Finding[]): string {
  return findings.map((finding) => `  ${finding.path} [${finding.kind}] ${finding.text}`).join("\n");
}

type Ids = Record<string, string | undefined>;

/** Ids for the routes with parameters, from the sample data. */
async function sampleIds(page: Page): Promise<Ids> {
  const ids: Ids = {};
  const documents = await api<{ items: { id: string; status: string }[] }>(page, "GET", "/api/policy/documents");
  ids.document = documents.items.find((doc) => doc.status === "published")?.id ?? documents.items[0]?.id;
  const challenges = await api<{ items: { id: string }[] }>(page, "GET", `/api/policy/challenges?documentId=${ids.document}`);
  ids.challenge = challenges.items[0]?.id;
  const gifts = await api<{ items: { id: string }[] }>(page, "GET", "/api/furusato/gifts");
  ids.gift = gifts.items[0]?.id;
  const suppliers = await api<{ items: { id: string }[] }>(page, "GET", "/api/furusato/suppliers");
  ids.supplier = suppliers.items[0]?.id;
  const donations = await api<{ items: { id: string }[] }>(page, "GET", "/api/furusato/donations?pageSize=20");
  ids.donation = donations.items[0]?.id;
  const mappings = await api<{ items: { id: string }[] }>(page, "GET", "/api/furusato/donation-mappings");
  ids.mapping = mappings.items[0]?.id;
  const plans = await api<{ items: { id: string }[] }>(page, "GET", "/api/vision/plans");
  const plan = await api<{ tree: { id: string; indicators: { id: string }[]; children: unknown[] }[] }>(
    page,
    "GET",
    `/api/vision/plans/${plans.items[0]?.id}`,
  );
  ids.node = plan.tree[0]?.id;
  const indicators = await api<{ items: { id: string }[] }>(page, "GET", `/api/vision/plans/${plans.items[0]?.id}/indicators`);
  ids.indicator = indicators.items[0]?.id;
  const council = await api<{ rounds: { id: string }[] }>(page, "GET", "/api/vision/council");
  ids.councilRound = council.rounds[0]?.id;
  const projects = await api<{ items: { id: string }[] }>(page, "GET", "/api/international/projects?pageSize=1");
  ids.internationalProject = projects.items[0]?.id;
  const trips = await api<{ items: { id: string }[] }>(page, "GET", "/api/international/trips?pageSize=1");
  ids.internationalTrip = trips.items[0]?.id;
  const partners = await api<{ items: { id: string }[] }>(page, "GET", "/api/international/partners");
  ids.internationalPartner = partners.items[0]?.id;
  const groups = await api<{ items: { id: string }[] }>(page, "GET", "/api/international/groups");
  ids.internationalGroup = groups.items[0]?.id;
  const publicProjects = await api<{ items: { id: string }[] }>(page, "GET", "/api/public/international/projects?pageSize=1");
  ids.publicInternationalProject = publicProjects.items[0]?.id;
  const publicReports = await api<{ items: { id: string }[] }>(page, "GET", "/api/public/international/trip-reports?pageSize=1");
  ids.publicTripReport = publicReports.items[0]?.id;
  const regionItems = await api<{ items: { id: string }[] }>(page, "GET", "/api/region/items?pageSize=1");
  ids.regionItem = regionItems.items[0]?.id;
  const regionImports = await api<{ items: { id: string }[] }>(page, "GET", "/api/region/imports?pageSize=1");
  ids.regionImport = regionImports.items[0]?.id;
  const regionProblems = await api<{ items: { id: string }[] }>(page, "GET", "/api/region/problems?pageSize=1");
  ids.regionProblem = regionProblems.items[0]?.id;
  const campaigns = await api<{ items: { id: string }[] }>(page, "GET", "/api/region/campaigns");
  ids.regionCampaign = campaigns.items[0]?.id;
  const frameworks = await api<{ items: { id: string }[] }>(page, "GET", "/api/region/frameworks");
  ids.regionFramework = frameworks.items[0]?.id;
  const regionProjects = await api<{ items: { id: string }[] }>(page, "GET", "/api/region/projects?pageSize=1");
  ids.regionProject = regionProjects.items[0]?.id;
  const candidates = await api<{ items: { id: string }[] }>(page, "GET", "/api/region/candidates?pageSize=1");
  ids.regionCandidate = candidates.items[0]?.id;
  type CostRules = { items: { id: string; projectId: string; latestComputation: { id: string } | null }[] };
  const costRules = await api<CostRules>(page, "GET", "/api/region/cost-shares");
  ids.costRule = costRules.items[0]?.id;
  ids.costProject = costRules.items[0]?.projectId;
  ids.costComputation = costRules.items[0]?.latestComputation?.id;
  const publicItems = await api<{ items: { id: string }[] }>(page, "GET", "/api/public/region/items?pageSize=1");
  ids.publicRegionItem = publicItems.items[0]?.id;
  const proposals = await api<{ items: { id: string }[] }>(page, "GET", "/api/zones/proposals?pageSize=1");
  ids.zonesProposal = proposals.items[0]?.id;
  const analysisSubjects = await api<{ items: { id: string }[] }>(page, "GET", "/api/analysis/subjects?role=subject&pageSize=1");
  ids.analysisSubject = analysisSubjects.items[0]?.id;
  const analysisPeers = await api<{ items: { id: string }[] }>(page, "GET", "/api/analysis/subjects?role=peer&pageSize=1");
  ids.analysisPeer = analysisPeers.items[0]?.id;
  const analysisActions = await api<{ items: { reviewId: string }[] }>(page, "GET", "/api/analysis/actions?status=all&pageSize=1");
  ids.analysisReview = analysisActions.items[0]?.reviewId;
  const meetings = await api<{ items: { id: string }[] }>(page, "GET", "/api/meetings?pageSize=1");
  ids.meeting = meetings.items[0]?.id;
  return ids;
}

/** The staff routes of src/web/router.tsx, with ids from the sample data. */
function staffPaths(ids: Ids): string[] {
  return [
    "/policy",
    "/policy/import",
    `/policy/documents/${ids.document}`,
    `/policy/documents/${ids.document}/challenges`,
    `/policy/challenges/${ids.challenge}`,
    `/policy/documents/${ids.document}/print`,
    "/search?q=%E5%B8%82",
    "/account",
    "/furusato",
    "/furusato/gifts/new",
    `/furusato/gifts/${ids.gift}`,
    `/furusato/gifts/${ids.gift}/edit`,
    "/furusato/suppliers",
    `/furusato/suppliers/${ids.supplier}`,
    "/furusato/portals",
    "/furusato/portals/choice",
    "/furusato/publish",
    "/furusato/exports",
    "/furusato/donations",
    "/furusato/donations/import",
    `/furusato/donations/${ids.donation}`,
    "/furusato/mappings",
    `/furusato/mappings/${ids.mapping}`,
    "/furusato/shipments",
    "/furusato/one-stop",
    "/furusato/certificates",
    "/furusato/comparison",
    "/furusato/dashboard",
    "/furusato/costs",
    "/furusato/settings",
    "/vision",
    "/vision/plan",
    `/vision/nodes/${ids.node}`,
    "/vision/indicators/new",
    `/vision/indicators/${ids.indicator}`,
    `/vision/indicators/${ids.indicator}/edit`,
    "/vision/todo",
    "/vision/rounds",
    "/vision/rule",
    "/vision/council",
    `/vision/council/rounds/${ids.councilRound}`,
    "/vision/declarations",
    "/vision/outreach",
    "/international",
    "/international/projects",
    "/international/projects/new",
    `/international/projects/${ids.internationalProject}`,
    `/international/projects/${ids.internationalProject}/edit`,
    "/international/trips",
    "/international/trips/new",
    `/international/trips/${ids.internationalTrip}`,
    `/international/trips/${ids.internationalTrip}/edit`,
    "/international/partners",
    `/international/partners/${ids.internationalPartner}`,
    "/international/groups",
    `/international/groups/${ids.internationalGroup}`,
    "/international/map",
    "/international/totals",
    "/international/kintone",
    "/international/settings",
    "/region",
    "/region/municipalities",
    "/region/municipalities/402044",
    "/region/populations",
    "/region/items",
    "/region/items/new",
    `/region/items/${ids.regionItem}`,
    "/region/imports",
    `/region/imports/${ids.regionImport}`,
    "/region/problems",
    `/region/problems/${ids.regionProblem}`,
    "/region/opendata",
    "/region/analytics",
    "/region/campaigns",
    "/region/campaigns/comparison",
    `/region/campaigns/${ids.regionCampaign}`,
    "/region/frameworks",
    `/region/frameworks/${ids.regionFramework}`,
    "/region/projects",
    "/region/projects/new",
    `/region/projects/${ids.regionProject}`,
    "/region/candidates",
    "/region/candidates?view=list",
    `/region/candidates/${ids.regionCandidate}`,
    "/region/cost-shares",
    `/region/cost-shares?projectId=${ids.costProject}`,
    `/region/cost-shares/rules/${ids.costRule}`,
    `/region/cost-shares/rules/${ids.costRule}/compute`,
    `/region/cost-shares/rules/${ids.costRule}/edit`,
    `/region/cost-shares/rules/new?projectId=${ids.costProject}`,
    `/region/cost-shares/computations/${ids.costComputation}`,
    `/region/cost-shares/compare?projectId=${ids.costProject}`,
    "/zones",
    "/zones/proposals",
    "/zones/proposals/new",
    `/zones/proposals/${ids.zonesProposal}`,
    `/zones/proposals/${ids.zonesProposal}/edit`,
    "/analysis/comparison",
    "/analysis",
    "/analysis/peers",
    "/analysis/subjects/new",
    "/analysis/subjects/new?role=peer",
    `/analysis/subjects/${ids.analysisSubject}`,
    `/analysis/subjects/${ids.analysisSubject}/edit`,
    `/analysis/subjects/${ids.analysisPeer}`,
    `/analysis/subjects/${ids.analysisSubject}/figures`,
    `/analysis/subjects/${ids.analysisPeer}/figures`,
    "/analysis/actions",
    "/analysis/actions?status=all",
    `/analysis/reviews/${ids.analysisReview}`,
    "/meetings",
    "/meetings/followups",
    `/meetings/${ids.meeting}`,
    `/meetings/${ids.meeting}/edit`,
    "/admin/users",
    "/admin/organisations",
    "/admin/audit",
    "/admin/statuses",
    "/admin/maintenance",
    "/admin/furusato-reference",
  ];
}

/** Pages without sign-in: the public site and the lobby board. */
function publicPaths(ids: Ids): string[] {
  return [
    "/public",
    "/public/policy",
    `/public/policy/${ids.document}`,
    `/public/policy/challenges/${ids.challenge}`,
    "/public/vision",
    "/public/vision/declarations",
    "/public/international",
    `/public/international/${ids.publicInternationalProject}`,
    "/public/international/trip-reports",
    `/public/international/trip-reports/${ids.publicTripReport}`,
    "/public/region",
    `/public/region/items/${ids.publicRegionItem}`,
    "/public/region/map",
    "/public/region/calendar",
    "/public/region/en",
    `/public/region/en/items/${ids.publicRegionItem}`,
    "/public/region/en/map",
    "/public/region/en/calendar",
    "/public/region/opendata",
    "/public/region/privacy",
    "/vision/board",
    "/login",
  ];
}

describe("every page: no console error, no cut badge (browser)", () => {
  const session = useBrowserSession(UI_TIMEOUT);
  let server: RunningServer;
  let page: Page;
  let ids: Ids = {};
  /** The origin of the setup link (the session cookie belongs to that host). */
  let base = "";
  const findings: Finding[] = [];
  const others: BrowserContext[] = [];

  async function newRolePage(): Promise<Page> {
    const context = await session.browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo", viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(UI_TIMEOUT);
    others.push(context);
    const tab = await context.newPage();
    watch(tab, findings);
    return tab;
  }

  beforeAll(async () => {
    ({ server, page } = session);
    await page.setViewportSize({ width: 1280, height: 900 });
    watch(page, findings);
    await setUpFirstAdmin(page, await server.waitForSetupUrl(), ADMIN, { timeout: UI_TIMEOUT });
    base = new URL(page.url()).origin;
    ids = await sampleIds(page);
  });

  afterAll(async () => {
    for (const context of others) await context.close();
  });

  test("items 6 and 10: the administrator opens every staff page and logs out without a console error or a cut badge", async () => {
    for (const [name, id] of Object.entries(ids)) expect(id, `sample data has a ${name}`).toBeTruthy();
    findings.length = 0;
    for (const path of staffPaths(ids)) await visit(page, base, path, findings);
    await page.goto(new URL("/policy", base).href, { waitUntil: "networkidle" });
    await ui.logOut(page, ADMIN.displayName);
    expect(report(findings)).toBe("");
  });

  test("items 6 and 10: a supplier's login opens its pages and logs out without a console error or a cut badge", async () => {
    // The administrator's tab is on the login page after the first test.
    if (new URL(page.url()).pathname === "/login") await ui.logIn(page, ADMIN);
    await api(page, "POST", `/api/furusato/suppliers/${ids.supplier}/users`, SUPPLIER_LOGIN);
    const tab = await newRolePage();
    await tab.goto(new URL("/login", base).href);
    await ui.logIn(tab, SUPPLIER_LOGIN);
    findings.length = 0;
    for (const path of [
      "/furusato",
      `/furusato/gifts/${ids.gift}`,
      "/furusato/gifts/new",
      `/furusato/suppliers/${ids.supplier}`,
      "/furusato/my-shipments",
      "/account",
    ])
      await visit(tab, base, path, findings);
    // A staff page typed in is turned away to the supplier's own pages, without a request that answers 403.
    await visit(tab, base, "/policy", findings);
    expect(new URL(tab.url()).pathname).toBe("/furusato");
    await ui.logOut(tab, SUPPLIER_LOGIN.displayName);
    expect(report(findings)).toBe("");
  });

  test("items 6 and 10: a council member's login opens its pages and logs out without a console error", async () => {
    const member = await api<{ id: string }>(page, "POST", "/api/vision/council/members", {
      name: "巡回 委員",
      affiliation: "大学教授",
      isChair: false,
    });
    await api(page, "POST", `/api/vision/council/members/${member.id}/login`, {
      loginId: COUNCIL_LOGIN.loginId,
      password: COUNCIL_LOGIN.password,
    });
    const tab = await newRolePage();
    await tab.goto(new URL("/login", base).href);
    await ui.logIn(tab, COUNCIL_LOGIN);
    findings.length = 0;
    // The rounds a member may see (the sample data's open round).
    const council = await api<{ rounds: { id: string }[] }>(tab, "GET", "/api/vision/council");
    expect(council.rounds.length).toBeGreaterThan(0);
    const paths = ["/vision/council/member", ...council.rounds.map((round) => `/vision/council/rounds/${round.id}`), "/account"];
    for (const path of paths) await visit(tab, base, path, findings);
    await visit(tab, base, "/policy", findings);
    expect(new URL(tab.url()).pathname).toBe("/vision/council/member");
    await ui.logOut(tab, COUNCIL_LOGIN.displayName);
    expect(report(findings)).toBe("");
  });

  test("items 6 and 10: a visitor opens every public page and the lobby board without a console error or a cut badge", async () => {
    const tab = await newRolePage();
    findings.length = 0;
    for (const path of publicPaths(ids)) await visit(tab, base, path, findings);
    expect(report(findings)).toBe("");
  });
});
