// Japanese text of the 国際 地図 and 集計 pages (the world map of partner cities and the totals per 分野・局・相手先),
// in one place so that it can be reviewed as a whole. The rest of the module's text is in messages.ts.
import { PARTNER_RELATION_LABELS, type PartnerRelation } from "../../../common/api/international";
import { formatYen } from "../../../common/furusato/rules";

const count = (n: number) => `${n.toLocaleString("ja-JP")}件`;

export const mm = {
  moduleName: "国際",
  dash: "—",
  count,
  yen: (n: number) => formatYen(n),
  fiscalYear: "年度",
  allYears: "全期間",

  map: {
    title: "相手先の地図",
    intro: "相手先の都市・機関を地図に示します。点の大きさは事業数と出張数の合計、色は本市との関係です。点を選ぶと相手先の年表を開きます。",
    worldLabel: (n: number) => `世界地図：地図上の相手先 ${n}か所`,
    insetTitle: "東アジアの拡大図",
    insetLabel: (n: number) => `東アジアの拡大図：相手先 ${n}か所`,
    insetNote: "東アジアの相手先は右の拡大図で選べます（世界地図の破線の枠）。",
    pointLabel: (p: { label: string; country: string; relation: PartnerRelation; projects: number; trips: number }) =>
      `${p.label}（${p.country}・${PARTNER_RELATION_LABELS[p.relation]}）事業${p.projects}件・出張${p.trips}件`,
    legendTitle: "凡例",
    legendSize: "点の大きさ：事業数＋出張数",
    legendSmall: "1件",
    legendLarge: "10件",
    tableCaption: (year: string) => `相手先ごとの事業数・出張数（${year}）`,
    partner: "相手先",
    country: "国",
    relation: "関係",
    projects: "事業数",
    trips: "出張数",
    empty: "位置の分かる相手先がありません。",
    unplaced: (n: number) =>
      `位置（緯度・経度）が登録されていない相手先が${n}件あり、地図には載っていません。相手先の一覧で位置を登録できます。`,
    attribution: "地図：Natural Earth（world-atlas 110m）",
    keyboard: "Tabキーで点を順に選び、Enterキーで相手先の年表を開きます。",
  },

  totals: {
    title: "国際の集計",
    intro: "選んだ年度に実施中の事業の件数・予算額・決算額と、その年度に出発した出張の数を、分野・局・相手先ごとに集計します。",
    tabsLabel: "集計の切り口",
    by: { field: "分野別", bureau: "局別", partner: "相手先別" } as const,
    keyHeading: { field: "分野", bureau: "局", partner: "相手先" } as const,
    measureLabel: "グラフに示す値",
    measureMoney: "予算額・決算額",
    measureCounts: "件数・出張数",
    projects: "件数",
    budget: "予算額",
    settled: "決算額",
    trips: "出張数",
    total: "合計",
    chartLabel: (by: string, year: string, what: string) => `${year}の${by}の${what}（棒グラフ。同じ値を下の表に示します）`,
    tableCaption: (by: string, year: string) => `${year}の${by}集計`,
    empty: "この年度に実施中の事業・出張はありません。",
    notes: [
      "件数：その年度に実施中の事業（開始年度 ≦ 年度 ≦ 終了年度。終了年度が未定なら継続中）。",
      "予算額・決算額：実施中の事業のその年度の金額（財源の合計）。決算が未入力のものは0円として数えます。",
      "出張数：その年度（4月〜翌年3月）に出発した出張（中止を除く）。分野別・局別はその事業に結び付いた出張、相手先別はその相手先を訪問した出張です。",
      "相手先別では、複数の相手先と行う事業はそれぞれの相手先に数えるため、合計は分野別・局別と一致しません。",
    ],
  },
};
