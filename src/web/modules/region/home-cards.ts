// The cards of the region home page, one per staff page of the module (each part of the module adds its own lines);
// a card shows only when its page is registered and the signed-in person is a region manager where `managers` says so.
export interface HomeCard {
  href: string;
  label: string;
  description: string;
}

export const REGION_HOME_CARDS: readonly HomeCard[] = [
  {
    href: "/public/region",
    label: "情報ハブ（公開ページ）",
    description: "市民・来訪者向けの公開ページ。検索、地図、イベントカレンダー、英語ページ。",
  },
];
