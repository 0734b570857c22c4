// The sample exports shipped in samples/ (見本データ): which form each file shows. samples/generate.ts writes them
// from here and sample-files.test.ts checks that the files on disk are still exactly these bytes.
import { readFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../../../paths";
import { encodeKintoneCsv, type SampleKintoneOptions, sampleKintoneExport, sampleKintoneLines } from "./sample-export";

export interface KintoneSampleFile {
  file: string;
  /** what the file shows, for the folder's readers */
  shows: string;
  options: SampleKintoneOptions;
}

const PROJECTS = { app: "projects", records: 8, seed: 20240501 } as const;
const TRIPS = { app: "trips", records: 6, seed: 20250401 } as const;

export const KINTONE_SAMPLE_FILES: readonly KintoneSampleFile[] = [
  {
    file: "sample-projects-names-cp932.csv",
    shows:
      "CP932・フィールド名・「レコードの開始行」を引用符付き・テーブル2つ（見出しに表名なし）・テーマは選択肢ごとの列・添付ファイルは改行区切り・概要に改行と引用符",
    options: { ...PROJECTS, encoding: "cp932", headerKind: "names", dotted: false, choiceColumns: true, users: "names", quoteAll: true },
  },
  {
    file: "sample-projects-codes-utf8bom.csv",
    shows:
      "UTF-8（BOM付き）・フィールドコード・* は引用符なし・表名付きの見出し（partners.partner_country）・テーマは改行区切りの1列（1と同じレコード）",
    options: {
      ...PROJECTS,
      encoding: "utf-8-bom",
      headerKind: "codes",
      dotted: true,
      choiceColumns: false,
      users: "names",
      quoteAll: false,
    },
  },
  {
    file: "sample-trips-names-utf8.csv",
    shows: "UTF-8（BOMなし）・フィールド名・利用者は表示名・テーブル2つ（見出しに表名なし）・報告期限を過ぎた出張と完了した出張を含む",
    options: { ...TRIPS, encoding: "utf-8", headerKind: "names", dotted: false, choiceColumns: true, users: "names", quoteAll: true },
  },
  {
    file: "sample-trips-codes-cp932.csv",
    shows: "CP932・フィールドコード・利用者はログイン名・表名付きの見出し（3と同じ出張）",
    options: { ...TRIPS, encoding: "cp932", headerKind: "codes", dotted: true, choiceColumns: false, users: "logins", quoteAll: false },
  },
];

export const BAD_ROW_SAMPLE = "sample-projects-bad-row.csv";
/** The bad-row sample's broken line: the 2nd line of the 4th record, whose 事業名 (project_name) differs. */
export const BAD_ROW_SAMPLE_ROW = 9;

/** Every sample file's name and bytes, the bad-row one last. */
export function kintoneSampleFiles(): { file: string; bytes: Uint8Array }[] {
  const files = KINTONE_SAMPLE_FILES.map((s) => ({ file: s.file, bytes: sampleKintoneExport(s.options) }));
  // The bad-row file: sample 2 with one continuation line whose main field (事業名) is not the record's.
  const options = KINTONE_SAMPLE_FILES[1].options;
  const lines = sampleKintoneLines(options);
  const header = lines[0];
  const name = header.indexOf("project_name");
  const broken = lines[BAD_ROW_SAMPLE_ROW - 1];
  if (broken[0] !== "" || name < 0) throw new Error("the bad-row sample's line is not a continuation line");
  broken[name] = `${broken[name]}（別の事業）`;
  files.push({ file: BAD_ROW_SAMPLE, bytes: encodeKintoneCsv(lines, options.encoding, false) });
  return files;
}

export function kintoneSamplePath(file: string): string {
  return path.join(projectRoot, "src/server/modules/international/kintone/samples", file);
}

export function readKintoneSample(file: string): Uint8Array {
  return new Uint8Array(readFileSync(kintoneSamplePath(file)));
}
