import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { daysInMonth, formatFiscalYear, formatWareki } from "../dates.js";
import { parsePolicyText } from "./parse.js";
import { renderPolicyText } from "./render-text.js";
import type { ChallengeContent, OverviewItem, ParseIssue, PolicyDocumentContent } from "./types.js";

const SEED_PATH = fileURLToPath(new URL("../../server/modules/policy/demo/sample-policy.txt", import.meta.url));

/** Issues without their line numbers, which move when the layout is normalised. */
const withoutLines = (issues: ParseIssue[]) => issues.map(({ line: _line, ...rest }) => rest);

function smallDocument(): PolicyDocumentContent {
  const challenge: ChallengeContent = {
    code: "A(1)",
    areaCode: "A",
    number: 1,
    category: "分類一",
    name: "課題の名前",
    content: "内容です。",
    background: "背景です。\n\n二段落目です。",
    approachHeading: "課題への対応",
    approach: "取組です。",
    analysisNote: "※市政変革推進プランに基づき、令和7年度に経営分析を行う。",
    analysisYear: 2025,
    progress: [
      { asOf: "2024-11-30", asOfLabel: "", text: "十一月の進捗。", status: null },
      { asOf: "2025-02-15", asOfLabel: "", text: "二月の進捗。", status: null },
      { asOf: "2025-03-31", asOfLabel: "", text: "三月の進捗。", status: null },
    ],
  };
  return {
    bureauName: "試験局",
    overviewTitle: "試験局 X方針の概要",
    title: "局区X方針〈試験局〉",
    missionHeading: "1 組織の使命（どのような役割を担うのか）",
    mission: "使命です。",
    challengesHeading: "2 課題と背景",
    areas: [{ code: "A", label: "A領域" }],
    categories: ["分類一"],
    overview: [{ category: "分類一", areaCode: "A", challengeCode: "A(1)", title: "課題の名前", bullets: ["要点"], areaInferred: false }],
    challenges: [challenge],
  };
}

describe("renderPolicyText", () => {
  it("writes the layout of the bureau's documents", () => {
    const text = renderPolicyText(smallDocument());
    expect(text).toBe(
      [
        "試験局 X方針の概要",
        "A領域",
        "分類一",
        "(1)課題の名前",
        "- ・要点",
        "局区X方針〈試験局〉",
        "1 組織の使命（どのような役割を担うのか）",
        "使命です。",
        "2 課題と背景",
        "課題A（1）",
        "① 課題名",
        "課題の名前",
        "② 課題の内容",
        "内容です。",
        "③ 課題の背景",
        "背景です。\n\n二段落目です。",
        "④ 課題への対応",
        "取組です。",
        "※市政変革推進プランに基づき、令和7年度に経営分析を行う。",
        "⑤ 取組みの進捗状況、取組結果（令和7年3月末時点）",
        "三月の進捗。",
      ]
        .join("\n\n")
        .concat("\n"),
    );
  });

  it("shows the latest progress on or before the requested 時点, with a day or month-end label", () => {
    const doc = smallDocument();
    expect(renderPolicyText(doc, { asOf: "2025-03-01" })).toContain("⑤ 取組みの進捗状況、取組結果（令和7年2月15日時点）\n\n二月の進捗。");
    expect(renderPolicyText(doc, { asOf: "2024-12-31" })).toContain("（令和6年11月末時点）\n\n十一月の進捗。");
    expect(renderPolicyText(doc, { asOf: "2024-11-30" })).toContain("十一月の進捗。");
    const before = renderPolicyText(doc, { asOf: "2024-01-01" });
    expect(before).toContain("⑤ 取組みの進捗状況、取組結果\n");
    expect(before).not.toContain("進捗。");
  });

  it("prefers the 時点 label as written", () => {
    const doc = smallDocument();
    doc.challenges[0].progress = [{ asOf: "2024-11-30", asOfLabel: "令和6年11月末現在", text: "進捗。", status: null }];
    expect(renderPolicyText(doc)).toContain("（令和6年11月末現在）");
  });

  it("reads back what it wrote", () => {
    const doc = smallDocument();
    const back = parsePolicyText(renderPolicyText(doc, { asOf: "2025-02-20" }));
    expect(back.issues).toEqual([]);
    expect(back.document).toEqual({
      ...doc,
      challenges: [
        { ...doc.challenges[0], progress: [{ asOf: "2025-02-15", asOfLabel: "令和7年2月15日時点", text: "二月の進捗。", status: null }] },
      ],
    });
  });
});

