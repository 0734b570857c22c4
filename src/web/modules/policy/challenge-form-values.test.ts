import { describe, expect, it } from "vitest";
import type { ChallengeDetail } from "../../../common/api/policy";
import { challengeBody, challengeErrors, challengeValues, progressBody, progressErrors, progressValues } from "./challenge-form-values";

const challenge = {
  name: "子育て世帯の転出",
  content: "①",
  background: "②",
  approachHeading: "取組み",
  approach: "④",
  analysisNote: null,
  analysisYear: 2023,
  category: null,
  ownerOrganisationId: null,
  latestProgress: { status: "順調" },
} as unknown as ChallengeDetail;

describe("a challenge's forms", () => {
  it("progress: asks for a readable 時点 and a text, keeps the latest status, sends trimmed text", () => {
    const values = progressValues(challenge);
    expect(values.status).toBe("順調");
    expect(progressErrors(values)).toEqual({ asOf: "時点を入力してください。", text: "進捗の内容を入力してください。" });
    expect(progressErrors({ ...values, asOf: "そのうち", text: "x" }).asOf).toMatch(/日付として読み取れません/);
    expect(progressBody({ asOf: " 令和7年3月末 ", status: "", text: " 実施中 " })).toEqual({
      asOf: "令和7年3月末",
      text: "実施中",
      status: null,
    });
  });

  it("edit: starts from the challenge, shows its 分析年度 in 和暦 and sends empty choices as null", () => {
    const values = challengeValues(challenge);
    expect(values.analysisYearText).toBe("令和5年度");
    expect(challengeErrors(values)).toEqual({ name: null, approachHeading: null, analysisYear: null });
    expect(challengeBody({ ...values, analysisNote: " " }, 3)).toMatchObject({
      version: 3,
      analysisNote: null,
      analysisYear: 2023,
      category: null,
      ownerOrganisationId: null,
    });
  });

  it("edit: reports an unreadable 分析年度 and a missing name", () => {
    const errors = challengeErrors({ ...challengeValues(challenge), name: " ", analysisYearText: "昔", analysisYear: null });
    expect(errors.name).toBe("課題名を入力してください。");
    expect(errors.analysisYear).toMatch(/年度として読み取れません/);
  });
});
