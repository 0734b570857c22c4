// Proves the browser tier works on this machine: Chromium launches, loads a local page, axe runs.
// To be replaced by real tests against the server (e2e/lib/server.ts).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { checkA11y, launchBrowser } from "./lib/chromium";

const page = `<!doctype html>
<html lang="ja">
  <head><meta charset="utf-8"><title>横串 スモークテスト</title></head>
  <body>
    <main>
      <h1>横串</h1>
      <label for="q">検索</label> <input id="q" type="search">
      <p id="tz"></p>
    </main>
  </body>
</html>`;

describe("browser smoke test", () => {
  let server: Server;
  let baseUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    server = createServer((_request, response) => {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(page);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  test("Chromium opens a local page and renders Japanese text", async () => {
    const context = await browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo" });
    const tab = await context.newPage();
    await tab.goto(baseUrl);
    await expect(tab.title()).resolves.toBe("横串 スモークテスト");
    await expect(tab.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("横串");
    await tab.getByLabel("検索").fill("ふるさと納税");
    await expect(tab.getByLabel("検索").inputValue()).resolves.toBe("ふるさと納税");
    await context.close();
  });

  test("the page passes the axe check, and an unlabelled input fails it", async () => {
    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.goto(baseUrl);
    await checkA11y(tab);
    await tab.setContent(`<!doctype html><html lang="ja"><head><title>x</title></head>
      <body><main><input type="text"></main></body></html>`);
    await expect(checkA11y(tab)).rejects.toThrow(/label/);
    await context.close();
  });
});
