// Japanese text of the 経営分析 comparison table (/analysis/comparison) and the report download buttons.

const num = (n: number) => n.toLocaleString("ja-JP");

export const rpm = {
  moduleName: "経営分析",
  dash: "—",
  comparison: {
    title: "経営分析の比較表",
    crumb: "比較表",
    intro:
      "同じ年度に経営分析を行った対象を並べて比べます。指標は、その年度までで数値のある最新の年度の値です。数値が欠けているところは「—」で示し、0とはしません（「—」にマウスを重ねると理由が表示されます）。",
    fiscalYear: "分析の年度",
    noYears: "まだ経営分析がありません。対象のページから「経営分析を始める」で始めてください。",
    empty: (year: string) => `${year}に経営分析を行った対象はありません。`,
    caption: (year: string, n: number) => `${year}に経営分析を行った対象（${num(n)}件）`,
    downloadXlsx: "Excelで出力",
    name: "対象・所管",
    affiliate: "外郭団体／政策連携団体",
    /** 所管：国際政策課（政策局） */
    leadLine: (lead: string | null, bureau: string | null) => `所管：${lead ?? "—"}${bureau && bureau !== lead ? `（${bureau}）` : ""}`,
    indicatorYear: "指標の年度",
    indicatorYearMissing: "この年度までの数値が未入力です",
    assessments: "視点ごとの評価",
    counts: (adequate: number, issue: number, improve: number) => `計：適切${num(adequate)}・課題あり${num(issue)}・要改善${num(improve)}`,
    noFinding: "所見なし",
    option: "決定",
    undecided: "未決定",
    actions: "今後の取組",
    actionsOpen: (n: number) => `未完了 ${num(n)}件`,
    actionsDone: (n: number) => `完了 ${num(n)}件`,
    legend:
      "市への依存度＝市財政への依存度（市からの収入÷収入合計）、単位あたり経費＝活動指標1単位あたりの経費、築年数＝施設の平均築年数（年度末時点）。指標の「—」は数値が欠けていることを示し、0ではありません。",
    costBasis: (label: string) => `基準：${label}`,
    /** the label the server gives 単位あたりの経費 of a subject without a cost-basis measure */
    costPerUnitLabel: "単位あたりの経費",
    // short headings (the full names are in the page's legend), so that the table fits the page
    headers: {
      dependency: "市への依存度",
      selfRevenue: "自主財源比率",
      personnel: "人件費比率",
      costPerUnit: "単位あたり経費",
      facilityAge: "築年数",
    },
  },
  report: {
    heading: "経営分析報告書",
    pdf: "報告書（PDF）",
    docx: "報告書（Word）",
    help: "対象の概要、数値、指標の推移と比較団体のグラフ、視点ごとの所見、方向性と決定、今後の取組をまとめた報告書を出力します。",
  },
};
