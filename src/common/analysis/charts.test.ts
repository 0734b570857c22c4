import { describe, expect, it } from "vitest";
import { escapeXml, peerChartSvg, shortFiscalYear, trendChartSvg } from "./charts";

const circles = (svg: string) =>
  [...svg.matchAll(/<circle[^>]*data-fiscal-year="(\d+)" data-value="([^"]+)"/g)].map((m) => ({ fy: Number(m[1]), value: Number(m[2]) }));
const paths = (svg: string) => [...svg.matchAll(/<path d="([^"]+)"/g)].map((m) => m[1] as string);

describe("trendChartSvg", () => {
  it("breaks the line at a missing year instead of drawing it at 0", () => {
    const svg = trendChartSvg({
      title: "市財政への依存度",
      unit: "%",
      series: [
        {
          name: "北九州市立大学",
          emphasis: true,
          points: [
            { fiscalYear: 2020, value: 30 },
            { fiscalYear: 2021, value: 32 },
            { fiscalYear: 2022, value: null },
            { fiscalYear: 2023, value: 31 },
            { fiscalYear: 2024, value: 29 },
          ],
        },
      ],
    });
    // a point per known value, none for 2022
    expect(circles(svg).map((c) => c.fy)).toEqual([2020, 2021, 2023, 2024]);
    expect(circles(svg).some((c) => c.value === 0)).toBe(false);
    // two separate lines (2020–21 and 2023–24), never one through the missing year
    const lines = paths(svg);
    expect(lines).toHaveLength(2);
    expect(lines.every((d) => (d.match(/[ML]/g) ?? []).length === 2)).toBe(true);
    // the axis names the years in 和暦, the missing one too
    for (const label of ["R2", "R3", "R4", "R5", "R6"]) expect(svg).toContain(`>${label}</text>`);
    expect(svg).toContain("令和2年度");
    expect(svg).not.toMatch(/>2022</);
  });

  it("draws a point where the value is a real 0", () => {
    const svg = trendChartSvg({
      title: "収支差",
      unit: "円",
      series: [
        {
          name: "A",
          points: [
            { fiscalYear: 2023, value: 0 },
            { fiscalYear: 2024, value: 1000 },
          ],
        },
      ],
    });
    expect(circles(svg)).toEqual([
      { fy: 2023, value: 0 },
      { fy: 2024, value: 1000 },
    ]);
  });

  it("escapes names and titles for XML", () => {
    const svg = trendChartSvg({
      title: `<script>alert("x")</script>`,
      unit: "人",
      series: [{ name: `A&B "大学" <peer>`, points: [{ fiscalYear: 2024, value: 3 }] }],
    });
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(svg).toContain("A&amp;B &quot;大学&quot; &lt;peer&gt;");
  });

  it("says データなし when no series has a value", () => {
    const svg = trendChartSvg({ title: "t", unit: "%", series: [{ name: "A", points: [{ fiscalYear: 2024, value: null }] }] });
    expect(svg).toContain("データなし");
    expect(circles(svg)).toEqual([]);
  });

  it("writes large yen amounts in 百万円", () => {
    const svg = trendChartSvg({
      title: "収入合計",
      unit: "円",
      series: [{ name: "A", points: [{ fiscalYear: 2024, value: 3_200_000_000 }] }],
    });
    expect(svg).toContain("単位: 百万円");
  });
});

describe("peerChartSvg", () => {
  it("shows a body without a value as データなし, with no bar", () => {
    const svg = peerChartSvg({
      title: "自主財源比率",
      unit: "%",
      fiscalYear: 2024,
      bars: [
        { name: "北九州市立大学", value: 60, isSubject: true },
        { name: "横浜市立大学", value: null, isSubject: false },
        { name: "大阪公立大学", value: 0, isSubject: false },
      ],
    });
    expect(svg.match(/<rect x=/g)?.length).toBe(1 + 2); // background + two bars (60 and a real 0)
    expect(svg).toMatch(/data-bar="横浜市立大学" data-missing="true"/);
    expect(svg).toContain("データなし");
    expect(svg).toContain("自主財源比率（令和6年度）");
    expect(svg).toContain('font-weight="bold">北九州市立大学</text>');
  });

  it("escapes names", () => {
    const svg = peerChartSvg({ title: "t", unit: "円", fiscalYear: 2024, bars: [{ name: "<b>&", value: 1, isSubject: false }] });
    expect(svg).toContain("&lt;b&gt;&amp;");
    expect(svg).not.toContain("<b>");
  });
});

describe("helpers", () => {
  it("labels fiscal years in short 和暦", () => {
    expect(shortFiscalYear(2024)).toBe("R6");
    expect(shortFiscalYear(2019)).toBe("R1");
    expect(shortFiscalYear(2018)).toBe("H30");
  });
  it("escapes the five XML characters", () => {
    expect(escapeXml(`&<>"'`)).toBe("&amp;&lt;&gt;&quot;&apos;");
  });
});
