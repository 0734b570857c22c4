// The round's progress report (KPI達成状況) as a download: read the round, build the model, render it.
import type { Queryable } from "../../db/database";
import { renderReportPdf } from "./render-report-pdf";
import { renderReportXlsx } from "./render-report-xlsx";
import { buildReportModel } from "./report-model";
import { readReportInput } from "./report-query";

export type RoundReportFormat = "pdf" | "xlsx";

const MIME: Record<RoundReportFormat, string> = {
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** Characters a file name cannot carry on Windows, where staff save it. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are among those to replace.
const FILE_NAME_FORBIDDEN = /[\\/:*?"<>|\u0000-\u001f]/g;

/** 北九州市・新ビジョン_KPI達成状況_令和7年度末.pdf; throws NotFound for an unknown round. */
export async function renderRoundReport(
  db: Queryable,
  roundId: string,
  format: RoundReportFormat,
): Promise<{ name: string; mimeType: string; bytes: Uint8Array }> {
  const { input, fallbackRule } = await readReportInput(db, roundId);
  const model = buildReportModel(input, fallbackRule);
  const body = format === "pdf" ? await renderReportPdf(model) : await renderReportXlsx(model);
  const name = `${model.planName}_KPI達成状況_${model.roundName}`.replace(FILE_NAME_FORBIDDEN, "_");
  return { name: `${name}.${format}`, mimeType: MIME[format], bytes: new Uint8Array(body) };
}
