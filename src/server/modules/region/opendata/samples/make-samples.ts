// The open-data pipeline's sample files, as the 市町 publish them (README of ../shared/data/region: what real files look
// like): every encoding, every header generation and the quirks, each in a file named by the definition's convention.
// `npx tsx src/server/modules/region/opendata/samples/make-samples.ts` writes them beside this script; the tests read the
// checked-in bytes and check that they still are what this script makes.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";

export type SampleEncoding = "utf-8" | "utf-8-bom" | "cp932" | "utf-16le";

export interface SampleFile {
  name: string;
  encoding: SampleEncoding;
  /** the rows, each a line of the file (CRLF between them, as Excel writes) */
  lines: string[];
}

/** 北九州市 観光施設一覧: Shift_JIS (as 九州's shared catalogue serves it), the old 推奨データセット template (30 columns). */
const kitakyushuTourism: SampleFile = {
  name: "401005_tourism.csv",
  encoding: "cp932",
  lines: [
    `観光施設一覧（北九州市）${",".repeat(29)}`,
    "都道府県コード又は市区町村コード,NO,都道府県名,市区町村名,名称,名称_カナ,名称_英語,POIコード,住所,方書,緯度,経度,利用可能曜日,開始時間,終了時間,利用可能日時特記事項,料金（基本）,料金（詳細）,説明,説明_英語,アクセス方法,駐車場情報,バリアフリー情報,連絡先名称,連絡先電話番号,連絡先内線番号,画像,画像_ライセンス,URL,備考",
    '401005,0001,福岡県,北九州市,小倉城,コクラジョウ,Kokura Castle,,福岡県北九州市小倉北区城内2-1,,33.8845,130.8741,月火水木金土日,9:00,17:00,4月～10月は18:00まで,大人350円,"大人350円\r\n中高生200円\r\n小学生100円",江戸時代初期に細川忠興が築いた城。,Built by Hosokawa Tadaoki in the early Edo period.,JR小倉駅から徒歩15分,あり,エレベーターあり,小倉城,093-561-1210,,https://example.jp/img/kokura.jpg,CC BY 4.0,https://www.kokura-castle.jp/,',
    '40100,0002,福岡県,北九州市,旧門司税関,キュウモジゼイカン,Former Moji Customs,,福岡県北九州市門司区東港町1-24,,33.9458,130.9623,毎日,9:00,17:00,,無料,,"明治45年建築の赤煉瓦の建物。1階に""休憩室""があります。",,JR門司港駅から徒歩5分,,,門司港レトロ総合インフォメーション,093-321-4151,,,,https://example.jp/moji,',
    "401005,0003,福岡県,北九州市,皿倉山ケーブルカー,サラクラヤマケーブルカー,,,福岡県北九州市八幡東区尾倉1481-1,,130.8103,33.8512,平日,10:00,18:00,,往復1230円,,,,JR八幡駅から無料シャトルバス,あり,,皿倉登山鉄道,093-671-4761,,,,,",
    "401005,0004,福岡県,北九州市,髙塔山公園,タカトウヤマコウエン,,,福岡県北九州市若松区大字修多羅,,0,0,土日祝,,,,,,①展望台 ②つつじ園,,,,,,,,,,,",
    "401005,0005,福岡県,北九州市,平尾台自然観察センター,ヒラオダイシゼンカンサツセンター,,,福岡県北九州市小倉南区平尾台1-1-1,,999,999,月～金（祝日除く）,9:00,17:00,,無料,,,,,,,,093-452-2715,,,,,",
  ],
};

