// Japanese text shared by the SDGs screens (the module's name, its menu). Each part of the module keeps its own
// screens' text in its own messages file beside them (roundMessages.ts, applicationMessages.ts …).
export const sm = {
  moduleName: "SDGs",
  programmeName: "北九州市サステナブル経営認証",
  stationName: "SDGsステーション",
  sample: "サンプル",
  dash: "—",
  count: (n: number) => `${n.toLocaleString("ja-JP")}件`,
  companies: (n: number) => `${n.toLocaleString("ja-JP")}社`,
  nav: {
    label: "SDGsのメニュー",
    home: "概要",
  },
  home: {
    title: "SDGs",
    intro:
      "北九州市サステナブル経営認証（募集・申請・審査・認証・公開・金融連携）と SDGsステーション（相談・マッチング・情報発信）を扱います。",
  },
};
