// Japanese text shared by the region screens (the module's name, its home, the public pages' titles). Each part of
// the module keeps its own screens' text in its own messages file beside them (curationMessages.ts …).
export const rgm = {
  moduleName: "広域連携",
  hubName: "北九州都市圏域 情報ハブ",
  hubNameEn: "Kitakyushu Metropolitan Region Hub",
  sample: "サンプル",
  dash: "—",
  count: (n: number) => `${n.toLocaleString("ja-JP")}件`,
  home: {
    title: "広域連携",
    intro:
      "関門連携・福北連携・北九州都市圏域（連携中枢都市圏・18市町）との連携：枠組みと連携事業、連携事業の候補、負担金の算定、会議と宿題。北九州都市圏域の情報ハブ：市町のオープンデータの取込、掲載情報の確認・翻訳・公開、公開ページ、オープンデータの出力、アクセス解析とプロモーション。",
  },
  // the public pages' titles (each page's h1) and one-line descriptions for the public home page
  publicPages: {
    hub: {
      title: "北九州都市圏域 情報ハブ",
      description: "18市町の観光施設・イベント・公共施設などを、市町・種類・日付・場所で探せます。地図とイベントカレンダーもあります。",
    },
    english: {
      title: "Kitakyushu Metropolitan Region Hub (English)",
      description: "Sights, events and facilities of the 18 cities and towns of the Kitakyushu region, in English.",
    },
    privacy: {
      title: "外部送信について（北九州都市圏域 情報ハブ）",
      description: "情報ハブは利用者の情報を第三者に送信していません。アクセス数の数え方（Cookieを使わない方法）を説明します。",
    },
    opendata: {
      title: "オープンデータ一覧（北九州都市圏域 情報ハブ）",
      description:
        "18市町の観光施設・イベント・公共施設などを、自治体標準オープンデータセットのCSV（UTF-8・Shift_JIS）とCKAN互換のAPIで提供しています。",
    },
  },
};
