// 全国比較の参考データ from the admin screen: the uploaded 総務省 現況調査 files are loaded by a job, one file at a
// time, each all or nothing (see loadSurveyFile). Year files go first, so that a time series uploaded with them can
// match its names to the codes they bring.
import type { Db } from "../../../db/database";
import type { Actor } from "../../../platform/audit/audit";
import { readFileRowInSlices } from "../../../platform/files/files";
import { defineJob } from "../../manifest";
import { isRough } from "./parse-survey";
import { type FileLoadOutcome, loadSurveyFile } from "./reference";

export const REFERENCE_LOAD_JOB = "furusato.reference.load";

export interface ReferenceLoadJobData {
  fileIds: string[];
  actor: Actor;
}

export interface ReferenceLoadResult {
  /** false only when no file was loaded (the job is then shown as 取り込みませんでした) */
  ok: boolean;
  files: FileLoadOutcome[];
}

export async function loadReferenceFiles(
  db: Db,
  data: ReferenceLoadJobData,
  progress: (done: number, total?: number | null, message?: string) => Promise<void>,
): Promise<ReferenceLoadResult> {
  const files = [];
  for (const id of data.fileIds) {
    const row = await readFileRowInSlices(db, id);
    files.push({ name: row.name, bytes: row.bytes });
  }
  files.sort((a, b) => Number(isRough(a.name)) - Number(isRough(b.name)) || a.name.localeCompare(b.name));
  const outcomes: FileLoadOutcome[] = [];
  for (const [i, file] of files.entries()) {
    await progress(i, files.length, `${file.name} を読んでいます（${i + 1}/${files.length}）`);
    outcomes.push(await loadSurveyFile(db, file, data.actor));
  }
  const loaded = outcomes.filter((o) => o.ok).length;
  await progress(files.length, files.length, `${files.length}ファイル中 ${loaded}ファイルを読み込みました`);
  return { ok: loaded > 0, files: outcomes };
}

export const referenceLoadJob = defineJob<ReferenceLoadJobData>(REFERENCE_LOAD_JOB, (data, context) =>
  loadReferenceFiles(context.db, data, context.progress),
);
