// The sample working groups, loaded with the whole sample city (after the projects): six groups in FY2024 and one
// still at work in FY2025 whose call is open today and which has an overdue action; the 台湾 group's ideas from
// several divisions became actions, one of them done and linked to the sample project 「台湾PRキャンペーン」.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInJapan } from "../../../common/dates";
import { loadDemoDataIfEmpty } from "../../demo";
import type { Principal } from "../../platform/auth/permissions";
import { createLogger } from "../../platform/logger";
import { createTestDb, type TestDb } from "../../testing/db";
import { getGroup, listGroups } from "./group-service";

describe("sample working groups", () => {
  let t: TestDb;
  let viewer: Principal;
  beforeAll(async () => {
    t = await createTestDb();
    await loadDemoDataIfEmpty(t.db, createLogger("silent"));
    const { rows } = await t.db.query<{ id: string; name: string }>("SELECT id, name FROM organisations WHERE code = 'sangyo-kikaku'");
    viewer = {
      id: "00000000-0000-0000-0000-000000000000",
      loginId: "viewer",
      displayName: "閲覧者",
      role: "viewer",
      organisationId: rows[0].id,
      organisationName: rows[0].name,
      bureauId: null,
      bureauName: null,
    };
  }, 180_000);
  afterAll(() => t.cleanup());

  it("has six FY2024 groups and one FY2025 group with an open call and an overdue action, all samples", async () => {
    const fy2024 = await listGroups(t.db, viewer, { fiscalYear: 2024 });
    expect(fy2024.items).toHaveLength(6);
    expect(fy2024.items.map((g) => g.theme)).toContain("台湾誘客・PR");
    const fy2025 = await listGroups(t.db, viewer, { fiscalYear: 2025, status: "active" });
    expect(fy2025.items).toHaveLength(1);
    expect(fy2025.items[0].overdueActions).toBe(1);
    const group = await getGroup(t.db, viewer, fy2025.items[0].id);
    expect(group.calls[0].open).toBe(true);
    expect(group.calls[0].closesOn > todayInJapan()).toBe(true);
    const { rows } = await t.db.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM international_working_groups WHERE NOT is_sample)
            + (SELECT count(*) FROM international_wg_ideas WHERE NOT is_sample)
            + (SELECT count(*) FROM international_wg_actions WHERE NOT is_sample) AS n`,
    );
    expect(Number(rows[0].n)).toBe(0);
  });

  it("shows the 台湾 group's ideas from several divisions turned into the Taiwan PR campaign", async () => {
    const [taiwan] = (await listGroups(t.db, viewer, { fiscalYear: 2024 })).items.filter((g) => g.theme === "台湾誘客・PR");
    const group = await getGroup(t.db, viewer, taiwan.id);
    expect(group.members.map((m) => m.name)).toEqual(expect.arrayContaining(["産業政策課", "国際政策課", "環境政策課"]));
    expect(group.meetings.length).toBeGreaterThanOrEqual(2);
    expect(new Set(group.calls[0].ideas.map((i) => i.organisationName)).size).toBeGreaterThanOrEqual(3);
    expect(group.outcomes).toHaveLength(2);
    expect(group.outcomes[0]).toMatchObject({ organisationName: "産業政策課", actionStatus: "done", projectName: "台湾PRキャンペーン" });
    expect(taiwan.projectCount).toBe(1);
  });
});
