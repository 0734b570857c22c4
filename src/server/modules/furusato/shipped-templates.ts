// Templates shipped with the furusato module: starting points a city adjusts (or replaces) in the UI.
//
// What is real and what is designed here:
// - 楽天 (RMS item.csv): the column names, コントロールカラム n/u, 倉庫指定 1 = 倉庫に入れる (not on sale), 送料 1 = 送料込,
//   在庫タイプ 1 = 通常在庫, space-separated 商品画像URL, Shift_JIS (CP932), CRLF and every field quoted follow the
//   classic RMS 商品一括編集 item.csv. It is a SUBSET of that file's columns, and RMS moved to a new SKU-based CSV
//   format in 2023: check the column set against the shop's current RMS manual before the first upload.
// - ふるさとチョイス: the header is taken from the file the portal supplies (choiceTemplateFromHeader), so no column
//   names are invented; TSV, UTF-8 as the brief for this module states.
// - ANA, LedgHOME and the 総務省提出用 地場産品リスト: the column sets below are DESIGNED, realistic ones, not the
//   official specifications (which were not available when this was written). Encodings and delimiters follow what
//   each destination is known to accept (ANA: UTF-8 with BOM; LedgHOME and 総務省 lists: CP932 for Excel users).
// Each template says so in its data (`origin`: "subset" for 楽天, "designed" for the others), and the portals screen
// shows it; a clerk replaces the columns by uploading the portal's current header file (ChoicePortalPage).
import { HeaderFileError, type HeaderInspection, inspectHeaderFile } from "../../../common/furusato/header-inspect";
import type { Portal } from "../../../common/furusato/types";
import { ValidationError } from "../../platform/errors";
import {
  type ColumnValue,
  headerLineFromColumns,
  type PortalColumn,
  type PortalTemplate,
  parsePortalTemplate,
  type TemplateOrigin,
} from "./portal-template";

function withHeaderLine(
  file: Omit<PortalTemplate["file"], "headerLines">,
  columns: PortalColumn[],
  origin: TemplateOrigin["kind"],
): PortalTemplate {
  return { file: { ...file, headerLines: [headerLineFromColumns(columns)] }, columns, origin: { kind: origin } };
}

const STOPPED = 'eq(action, "stop")';
/** The listing's title on this portal: its own variant when set, the gift's title otherwise. */
const TITLE = "default(listing.titleVariant, gift.title)";
/** 説明文 for the portals' HTML fields: escaped, with line breaks as <br>. */
const htmlText = (field: string) => `replace(replace(html(${field}), "\\r\\n", "<br>"), "\\n", "<br>")`;

/**
 * 楽天 RMS item.csv (subset; see the note at the top). `directoryId` is the shop's 全商品ディレクトリID for
 * ふるさと納税 items (RMS refuses a new item without one); the city sets it once.
 */
export function rakutenItemTemplate({ directoryId }: { directoryId: string }): PortalTemplate {
  const columns: PortalColumn[] = [
    // n = 新規登録, u = 更新; a stop is an update that moves the item to the warehouse (倉庫指定 = 1)
    { header: "コントロールカラム", value: { expr: `if(${STOPPED}, "u", if(isNew, "n", "u"))` } },
    // 商品管理番号 is the item's URL path: RMS accepts lower-case letters, digits, - and _ only
    { header: "商品管理番号（商品URL）", value: { expr: "lower(gift.code)" } },
    { header: "商品番号", value: { field: "gift.code" } },
    { header: "全商品ディレクトリID", value: { const: directoryId } },
    { header: "PC用キャッチコピー", value: { expr: "truncate(gift.catchCopy, portal.fieldLimits.catchCopy)" } },
    { header: "商品名", value: { expr: `truncate("【ふるさと納税】" + ${TITLE}, portal.fieldLimits.title)` } },
    { header: "販売価格", value: { field: "listing.donationAmount" } },
    { header: "送料", value: { const: "1" } },
    { header: "倉庫指定", value: { expr: `if(${STOPPED}, "1", "0")` } },
    { header: "のし対応", value: { field: "gift.noshi" } },
    {
      header: "PC用商品説明文",
      value: {
        expr: [
          htmlText("gift.description"),
          '"<br><br>■内容量<br>"',
          htmlText("gift.contents"),
          '"<br>■賞味期限<br>"',
          "html(gift.bestBefore)",
          '"<br>■配送時期<br>"',
          "html(gift.deliveryPeriod)",
          '"<br>■提供事業者<br>"',
          "html(gift.supplierName)",
        ].join(" + "),
      },
    },
    {
      header: "スマートフォン用商品説明文",
      value: { expr: `${htmlText("gift.description")} + "<br><br>■内容量<br>" + ${htmlText("gift.contents")}` },
    },
    {
      header: "PC用販売説明文",
      value: {
        expr: `"温度帯: " + gift.temperature + "<br>アレルギー: " + if(gift.allergensPresent, join(gift.allergensPresent, "・"), "なし") + if(gift.handlingNotes, "<br>" + ${htmlText("gift.handlingNotes")}, "")`,
      },
    },
    { header: "商品画像URL", value: { expr: 'join(gift.imageUrls, " ")' } },
    { header: "在庫タイプ", value: { const: "1" } },
    // Unlimited gifts still need a stock figure in RMS; 9999 is a placeholder a city may change.
    { header: "在庫数", value: { expr: "default(listing.stock, default(gift.limitedQuantity, 9999))" } },
  ];
  return withHeaderLine({ encoding: "cp932", delimiter: ",", lineEnding: "\r\n", quote: "all", fileName: "item.csv" }, columns, "subset");
}

