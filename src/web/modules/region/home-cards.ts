// The cards of the region home page, one per staff page of the module (each part of the module adds its own lines);
// a card shows only when its page is registered and the signed-in person is a region manager where `managers` says so.
export interface HomeCard {
  href: string;
  label: string;
  description: string;
}

export const REGION_HOME_CARDS: readonly HomeCard[] = [
  {
    href: "/region/frameworks",
    label: "連携の枠組み",
    description: "関門連携・福北連携・北九州都市圏域（連携中枢都市圏）の構成団体、協定・宣言と文書、連携事業、会議。",
  },
  {
    href: "/region/projects",
    label: "連携事業",
    description: "連携事業の状態（構想→協議中→合意→実施中→終了）と滞留日数、年度別の予算と財源、指標、庁内調整、年次報告。Excel・PDF出力。",
  },
  {
    href: "/region/candidates",
    label: "連携事業の候補",
    description:
      "各局・課から集めた連携事業の候補を段階（提案受付→部門と意見交換→相手自治体と協議→予算協議→事業化・見送り）ごとに表示。段階ごとの日数と滞留、提案の受付。",
  },
  {
    href: "/region/cost-shares",
    label: "負担金",
    description:
      "連携事業の負担金の算定ルール（均等割・人口割・実績割・基準財政需要額割など、版ごと）、算定表（PDF・Excel）、ルールの比較（what-if）。",
  },
  {
    href: "/meetings",
    label: "会議",
    description:
      "関門トップ会談・部課長会議・市町との担当者会議などの記録（出席者・議題・資料・議事録・決定事項）と、宿題の担当・期限・完了。",
  },
  {
    href: "/public/region",
    label: "情報ハブ（公開ページ）",
    description: "市民・来訪者向けの公開ページ。検索、地図、イベントカレンダー、英語ページ。",
  },
  {
    href: "/region/items",
    label: "掲載情報",
    description: "市町のオープンデータから取り込んだ情報と手入力の情報の確認・英語への翻訳・公開、広域のおすすめ。CSV出力。",
  },
  {
    href: "/region/imports",
    label: "オープンデータの取込",
    description: "市町の自治体標準オープンデータセット（CSV）の取込。文字コードと見出しの世代を判別し、同じIDは更新。取込の履歴。",
  },
  {
    href: "/region/problems",
    label: "取込の保留行",
    description: "取込で取り込めなかった行（緯度・経度の入れ替わり、日付の誤りなど）の修正と除外。",
  },
  {
    href: "/region/municipalities",
    label: "連携市町",
    description: "18市町の団体コード・ふりがな・英語名・区分・郡・連携協約の締結日、最新の人口、市町の編集者。一括登録とExcel出力。",
  },
  {
    href: "/region/populations",
    label: "市町の人口",
    description: "基準（国勢調査・住民基本台帳・推計人口）と基準日ごとの市町別人口、圏域の合計と割合、未登録の市町。一括登録と出力。",
  },
  {
    href: "/region/opendata",
    label: "オープンデータの出力",
    description:
      "データセットを自治体標準オープンデータセット（正式版）の列順のCSV（UTF-8・Shift_JIS）で出力。市町×データセットの件数、ライセンス。",
  },
  {
    href: "/region/analytics",
    label: "アクセス解析",
    description:
      "公開ページの訪問数・訪問者数（Cookieなし）の日別推移、ページ・市町・掲載情報・参照元・プロモーション・言語別。Excel・CSV出力。",
  },
  {
    href: "/region/campaigns",
    label: "プロモーション",
    description: "SNS・動画・広告などのプロモーションと費用、媒体の実績値、タグ付きリンク。年度・媒体をまたいだ費用対効果の比較。",
  },
];
