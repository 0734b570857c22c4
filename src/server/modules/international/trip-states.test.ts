// The pure table of trip states: which moves exist, who may make them, what they need, and the due-date rules.
import { describe, expect, it } from "vitest";
import { TRIP_STATUSES, type TripStatus } from "../../../common/api/international";
import {
  checkTransition,
  defaultReportDueOn,
  FINAL_TRIP_STATUSES,
  isReportOverdue,
  nextStatusesFor,
  TRIP_TRANSITIONS,
  type TripActorRole,
} from "./trip-states";

const roles = (...r: TripActorRole[]) => new Set<TripActorRole>(r);
const OWNER = roles("owner");
const MANAGER = roles("manager");

describe("trip state table", () => {
  it("has exactly the moves of the 海外出張 workflow", () => {
    expect(TRIP_TRANSITIONS.map((t) => `${t.from}→${t.to}:${[...t.by].sort().join("+")}`).sort()).toEqual(
      [
        "planned→applied:owner",
        "planned→cancelled:owner",
        "applied→approved:manager",
        "applied→planned:manager",
        "applied→cancelled:manager+owner",
        "approved→travelling:owner",
        "approved→changed:owner",
        "approved→cancelled:manager+owner",
        "changed→applied:owner",
        "changed→cancelled:owner",
        "travelling→returned:owner",
        "returned→reported:owner+traveller",
        "reported→settled:manager",
        "settled→completed:manager",
      ].sort(),
    );
  });

  it("leaves 中止 and 完了 final, and every other state has a way on", () => {
    for (const status of FINAL_TRIP_STATUSES) expect(TRIP_TRANSITIONS.filter((t) => t.from === status)).toEqual([]);
    const open = TRIP_STATUSES.filter((s) => !FINAL_TRIP_STATUSES.includes(s));
    for (const status of open)
      expect(
        TRIP_TRANSITIONS.some((t) => t.from === status),
        status,
      ).toBe(true);
    expect(checkTransition("completed", "settled", roles("owner", "manager"), {})).toMatchObject({ ok: false, kind: "invalid" });
    expect(checkTransition("cancelled", "planned", roles("owner", "manager"), {})).toMatchObject({ ok: false, kind: "invalid" });
  });

  it("lets only the owning division apply, and only the bureau approve, with the 旅行命令", () => {
    expect(checkTransition("planned", "applied", OWNER, {}).ok).toBe(true);
    expect(checkTransition("planned", "applied", MANAGER, {})).toMatchObject({ ok: false, kind: "forbidden" });
    expect(checkTransition("applied", "approved", OWNER, { approvedBy: "市長", approvedOn: "2025-05-01" })).toMatchObject({
      ok: false,
      kind: "forbidden",
    });
    const incomplete = checkTransition("applied", "approved", MANAGER, { approvedBy: " " });
    expect(incomplete).toMatchObject({ ok: false, kind: "incomplete" });
    if (!incomplete.ok) expect(Object.keys(incomplete.fields ?? {}).sort()).toEqual(["approvedBy", "approvedOn"]);
    expect(checkTransition("applied", "approved", MANAGER, { approvedBy: "副市長", approvedOn: "2025-05-01" }).ok).toBe(true);
  });

  it("needs a note to send back or change, a reason to cancel and the safety level to set off", () => {
    expect(checkTransition("applied", "planned", MANAGER, {})).toMatchObject({ ok: false, kind: "incomplete" });
    expect(checkTransition("applied", "planned", MANAGER, { note: "日程を再検討" }).ok).toBe(true);
    expect(checkTransition("approved", "changed", OWNER, {})).toMatchObject({ ok: false, kind: "incomplete" });
    expect(checkTransition("planned", "cancelled", OWNER, {})).toMatchObject({ ok: false, kind: "incomplete" });
    expect(checkTransition("planned", "cancelled", OWNER, { cancelReason: "台風" }).ok).toBe(true);
    expect(checkTransition("approved", "travelling", OWNER, {})).toMatchObject({ ok: false, kind: "incomplete" });
    // level 0 (危険情報なし) is a value, not a missing one
    expect(checkTransition("approved", "travelling", OWNER, { safetyLevel: 0 }).ok).toBe(true);
  });

  it("reaches 報告書提出 only by filing the report", () => {
    expect(checkTransition("returned", "reported", OWNER, {})).toMatchObject({ ok: false, kind: "invalid" });
    expect(nextStatusesFor("returned", roles("owner", "traveller"))).toEqual([]);
  });

  it("offers each caller only the moves they may make now", () => {
    const next = (s: TripStatus, r: Set<TripActorRole>) => nextStatusesFor(s, r).sort();
    expect(next("planned", OWNER)).toEqual(["applied", "cancelled"]);
    expect(next("planned", MANAGER)).toEqual([]);
    expect(next("applied", OWNER)).toEqual(["cancelled"]);
    expect(next("applied", MANAGER)).toEqual(["approved", "cancelled", "planned"]);
    expect(next("approved", OWNER)).toEqual(["cancelled", "changed", "travelling"]);
    expect(next("reported", roles("owner", "traveller"))).toEqual([]);
    expect(next("reported", MANAGER)).toEqual(["settled"]);
    expect(next("completed", roles("owner", "manager", "traveller"))).toEqual([]);
  });

  it("marks the moves whose data the service checks", () => {
    const find = (from: TripStatus, to: TripStatus) => TRIP_TRANSITIONS.find((t) => t.from === from && t.to === to);
    expect(find("planned", "applied")?.needsLeader).toBe(true);
    expect(find("changed", "applied")?.needsLeader).toBe(true);
    expect(find("planned", "cancelled")?.needsLeader).toBeUndefined();
    expect(find("reported", "settled")?.needsSettledCosts).toBe(true);
  });
});

describe("report due date and overdue", () => {
  it("defaults to 30 days after the return, across month and year ends", () => {
    expect(defaultReportDueOn("2025-03-10")).toBe("2025-04-09");
    expect(defaultReportDueOn("2024-12-15")).toBe("2025-01-14");
    expect(defaultReportDueOn("2024-02-01")).toBe("2024-03-02");
  });

  it("is overdue only after the due date, without a report, while travelling or back", () => {
    const trip = { status: "returned" as TripStatus, reportDueOn: "2025-05-01", reportFiledOn: null };
    expect(isReportOverdue(trip, "2025-05-01")).toBe(false);
    expect(isReportOverdue(trip, "2025-05-02")).toBe(true);
    expect(isReportOverdue({ ...trip, status: "travelling" }, "2025-05-02")).toBe(true);
    expect(isReportOverdue({ ...trip, reportFiledOn: "2025-05-02" }, "2025-05-03")).toBe(false);
    expect(isReportOverdue({ ...trip, status: "reported" }, "2025-05-03")).toBe(false);
    expect(isReportOverdue({ ...trip, status: "approved" }, "2025-05-03")).toBe(false);
  });
});
