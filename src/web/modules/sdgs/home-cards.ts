// The cards of the SDGs home page, one per staff page of the module (each part of the module adds its own line).
export interface HomeCard {
  href: string;
  label: string;
  description: string;
}

export const SDGS_HOME_CARDS: readonly HomeCard[] = [
  {
    href: "/sdgs/station",
    label: "SDGsステーション",
    description: "相談の記録、マッチング、イベント・お知らせの発信、統計（相談1件あたりの経費、Excel出力）。",
  },
  {
    href: "/sdgs/station/statistics",
    label: "SDGsステーションの統計",
    description: "年度ごとの月別・内容別・結果別の相談件数、マッチングの成立件数、年間経費と相談1件あたりの経費。",
  },
  {
    href: "/sdgs/rounds",
    label: "募集回と審査基準",
    description: "募集回ごとの受付期間、申請要件・チェックシート・認証区分などの審査基準。新しい募集回の作成と一括採点。",
  },
  {
    href: "/sdgs/applications",
    label: "認証の申請（要件確認）",
    description: "提出された申請の要件確認、差戻し、書類審査への回付。自己評価と審査点、審査員の採点・ヒアリングの記録。",
  },
  {
    href: "/sdgs/committee",
    label: "審査会",
    description: "審査会の記録と議事録、審査会待ちの申請の決定（認証区分または不認証）。決定で認証番号と有効期間を付与。",
  },
  {
    href: "/sdgs/certifications",
    label: "認証企業",
    description:
      "認証の一覧と詳細（有効・報告期限超過・期限間近・更新済み・期限切れ・取消し）、取組状況の報告、認証書・通知書のPDF、取消し。",
  },
  { href: "/sdgs/reviewers", label: "審査員", description: "書類審査・ヒアリングを行う審査員（外部有識者・職員）の登録と有効/無効。" },
  {
    href: "/sdgs/dashboard",
    label: "ダッシュボード",
    description: "認証企業数、申請の状況、金融連携の件数と金額帯の合計、資金を得た認証企業の割合。",
  },
  {
    href: "/sdgs/finance",
    label: "金融連携",
    description: "提携金融機関が登録した融資等の一覧（金融機関・認証区分・年度で絞り込み）。",
  },
  {
    href: "/sdgs/banks",
    label: "提携金融機関",
    description: "金融機関の登録と有効/無効。金融機関のログインは管理者が作成します。",
  },
  {
    href: "/public/sdgs",
    label: "認証企業一覧（公開ページ）",
    description: "市民・金融機関向けの公開ページ。オープンデータ（CSV）と認証の確認。",
  },
  {
    href: "/sdgs/companies",
    label: "登録企業",
    description: "アカウントを登録した申請企業の一覧と詳細（申請・認証の履歴）。所管局は連絡先の確認・CSV出力・ログインの追加。",
  },
  {
    href: "/sdgs/invitations",
    label: "旧登録者の招待",
    description: "旧北九州SDGs登録制度の登録者をCSV・Excelで取り込み、アカウント登録の招待リンクを発行（所管局）。",
  },
];