/** 直方市 イベント一覧: UTF-8 with BOM, the 正式版 (所在地_連結表記 …), a comment line above the header. */
const nogataEvents: SampleFile = {
  name: "402044_event.csv",
  encoding: "utf-8-bom",
  lines: [
    "# イベント一覧（直方市） 2026年9月1日更新",
    "全国地方公共団体コード,ID,地方公共団体名,イベント名,イベント名_カナ,イベント名_英字,開始日,終了日,開始時間,終了時間,開始日時特記事項,説明,料金（基本）,料金（詳細）,連絡先名称,連絡先電話番号,連絡先内線番号,主催者,場所名称,所在地_連結表記,所在地_都道府県,所在地_市区町村,所在地_町字,所在地_番地以下,建物名等(方書),緯度,経度,アクセス方法,駐車場情報,定員,参加申込終了日,参加申込終了時間,参加申込方法,画像,画像_ライセンス,URL,備考",
    "402044,E0001,福岡県直方市,のおがたチューリップフェア,ノオガタチューリップフェア,Nogata Tulip Fair,2026/4/4,2026/4/12,9:00,17:00,,遠賀川河川敷に約21万本のチューリップが咲きます。,無料,,直方市商工観光課,0949-25-2156,,直方市,遠賀川河川敷,福岡県直方市大字感田,福岡県,直方市,大字感田,,,33.7440,130.7309,JR直方駅から徒歩10分,臨時駐車場あり,,,,,,,https://example.jp/tulip,",
    "402044,E0002,福岡県直方市,直方谷尾美術館 冬の収蔵品展,ノオガタタニオビジュツカン フユノシュウゾウヒンテン,,2022-01-18,2022-02-18,10:00,17:00,会期中は毎日 10:00～17:00（月曜休館）,所蔵する近代洋画を紹介します。,一般100円,,直方谷尾美術館,0949-22-0038,,直方市,直方谷尾美術館,福岡県直方市殿町10-35,福岡県,直方市,殿町,10-35,,33.7435,130.7290,JR直方駅から徒歩8分,,,,,,,,https://example.jp/tanio,",
    "402044,E0003,福岡県直方市,ガラス工房体験,,,2026/10/10,2026/10/3,13:00,16:00,,,2000円,,,,,,,福岡県直方市大字頓野,,,,,,33.75,130.73,,,,,,,,,,",
    '402044,E0004,福岡県直方市,"夜の""おもてなし""ライトアップ",,,2026/11/1,2026/11/30,18時～,22:00,,,,,,,,,,福岡県直方市殿町,,,,,,33.7436,130.7291,,,30名,2026/10/25,17:00,電話,,,,',
    "402044,E0001,福岡県直方市,のおがたチューリップフェア（再掲）,,,2026/4/4,2026/4/12,9:00,17:00,,,,,,,,,,福岡県直方市大字感田,,,,,,33.7440,130.7309,,,,,,,,,,",
  ],
};

/** 行橋市 公共施設一覧: UTF-8 without BOM, a ベース・レジストリ (GIF) layout with full-width, marked headers and an Excel `列1`. */
const yukuhashiFacilities: SampleFile = {
  name: "402133_public_facility.csv",
  encoding: "utf-8",
  lines: [
    "◎全国地方公共団体コード,◎ＩＤ,地方公共団体名,※名　称,名称＿カナ,名称_英字,POIコード,種別,住所,方書,緯度（世界測地系）,経度（世界測地系）,利用可能曜日,開始時間,終了時間,利用可能日時特記事項,説明,バリアフリー情報,連絡先名称,連絡先電話番号,連絡先内線番号,画像,画像_ライセンス,ＵＲＬ,備考,列1",
    '402133,00012,福岡県行橋市,行橋市役所,ユクハシシヤクショ,Yukuhashi City Hall,,庁舎,福岡県行橋市中央1-1-1,,33.7285,130.9830,"月,火,水,木,金",8:30,17:15,,,多目的トイレあり,総務課,0930-25-1111,,,,https://example.jp/city-hall,,旧庁舎',
    "402133,00013,福岡県行橋市,行橋市図書館,ユクハシシトショカン,,,図書館,福岡県行橋市中央1-9-3,コスメイト行橋2階,33.7290,130.9805,火～日,9時,19時,祝日は17時まで,,,,０９３０－２６－２０１０,,,,,,",
    "402134,00014,福岡県行橋市,行橋市民体育館,,,,体育館,福岡県行橋市西宮市1-1-1,,33.71,130.96,,,,,,,,,,,,,,",
  ],
};

/** 芦屋町 指定緊急避難場所一覧: UTF-16LE, tab-separated, from Excel's 「Unicode テキスト」 (with its BOM). */
const ashiyaEvacuation: SampleFile = {
  name: "403814_evacuation_space.txt",
  encoding: "utf-16le",
  lines: [
    [
      "全国地方公共団体コード",
      "ID",
      "地方公共団体名",
      "名称",
      "名称_カナ",
      "名称_英字",
      "所在地_連結表記",
      "所在地_都道府県",
      "所在地_市区町村",
      "所在地_町字",
      "所在地_番地以下",
      "建物名等(方書)",
      "緯度",
      "経度",
      "標高",
      "災害種別_洪水",
      "災害種別_崖崩れ、土石流及び地滑り",
      "災害種別_高潮",
      "災害種別_地震",
      "災害種別_津波",
      "災害種別_大規模な火事",
      "災害種別_内水氾濫",
      "災害種別_火山現象",
      "指定避難所との重複",
      "想定収容人数",
      "対象となる町会・自治会",
      "電話番号",
    ].join("\t"),
    [
      "403814",
      "1",
      "福岡県芦屋町",
      "芦屋町中央公民館",
      "アシヤマチチュウオウコウミンカン",
      "Ashiya Central Community Hall",
      "福岡県遠賀郡芦屋町中ノ浜5-1",
      "福岡県",
      "芦屋町",
      "中ノ浜",
      "5-1",
      "",
      "33.8936",
      "130.6640",
      "4.2",
      "1",
      "",
      "",
      "1",
      "",
      "1",
      "",
      "",
      "1",
      "300",
      "中ノ浜;白浜町;西浜町",
      "093-223-3545",
    ].join("\t"),
    [
      "403814",
      "2",
      "福岡県芦屋町",
      "芦屋東小学校",
      "アシヤヒガシショウガッコウ",
      "",
      "福岡県遠賀郡芦屋町大字山鹿1200",
      "福岡県",
      "芦屋町",
      "大字山鹿",
      "1200",
      "",
      "33.8890",
      "130.6760",
      "12",
      "1",
      "1",
      "1",
      "1",
      "1",
      "",
      "",
      "",
      "",
      "1,500",
      '"山鹿\r\n正門町"',
      "",
    ].join("\t"),
    [
      "403814",
      "3",
      "福岡県芦屋町",
      "芦屋町総合運動公園",
      "",
      "",
      "福岡県遠賀郡芦屋町大字芦屋1455",
      "福岡県",
      "芦屋町",
      "大字芦屋",
      "1455",
      "",
      "0",
      "0",
      "",
      "",
      "",
      "",
      "1",
      "",
      "1",
      "",
      "",
      "",
      "2000",
      "",
      "",
    ].join("\t"),
  ],
};

