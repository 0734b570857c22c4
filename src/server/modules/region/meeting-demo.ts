// Sample meetings of 広域連携 (is_sample), recorded through the platform's meetings service: the 第15回関門トップ会談
// (2024-10-17) that agreed the shared gift 「かんもんPAY」 from 2024-11-01, the 北九州都市圏域's three 担当者会議 with
// the 市町 in 令和6年度上半期 (the seed's topics: the hub's website, the effect of SNS promotion, the cost shares and
// the workload; with follow-ups, some done and one overdue), a 福北連携 部課長会議 on joining forces in 「一人一花運動」
// in November 2024, and a 部課長会議 of the joint project 消防指令業務の共同運用.
import type { Db } from "../../db/database";
import { DEMO_ACTOR } from "../../platform/audit/audit";
import { recordSampleMeetings, type SampleMeeting } from "../../platform/meetings/service";
import { frameworkIdsByCode, hasRegionMeetings, projectIdByName } from "./meeting-demo-repository";

const people = (organisationName: string, names: string) => ({ organisationName, organisationId: null, people: names });
const followup = (title: string, ownerOrganisation: string, dueOn: string | null, done?: { doneOn: string; note: string }) => ({
  title,
  detail: "",
  assigneeId: null,
  ownerOrganisation,
  dueOn,
  ...(done ? { done } : {}),
});
const TIMES = { startsAt: "14:00", endsAt: "15:30" };

