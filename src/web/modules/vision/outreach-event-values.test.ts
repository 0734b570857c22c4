import { describe, expect, it } from "vitest";
import { eventBody, eventErrors, eventValues } from "./outreach-event-values";

const filled = { ...eventValues(null, ""), title: " 出前講演（東区） ", heldOn: "令和6年5月10日" };

describe("outreach event form", () => {
  it("sends trimmed text, a typed attendance as a number and empty choices as null", () => {
    expect(eventErrors({ ...filled, attendance: "１,２００" })).toEqual({});
    expect(eventBody({ ...filled, attendance: "１,２００" })).toMatchObject({
      title: "出前講演（東区）",
      attendance: 1200,
      organisationId: null,
      indicatorId: null,
    });
    expect(eventBody(filled).attendance).toBeNull();
  });

  it("asks for a whole number of participants", () => {
    for (const text of ["12.5", "-3", "多数"]) {
      expect(eventErrors({ ...filled, attendance: text }).attendance).toBe("参加者数は0以上の整数で入力してください。");
    }
  });

  it("reports a missing title and date with the API's messages", () => {
    const errors = eventErrors(eventValues(null, ""));
    expect(errors.title).toBeTruthy();
    expect(errors.heldOn).toBeTruthy();
  });
});