/**
 * ふるさとチョイス: the portal supplies the header line of its upload file; the city maps each column it wants filled
 * to a field, constant or expression. Unmapped columns are written empty. UTF-8, tab- or comma-separated as the header
 * is (quoted cells read and written quoted), the line ending of the upload (CRLF unless it ended in a bare LF).
 * The screen uses the general path instead (common/furusato/header-inspect.ts + templateFromHeader: any encoding).
 */
export function choiceTemplateFromHeader(headerLine: string, mapping: Record<string, ColumnValue>): PortalTemplate {
  const lineEnding = /\r\n$/.test(headerLine) || !/\n$/.test(headerLine) ? "\r\n" : "\n";
  const header = headerLine.replace(/^\uFEFF/, "").replace(/\r?\n$/, "");
  if (/[\r\n]/.test(header)) throw new ValidationError("ふるさとチョイスの見出しは1行で指定してください");
  if (header.trim() === "") throw new ValidationError("ふるさとチョイスの見出し行が空です");
  let inspected: HeaderInspection;
  try {
    inspected = inspectHeaderFile(new TextEncoder().encode(header), { headerRow: 1 });
  } catch (e) {
    if (e instanceof HeaderFileError) throw new ValidationError(e.message);
    throw e;
  }
  const names = inspected.columns;
  const tsv = inspected.delimiter === "\t";

  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  const problems: string[] = [];
  for (const key of Object.keys(mapping)) {
    if (!counts.has(key)) problems.push(`見出しにない列です: ${key}`);
    else if ((counts.get(key) ?? 0) > 1) problems.push(`見出しに同じ名前の列が複数あるため対応づけできません: ${key}`);
  }
  if (problems.length) throw new ValidationError(`ふるさとチョイスの列の対応づけに誤りがあります: ${problems.join(" / ")}`);

  const columns: PortalColumn[] = names.map((name) => ({
    header: name,
    value: Object.hasOwn(mapping, name) ? mapping[name] : { const: "" },
  }));
  return parsePortalTemplate({
    file: {
      encoding: "utf-8",
      delimiter: inspected.delimiter,
      lineEnding,
      quote: inspected.quoted ? "all" : "minimal",
      headerLines: [names],
      fileName: tsv ? "choice_items.tsv" : "choice_items.csv",
    },
    columns,
    origin: { kind: "portal-file" },
  });
}

/** ANA のふるさと納税 返礼品登録CSV — a DESIGNED column set (not ANA's published spec). UTF-8 with BOM, comma, CRLF. */
export function anaTemplate(): PortalTemplate {
  const slashDate = (field: string) => `replace(${field}, "-", "/")`;
  const columns: PortalColumn[] = [
    { header: "返礼品コード", value: { field: "gift.code" } },
    { header: "返礼品名", value: { expr: `truncate(${TITLE}, portal.fieldLimits.title)` } },
    { header: "寄附金額", value: { field: "listing.donationAmount" } },
    { header: "キャッチコピー", value: { expr: "truncate(gift.catchCopy, portal.fieldLimits.catchCopy)" } },
    { header: "説明文", value: { expr: "truncate(gift.description, portal.fieldLimits.description)" } },
    { header: "内容量", value: { field: "gift.contents" } },
    { header: "事業者名", value: { field: "gift.supplierName" } },
    { header: "配送温度帯", value: { field: "gift.temperature" } },
    { header: "配送時期", value: { field: "gift.deliveryPeriod" } },
    { header: "賞味期限", value: { field: "gift.bestBefore" } },
    { header: "アレルギー表示", value: { expr: 'if(gift.allergensPresent, join(gift.allergensPresent, "・"), "なし")' } },
    {
      header: "定期便",
      value: { expr: 'if(gift.subscription.deliveries, gift.subscription.schedule + "（全" + gift.subscription.deliveries + "回）", "")' },
    },
    { header: "申込受付開始日", value: { expr: slashDate("gift.applicationPeriod.from") } },
    { header: "申込受付終了日", value: { expr: slashDate("gift.applicationPeriod.until") } },
    { header: "のし対応", value: { expr: 'if(gift.noshi, "対応", "非対応")' } },
    { header: "画像URL", value: { expr: 'join(gift.imageUrls, "|")' } },
    { header: "公開状態", value: { expr: `if(${STOPPED}, "非公開", "公開")` } },
  ];
  return withHeaderLine(
    { encoding: "utf-8-bom", delimiter: ",", lineEnding: "\r\n", quote: "minimal", fileName: "henreihin.csv" },
    columns,
    "designed",
  );
}

