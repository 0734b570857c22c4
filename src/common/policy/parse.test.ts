import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { bigramDice, MISSING_CHALLENGE_NAME, parsePolicyText } from "./parse.js";
import type { ParseIssue, ParseResult } from "./types.js";

// The bureau's real 局区方針 (public data, read in place: CONVENTIONS.md says real data is read, not copied).
const SEED_PATH = fileURLToPath(new URL("../../server/modules/policy/demo/sample-policy.txt", import.meta.url));

const codesOf = (issues: ParseIssue[]) => issues.map((i) => i.code);
const errorsOf = (r: ParseResult) => r.issues.filter((i) => i.severity === "error");
const challenge = (r: ParseResult, code: string) => {
  const found = r.document.challenges.find((c) => c.code === code);
  if (!found) throw new Error(`no challenge ${code}`);
  return found;
};

// A fictional bureau, written for these tests: four areas (A–D), its own categories, five challenges,
// other 時点 (月末 and a plain day), a ※経営分析 note for 令和7年度, the ④ heading 課題への対応, full-width and
// half-width brackets, a page break with a page number in the middle of a sentence, and an un-numbered bullet
// group whose wording belongs to C(1).
const TOSHI = `都市戦略局 運営方針の概要

Ａ領域

B領域

C領域

D領域

都市再生

(1)都心部の再開発

- ・民間投資を呼び込む再開発の推進

（１）空き家の利活用

- ・空き家バンクの登録物件の拡大
- ・相談窓口の一本化

- ・自転車通行空間の整備と駐輪場の再配置

交通・移動

(2)公共交通の維持

- ・バス路線の再編と運行補助の見直し

(1)自転車活用の推進

- ・自転車活用推進計画の策定

デジタル

(1)行政手続のオンライン化

- ・主要な手続のオンライン申請の実現

局区運営方針〈都市戦略局〉

１　組織の使命（どのような役割を担うのか）

都市戦略局は、都市の将来像を描き、再開発や交通政策を通じて、まちの魅力を高める役割を担う。

人口減少の中でも持続可能な都市構造を実現する。

２　課題と背景

課題Ａ（１）

① 課題名

都心部における再開発事業の推進と民間投資の誘導

② 課題の内容

都心部では建物の老朽化が進んでいる。

③ 課題の背景

民間投資が郊外に流れている。

④ 課題に対する取組み

容積率の緩和など、再開発を促す制度を活用する。

⑤ 取組みの進捗状況、取組結果（令和7年3月末時点）

再開発準備組合が2地区で設立された。

課題A (2)

① 課題名

持続可能な公共交通ネットワークの維持

② 課題の内容

バス路線の利用者が減少し、路線の維持が困難になっている。

③ 課題の背景

運転士が不足している。

④ 課題への対応

路線の再編と運行補助の見直しを行う。

※市政変革推進プランに基づき、令和7年度に経営分析を行う。

⑤ 取組みの進捗状況、取組結果（令和7年3月末時点）

再編案を事業者と協議した。

課題B（1）

① 課題名

空き家の利活用促進

② 課題の内容

空き家が増加し、地域の防犯や景観に影響が出ている。

③ 課題の背景

所有者が遠方に住んでおり、管理が行き届かない。

④ 課題に向けた取組み

空き家バンクの登録を増やし、相談窓口を一本化する。また、改修費の補助を拡充し、若い世代が住み替えやすい環境を整えるなど、効
\f
- 2 -

果的な利活用を進める。

⑤ 取組みの進捗状況、取組結果（令和7年3月末時点）

空き家バンクの登録が30件増えた。

課題C (1)

① 課題名

自転車活用推進計画の策定と自転車通行空間の整備

② 課題の内容

自転車通行空間が途切れている。

③ 課題の背景

自転車の利用者が増えている一方、事故も増えている。

④ 課題に対する取組み

自転車通行空間の整備と駐輪場の再配置を計画的に行う。

⑤ 取組みの進捗状況、取組結果（令和7年3月末時点）

計画の素案を作成した。

課題Ｄ（１）

① 課題名

行政手続のオンライン化と窓口のデジタル化

② 課題の内容

多くの手続で来庁が必要である。

③ 課題の背景

市民の利便性向上が求められている。

④ 課題に対する取組み

主要な手続のオンライン申請を実現する。

⑤ 取組みの進捗状況、取組結果（令和7年2月15日時点）

50手続をオンライン化した。
`;