/** 吉富町 観光施設一覧: the 正式版 template filled in for two rows, its 20 empty rows left (UTF-8 with BOM). */
const yoshitomiTemplate: SampleFile = {
  name: "406422_tourism.csv",
  encoding: "utf-8-bom",
  lines: [
    "全国地方公共団体コード,ID,地方公共団体名,名称,名称_カナ,名称_英字,POIコード,所在地_連結表記,所在地_都道府県,所在地_市区町村,所在地_町字,所在地_番地以下,建物名等(方書),町字ID,緯度,経度,利用可能曜日,開始時間,終了時間,利用可能日時特記事項,料金（基本）,料金（詳細）,説明,説明_英字,アクセス方法,駐車場情報,バリアフリー情報,連絡先名称,連絡先電話番号,連絡先内線番号,画像,画像_ライセンス,URL,備考",
    "40642,T-01,福岡県吉富町,八幡古表神社,ハチマンコヒョウジンジャ,Hachiman Kohyo Shrine,,福岡県築上郡吉富町大字小犬丸353-1,福岡県,吉富町,大字小犬丸,353-1,,,33.6030,131.1710,,,,,,,傀儡子（くぐつ）の舞で知られる神社。,,JR吉富駅から徒歩15分,あり,,,,,,,,",
    "40642,T-02,福岡県吉富町,吉富フォーユー会館,ヨシトミフォーユーカイカン,,,福岡県築上郡吉富町大字広津415-1,福岡県,吉富町,大字広津,415-1,,,33.6060,131.1765,月火水木金土日,9:00,22:00,,,,,,,,,,0979-24-4071,,,,,",
    ...Array.from({ length: 20 }, () => ",".repeat(33)),
  ],
};

/** 中間市 イベント一覧: the old イベント template (32 columns) with 市区町村コード as its first header, 料金(基本) half-width. */
const nakamaEvents: SampleFile = {
  name: "402150_event.csv",
  encoding: "utf-8",
  lines: [
    "市区町村コード,NO,都道府県名,市区町村名,イベント名,イベント名_カナ,イベント名_英語,開始日,終了日,開始時間,終了時間,開始日時特記事項,説明,料金(基本),料金(詳細),連絡先名称,連絡先電話番号,連絡先内線番号,主催者,場所名称,住所,方書,緯度,経度,アクセス方法,駐車場情報,定員,参加申込終了日,参加申込終了時間,参加申込方法,URL,備考",
    "402150,001,福岡県,中間市,なかま秋祭り,ナカマアキマツリ,Nakama Autumn Festival,令和8年10月10日,2026/10/11,9:00,21:00,,,無料,,中間市商工観光課,093-246-6264,,中間市,中間市役所前広場,福岡県中間市中間1-1-1,,33.8168,130.7093,,,,,,,https://example.jp/nakama-matsuri,",
    "402150,002,福岡県,中間市,遠賀川水辺館 自然観察会,,,2026/8/1,2026/8/1,9:30,11:30,雨天中止,,,,,,,,遠賀川水辺館,福岡県中間市大字上底井野,,33.8205,130.7166,,,20人,2026/7/25,,電話,,",
  ],
};

export const SAMPLE_FILES: readonly SampleFile[] = [
  kitakyushuTourism,
  nogataEvents,
  yukuhashiFacilities,
  ashiyaEvacuation,
  yoshitomiTemplate,
  nakamaEvents,
];

export function sampleBytes(sample: SampleFile): Buffer {
  const text = `${sample.lines.join("\r\n")}\r\n`;
  switch (sample.encoding) {
    case "cp932":
      return iconv.encode(text, "cp932");
    case "utf-8-bom":
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
    case "utf-16le":
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    default:
      return Buffer.from(text, "utf8");
  }
}

export const SAMPLES_DIR = path.dirname(fileURLToPath(import.meta.url));

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const sample of SAMPLE_FILES) writeFileSync(path.join(SAMPLES_DIR, sample.name), sampleBytes(sample));
  console.log(`${SAMPLE_FILES.length} files written to ${SAMPLES_DIR}`);
}
