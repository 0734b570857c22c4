// Japanese text of the staff picker (出張者・担当者を職員から選ぶ) and of 「旅費の基準額で計算」 in the trip form, in one
// place for review.
export const sm = {
  picker: {
    noMatch: "該当する職員がいません（氏名かログインIDの一部で探せます）。",
    searching: "職員を探しています…",
    count: (n: number) => `${n}人の候補があります。上下の矢印キーで選び、Enterで決定します。`,
    failed: "職員を検索できませんでした。時間をおいてもう一度入力してください。",
    linked: "職員",
    linkedTitle: "職員と紐づけ済み",
  },
  traveller: {
    help: "氏名かログインIDの一部で職員を探して選びます。職員以外は氏名をそのまま入力します（外部の同行者は「外部同行者」へ）。",
  },
  action: {
    ownerUser: "担当者",
    ownerUserHelp: "担当課の職員から選びます（任意）。",
    ownerUserNeedsDivision: "先に担当課を選んでください。",
    ownerUserPick: "担当者は候補から選んでください（空欄でも登録できます）。",
  },
  allowances: {
    heading: "日当・宿泊料の計算",
    regionClass: "行き先の地域区分",
    regionClassHelp: "旅費の基準額の区分です。選んだ区分は計算した経費の内訳に残ります。",
    choose: "（選んでください）",
    apply: "旅費の基準額で計算",
    applyHelp:
      "出発日に有効な基準額で、費用負担「市」の出張者の日当（日数分）と宿泊料（泊数＝日数−1）を計算し、日当・宿泊料の行を置き換えます。計算後も金額は直せます。",
    applied: (lines: string[]) => `日当・宿泊料を計算しました：${lines.join("、")}`,
    ratesLoading: "旅費の基準額を読み込んでいます…",
  },
};