describe.runIf(existsSync(SEED_PATH))("parsePolicyText on the Policy Bureau's document (seed)", () => {
  const result = parsePolicyText(existsSync(SEED_PATH) ? readFileSync(SEED_PATH, "utf8") : "");
  const doc = result.document;

  it("reads the titles, the mission and the headings", () => {
    expect(doc.bureauName).toBe("政策局");
    expect(doc.overviewTitle).toBe("政策局 X方針の概要");
    expect(doc.title).toBe("局区X方針〈政策局〉");
    expect(doc.missionHeading).toBe("1 組織の使命（どのような役割を担うのか）");
    expect(doc.challengesHeading).toBe("2 課題と背景");
    const paragraphs = doc.mission.split("\n\n");
    expect(paragraphs).toHaveLength(3);
    expect(paragraphs[0]).toMatch(/^政策局は、新ビジョンで掲げた/);
    expect(paragraphs[2]).toMatch(/「成長と幸福の好循環」を実現する。$/);
  });

  it("reads the areas and the categories of the overview", () => {
    expect(doc.areas).toEqual([
      { code: "A", label: "A領域" },
      { code: "B", label: "B領域" },
      { code: "C", label: "C領域" },
    ]);
    expect(doc.categories).toEqual(["成長戦略", "メガリージョン", "国際", "外郭団体等"]);
  });

  it("finds exactly ten challenges A(1)–A(3), B(1)–B(6), C(1) with every section filled", () => {
    expect(doc.challenges.map((c) => c.code)).toEqual(["A(1)", "A(2)", "A(3)", "B(1)", "B(2)", "B(3)", "B(4)", "B(5)", "B(6)", "C(1)"]);
    for (const c of doc.challenges) {
      for (const field of [c.name, c.content, c.background, c.approach, c.approachHeading]) expect(field, c.code).not.toBe("");
      expect(c.progress, c.code).toHaveLength(1);
      expect(c.progress[0]).toMatchObject({ asOf: "2024-11-30", asOfLabel: "令和6年11月末時点", status: null });
      expect(c.progress[0].text, c.code).not.toBe("");
    }
    expect(challenge(result, "B(1)").name).toBe("特区制度を活用したルールメイキング（規制改革・グレーゾーンの明確化）");
    expect(challenge(result, "B(6)").background.split("\n\n")).toHaveLength(2);
    expect(challenge(result, "B(3)").progress[0].text.split("\n\n")).toHaveLength(3);
  });

  it("keeps the ④ heading as written", () => {
    expect(challenge(result, "A(1)").approachHeading).toBe("課題に対する取組み");
    expect(challenge(result, "B(4)").approachHeading).toBe("課題に向けた取組み");
    expect(challenge(result, "B(5)").approachHeading).toBe("課題への対応");
  });

  it("takes the 経営分析 note out of ④, also when it ends a paragraph (B(5))", () => {
    const notes = Object.fromEntries(doc.challenges.map((c) => [c.code, c.analysisYear]));
    expect(notes).toEqual({
      "A(1)": null,
      "A(2)": null,
      "A(3)": null,
      "B(1)": null,
      "B(2)": 2024,
      "B(3)": null,
      "B(4)": 2025,
      "B(5)": 2024,
      "B(6)": 2026,
      "C(1)": null,
    });
    const b5 = challenge(result, "B(5)");
    expect(b5.analysisNote).toBe("※市政変革推進プランに基づき、令和6年度に経営分析を行う。");
    expect(b5.approach).toBe(
      "令和6年度に各外郭団体の存在意義や時代の変化への対応、求められている役割など、経営分析を行い、北九州市が目指す都市像の実現に向けた変革を中長期スパンで行う。",
    );
    for (const c of doc.challenges) expect(c.approach, c.code).not.toContain("※");
  });

  it("re-joins the sentence of A(3) cut by the page layout", () => {
    expect(challenge(result, "A(3)").approach).toContain(
      "テーマ別ワーキンググループを開催するなど、効率的・効果的な国際関連施策を実施していく。",
    );
    expect(challenge(result, "A(3)").approach.split("\n\n")).toHaveLength(1);
  });

  it("maps every numbered overview item to its challenge, abbreviations included", () => {
    const numbered = doc.overview.filter((o) => o.challengeCode !== null);
    expect(numbered.map((o) => [o.category, o.challengeCode])).toEqual([
      ["成長戦略", "A(1)"],
      ["成長戦略", "B(1)"],
      ["成長戦略", "B(2)"],
      ["成長戦略", "C(1)"],
      ["メガリージョン", "A(2)"],
      ["メガリージョン", "B(3)"],
      ["国際", "A(3)"],
      ["国際", "B(4)"],
      ["外郭団体等", "B(5)"],
      ["外郭団体等", "B(6)"],
    ]);
    const a3 = numbered.find((o) => o.challengeCode === "A(3)");
    expect(a3).toMatchObject({ title: "国際関連施策の庁内情報共有の推進", areaCode: "A", areaInferred: false });
    expect(a3?.bullets).toEqual([
      "市役所内の国際関連施策情報を収集・整理・共有",
      "実効性の高い取組を行うためのテーマ別ワーキンググループの開催",
    ]);
    expect(numbered.find((o) => o.challengeCode === "B(3)")?.bullets).toHaveLength(2);
  });

  it("keeps an un-numbered bullet group as its own item with an inferred area and a warning", () => {
    const groups = doc.overview.filter((o) => o.challengeCode === null);
    expect(groups).toEqual([
      {
        category: "メガリージョン",
        areaCode: "C",
        challengeCode: null,
        title: null,
        bullets: ["各局の施策・事業が効果的に作用するよう、横串機能を発揮"],
        areaInferred: true,
      },
      {
        category: "国際",
        areaCode: "C",
        challengeCode: null,
        title: null,
        bullets: ["政策局職員の政策立案能力の向上及び市長公室とも連携しながら横串機能を強化"],
        areaInferred: true,
      },
    ]);
    expect(result.issues).toEqual([
      expect.objectContaining({ severity: "warning", code: "inferred_area", line: 40 }),
      expect.objectContaining({ severity: "warning", code: "inferred_area", line: 53 }),
    ]);
  });

  it("gives each challenge the category of the overview row it sits in", () => {
    const categories = Object.fromEntries(doc.challenges.map((c) => [c.code, c.category]));
    expect(categories).toEqual({
      "A(1)": "成長戦略",
      "A(2)": "メガリージョン",
      "A(3)": "国際",
      "B(1)": "成長戦略",
      "B(2)": "成長戦略",
      "B(3)": "メガリージョン",
      "B(4)": "国際",
      "B(5)": "外郭団体等",
      "B(6)": "外郭団体等",
      "C(1)": "成長戦略",
    });
  });
});