/** LedgHOME 謝礼品リスト — a DESIGNED column set (not the vendor's import spec). CP932, comma, CRLF. */
export function ledgHomeTemplate(): PortalTemplate {
  const columns: PortalColumn[] = [
    { header: "謝礼品コード", value: { field: "gift.code" } },
    { header: "謝礼品名", value: { expr: TITLE } },
    { header: "事業者コード", value: { field: "gift.supplierCode" } },
    { header: "事業者名", value: { field: "gift.supplierName" } },
    { header: "寄附金額", value: { field: "listing.donationAmount" } },
    { header: "調達価格", value: { field: "gift.procurementCost" } },
    { header: "送料", value: { field: "gift.shippingCost" } },
    { header: "配送サイズ", value: { field: "gift.shippingSize" } },
    { header: "温度帯", value: { field: "gift.temperature" } },
    { header: "定期便回数", value: { expr: "default(gift.subscription.deliveries, 1)" } },
    { header: "数量限定", value: { field: "gift.limitedQuantity" } },
    { header: "のし", value: { expr: 'if(gift.noshi, "可", "不可")' } },
    { header: "内容量", value: { field: "gift.contents" } },
    { header: "受付状態", value: { expr: `if(${STOPPED}, "受付停止", "受付中")` } },
    { header: "備考", value: { field: "gift.handlingNotes" } },
  ];
  return withHeaderLine(
    { encoding: "cp932", delimiter: ",", lineEnding: "\r\n", quote: "minimal", fileName: "shareihin.csv" },
    columns,
    "designed",
  );
}

/**
 * 総務省提出用 地場産品リスト — a DESIGNED list in the spirit of the 返礼品等一覧 a city submits with its 指定申請
 * (not the official 様式). 返礼割合 = 調達費用（定期便は全回分）÷ 寄附金額. CP932, comma, CRLF.
 */
export function soumuLocalProductsTemplate(): PortalTemplate {
  const columns: PortalColumn[] = [
    { header: "返礼品コード", value: { field: "gift.code" } },
    { header: "返礼品名", value: { field: "gift.title" } },
    { header: "事業者名", value: { field: "gift.supplierName" } },
    { header: "内容量", value: { field: "gift.contents" } },
    { header: "地場産品類型", value: { field: "gift.localProductType" } },
    { header: "該当理由", value: { field: "gift.localProductReason" } },
    { header: "調達費用", value: { field: "gift.totalProcurementCost" } },
    { header: "寄附金額", value: { field: "listing.donationAmount" } },
    { header: "返礼割合", value: { expr: "percent(listing.returnRatio, 1)" } },
    { header: "定期便回数", value: { expr: "default(gift.subscription.deliveries, 1)" } },
    { header: "送料（1回あたり）", value: { field: "gift.shippingCost" } },
    { header: "掲載開始日", value: { expr: "wareki(listing.listingDate)" } },
    { header: "状態", value: { expr: `if(${STOPPED}, "提供終了", "提供中")` } },
  ];
  return withHeaderLine(
    { encoding: "cp932", delimiter: ",", lineEnding: "\r\n", quote: "minimal", fileName: "jibasanpin_list.csv" },
    columns,
    "designed",
  );
}

/**
 * Portals registered on a new installation, each with its template (furusato_portals.template). Fees and limits are
 * PLACEHOLDERS to be replaced with the city's contract figures; 楽天's 全商品ディレクトリID is left empty until the city
 * sets it. ふるさとチョイス is not here: its template needs the header file the portal supplies (choiceTemplateFromHeader).
 * LedgHOME and the 総務省 list are export destinations rather than donation sites, registered the same way so that one
 * bundle carries every file; they take no fee.
 */
export const SHIPPED_PORTALS: readonly (Portal & { template: PortalTemplate })[] = [
  {
    code: "rakuten",
    name: "楽天ふるさと納税",
    feeRatio: 0.1,
    grantsPoints: false,
    // RMS: 商品名 up to 127 characters, PC用キャッチコピー up to 87 (as recalled from the RMS manual; verify)
    fieldLimits: { title: 127, catchCopy: 87 },
    active: true,
    template: rakutenItemTemplate({ directoryId: "" }),
  },
  { code: "ana", name: "ANAのふるさと納税", feeRatio: 0.1, grantsPoints: false, fieldLimits: {}, active: true, template: anaTemplate() },
  { code: "ledghome", name: "LedgHOME", feeRatio: 0, grantsPoints: false, fieldLimits: {}, active: true, template: ledgHomeTemplate() },
  {
    code: "soumu",
    name: "総務省提出用 地場産品リスト",
    feeRatio: 0,
    grantsPoints: false,
    fieldLimits: {},
    active: true,
    template: soumuLocalProductsTemplate(),
  },
];