/** The sample meetings, given the sample frameworks' ids by code and the sample project's id. */
export function sampleMeetings(frameworks: Map<string, string>, fireProjectId: string | null): SampleMeeting[] {
  const kanmon = frameworks.get("kanmon");
  const fukuhoku = frameworks.get("fukuhoku");
  const toshiken = frameworks.get("toshiken");
  const list: SampleMeeting[] = [];
  if (kanmon)
    list.push({
      ownerKind: "region.framework",
      ownerId: kanmon,
      kind: "summit",
      title: "第15回 関門トップ会談",
      heldOn: "2024-10-17",
      startsAt: "10:30",
      endsAt: "11:30",
      place: "下関市",
      online: false,
      onlineUrl: null,
      agenda: "1. 関門連携の取組状況\n2. ふるさと納税の共通返礼品\n3. 関門海峡の観光振興",
      minutes: "両市長が関門連携の取組状況を確認し、ふるさと納税の共通返礼品「かんもんPAY」の提供開始について合意した。",
      attendees: [people("北九州市", "市長、政策局長"), people("下関市", "市長、総合政策部長")],
      decisions: ["共通返礼品「かんもんPAY」を2024年11月1日から両市のふるさと納税で提供する。"],
      followups: [
        followup("かんもんPAYの返礼品登録（ポータルサイト）", "北九州市・下関市", "2024-10-31", {
          doneOn: "2024-10-30",
          note: "両市のポータルサイトに登録し、11月1日から受付開始。",
        }),
      ],
    });
  if (toshiken) {
    const members = [
      people("北九州市", "政策局 広域連携担当 2名"),
      people("直方市", "企画政策課 1名"),
      people("行橋市", "総合政策課 1名"),
      people("中間市", "企画政策課 1名"),
      people("その他の連携市町（14市町）", "各市町の広域連携担当"),
    ];
    list.push(
      {
        ownerKind: "region.framework",
        ownerId: toshiken,
        kind: "working_level",
        title: "北九州都市圏域 担当者会議（第1回）",
        heldOn: "2024-05-23",
        ...TIMES,
        place: "北九州市役所 本庁舎",
        online: true,
        onlineUrl: null,
        agenda: "1. 圏域のHPのあり方\n2. 情報ハブへの各市町のオープンデータ掲載",
        minutes: "圏域の公開サイト（情報ハブ）の構成と、各市町のオープンデータ（イベント・観光施設）の掲載方法を協議した。",
        attendees: members,
        decisions: ["圏域のHPは情報ハブに一本化し、各市町の自治体標準オープンデータセットから取り込む。"],
        followups: [
          followup("各市町のオープンデータ（イベント・観光施設）の公開状況の照会", "北九州市 政策局", "2024-06-28", {
            doneOn: "2024-06-25",
            note: "18市町から回答。12市町が公開済み。",
          }),
          followup("情報ハブの掲載項目案の作成", "北九州市 政策局", "2024-07-12", { doneOn: "2024-07-10", note: "第2回会議で提示。" }),
        ],
      },
      {
        ownerKind: "region.framework",
        ownerId: toshiken,
        kind: "working_level",
        title: "北九州都市圏域 担当者会議（第2回）",
        heldOn: "2024-07-18",
        ...TIMES,
        place: "オンライン",
        online: true,
        onlineUrl: null,
        agenda: "1. SNS発信によるプロモーションの効果\n2. 若者向け動画の共同制作",
        minutes: "昨年度のSNS・動画プロモーションの実績（再生数・訪問数）と費用を共有し、効果の測り方を協議した。",
        attendees: members,
        decisions: ["プロモーションごとにタグ付きリンクを使い、情報ハブへの訪問数で効果を比べる。"],
        followups: [
          followup("昨年度のSNS広告の費用と実績の集計", "各市町", "2024-08-30", { doneOn: "2024-08-29", note: "16市町分を集計。" }),
          followup("若者向け動画の共同制作の仕様案", "北九州市 政策局", null),
        ],
      },
      {
        ownerKind: "region.framework",
        ownerId: toshiken,
        kind: "working_level",
        title: "北九州都市圏域 担当者会議（第3回）",
        heldOn: "2024-09-19",
        ...TIMES,
        place: "北九州市役所 本庁舎",
        online: false,
        onlineUrl: null,
        agenda: "1. 連携事業の費用負担\n2. 各市町の業務量",
        minutes:
          "共同事業の負担金の算定方法（均等割・人口割）と、情報ハブの運用で各市町に生じる業務量を協議した。負担割合は次回までに試算を示す。",
        attendees: members,
        decisions: [
          "負担金は均等割と人口割の組合せを基本に試算する。",
          "情報ハブの更新作業は各市町のオープンデータの取込で行い、手入力を減らす。",
        ],
        followups: [
          followup("負担金の試算（均等割・人口割の比率別）", "北九州市 政策局", "2024-10-31"),
          followup("各市町の作業時間の見込みの照会", "各市町", null),
        ],
      },
    );
  }
  if (fukuhoku)
    list.push({
      ownerKind: "region.framework",
      ownerId: fukuhoku,
      kind: "directors",
      title: "福北連携 部課長会議",
      heldOn: "2024-10-08",
      ...TIMES,
      place: "福岡市役所",
      online: false,
      onlineUrl: null,
      agenda: "1. 「一人一花運動」での連携\n2. 福北新時代の取組状況",
      minutes: "福岡市の「一人一花運動」と北九州市の花とみどりの取組の連携について協議した。",
      attendees: [people("北九州市", "政策局 部長、課長"), people("福岡市", "総務企画局 部長、課長")],
      decisions: ["2024年11月に「一人一花運動」での連携を両市で発表する。"],
      followups: [
        followup("連携の発表資料（両市共同）の作成", "北九州市・福岡市", "2024-10-31", {
          doneOn: "2024-10-28",
          note: "11月の発表に合わせて両市のホームページに掲載。",
        }),
      ],
    });
  if (toshiken && fireProjectId)
    list.push({
      ownerKind: "region.project",
      ownerId: fireProjectId,
      kind: "directors",
      title: "消防指令業務の共同運用 部課長会議",
      heldOn: "2024-11-14",
      ...TIMES,
      place: "北九州市消防局",
      online: true,
      onlineUrl: null,
      agenda: "1. 共同指令センターの整備費\n2. 運営費の負担割合",
      minutes: "整備費と運営費の負担割合について、人口割と出動件数による実績割の組合せを検討した。",
      attendees: [people("北九州市", "消防局 部長、政策局 課長"), people("参加市町", "各消防本部の課長")],
      decisions: ["運営費は人口割と実績割（出動件数）の組合せで試算する。"],
      followups: [followup("出動件数（過去3年）の提出", "参加市町", null)],
    });
  return list;
}

/** Loads the sample meetings once (when no region record has a meeting yet). */
export async function loadMeetingDemo(db: Db): Promise<void> {
  if (await hasRegionMeetings(db)) return;
  await db.transaction(async (tx) => {
    const frameworks = await frameworkIdsByCode(tx);
    const toshiken = frameworks.get("toshiken");
    const fire = toshiken ? await projectIdByName(tx, toshiken, "消防指令業務の共同運用") : null;
    await recordSampleMeetings(tx, DEMO_ACTOR, sampleMeetings(frameworks, fire));
  });
}
