// 認証の状態 worked out from the dates: 報告期限超過 when a yearly report is due and missing, 期限間近 within the
// renewal window (90 days: day 90 is in, day 91 is not), 期限切れ from the day after valid_until, month-end dates, and
// validUntilFor (the day before the same date N years on).
import { describe, expect, it } from "vitest";
import {
  addMonths,
  type CertificationFacts,
  certificationState,
  isValidOn,
  overdueReportPeriods,
  reportDueOn,
  validUntilFor,
} from "./certification-lifecycle";

const RULES = { renewalWindowDays: 90, reportIntervalMonths: 12 };
const CERT: CertificationFacts = { status: "active", validFrom: "2025-03-20", validUntil: "2028-03-19", reportedPeriods: [] };

describe("validUntilFor and addMonths", () => {
  it("valid for N years ends the day before the same date", () => {
    expect(validUntilFor("2025-04-01", 3)).toBe("2028-03-31");
    expect(validUntilFor("2025-03-20", 3)).toBe("2028-03-19");
    expect(validUntilFor("2024-02-29", 1)).toBe("2025-02-27");
  });

  it("a month on from 31 January is the last day of February (2024 a leap year)", () => {
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2023-01-31", 1)).toBe("2023-02-28");
    expect(addMonths("2024-03-31", -1)).toBe("2024-02-29");
    expect(addMonths("2024-12-15", 1)).toBe("2025-01-15");
  });
});

describe("reports", () => {
  it("the first report is due a year after certification", () => {
    expect(reportDueOn("2025-03-20", 1, 12)).toBe("2026-03-20");
    expect(reportDueOn("2025-03-20", 2, 12)).toBe("2027-03-20");
  });

  it("overdue from its due day, not the day before", () => {
    expect(overdueReportPeriods(CERT, RULES, "2026-03-19")).toEqual([]);
    expect(overdueReportPeriods(CERT, RULES, "2026-03-20")).toEqual([1]);
    expect(certificationState(CERT, RULES, "2026-03-20")).toBe("report_due");
  });

  it("a submitted report is no longer due; the next one comes a year later", () => {
    const reported = { ...CERT, reportedPeriods: [1] };
    expect(certificationState(reported, RULES, "2026-06-01")).toBe("active");
    expect(overdueReportPeriods(reported, RULES, "2027-03-20")).toEqual([2]);
  });
});

describe("expiring and expired", () => {
  const allReported = { ...CERT, reportedPeriods: [1, 2, 3] };

  it("期限間近 at 90 days before valid_until, still 有効 at 91", () => {
    // 2028-03-19 − 90 days = 2027-12-20
    expect(certificationState(allReported, RULES, "2027-12-19")).toBe("active");
    expect(certificationState(allReported, RULES, "2027-12-20")).toBe("expiring");
  });

  it("valid on valid_until itself, expired the day after", () => {
    expect(certificationState(allReported, RULES, "2028-03-19")).toBe("expiring");
    expect(isValidOn(allReported, "2028-03-19")).toBe(true);
    expect(certificationState(allReported, RULES, "2028-03-20")).toBe("expired");
    expect(isValidOn(allReported, "2028-03-20")).toBe(false);
  });

  it("a report missing counts before the window, and revoked or renewed win over dates", () => {
    expect(certificationState(CERT, RULES, "2027-12-20")).toBe("report_due");
    expect(certificationState({ ...CERT, status: "revoked" }, RULES, "2026-01-01")).toBe("revoked");
    expect(certificationState({ ...CERT, status: "superseded" }, RULES, "2026-01-01")).toBe("renewed");
    expect(isValidOn({ ...CERT, status: "revoked" }, "2026-01-01")).toBe(false);
  });

  it("not yet valid before valid_from", () => {
    expect(isValidOn(CERT, "2025-03-19")).toBe(false);
    expect(isValidOn(CERT, "2025-03-20")).toBe(true);
  });
});
