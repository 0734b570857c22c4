// 会議の一覧の出力: the meetings a list shows (the same filters), as CSV (UTF-8 with BOM, formula-safe) or Excel. Dates
// are written in 和暦 with the ISO date beside, so that a sheet sorts and reads the same.
import type { MeetingSummary } from "../../../common/api/meetings";
import { formatWareki, todayInJapan } from "../../../common/dates";
import { MEETING_KIND_LABELS } from "../../../common/meetings/meeting-kinds";
import type { FileResult } from "../http/types";
import { writeCsv } from "../tabular/csv-write";
import { writeXlsx } from "../tabular/xlsx-write";

const HEADER = [
  "開催日",
  "開催日(和暦)",
  "時刻",
  "会議の種類",
  "会議名",
  "対象の種類",
  "対象",
  "場所",
  "オンライン",
  "出席団体",
  "決定事項の数",
  "資料の数",
  "未完了の宿題",
  "期限切れの宿題",
  "サンプル",
];

export function meetingRows(items: readonly MeetingSummary[]): unknown[][] {
  return items.map((m) => [
    m.heldOn,
    formatWareki(m.heldOn),
    m.startsAt ? `${m.startsAt}${m.endsAt ? `〜${m.endsAt}` : ""}` : "",
    MEETING_KIND_LABELS[m.kind],
    m.title,
    m.owner.kindLabel,
    m.owner.title ?? "",
    m.place,
    m.online ? "○" : "",
    m.organisations.join("、"),
    m.decisionCount,
    m.materialCount,
    m.openFollowups,
    m.overdueFollowups,
    m.isSample ? "○" : "",
  ]);
}

export async function meetingsFile(items: readonly MeetingSummary[], format: "csv" | "xlsx"): Promise<FileResult> {
  const stamp = todayInJapan();
  const rows = meetingRows(items);
  if (format === "xlsx") {
    const body = await writeXlsx([{ name: "会議", header: HEADER, rows }]);
    return {
      file: { name: `会議一覧_${stamp}.xlsx`, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body },
    };
  }
  const { bytes } = writeCsv(HEADER, rows, { encoding: "utf-8-bom" });
  return { file: { name: `会議一覧_${stamp}.csv`, mimeType: "text/csv; charset=utf-8", body: bytes } };
}
