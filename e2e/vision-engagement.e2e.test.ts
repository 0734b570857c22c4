// 新ビジョン engagement pages through the real UI on a fresh server with the sample data: a member of staff (here the
// first administrator, who also moderates) posts an anonymous Action宣言, approves it in the moderation queue, and
// the lobby board (no sign-in) and the public page then show it without an author; the council and outreach pages
// load. Accessibility (axe) is checked on each page.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { checkA11y } from "./lib/chromium";
import type { RunningServer } from "./lib/server";
import { useBrowserSession } from "./lib/session";
import { setUpFirstAdmin } from "./lib/setup-admin";
import { heading1, UI_TIMEOUT, visible } from "./lib/ui";

const ADMIN = { loginId: "e2e.admin", displayName: "試験 太郎", password: "Yokogushi2025test" };
const PLEDGE = "毎朝、新ビジョンの一文を読み、職場で一つ実践します（E2E）";

describe("新ビジョン: Action宣言 → moderation → lobby board and public page; council and outreach pages (browser)", () => {
  const session = useBrowserSession(UI_TIMEOUT);
  let server: RunningServer;
  let page: Page;

  beforeAll(async () => {
    ({ server, page } = session);
    await setUpFirstAdmin(page, await server.waitForSetupUrl(), ADMIN, { timeout: UI_TIMEOUT });
  });

  test("a member of staff posts an anonymous declaration and the bureau approves it", async () => {
    await page.goto(new URL("/vision/declarations", page.url()).href);
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe("Action宣言");
    await (await visible(page.getByRole("textbox", { name: "宣言" }))).fill(PLEDGE);
    await page.getByRole("radio", { name: "匿名で掲示する" }).check();
    await page.getByRole("button", { name: "宣言を投稿", exact: true }).click();
    const mine = page.getByRole("region", { name: "わたしが投稿した宣言" });
    await visible(mine.getByText(PLEDGE));
    await checkA11y(page);

    const queue = page.getByRole("region", { name: "Action宣言の確認" });
    const row = queue.getByRole("row").filter({ hasText: PLEDGE });
    await (await visible(row.getByRole("button", { name: /^掲示する/ }))).click();
    const dialog = page.getByRole("dialog");
    await (await visible(dialog.getByRole("textbox", { name: /コメント/ }))).fill("掲示します");
    await dialog.getByRole("button", { name: "掲示する", exact: true }).click();
    await dialog.waitFor({ state: "hidden", timeout: UI_TIMEOUT });
    await visible(mine.getByRole("row").filter({ hasText: PLEDGE }).getByText("掲示中"));
  });

  test("the lobby board shows it full screen without signing in, with pause and keyboard controls", async () => {
    const lobby = await session.browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo", reducedMotion: "reduce" });
    const board = await lobby.newPage();
    try {
      // The same host as the staff pages (the setup link's), though the board needs no session.
      await board.goto(new URL("/vision/board", page.url()).href);
      expect(await heading1(board)).toBe("わたしたちの Action宣言");
      // Reduced motion: the board starts paused, so it stays on what the keys choose.
      await visible(board.getByRole("button", { name: "再生" }));
      const quote = board.locator("blockquote");
      await visible(quote);
      const seen = new Set<string>();
      for (let i = 0; i < 30; i++) {
        seen.add((await quote.textContent()) ?? "");
        if (seen.has(PLEDGE)) break;
        await board.keyboard.press("ArrowRight");
      }
      expect(seen.has(PLEDGE)).toBe(true);
      // The anonymous declaration names no author.
      expect(await board.locator("main").textContent()).not.toContain(ADMIN.displayName);
      await checkA11y(board);

      await board.goto(new URL("/public/vision/declarations", page.url()).href);
      expect(await heading1(board)).toBe("職員の Action宣言");
      await visible(board.getByText(PLEDGE));
      await checkA11y(board);
    } finally {
      await lobby.close();
    }
  });

  test("the council and outreach pages load for the bureau", async () => {
    await page.goto(new URL("/vision/council", page.url()).href);
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe("有識者会議");
    await visible(page.getByRole("button", { name: "委員を登録" }));
    await checkA11y(page);

    await page.goto(new URL("/vision/outreach", page.url()).href);
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe("周知・浸透の記録");
    await visible(page.getByRole("button", { name: "取組を記録" }));
    await checkA11y(page);
  });
});