describe("parsePolicyText on another bureau's document", () => {
  const result = parsePolicyText(TOSHI);
  const doc = result.document;

  it("reads its own bureau, areas, categories and count", () => {
    expect(doc.bureauName).toBe("都市戦略局");
    expect(doc.overviewTitle).toBe("都市戦略局 運営方針の概要");
    expect(doc.title).toBe("局区運営方針〈都市戦略局〉");
    expect(doc.missionHeading).toBe("１　組織の使命（どのような役割を担うのか）");
    expect(doc.mission.split("\n\n")).toHaveLength(2);
    expect(doc.areas.map((a) => [a.code, a.label])).toEqual([
      ["A", "Ａ領域"],
      ["B", "B領域"],
      ["C", "C領域"],
      ["D", "D領域"],
    ]);
    expect(doc.categories).toEqual(["都市再生", "交通・移動", "デジタル"]);
    expect(doc.challenges.map((c) => c.code)).toEqual(["A(1)", "A(2)", "B(1)", "C(1)", "D(1)"]);
    expect(errorsOf(result)).toEqual([]);
  });

  it("reads its 時点, month-end and plain day alike", () => {
    expect(challenge(result, "A(1)").progress[0]).toMatchObject({ asOf: "2025-03-31", asOfLabel: "令和7年3月末時点" });
    expect(challenge(result, "D(1)").progress[0]).toMatchObject({ asOf: "2025-02-15", asOfLabel: "令和7年2月15日時点" });
  });

  it("maps its overview by number, column order and title similarity", () => {
    expect(doc.overview.map((o) => [o.category, o.areaCode, o.challengeCode, o.areaInferred])).toEqual([
      ["都市再生", "A", "A(1)", false],
      ["都市再生", "B", "B(1)", false],
      ["都市再生", "C", null, true],
      ["交通・移動", "A", "A(2)", false],
      // (1) after A(2) could be B(1), C(1) or D(1): the title decides.
      ["交通・移動", "C", "C(1)", false],
      ["デジタル", "D", "D(1)", false],
    ]);
    expect(doc.challenges.map((c) => c.category)).toEqual(["都市再生", "交通・移動", "都市再生", "交通・移動", "デジタル"]);
    expect(codesOf(result.issues)).toEqual(["inferred_area"]);
  });

  it("reads full-width codes, the note, the ④ variants and the page-broken sentence", () => {
    expect(challenge(result, "A(2)")).toMatchObject({
      approachHeading: "課題への対応",
      analysisYear: 2025,
      approach: "路線の再編と運行補助の見直しを行う。",
    });
    expect(challenge(result, "B(1)").approachHeading).toBe("課題に向けた取組み");
    expect(challenge(result, "B(1)").approach).toBe(
      "空き家バンクの登録を増やし、相談窓口を一本化する。また、改修費の補助を拡充し、若い世代が住み替えやすい環境を整えるなど、効果的な利活用を進める。",
    );
  });
});

