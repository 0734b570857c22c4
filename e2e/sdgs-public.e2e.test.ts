// The SDGs public pages without sign-in, against the production bundle on a fresh data directory with the sample
// data: the registry (/public/sdgs) lists the certified sample companies with サンプル badges, tier badges and goals
// with their SDGs numbers, a search narrows it, the CSV link carries the conditions; 認証の確認 (/public/sdgs/check)
// answers 有効 for a valid number and the API's message for an unknown one. Both pages pass axe (WCAG 2.x A/AA).
import { beforeAll, describe, expect, test } from "vitest";
import { checkA11y } from "./lib/chromium";
import { useBrowserSession } from "./lib/session";
import { heading1, UI_TIMEOUT, visible } from "./lib/ui";

describe("SDGs: the public registry and 認証の確認 (browser, no sign-in)", () => {
  const session = useBrowserSession(UI_TIMEOUT);
  let validNumber = "";

  beforeAll(async () => {
    const response = await fetch(`${session.server.url}/api/public/sdgs/certified?pageSize=1`);
    const body = (await response.json()) as { items: { certificateNumber: string }[] };
    validNumber = body.items[0]?.certificateNumber ?? "";
  });

  test("the registry lists the certified sample companies, searches, links the CSV, and passes axe", async () => {
    const { page, server } = session;
    expect(validNumber).toMatch(/^KSM-\d{4}-\d{4}$/);
    await page.goto(`${server.url}/public/sdgs`);
    expect(await heading1(page)).toBe("サステナブル経営認証 認証企業一覧");
    const table = page.getByRole("table", { name: "認証企業の一覧" });
    await visible(table.getByText("小倉精機工業株式会社"));
    await visible(table.getByText("サンプル").first());
    await visible(table.getByText(/SDGs \d+/).first());
    await visible(page.getByText(/令和\d+年\d+月\d+日/).first());
    await checkA11y(page);

    await page.getByLabel("キーワード").fill("小倉精機");
    await page.getByRole("button", { name: "検索" }).click();
    await visible(page.getByRole("status").getByText(/^1社/));
    const csv = page.getByRole("link", { name: "CSVでダウンロード" });
    expect(await csv.getAttribute("href")).toContain("/api/public/sdgs/certified.csv?q=");
    // a revoked company is not listed
    await page.getByLabel("キーワード").fill("関門商事");
    await page.getByRole("button", { name: "検索" }).click();
    await visible(page.getByText("条件に合う認証企業はありません。"));
  });

  test("認証の確認 answers 有効 for a valid number and explains an unknown one, and passes axe", async () => {
    const { page, server } = session;
    await page.goto(`${server.url}/public/sdgs/check`);
    expect(await heading1(page)).toBe("認証の確認");
    await checkA11y(page);
    await page.getByLabel("認証番号").fill(validNumber.toLowerCase());
    await page.getByRole("button", { name: "確認する" }).click();
    await visible(page.getByText("状態: 有効"));
    await checkA11y(page);
    await page.getByLabel("認証番号").fill("KSM-2099-9999");
    await page.getByRole("button", { name: "確認する" }).click();
    await visible(page.getByRole("alert").getByText(/KSM-2099-9999.*見つかりません/));
    await checkA11y(page);
  });
});