describe.runIf(existsSync(SEED_PATH))("round trip of the seed", () => {
  it("parse → render → parse gives the same document and no new issues", () => {
    const first = parsePolicyText(readFileSync(SEED_PATH, "utf8"));
    const second = parsePolicyText(renderPolicyText(first.document));
    expect(second.document).toEqual(first.document);
    expect(withoutLines(second.issues)).toEqual(withoutLines(first.issues));
  });

  it("render is stable: rendering the re-parsed document gives the same text", () => {
    const once = renderPolicyText(parsePolicyText(readFileSync(SEED_PATH, "utf8")).document);
    expect(renderPolicyText(parsePolicyText(once).document)).toBe(once);
  });
});

// ------------------------------------------------------------------------------------------------------------------
// Property: any document of the format's shape survives render → parse.
// Texts are random kana/kanji (no digits, brackets, ①–⑳ or ※, so nothing looks like a marker); paragraphs end
// in 。 as sentences do; overview titles are leading parts of the challenge names (as abbreviations are); an
// un-numbered bullet group repeats a sentence of the challenge it belongs to and sits in that challenge's column.

const CHARS = [
  ...Array.from({ length: 0x3093 - 0x3041 + 1 }, (_, i) => String.fromCharCode(0x3041 + i)),
  ...Array.from({ length: 0x200 }, (_, i) => String.fromCharCode(0x4e00 + i)),
];
const word = fc.string({ unit: fc.constantFrom(...CHARS), minLength: 6, maxLength: 16 });
const sentence = fc.array(word, { minLength: 1, maxLength: 3 }).map((ws) => `${ws.join("、")}。`);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((ss) => ss.join(""));
const body = fc.array(paragraph, { minLength: 1, maxLength: 3 }).map((ps) => ps.join("\n\n"));
const AREA_LETTERS = ["A", "B", "C", "D"];
const APPROACH_HEADINGS = ["課題に対する取組み", "課題に向けた取組み", "課題への対応"];

