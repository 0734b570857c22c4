// `yokogushi <command>`: the operator's command line (also `npm run cli -- <command>`).
import { loadConfig } from "../server/config";
import { openDatabase } from "../server/db/open";
import { registerModules } from "../server/modules";
import { SYSTEM_ACTOR } from "../server/platform/audit/audit";
import { runBackup, runRestore } from "./backup-command";
import { runFurusatoCommand } from "./furusato-command";
import { runKintoneCommand } from "./kintone-command";
import { runPolicyCommand } from "./policy-command";
import { runRegionCommand } from "./region-command";
import { runServe } from "./serve-command";
import { runUserCommand } from "./user-command";

const HELP = `使い方: yokogushi <コマンド> [オプション]

  serve                              サーバーを起動（PORT, DATA_DIR, DATABASE_URL）
  migrate                            データベースのマイグレーションを適用
  setup-link                         最初のシステム管理者の初期設定リンクを再発行
  user create --login ID --name 氏名 --role admin|editor|viewer|partner --org 組織コード
                                     利用者を作成（パスワードは環境変数 YOKOGUSHI_PASSWORD か標準入力）
  backup FILE                        全データをポータブルな形式で書き出し（PGlite / PostgreSQL 共通）
  restore FILE [--force]             バックアップから復元（--force: 既存データを置き換え）
  policy parse FILE [--json]         方針テキストを解析して表示（保存しない）
  policy import FILE --bureau 局 --year 年度 [--replace]
                                     方針テキストを取り込んで保存（局は組織コードか名称、年度は 2024 / 令和6年度）
  furusato reference load DIR        全国比較の参考データ（総務省 現況調査の Excel、例 ../shared/data/furusato）を読み込む（全件置換）
  furusato reference show 団体コード --year 年度 [--json]
                                     参考データの1団体・1年度（受入件数・受入額・費用合計と割合）を表示
  furusato portal inspect FILE [--json]
                                     寄附受付サイトの見出しファイル（CSV・TSV）の文字コード・区切り・見出し行・列と対応づけの候補を表示
  furusato donations import FILE --mapping 取込設定名
                                     寄附データのファイルを取込設定で取り込む（大きなファイル・過去分の一括投入向け）
  furusato donations anonymise-expired
                                     保存期間を過ぎた寄附者の個人情報を匿名化（cron で毎日の実行を想定）
  kintone inspect FILE [--json]      kintone から書き出した CSV（国際関連事業・海外出張）を読み、文字コード・見出しの種類・
                                     レコード数・テーブルごとの行数・問題のある行を表示（取り込まない）
  kintone import FILE --app projects|trips
                                     kintone の CSV を保存済みの対応づけ（なければ見出しから推定）で国際関連事業・海外出張に取り込む（全件が正しいときだけ）
  region opendata inspect FILE [--json] [--dataset データセット]
                                     市町のオープンデータ CSV を取り込みと同じ処理で読み、文字コード・データセット・見出しの世代・
                                     取り込める行・飛ばした行・問題のある行を表示（取り込まない）
  search reindex                     横断検索の索引を作り直す
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  registerModules();
  switch (command) {
    case "serve":
      return runServe();
    case "migrate": {
      const { db, close } = await openDatabase(loadConfig(), { migrate: false });
      try {
        const { migrate } = await import("../server/db/migrate");
        const applied = await migrate(db);
        console.log(applied.length ? `適用しました: ${applied.join(", ")}` : "マイグレーションは最新です。");
        return 0;
      } finally {
        await close();
      }
    }
    case "setup-link": {
      const config = loadConfig();
      const { db, close } = await openDatabase(config);
      try {
        const { issueSetupToken } = await import("../server/platform/auth/service");
        const token = await issueSetupToken(db);
        if (!token) {
          console.log("システム管理者は設定済みです。初期設定リンクは不要です。");
          return 0;
        }
        console.log(`初期設定リンク（24時間有効・1回限り）: ${config.publicUrl ?? `http://localhost:${config.port}`}/setup?token=${token}`);
        return 0;
      } finally {
        await close();
      }
    }
    case "user":
      return runUserCommand(rest);
    case "backup":
      return runBackup(rest);
    case "restore":
      return runRestore(rest);
    case "policy":
      return runPolicyCommand(rest, SYSTEM_ACTOR);
    case "furusato":
      return runFurusatoCommand(rest, SYSTEM_ACTOR);
    case "kintone":
      return runKintoneCommand(rest, SYSTEM_ACTOR);
    case "region":
      return runRegionCommand(rest);
    case "search": {
      if (rest[0] !== "reindex") break;
      const { db, close } = await openDatabase(loadConfig());
      try {
        const { reindexAll } = await import("../server/platform/search/reindex");
        const count = await reindexAll(db);
        console.log(`索引を作り直しました（${count}件）。`);
        return 0;
      } finally {
        await close();
      }
    }
    case undefined:
    case "help":
    case "--help":
    case "-h":
      console.log(HELP);
      return 0;
  }
  console.error(`不明なコマンドです: ${argv.join(" ")}\n\n${HELP}`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== -1) process.exit(code);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
