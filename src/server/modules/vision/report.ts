// The round's progress report (KPI達成状況) as a download: read the round, build the model, render it.
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import { NotFound } from "../../platform/errors";
import { visibleRound } from "./council";
import { engagementAccessOf } from "./engagement-access";
import { renderReportPdf } from "./render-report-pdf";
import { renderReportXlsx } from "./render-report-xlsx";
import { buildReportModel, type ReportModel } from "./report-model";
import { readReportInput } from "./report-query";
import * as roundRepo from "./round-repository";

export type RoundReportFormat = "pdf" | "xlsx";

const MIME: Record<RoundReportFormat, string> = {
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** Characters a file name cannot carry on Windows, where staff save it. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are among those to replace.
const FILE_NAME_FORBIDDEN = /[\\/:*?"<>|\u0000-\u001f]/g;

/** 北九州市・新ビジョン_KPI達成状況_令和7年度末.pdf */
const fileName = (model: ReportModel, format: RoundReportFormat) =>
  `${`${model.planName}_KPI達成状況_${model.roundName}`.replace(FILE_NAME_FORBIDDEN, "_")}.${format}`;

/** The report model of a round; throws NotFound for an unknown round. */
async function reportModel(db: Queryable, roundId: string): Promise<ReportModel> {
  const { input, fallbackRule } = await readReportInput(db, roundId);
  return buildReportModel(input, fallbackRule);
}

async function render(model: ReportModel, format: RoundReportFormat): Promise<{ name: string; mimeType: string; bytes: Uint8Array }> {
  const body = format === "pdf" ? await renderReportPdf(model) : await renderReportXlsx(model);
  return { name: fileName(model, format), mimeType: MIME[format], bytes: new Uint8Array(body) };
}

/** The report of a round as a file; throws NotFound for an unknown round. */
export async function renderRoundReport(
  db: Queryable,
  roundId: string,
  format: RoundReportFormat,
): Promise<{ name: string; mimeType: string; bytes: Uint8Array }> {
  return render(await reportModel(db, roundId), format);
}

const asFile = (report: { name: string; mimeType: string; bytes: Uint8Array }) => ({
  file: { name: report.name, mimeType: report.mimeType, body: report.bytes },
});

/**
 * Staff download every round's report; an experts' council member (an external login) the rounds the council's own
 * pages show (closed, published, or taken up by a meeting), checked in one place: council.visibleRound. The access
 * check, the reads and the audit row share one transaction; the file is rendered after it.
 */
export async function downloadRoundReport(db: Db, user: Principal | null, actor: Actor, roundId: string, format: RoundReportFormat) {
  const model = await db.transaction(async (tx) => {
    await visibleRound(tx, await engagementAccessOf(tx, user), roundId);
    const read = await reportModel(tx, roundId);
    await recordAudit(tx, actor, {
      action: "download",
      entityType: "vision_round",
      entityId: roundId,
      summary: `進捗報告書をダウンロード（${fileName(read, format)}）`,
    });
    return read;
  });
  return asFile(await render(model, format));
}

/** The public page's download: published rounds only, to anyone. */
export async function downloadPublicRoundReport(db: Queryable, roundId: string, format: RoundReportFormat) {
  const round = await roundRepo.findRound(db, roundId);
  if (round?.status !== "published") throw new NotFound("公表された報告ラウンド");
  return asFile(await renderRoundReport(db, roundId, format));
}
