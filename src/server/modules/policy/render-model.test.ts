import { describe, expect, it } from "vitest";
import { buildChallenge, buildPolicyDocument } from "../../testing/policy-fixture.js";
import {
  analysisNoteText,
  asOfLabel,
  challengeLabel,
  matrixCategories,
  overviewItemLines,
  paragraphs,
  progressAsOf,
  progressHeading,
  progressText,
} from "./render-model.js";

const challenge = buildChallenge({
  areaCode: "A",
  number: 3,
  progress: [
    { asOf: "2024-11-30", asOfLabel: "令和6年11月末時点", text: "後", status: "順調" },
    { asOf: "2024-05-31", asOfLabel: "令和6年5月末時点", text: "前", status: null },
  ],
});

describe("render model", () => {
  it("picks the latest progress entry on or before asOf, whatever order entries are stored in", () => {
    expect(progressAsOf(challenge)?.text).toBe("後");
    expect(progressAsOf(challenge, "2024-11-29")?.text).toBe("前");
    expect(progressAsOf(challenge, "2024-11-30")?.text).toBe("後");
    expect(progressAsOf(challenge, "2024-01-01")).toBeNull();
    expect(() => progressAsOf(challenge, "令和6年11月30日")).toThrow(RangeError);
  });

  it("writes headings as the document does", () => {
    expect(challengeLabel(challenge)).toBe("課題A（3）");
    expect(progressHeading(progressAsOf(challenge))).toBe("⑤ 取組みの進捗状況、取組結果（令和6年11月末時点）");
    expect(progressHeading(null)).toBe("⑤ 取組みの進捗状況、取組結果");
  });

  it("makes a 時点 label from the date when the entry has none", () => {
    expect(asOfLabel({ asOf: "2024-11-30", asOfLabel: "", text: "", status: null })).toBe("令和6年11月末時点");
    expect(asOfLabel({ asOf: "2024-11-15", asOfLabel: " ", text: "", status: null })).toBe("令和6年11月15日時点");
  });

  it("adds ※ to an analysis note only when missing, and status labels only when asked", () => {
    expect(analysisNoteText("※令和6年度に経営分析を行う。")).toBe("※令和6年度に経営分析を行う。");
    expect(analysisNoteText("令和6年度に経営分析を行う。")).toBe("※令和6年度に経営分析を行う。");
    const entry = { asOf: "2024-11-30", asOfLabel: "", text: "実施", status: "順調" };
    expect(progressText(entry, true)).toBe("【順調】実施");
    expect(progressText(entry, false)).toBe("実施");
    expect(progressText({ ...entry, status: null }, true)).toBe("実施");
  });

  it("splits paragraphs on blank lines and keeps single line breaks", () => {
    expect(paragraphs("一段落目\n続き\n\n\n二段落目\n")).toEqual(["一段落目\n続き", "二段落目"]);
  });

  it("prints overview items as (n)title then ・bullets", () => {
    const [item, , bulletsOnly] = buildPolicyDocument().overview;
    expect(overviewItemLines(item)).toEqual([
      { text: "(1)ふるさと納税の寄附受入額の増加", isTitle: true },
      { text: "・事務負担の最小化を図りながら、寄附受付サイトの拡充を検討", isTitle: false },
    ]);
    expect(overviewItemLines(bulletsOnly)).toEqual([{ text: "・各局の施策・事業が効果的に作用するよう、横串機能を発揮", isTitle: false }]);
  });

  it("keeps matrix rows for categories that only overview items name", () => {
    const doc = buildPolicyDocument();
    doc.overview.push({ ...doc.overview[0], category: "国際" });
    expect(matrixCategories(doc)).toEqual(["成長戦略", "外郭団体等", "国際"]);
  });
});
