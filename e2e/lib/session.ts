// The life of one browser test file: a fresh server and Chromium, a Japanese-locale context, the server's log printed
// when a step fails, and a clean shutdown. Filled in by its own beforeAll; read the fields in tests and hooks.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll } from "vitest";
import { launchBrowser } from "./chromium";
import { type RunningServer, startServer } from "./server";

export interface BrowserSession {
  server: RunningServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
}

export function useBrowserSession(uiTimeout: number): BrowserSession {
  const session = {} as BrowserSession;

  beforeAll(async () => {
    [session.server, session.browser] = await Promise.all([startServer(), launchBrowser()]);
    session.context = await session.browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo", acceptDownloads: true });
    session.context.setDefaultTimeout(uiTimeout);
    session.page = await session.context.newPage();
  });

  afterEach((ctx) => {
    // The server's own log is the first thing to read when a step fails.
    if (ctx.task.result?.state === "fail" && session.server) {
      const { stdout, stderr } = session.server.output();
      console.error(
        `[e2e] server output after "${ctx.task.name}":\n--- stdout ---\n${stdout.slice(-3000)}\n--- stderr ---\n${stderr.slice(-3000)}`,
      );
    }
  });

  afterAll(async () => {
    await session.context?.close();
    await session.browser?.close();
    const exit = await session.server?.stop();
    // A clean shutdown is part of the behaviour: the server must not crash while tests drive it.
    if (exit && exit.code !== 0 && exit.signal !== "SIGTERM")
      console.warn("[e2e] server exit", exit, session.server.output().stderr.slice(-2000));
  });

  return session;
}
