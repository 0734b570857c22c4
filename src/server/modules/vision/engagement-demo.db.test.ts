// The engagement sample data: a five-member council with two meetings and answered/unanswered comments, a dozen
// Action宣言 of which only the 掲示中 reach the public list, and FY2024–FY2026 outreach including the 2024 workshop.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../testing/app";
import { buildCity, TEST_PASSWORD } from "../../testing/factories";
import { buildVisionPlan } from "../../testing/vision-engagement-fixture";
import { loadEngagementDemo } from "./engagement-demo";

let t: TestApp;
let plan: Awaited<ReturnType<typeof buildVisionPlan>>;
let city: Awaited<ReturnType<typeof buildCity>>;

beforeAll(async () => {
  t = await createTestApp();
  city = await buildCity(t.db);
  plan = await buildVisionPlan(t.db, city);
  await loadEngagementDemo(t.db, plan.planId);
});
afterAll(() => t.cleanup());

describe("engagement sample data", () => {
  it("loads the council, declarations and outreach, all marked as sample", async () => {
    const staff = await t.login(city.viewer.loginId, TEST_PASSWORD);
    const council = (await staff.get("/api/vision/council")).body;
    expect(council.members).toHaveLength(5);
    expect(council.members.every((m: { isSample: boolean; name: string }) => m.isSample && m.name.includes("サンプル"))).toBe(true);
    expect(council.meetings.map((m: { heldOn: string }) => m.heldOn)).toEqual(["2025-07-30", "2024-10-28"]);
    const comments = (await staff.get(`/api/vision/council/rounds/${plan.closedRound}/comments`)).body.items;
    expect(comments.length).toBeGreaterThanOrEqual(3);
    expect(comments.some((c: { state: string }) => c.state === "対応済")).toBe(true);
    expect(comments.some((c: { state: string }) => c.state === "未対応")).toBe(true);

    const board = (await t.client().get("/api/public/vision/declarations")).body.items;
    const all = await t.db.query<{ status: string; n: number }>(
      "SELECT status, count(*)::int AS n FROM vision_declarations WHERE is_sample GROUP BY status ORDER BY status",
    );
    const shown = all.rows.find((r) => r.status === "掲示中")?.n ?? 0;
    expect(shown).toBeGreaterThan(all.rows.find((r) => r.status === "承認待ち")?.n ?? 0);
    expect(board).toHaveLength(shown);

    const outreach = (await staff.get("/api/vision/outreach")).body;
    expect(outreach.items.length).toBeGreaterThanOrEqual(15);
    expect(outreach.items.find((e: { title: string }) => e.title === "若者と未来を描くワークショップ")).toMatchObject({
      fiscalYear: 2024,
      kind: "ワークショップ",
    });
    expect(new Set(outreach.summary.map((s: { fiscalYear: number }) => s.fiscalYear))).toEqual(new Set([2024, 2025, 2026]));
    // 出前講演 count towards the plan's 出前講演 indicator when it has one.
    expect(outreach.items.filter((e: { indicatorId: string | null }) => e.indicatorId === plan.lectures).length).toBeGreaterThan(0);
  });
});
