// Checks the browser harness itself, without a server: Chromium starts, and checkA11y really fails a page with a
// serious violation (so a passing axe check in policy.e2e.test.ts means something). The real flows are in
// policy.e2e.test.ts.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { checkA11y, launchBrowser } from "./lib/chromium";

const page = (body: string) => `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>横串 ハーネス確認</title></head>
<body><main><h1>横串</h1>${body}</main></body></html>`;

describe("browser harness", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  test("checkA11y passes a labelled input and fails an unlabelled one", async () => {
    const context = await browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo" });
    try {
      const tab = await context.newPage();
      await tab.setContent(page(`<label for="q">検索</label> <input id="q" type="search">`));
      await checkA11y(tab);
      await tab.setContent(page(`<input type="text">`));
      await expect(checkA11y(tab)).rejects.toThrow(/label/);
    } finally {
      await context.close();
    }
  });
});