describe("robustness", () => {
  it.each(["課題に対する取組み", "課題に向けた取組み", "課題への対応"])("accepts ④ %s without an issue", (heading) => {
    const r = parsePolicyText(TOSHI.replace("④ 課題に対する取組み\n\n容積率", `④ ${heading}\n\n容積率`));
    expect(challenge(r, "A(1)").approachHeading).toBe(heading);
    expect(challenge(r, "A(1)").approach).toBe("容積率の緩和など、再開発を促す制度を活用する。");
    expect(errorsOf(r)).toEqual([]);
  });

  it.each(["課題A（1）", "課題A (1)", "課題A(1)", "課題Ａ（１）", "課題 A （ 1 ）", "課題Ａ　（１）"])(
    "reads the challenge heading %s",
    (heading) => {
      const r = parsePolicyText(TOSHI.replace("課題Ａ（１）", heading));
      expect(r.document.challenges[0]).toMatchObject({ code: "A(1)", areaCode: "A", number: 1 });
      expect(errorsOf(r)).toEqual([]);
    },
  );

  it("drops form feeds and page-number lines and re-joins the cut paragraph", () => {
    const broken = TOSHI.replace(
      "民間投資が郊外に流れている。",
      "民間投資が郊外に流れ\n\n3 / 12\n\fている。\n\n－ ４ －\n\n地価も下がっている。",
    );
    const r = parsePolicyText(broken);
    expect(challenge(r, "A(1)").background).toBe("民間投資が郊外に流れている。\n\n地価も下がっている。");
    expect(errorsOf(r)).toEqual([]);
  });

  it("does not join a cut paragraph to a following list item", () => {
    const r = parsePolicyText(TOSHI.replace("民間投資が郊外に流れている。", "主な要因は次のとおり\n\n・地価の差\n・交通の便"));
    expect(challenge(r, "A(1)").background).toBe("主な要因は次のとおり\n\n・地価の差\n・交通の便");
  });

  it("issue 12: reports a missing section as a warning by challenge and section, with the line", () => {
    const r = parsePolicyText(TOSHI.replace("③ 課題の背景\n\n運転士が不足している。\n\n", ""));
    const issue = r.issues.find((i) => i.code === "missing_section");
    expect(issue).toMatchObject({
      severity: "warning",
      challengeCode: "A(2)",
      message: "課題A(2)に「③ 課題の背景」がありません（空欄のまま取り込みます）",
    });
    expect(issue?.line).toBe(TOSHI.split("\n").indexOf("課題A (2)") + 1);
    expect(challenge(r, "A(2)").background).toBe("");
    expect(errorsOf(r)).toEqual([]);
  });

  it("issue 12: a challenge missing any one of ①–⑤ is read with the gap as a warning, not an error (a draft)", () => {
    const d1 = (section: string) => new RegExp(`${section} [^\\n]*\\n\\n[^\\n]*\\n\\n`);
    const cases: [string, RegExp, (c: ReturnType<typeof challenge>) => unknown, unknown][] = [
      ["①", d1("①"), (c) => c.name, MISSING_CHALLENGE_NAME],
      ["②", d1("②"), (c) => c.content, ""],
      ["③", d1("③"), (c) => c.background, ""],
      ["④", d1("④"), (c) => c.approach, ""],
      ["⑤", /⑤ [^\n]*\n\n[^\n]*\n?$/, (c) => c.progress, []],
    ];
    const start = TOSHI.indexOf("課題Ｄ（１）");
    for (const [section, re, field, expected] of cases) {
      const text = TOSHI.slice(0, start) + TOSHI.slice(start).replace(re, "");
      expect(text, section).not.toBe(TOSHI);
      const r = parsePolicyText(text);
      expect(errorsOf(r), section).toEqual([]);
      expect(r.issues, section).toContainEqual(
        expect.objectContaining({ severity: "warning", code: "missing_section", challengeCode: "D(1)" }),
      );
      expect(field(challenge(r, "D(1)")), section).toEqual(expected);
      expect(r.document.challenges, section).toHaveLength(5);
    }
  });

  it("issue 12: reads sections by their words when Word's own numbering shifted them after a missing one", () => {
    // Word numbers ①–⑤ itself: without ③, the ④ heading shows as ③ and the ⑤ heading as ④.
    const shifted = TOSHI.replace("③ 課題の背景\n\n市民の利便性向上が求められている。\n\n", "")
      .replace("④ 課題に対する取組み\n\n主要な", "③ 課題に対する取組み\n\n主要な")
      .replace("⑤ 取組みの進捗状況、取組結果（令和7年2月15日時点）", "④ 取組みの進捗状況、取組結果（令和7年2月15日時点）");
    const r = parsePolicyText(shifted);
    expect(errorsOf(r)).toEqual([]);
    const d1 = challenge(r, "D(1)");
    expect(d1.background).toBe("");
    expect(d1.approach).toBe("主要な手続のオンライン申請を実現する。");
    expect(d1.progress).toEqual([
      { asOf: "2025-02-15", asOfLabel: "令和7年2月15日時点", text: "50手続をオンライン化した。", status: null },
    ]);
    expect(r.issues.filter((i) => i.challengeCode === "D(1)").map((i) => [i.severity, i.code])).toEqual([
      ["warning", "missing_section"],
      ["warning", "section_renumbered"],
      ["warning", "section_renumbered"],
    ]);
    expect(r.issues.find((i) => i.code === "section_renumbered")?.message).toBe(
      "課題D(1)の「③ 課題に対する取組み」は見出しの言葉から「④ 課題に対する取組み」として読みました（番号が見出しと合いません。前の項目が抜けていませんか）",
    );
  });

  it("issue 12: an empty section is a warning too; an empty ⑤ records no progress entry", () => {
    const emptyContent = parsePolicyText(TOSHI.replace("② 課題の内容\n\n多くの手続で来庁が必要である。\n\n", "② 課題の内容\n\n"));
    expect(errorsOf(emptyContent)).toEqual([]);
    expect(emptyContent.issues).toContainEqual(
      expect.objectContaining({ severity: "warning", code: "empty_section", challengeCode: "D(1)" }),
    );
    const emptyProgress = parsePolicyText(TOSHI.replace(/（令和7年2月15日時点）\n\n50手続をオンライン化した。\n/, "\n"));
    expect(errorsOf(emptyProgress)).toEqual([]);
    expect(challenge(emptyProgress, "D(1)").progress).toEqual([]);
  });

  it("reports a missing ⑤ and a missing 時点", () => {
    const noProgress = parsePolicyText(TOSHI.replace(/⑤ [^\n]*令和7年2月15日時点）\n\n50手続をオンライン化した。\n/, ""));
    expect(noProgress.issues).toContainEqual(
      expect.objectContaining({ severity: "warning", code: "missing_section", challengeCode: "D(1)" }),
    );
    const noDate = parsePolicyText(TOSHI.replace("（令和7年2月15日時点）", ""));
    expect(noDate.issues).toContainEqual(expect.objectContaining({ severity: "error", code: "missing_as_of", challengeCode: "D(1)" }));
    const badDate = parsePolicyText(TOSHI.replace("令和7年2月15日時点", "令和7年2月30日時点"));
    expect(badDate.issues).toContainEqual(expect.objectContaining({ severity: "error", code: "invalid_as_of", challengeCode: "D(1)" }));
    // the text is kept so that nothing is lost while the error is shown
    expect(challenge(badDate, "D(1)").progress[0].text).toBe("50手続をオンライン化した。");
  });

  it("reports an extra section without merging its text into ⑤", () => {
    const r = parsePolicyText(TOSHI.replace("50手続をオンライン化した。\n", "50手続をオンライン化した。\n\n⑥ その他\n\n特記事項なし。\n"));
    expect(r.issues).toContainEqual(expect.objectContaining({ severity: "error", code: "extra_section", challengeCode: "D(1)" }));
    expect(challenge(r, "D(1)").progress[0].text).toBe("50手続をオンライン化した。");
  });

  it("reports a duplicated section and a duplicated challenge code", () => {
    const dupSection = parsePolicyText(
      TOSHI.replace("② 課題の内容\n\n多くの手続で", "② 課題の内容\n\n来庁が必要。\n\n② 課題の内容\n\n多くの手続で"),
    );
    expect(dupSection.issues).toContainEqual(
      expect.objectContaining({ severity: "error", code: "duplicate_section", challengeCode: "D(1)" }),
    );
    const dupChallenge = parsePolicyText(TOSHI.replace("課題Ｄ（１）", "課題C（1）"));
    expect(dupChallenge.issues).toContainEqual(
      expect.objectContaining({ severity: "error", code: "duplicate_challenge", challengeCode: "C(1)" }),
    );
    expect(dupChallenge.document.challenges).toHaveLength(5);
  });

  it("does not take a numbered sentence in the body for a section heading", () => {
    const r = parsePolicyText(TOSHI.replace("計画の素案を作成した。", "①計画の素案を作成した。\n②説明会を開いた。"));
    expect(challenge(r, "C(1)").progress[0].text).toBe("①計画の素案を作成した。\n②説明会を開いた。");
    expect(errorsOf(r)).toEqual([]);
  });

  it("warns when an overview item has no challenge or a challenge is not in the overview", () => {
    const r = parsePolicyText(TOSHI.replace("(1)行政手続のオンライン化", "(3)行政手続のオンライン化"));
    expect(r.issues).toContainEqual(expect.objectContaining({ severity: "error", code: "unmatched_overview_item" }));
    expect(r.issues).toContainEqual(expect.objectContaining({ severity: "warning", code: "not_in_overview", challengeCode: "D(1)" }));
    expect(challenge(r, "D(1)").category).toBeNull();
  });

  it("keeps an overview bullet run together across a page break", () => {
    const r = parsePolicyText(TOSHI.replace("- ・空き家バンクの登録物件の拡大\n", "- ・空き家バンクの登録物件の拡大\n\n- 1 -\n\f\n"));
    const b1 = r.document.overview.find((o) => o.challengeCode === "B(1)");
    expect(b1?.bullets).toEqual(["空き家バンクの登録物件の拡大", "相談窓口の一本化"]);
    expect(r.document.overview).toHaveLength(6);
  });

  it("continues an overview title or bullet wrapped onto the next line", () => {
    const r = parsePolicyText(
      TOSHI.replace("(1)都心部の再開発\n", "(1)都心部の\n再開発\n").replace("- ・相談窓口の一本化", "- ・相談窓口の\n一本化"),
    );
    expect(r.document.overview[0].title).toBe("都心部の再開発");
    expect(r.document.overview[1].bullets).toEqual(["空き家バンクの登録物件の拡大", "相談窓口の一本化"]);
    expect(r.document.categories).toEqual(["都市再生", "交通・移動", "デジタル"]);
  });

  it("accepts Windows line endings and a byte-order mark", () => {
    const r = parsePolicyText(`\uFEFF${TOSHI.replace(/\n/g, "\r\n")}`);
    expect(r.document.challenges).toHaveLength(5);
    expect(errorsOf(r)).toEqual([]);
  });

  it("reports a text that is no 局区方針 at all instead of throwing", () => {
    const r = parsePolicyText("お知らせ\n\n本日は休館日です。");
    expect(codesOf(errorsOf(r))).toEqual(expect.arrayContaining(["missing_challenges", "missing_heading"]));
    expect(r.document.challenges).toEqual([]);
  });
});

describe("bigramDice", () => {
  it("scores abbreviations above unrelated titles", () => {
    const name = "国際関連施策を効果的に展開するための庁内情報共有の促進";
    expect(bigramDice("国際関連施策の庁内情報共有の推進", name)).toBeGreaterThan(bigramDice("広域連携事業の推進", name) + 0.3);
    expect(bigramDice("同じ", "同じ")).toBe(1);
    expect(bigramDice("", "")).toBe(0);
  });
});
