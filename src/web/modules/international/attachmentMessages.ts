// Japanese text of the 添付資料 sections (a project's 資料, a trip's 添付資料 and 報告書の添付), in one place for review.
import { ATTACHMENTS_PER_SECTION_MAX, DOCUMENT_UPLOAD_MAX_BYTES } from "../../../common/upload-limits";

const MB = DOCUMENT_UPLOAD_MAX_BYTES / 1024 / 1024;
const TYPES = "PDF・Word・Excel・PowerPoint（.docx・.xlsx・.pptx）・PNG・JPEG";

/** The words of one section: its heading and intro differ, the list and the form are the same. */
function section(heading: string, intro: string, what: string) {
  return {
    heading,
    intro,
    caption: `${heading}の一覧`,
    empty: `${what}はまだありません。`,
    upload: `${what}を添付`,
    fileLabel: "添付するファイル",
    fileHelp: `PDF・Word・Excel・PowerPoint・PNG・JPEG、${MB}MBまで（${ATTACHMENTS_PER_SECTION_MAX}件まで）`,
    placeholder: "ファイルを選ぶ",
    chooseFile: "添付するファイルを選んでください。",
    wrongType: `${TYPES} のファイルを選んでください。`,
    tooLarge: `ファイルが大きすぎます（${MB}MBまで）。`,
    uploading: (name: string) => `「${name}」を送信しています…`,
    uploaded: (name: string) => `${what}「${name}」を添付しました。`,
    full: `${what}は${ATTACHMENTS_PER_SECTION_MAX}件まで添付できます。不要なものを削除してから添付してください。`,
  };
}

export const am = {
  project: section("添付資料", "事業の計画書・報告書・チラシなどの資料です。職員はだれでも閲覧・ダウンロードできます。", "資料"),
  trip: section("添付資料", "旅程表・先方の資料・旅行命令の関係書類などです。この出張を閲覧できる職員がダウンロードできます。", "資料"),
  report: section(
    "報告書の添付",
    "出張報告書に添える資料（報告書本文・写真・先方からの資料など）です。帰庁してから精算されるまでの間に添付できます。",
    "報告書の資料",
  ),
  name: "ファイル名",
  size: "大きさ",
  createdAt: "添付日",
  uploader: "添付した人",
  uploaderSystem: "サンプルデータ",
  actions: "操作",
  downloadSuffix: "（ダウンロード）",
  delete: "削除",
  deleteLabel: (name: string) => `「${name}」を削除`,
  deleteTitle: "添付資料の削除",
  deleteMessage: (name: string) => `「${name}」を削除します。削除したファイルは元に戻せません。よろしいですか。`,
  deleted: (name: string) => `「${name}」を削除しました。`,
  loading: "添付資料を読み込んでいます…",
  readOnlyProject: "資料の添付・削除は、この事業を所管する課の編集者が行えます。",
  readOnlyTrip: "資料の添付・削除は、この出張を所管する課の編集者が、完了・中止までの間に行えます。",
  readOnlyReport: "報告書の資料の添付・削除は、所管する課の編集者と出張者が、帰庁してから精算されるまでの間に行えます。",
  formatSize: (bytes: number) => {
    if (bytes < 1024) return `${bytes}B`;
    if (bytes < 1024 * 1024) return `${(bytes / 1024).toLocaleString("ja-JP", { maximumFractionDigits: 1 })}KB`;
    return `${(bytes / 1024 / 1024).toLocaleString("ja-JP", { maximumFractionDigits: 1 })}MB`;
  },
};