const asOfArb = fc
  .record({
    year: fc.integer({ min: 2020, max: 2040 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    monthEnd: fc.boolean(),
  })
  .map(({ year, month, day, monthEnd }) => {
    const last = daysInMonth(year, month);
    const iso = `${year}-${String(month).padStart(2, "0")}-${String(monthEnd ? last : Math.min(day, last)).padStart(2, "0")}`;
    return { asOf: iso, asOfLabel: `${formatWareki(iso, { precision: monthEnd ? "month-end" : "day" })}時点` };
  });

const challengeDraft = fc.record({
  name: fc.array(word, { minLength: 1, maxLength: 2 }).map((ws) => ws.join("")),
  titleShare: fc.double({ min: 0.6, max: 1, noNaN: true }),
  bullets: fc.array(word, { minLength: 1, maxLength: 3 }),
  content: body,
  background: body,
  approach: body,
  approachHeading: fc.constantFrom(...APPROACH_HEADINGS),
  analysisYear: fc.option(fc.integer({ min: 2019, max: 2035 }), { nil: null }),
  progress: asOfArb,
  progressText: body,
  categoryPick: fc.option(fc.nat(), { nil: null }),
});

type ChallengeDraft = typeof challengeDraft extends fc.Arbitrary<infer T> ? T : never;

const documentDraft = fc.record({
  bureau: word.map((w) => `${w}局`),
  mission: body,
  categories: fc.uniqueArray(word, { minLength: 1, maxLength: 4 }),
  areas: fc.array(fc.array(challengeDraft, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }),
  groups: fc.array(fc.record({ challengePick: fc.nat(), categoryPick: fc.nat() }), { maxLength: 3 }),
});

function toChallenge(d: ChallengeDraft, areaCode: string, number: number, categories: string[]): ChallengeContent {
  return {
    code: `${areaCode}(${number})`,
    areaCode,
    number,
    category: d.categoryPick === null ? null : categories[d.categoryPick % categories.length],
    name: d.name,
    content: d.content,
    background: d.background,
    approachHeading: d.approachHeading,
    approach: d.approach,
    analysisNote: d.analysisYear === null ? null : `※市政変革推進プランに基づき、${formatFiscalYear(d.analysisYear)}に経営分析を行う。`,
    analysisYear: d.analysisYear,
    progress: [{ ...d.progress, text: d.progressText, status: null }],
  };
}

function buildDocument(draft: typeof documentDraft extends fc.Arbitrary<infer T> ? T : never): PolicyDocumentContent {
  const areaCodes = AREA_LETTERS.slice(0, draft.areas.length);
  const drafts = draft.areas.flatMap((list, a) => list.map((d, i) => ({ d, c: toChallenge(d, areaCodes[a], i + 1, draft.categories) })));
  const challenges = drafts.map(({ c }) => c);
  const rows = new Map<string, { item: OverviewItem; area: number }[]>(draft.categories.map((cat) => [cat, []]));
  for (const { d, c } of drafts) {
    if (c.category === null) continue;
    const title = d.name.slice(0, Math.max(4, Math.ceil(d.name.length * d.titleShare)));
    const item: OverviewItem = {
      category: c.category,
      areaCode: c.areaCode,
      challengeCode: c.code,
      title,
      bullets: d.bullets,
      areaInferred: false,
    };
    rows.get(c.category)?.push({ item, area: areaCodes.indexOf(c.areaCode) });
  }
  for (const g of draft.groups) {
    const target = challenges[g.challengePick % challenges.length];
    const category = draft.categories[g.categoryPick % draft.categories.length];
    const row = rows.get(category) ?? [];
    const area = areaCodes.indexOf(target.areaCode);
    // after every item of its own or an earlier column, before the later columns
    const at = row.findIndex((r) => r.area > area);
    const bullet = target.content.split("。")[0];
    // A group whose words also occur in another challenge cannot be placed from the text alone; skip it.
    if (challenges.some((c) => c !== target && [c.name, c.content, c.background, c.approach].join("").includes(bullet))) continue;
    const item: OverviewItem = {
      category,
      areaCode: target.areaCode,
      challengeCode: null,
      title: null,
      bullets: [bullet],
      areaInferred: true,
    };
    row.splice(at < 0 ? row.length : at, 0, { item, area });
  }
  return {
    bureauName: draft.bureau,
    overviewTitle: `${draft.bureau} X方針の概要`,
    title: `局区X方針〈${draft.bureau}〉`,
    missionHeading: "1 組織の使命（どのような役割を担うのか）",
    mission: draft.mission,
    challengesHeading: "2 課題と背景",
    areas: areaCodes.map((code) => ({ code, label: `${code}領域` })),
    categories: draft.categories,
    overview: draft.categories.flatMap((cat) => (rows.get(cat) ?? []).map((r) => r.item)),
    challenges,
  };
}

describe("property: render → parse", () => {
  it("returns the same document, with warnings only", () => {
    fc.assert(
      fc.property(documentDraft.map(buildDocument), (doc) => {
        // Two challenges with the same name leave an overview title ambiguous; random names practically never collide.
        fc.pre(new Set(doc.challenges.map((c) => c.name)).size === doc.challenges.length);
        const back = parsePolicyText(renderPolicyText(doc));
        expect(back.issues.filter((i) => i.severity === "error")).toEqual([]);
        expect(back.document).toEqual(doc);
      }),
      { numRuns: 150 },
    );
  });
});
