// `yokogushi serve`: starts the server and stops it cleanly on SIGTERM/SIGINT.
import { loadConfig } from "../server/config";
import { startServer } from "../server/main";

/** Returns -1: the process keeps running until a signal stops the server. */
export async function runServe(): Promise<number> {
  const config = loadConfig();
  const server = await startServer(config);
  console.log(`Yokogushi (横串) を起動しました: ${server.url}`);
  console.log(`データベース: ${config.databaseUrl ? "PostgreSQL (DATABASE_URL)" : `PGlite (${config.dataDir})`}`);
  if (server.setupUrl) {
    console.log("");
    console.log("最初のシステム管理者を設定してください（24時間有効・1回限りのリンク）:");
    console.log(`  ${server.setupUrl}`);
    console.log("");
  }
  const shutdown = (signal: string) => {
    console.log(`${signal} を受信しました。停止します…`);
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  // A stray rejected promise is logged with its stack rather than taking every user's session down with it.
  process.on("unhandledRejection", (reason) => {
    console.error("unhandled rejection:", reason);
  });
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
  return -1;
}
