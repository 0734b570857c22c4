// The 局区方針 flow end to end through the real UI, against the production bundle on a fresh data directory:
// first administrator via the setup link → log out and in → import the sample policy text as 令和7年度 →
// overview matrix → add a progress entry → download the PDF and read it back. Accessibility (axe) is checked
// on every page the flow passes, plus the citizen pages of the published sample document without signing in; last,
// a draft in Word (.docx) is imported through the same screen.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { WORD_TYPES } from "../src/common/upload-limits";
import { extractPdfText } from "../src/server/testing/pdf-text";
import { buildPolicyDocx } from "../src/server/testing/policy-docx-fixture";
import { checkA11y } from "./lib/chromium";
import type { RunningServer } from "./lib/server";
import { useBrowserSession } from "./lib/session";
import { setUpFirstAdmin } from "./lib/setup-admin";
import { heading1, UI_TIMEOUT, visible } from "./lib/ui";

const samplePath = fileURLToPath(new URL("../src/server/modules/policy/demo/sample-policy.txt", import.meta.url));

const ADMIN = { loginId: "e2e.admin", displayName: "試験 太郎", password: "Yokogushi2025test" };
const PROGRESS_TEXT = "特区ワーキンググループを3回開催し、規制改革の提案2件を国に提出した。";

