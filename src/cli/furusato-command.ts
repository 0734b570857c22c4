// `yokogushi furusato reference load DIR` and `yokogushi furusato reference show CODE --year 2020 [--json]`:
// the 総務省 現況調査 figures behind 全国比較（参考データ）.
import path from "node:path";
import { parseArgs } from "node:util";
import { REFERENCE_ATTRIBUTION, REFERENCE_DATA_PAGE_PATH, REFERENCE_DATA_PAGE_TITLE } from "../common/api/furusato-reference";
import { formatFiscalYear, parseFiscalYear } from "../common/dates";
import { type Config, loadConfig } from "../server/config";
import { DataDirLockedError } from "../server/db/data-dir-lock";
import { openDatabase } from "../server/db/open";
import { loadReference, referenceFigures, referenceStatus } from "../server/modules/furusato";
import { type Actor, SYSTEM_ACTOR } from "../server/platform/audit/audit";
import { AppError } from "../server/platform/errors";
import { runDonationsCommand } from "./furusato-donations-command";
import { runPortalCommand } from "./furusato-portal-command";

const USAGE = "使い方: yokogushi furusato reference load DIR | yokogushi furusato reference show 団体コード --year 年度 [--json]";

const yen = (n: number) => `${n.toLocaleString("ja-JP")}円`;
const percent = (ratio: number) => `${(ratio * 100).toFixed(1)}%`;

export async function runFurusatoCommand(args: string[], actor: Actor = SYSTEM_ACTOR): Promise<number> {
  const [group, sub, ...rest] = args;
  if (group === "donations") return runDonationsCommand(args.slice(1), actor);
  if (group === "portal") return runPortalCommand(args.slice(1));
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { json: { type: "boolean" }, year: { type: "string" } },
  });
  if (group !== "reference" || (sub !== "load" && sub !== "show") || !positionals[0]) {
    console.error(USAGE);
    return 2;
  }
  if (sub === "load") return load(path.resolve(positionals[0]), { ...actor, label: "CLI" });

  const code = positionals[0];
  if (!/^\d{6}$/.test(code)) {
    console.error(`団体コードは6桁の数字です（例: 401005 北九州市）: ${code}`);
    return 2;
  }
  const fiscalYear = values.year ? parseFiscalYear(values.year) : null;
  if (fiscalYear === null) {
    console.error(`--year で年度を指定してください（例: 2020, 令和2年度）${values.year ? `: ${values.year}` : ""}`);
    return 2;
  }
  return show(code, fiscalYear, values.json ?? false);
}

/**
 * The embedded database is the running server's while it runs (one process at a time): say what to do instead of
 * only that the directory is taken.
 */
export function lockedDataDirMessage(error: DataDirLockedError, config: Pick<Config, "publicUrl" | "port">): string {
  const url = `${config.publicUrl ?? `http://localhost:${config.port}`}${REFERENCE_DATA_PAGE_PATH}`;
  return [
    `参考データを読み込めません: サーバー（pid ${error.pid}）がデータディレクトリ ${error.dataDir} の組み込みデータベースを使用中です。`,
    "組み込みデータベースは1つのプロセスしか開けないため、サーバーの起動中はこのコマンドで読み込めません。次のどちらかで読み込んでください。",
    `  1. 管理画面「${REFERENCE_DATA_PAGE_TITLE}」（${url}）に、システム管理者としてログインして総務省の Excel ファイルをアップロードする`,
    "  2. サーバーを停止してから、もう一度 yokogushi furusato reference load DIR を実行する",
  ].join("\n");
}

async function load(dir: string, actor: Actor): Promise<number> {
  const config = loadConfig();
  let opened: Awaited<ReturnType<typeof openDatabase>>;
  try {
    opened = await openDatabase(config);
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(lockedDataDirMessage(error, config));
      return 1;
    }
    throw error;
  }
  const { db, close } = opened;
  try {
    const summary = await loadReference(db, dir, actor, (p) => console.error(`… ${p.message}`));
    console.log(`読み込みました: ${summary.rows}行（${summary.years.length}年度）`);
    for (const y of summary.years)
      console.log(
        `  ${formatFiscalYear(y.fiscalYear)}（${y.fiscalYear}年度） ${y.rows}団体 受入額 ${yen(y.donationAmount)}${y.amountPrecision === "thousand" ? "（千円単位）" : ""}`,
      );
    for (const check of summary.crossChecks) {
      const diff = check.roughAmount - check.detailedAmount;
      console.log(`  照合 ${check.fiscalYear}年度: 時系列ファイル（千円）と詳細ファイルの差 ${yen(diff)}（${check.bodies}団体）`);
    }
    if (summary.costTextCells > 0)
      console.log(`注意: 費用欄に文字（「上記に含む」など）があり0円として読んだセル ${summary.costTextCells}件`);
    if (summary.unmatched.length > 0) {
      console.log(`注意: 団体コードが見つからず読み込まなかった団体 ${summary.unmatched.length}件`);
      for (const u of summary.unmatched) console.log(`  ${u.prefecture} ${u.municipality}`);
    }
    console.log(REFERENCE_ATTRIBUTION);
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await close();
  }
}

async function show(code: string, fiscalYear: number, json: boolean): Promise<number> {
  const { db, close } = await openDatabase(loadConfig());
  try {
    const figure = await referenceFigures(db, code, fiscalYear);
    if (!figure) {
      const status = await referenceStatus(db);
      console.error(
        status.loaded
          ? `${code} の ${formatFiscalYear(fiscalYear)}（${fiscalYear}年度）の数値はありません（読込済み: ${status.years.map((y) => y.fiscalYear).join(", ")}年度）。`
          : "参考データが読み込まれていません。yokogushi furusato reference load ../shared/data/furusato で読み込んでください。",
      );
      return 1;
    }
    const costTotal = figure.costs?.total ?? null;
    if (json) {
      console.log(
        JSON.stringify({
          bodyCode: figure.bodyCode,
          name: figure.name,
          prefecture: figure.prefecture,
          fiscalYear: figure.fiscalYear,
          donationCount: figure.donationCount,
          donationAmount: figure.donationAmount,
          amountPrecision: figure.amountPrecision,
          costTotal,
          // 費用割合 (cost total ÷ 受入額) to 0.1 %
          costRatio: figure.costRatio === null ? null : Math.round(figure.costRatio * 1000) / 1000,
          costs: figure.costs,
          source: figure.source,
        }),
      );
      return 0;
    }
    const where = figure.municipality
      ? `${figure.name}（${figure.prefecture}、${figure.bodyCode}）`
      : `${figure.name}（${figure.bodyCode}）`;
    console.log(`${where} ${formatFiscalYear(fiscalYear)}（${fiscalYear}年度）`);
    console.log(`  受入件数 ${figure.donationCount.toLocaleString("ja-JP")}件`);
    console.log(`  受入額   ${yen(figure.donationAmount)}${figure.amountPrecision === "thousand" ? "（千円単位の数値から）" : ""}`);
    if (costTotal !== null && figure.costRatio !== null)
      console.log(`  費用合計 ${yen(costTotal)}（受入額の${percent(figure.costRatio)}）`);
    else console.log("  費用合計 —（この年度の資料に費用の内訳はありません）");
    console.log(`  ${REFERENCE_ATTRIBUTION}（${figure.source}）`);
    return 0;
  } finally {
    await close();
  }
}