/** Polls a value until it equals what is expected, for counts that settle after a render. */
async function eventually<T>(read: () => Promise<T>, expected: T, what: string): Promise<void> {
  const until = Date.now() + UI_TIMEOUT;
  let last: T = await read();
  while (last !== expected) {
    if (Date.now() > until) throw new Error(`${what}: expected ${String(expected)}, got ${String(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
}

describe("局区方針: setup → login → import → progress → PDF (browser)", () => {
  const session = useBrowserSession(UI_TIMEOUT);
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let documentUrl = "";

  beforeAll(() => {
    ({ server, browser, page } = session);
  });

  test("the first start prints a setup link that registers the first administrator", async () => {
    await setUpFirstAdmin(page, await server.waitForSetupUrl(), ADMIN, {
      timeout: UI_TIMEOUT,
      onFormShown: (page) => checkA11y(page),
      onPasswordFilled: async (page) => {
        // The rules listed beside the field are all ticked for this password.
        const rules = page.locator("#setup-password-rules").getByRole("listitem");
        expect(await rules.count()).toBe(4);
        for (const rule of await rules.all()) expect(await rule.textContent()).toContain("（満たしています）");
      },
    });
    expect(new URL(page.url()).pathname).toBe("/admin/users");
  });

  test("log out, then log in again through /login", async () => {
    await page.getByRole("button", { name: `${ADMIN.displayName} さんのメニュー` }).click();
    await (await visible(page.getByRole("menuitem", { name: "ログアウト" }))).click();
    await visible(page.getByText("ログアウトしました。"));
    expect(new URL(page.url()).pathname).toBe("/login");
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe("ログイン");

    // Signed out for real: a staff page sends us back to the login page.
    await page.goto(`${server.url}/policy`);
    await page.waitForURL((url) => url.pathname === "/login");
    await checkA11y(page);

    await page.getByRole("textbox", { name: "ログインID", exact: true }).fill(ADMIN.loginId);
    await page.getByRole("textbox", { name: "パスワード", exact: true }).fill(ADMIN.password);
    await page.getByRole("button", { name: "ログイン", exact: true }).click();
    await visible(page.getByRole("button", { name: `${ADMIN.displayName} さんのメニュー` }));
    await page.waitForURL((url) => url.pathname === "/policy");
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe("局区方針");
    // The list holds the published sample document (令和6年度).
    await visible(page.getByRole("table").getByText("令和6年度").first());
    await checkA11y(page);
  });

  test("import the sample policy text as 令和7年度 of 政策局", async () => {
    await page.getByRole("link", { name: "取り込み" }).click();
    await page.waitForURL((url) => url.pathname === "/policy/import");
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe("局区方針の取り込み");

    await page.getByRole("textbox", { name: "方針のテキスト" }).fill(await readFile(samplePath, "utf8"));
    await page.getByRole("button", { name: "解析", exact: true }).click();

    const confirm = page.getByRole("region", { name: "2. 解析結果の確認" });
    await visible(confirm.getByRole("heading", { name: "課題（10件）" }));
    expect(await confirm.getByRole("alert").filter({ hasText: "取り込みできない問題" }).count()).toBe(0);
    expect(await confirm.getByRole("button", { name: /^課題[A-C]/ }).count()).toBe(10);
    await checkA11y(page);

    const saveSection = page.getByRole("region", { name: "3. 保存先の指定" });
    await saveSection.getByRole("combobox", { name: "保存先の局", exact: true }).selectOption({ label: "政策局" });
    await saveSection.getByRole("textbox", { name: "年度", exact: true }).fill("令和7年度");
    await visible(saveSection.getByText("令和7年度（2025年度）として扱います"));
    await saveSection.getByRole("button", { name: "保存", exact: true }).click();

    await page.waitForURL((url) => /^\/policy\/documents\/[^/]+$/.test(url.pathname));
    await visible(page.getByText("局区方針を保存しました（課題10件）。"));
    documentUrl = page.url();
  });

  test("the document page shows the 10 challenges in the overview matrix", async () => {
    expect(documentUrl, "the import step must have saved a document").not.toBe("");
    await visible(page.getByText("年度: 令和7年度", { exact: false }));
    expect(await page.getByText("下書き", { exact: true }).first().isVisible()).toBe(true);

    const matrix = await visible(page.getByRole("table", { name: /行: 分類、列: 領域/ }));
    expect(await matrix.getByRole("link").count()).toBe(10);

    const areas = await matrix.getByRole("columnheader").allTextContents();
    expect(areas.map((a) => a.trim())).toEqual(["A領域", "B領域", "C領域"]);
    const cellAt = (category: string, area: string) =>
      matrix
        .getByRole("row")
        .filter({ has: page.getByRole("rowheader", { name: category, exact: true }) })
        .getByRole("cell")
        .nth(areas.findIndex((a) => a.trim() === area));
    await visible(cellAt("成長戦略", "A領域").getByRole("link", { name: "(1)ふるさと納税の寄附受入額の増加" }));
    await visible(cellAt("成長戦略", "B領域").getByRole("link", { name: "(1)特区制度を活用したルールメイキング" }));
    await visible(cellAt("成長戦略", "C領域").getByRole("link", { name: "(1)北九州市・新ビジョンの実現" }));
    // Each challenge appears once, in its own cell only.
    expect(await matrix.getByRole("link", { name: "(1)ふるさと納税の寄附受入額の増加" }).count()).toBe(1);
    expect(
      await cellAt("成長戦略", "B領域")
        .getByRole("link", { name: /ふるさと納税/ })
        .count(),
    ).toBe(0);

    await checkA11y(page);
  });

  test("add a progress entry to 課題B(1): it goes first in the history with its 時点 and status", async () => {
    await page.goto(documentUrl);
    const challenges = page.getByRole("region", { name: "課題と背景" });
    await (await visible(challenges.getByRole("link", { name: /^課題B[（(]1[)）]/ }))).click();
    await page.waitForURL((url) => url.pathname.startsWith("/policy/challenges/"));
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toMatch(/特区制度を活用したルールメイキング/);

    const history = page.getByRole("list", { name: "進捗の履歴" });
    await eventually(() => history.getByRole("listitem").count(), 1, "history entries before adding");

    const form = page.getByRole("region", { name: "進捗を追加" });
    await form.getByRole("textbox", { name: "時点", exact: true }).fill("令和7年3月末");
    await visible(form.getByText("令和7年3月末（西暦 2025-03-31）として扱います"));
    await form.getByRole("combobox", { name: "ステータス", exact: true }).selectOption({ label: "順調" });
    await form.getByRole("textbox", { name: "進捗の内容", exact: true }).fill(PROGRESS_TEXT);
    await checkA11y(page);
    await form.getByRole("button", { name: "進捗を追加" }).click();

    await eventually(() => history.getByRole("listitem").count(), 2, "history entries after adding");
    const entries = history.getByRole("listitem");
    const newest = entries.nth(0);
    expect(await newest.textContent()).toContain("令和7年3月末時点");
    expect(await newest.textContent()).toContain(PROGRESS_TEXT);
    expect(await newest.getByText("順調", { exact: true }).isVisible()).toBe(true);
    expect(await entries.nth(1).textContent()).toContain("令和6年11月末時点");
    // The form is emptied for the next entry.
    expect(await form.getByRole("textbox", { name: "進捗の内容", exact: true }).inputValue()).toBe("");

    // The challenge list page of the document.
    await page.getByRole("navigation", { name: "パンくずリスト" }).getByRole("link", { name: "課題一覧" }).click();
    await page.waitForURL((url) => url.pathname.endsWith("/challenges"));
    await visible(page.getByRole("link", { name: "特区制度を活用したルールメイキング", exact: false }).first());
    await checkA11y(page);
  });

  test("download the PDF from the document page: it holds the challenges and the new progress", async () => {
    await page.goto(documentUrl);
    const downloads = await visible(page.getByRole("group", { name: "ダウンロード" }));
    const [download] = await Promise.all([page.waitForEvent("download"), downloads.getByRole("link", { name: "PDF" }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const path = await download.path();
    const pdf = await readFile(path);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = (await extractPdfText(pdf)).replace(/\s+/g, "");
    expect(text).toContain("ふるさと納税の寄附受入額の増加");
    expect(text).toContain(PROGRESS_TEXT.replace(/\s+/g, ""));
  });

  test("the public pages of the published sample document pass axe without signing in", async () => {
    const visitor = await browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo" });
    try {
      const tab = await visitor.newPage();
      tab.setDefaultTimeout(UI_TIMEOUT);
      // The public home (issue 12 item 9) links to the list of published documents.
      await tab.goto(`${server.url}/public`);
      expect(await heading1(tab)).toBe("公開ページ");
      await tab.getByRole("link", { name: "公開中の局区方針", exact: true }).click();
      await tab.waitForURL((url) => url.pathname === "/public/policy");
      await expect.poll(() => heading1(tab), { timeout: UI_TIMEOUT }).toBe("公開中の局区方針");
      const table = await visible(tab.getByRole("table"));
      // Only the published sample (令和6年度) is listed; the draft imported above is not.
      expect(await table.textContent()).toContain("令和6年度");
      expect(await table.textContent()).not.toContain("令和7年度");
      await checkA11y(tab);

      await table.getByRole("link").first().click();
      await tab.waitForURL((url) => url.pathname.startsWith("/public/policy/"));
      const matrix = await visible(tab.getByRole("table", { name: /行: 分類、列: 領域/ }));
      await checkA11y(tab);

      await matrix.getByRole("link", { name: "(1)ふるさと納税の寄附受入額の増加" }).click();
      await tab.waitForURL((url) => url.pathname.startsWith("/public/policy/challenges/"));
      expect(await heading1(tab)).toMatch(/ふるさと納税の寄附受入額の増加/);
      await visible(tab.getByText("令和6年11月末時点").first());
      await checkA11y(tab);
    } finally {
      await visitor.close();
    }
  });

  test("issue 12: importing a .docx on the policy import screen: the same preview and issue list, then saved", async () => {
    await page.goto(`${server.url}/policy/import`);
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe("局区方針の取り込み");
    const chooseFile = async (name: string, buffer: Buffer) => {
      const [chooser] = await Promise.all([
        page.waitForEvent("filechooser"),
        page.getByRole("button", { name: "ファイルを選ぶ", exact: true }).click(),
      ]);
      await chooser.setFiles({ name, mimeType: WORD_TYPES.mimeTypes[0], buffer });
    };

    // A draft in Word: A(1) has no ③ yet (so Word numbers its ④ heading ③). It is read at once, with the gap as a
    // warning, not refused.
    const seed = await readFile(samplePath, "utf8");
    const draft = seed.replace(/③ 課題の背景\n\n寄附受付サイトが多いほど[^\n]*\n\nサイトを増やす[^\n]*\n\n/, "");
    expect(draft).not.toBe(seed);
    const word = await buildPolicyDocx(draft);

    // a broken file first: a clear Japanese message, nothing previewed
    await chooseFile("壊れた方針.docx", word.subarray(0, 4000));
    const failure = await visible(page.getByRole("alert").filter({ hasText: "Word 文書を読み取れませんでした" }));
    expect(await failure.textContent()).toContain("Word 文書（.docx）として読み取れません");
    expect(await page.getByRole("region", { name: "2. 解析結果の確認" }).count()).toBe(0);

    await chooseFile("局区方針（政策局）.docx", word);
    await visible(page.getByText("Word 文書「局区方針（政策局）.docx」を読み取り、解析しました", { exact: false }));
    const confirm = page.getByRole("region", { name: "2. 解析結果の確認" });
    await visible(confirm.getByRole("heading", { name: "課題（10件）" }));
    expect(await confirm.getByRole("button", { name: /^課題[A-C]/ }).count()).toBe(10);
    expect(await confirm.getByRole("alert").filter({ hasText: "取り込みできない問題" }).count()).toBe(0);
    await visible(confirm.getByText("課題A(1)に「③ 課題の背景」がありません（空欄のまま取り込みます）", { exact: false }));
    // Word numbered the next heading ③ itself; it is read by its words, and said so
    await visible(confirm.getByText("見出しの言葉から「④ 課題に対する取組み」として読みました", { exact: false }));
    // the text read from Word is in the text box, so the issues' line numbers can be found there
    expect(await page.getByRole("textbox", { name: "方針のテキスト" }).inputValue()).toMatch(/^政策局 X方針の概要\n/);
    expect(await page.getByRole("alert").filter({ hasText: "Word 文書を読み取れませんでした" }).count()).toBe(0);
    await checkA11y(page);

    const saveSection = page.getByRole("region", { name: "3. 保存先の指定" });
    await saveSection.getByRole("combobox", { name: "保存先の局", exact: true }).selectOption({ label: "政策局" });
    await saveSection.getByRole("textbox", { name: "年度", exact: true }).fill("令和8年度");
    await saveSection.getByRole("button", { name: "保存", exact: true }).click();
    await page.waitForURL((url) => /^\/policy\/documents\/[^/]+$/.test(url.pathname));
    await visible(page.getByText("局区方針を保存しました（課題10件）。"));
    await visible(page.getByText("年度: 令和8年度", { exact: false }));
  });
});
