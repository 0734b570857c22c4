// 特区 end to end through the real UI (issue 18 "Must show": "a proposal moves through two request rounds to 措置方針"),
// against the production bundle on a fresh data directory with the sample data: the first administrator adds an editor
// of 政策局 (the bureau that carries the proposals) → the editor opens 特区 from the sidebar (the pipeline), the list,
// finds the sample 920MHz proposal proposed on 令和6年10月16日, and creates a proposal (the form refuses an empty title
// in Japanese first) → moves it 調査研究 → 事前相談 → 提案 → 第1回検討要請 → 第1回回答（不可）→ 第2回検討要請（再検討要請）
// → 第2回回答（条件付可）→ 措置方針, each step with its own 和暦 date; while a request waits for its answer the dialog
// offers only the answer and 取下げ (no jump to WGヒアリング or 措置方針) → the timeline shows both rounds with their
// dates, the rounds table two rounds → a document is kept with its step, downloads and is deleted → the Word and PDF
// prints download → axe passes on the pipeline, list and proposal
// pages.
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import type { Page } from "playwright-core";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { formatWareki } from "../src/common/dates";
import { checkA11y } from "./lib/chromium";
import { useBrowserSession } from "./lib/session";
import { setUpFirstAdmin } from "./lib/setup-admin";
import * as ui from "./lib/ui";
import { gone, heading1, visible } from "./lib/ui";

/** Several sessions share 2 cores: a little more than the default for each visible state. */
const UI_TIMEOUT = 30_000;

type Account = { loginId: string; displayName: string; password: string };
const ADMIN: Account = { loginId: "e2e.admin", displayName: "試験 太郎", password: "Yokogushi2025test" };
/** An editor of 政策局 itself: the bureau that carries the 特区 proposals (zones.bureauId of the sample data). */
const BUREAU = {
  loginId: "zones.editor",
  displayName: "特区 花子",
  password: "Zones2026editor",
  role: "局編集者",
  organisation: "政策局（局）",
};

const TITLE = "e2e試験 小型月面探査車の公道走行試験に係る規制改革";

/** A day counted back from today in Japan (YYYY-MM-DD). */
function daysAgo(days: number): string {
  return new Date(Date.now() + 9 * 3600_000 - days * 86_400_000).toISOString().slice(0, 10);
}
/** Each step's date: two months of work, the last step today. */
const DATES = {
  research: daysAgo(70),
  consultation: daysAgo(60),
  proposal: daysAgo(50),
  request1: daysAgo(40),
  answer1: daysAgo(30),
  request2: daysAgo(20),
  answer2: daysAgo(10),
  policy: daysAgo(0),
};

describe("特区: a proposal through two request rounds to 措置方針", () => {
  const session = useBrowserSession(UI_TIMEOUT);
  let page: Page;
  let proposalPath = "";

  beforeAll(() => {
    page = session.page;
  });
  afterEach(async (ctx) => {
    // what the page showed when a step failed, for the one who reads the failure
    if (ctx.task.result?.state === "fail")
      await page.screenshot({ path: `${tmpdir()}/zones-e2e-failed-${ctx.task.id}.png`, fullPage: true });
  });

  /** Opens a path on the host the browser signed in on (the setup link names localhost; the session cookie is its). */
  async function go(path: string) {
    await page.goto(new URL(path, page.url()).href);
  }
  async function waitHeading(text: string) {
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe(text);
  }

  /** 「次の手続へ」: choose the step, the answer's kind, type the date in 和暦, record; the flash names the step. */
  async function move(step: string, iso: string, options: { answer?: string; recorded?: string } = {}) {
    await (await visible(page.getByRole("button", { name: "次の手続へ", exact: true }))).click();
    const dialog = await visible(page.getByRole("dialog"));
    await dialog.getByRole("radio", { name: step, exact: true }).check();
    if (options.answer) await dialog.getByRole("radio", { name: options.answer, exact: true }).check();
    await dialog.getByRole("textbox", { name: "日付" }).fill(formatWareki(iso));
    await dialog.getByRole("button", { name: "記録する", exact: true }).click();
    await gone(page.getByRole("dialog"));
    await ui.closeFlash(page, `「${options.recorded ?? step}」を記録しました。`);
  }

  /** The steps the dialog offers now (the radios' names), then closes it. */
  async function offeredSteps(): Promise<string[]> {
    await (await visible(page.getByRole("button", { name: "次の手続へ", exact: true }))).click();
    const dialog = await visible(page.getByRole("dialog"));
    const group = dialog.getByRole("group", { name: "進める段階" });
    await visible(group.getByRole("radio").first());
    const names = await group
      .getByRole("radio")
      .evaluateAll((radios) => radios.map((radio) => (radio as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? ""));
    await dialog.getByRole("button", { name: "キャンセル", exact: true }).click();
    await gone(page.getByRole("dialog"));
    return names;
  }

  test("the first administrator adds an editor of 政策局", async () => {
    await setUpFirstAdmin(page, await session.server.waitForSetupUrl(), ADMIN, { timeout: UI_TIMEOUT });
    await go("/admin/users");
    await (await visible(page.getByRole("button", { name: "利用者を追加", exact: true }))).click();
    const dialog = await visible(page.getByRole("dialog", { name: "利用者を追加" }));
    await dialog.getByRole("textbox", { name: "ログインID", exact: true }).fill(BUREAU.loginId);
    await dialog.getByRole("textbox", { name: "氏名", exact: true }).fill(BUREAU.displayName);
    await dialog.getByRole("combobox", { name: "権限", exact: true }).selectOption({ label: BUREAU.role });
    const organisation = dialog.getByRole("combobox", { name: "所属", exact: true });
    const option = organisation.locator("option").filter({ hasText: BUREAU.organisation });
    await option.first().waitFor({ state: "attached", timeout: UI_TIMEOUT });
    await organisation.selectOption((await option.first().getAttribute("value")) ?? "");
    await dialog.getByRole("textbox", { name: "初期パスワード", exact: true }).fill(BUREAU.password);
    await dialog.getByRole("button", { name: "保存", exact: true }).click();
    await gone(page.getByRole("dialog"));
    await ui.closeFlash(page, "利用者を追加しました。");
    await ui.logOut(page, ADMIN.displayName);
    await ui.logIn(page, BUREAU);
  });

  test("the sidebar's 特区 leads to the pipeline; the list finds the sample 920MHz proposal of 令和6年10月16日", async () => {
    await (await visible(page.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "特区" }))).click();
    await page.waitForURL((url) => url.pathname === "/zones");
    await waitHeading("特区 規制改革提案のパイプライン");
    const requestRow = page.getByRole("region", { name: "検討要請", exact: true });
    await visible(requestRow.getByRole("article", { name: /920MHz帯通信/ }));
    expect(await requestRow.getByRole("article", { name: /920MHz帯通信/ }).textContent()).toContain("第1回検討要請");
    // the pointer stays on the sidebar's link it clicked: the current entry under the pointer must keep its contrast too
    await checkA11y(page);

    await page.getByRole("link", { name: "一覧で見る（絞り込み・並べ替え・出力）" }).click();
    await waitHeading("特区 規制改革提案の一覧");
    await page.getByRole("textbox", { name: "語句" }).fill("920MHz");
    await page.getByRole("button", { name: "検索", exact: true }).last().click();
    await page.waitForURL((url) => url.searchParams.get("q") === "920MHz");
    const table = page.getByRole("table", { name: /規制改革提案の一覧/ });
    await expect.poll(async () => table.getByRole("row").count(), { timeout: UI_TIMEOUT }).toBe(2);
    const row = table.getByRole("row").nth(1);
    expect(await row.textContent()).toContain("令和6年10月16日");
    expect(await row.textContent()).toContain("九州工業大学");
    const excel = page.getByRole("link", { name: "Excelで出力" });
    expect(await excel.getAttribute("href")).toMatch(/^\/api\/zones\/proposals\/export\?.*q=920MHz.*format=xlsx/);
    await checkA11y(page);
  });

  test("the editor creates a proposal (the form says in Japanese what is missing first)", async () => {
    await page.getByRole("navigation", { name: "特区のメニュー" }).getByRole("link", { name: "新しい提案" }).click();
    await waitHeading("新しい規制改革提案");
    await page.getByRole("button", { name: "提案を登録", exact: true }).click();
    await visible(page.getByText("提案名を入力してください。"));
    await visible(page.getByText("分野を選んでください。"));
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-invalid"))).toBe("true");

    await page.getByRole("textbox", { name: "提案名" }).fill(TITLE);
    await page.getByRole("combobox", { name: "分野" }).selectOption({ label: "宇宙" });
    await page
      .getByRole("textbox", { name: "提案の概要" })
      .fill("月面探査車の地上試験を公道で行うため、道路運送車両法の保安基準の特例を求める。");
    await page.getByRole("radio", { name: "全国", exact: true }).check();
    await page.getByRole("textbox", { name: "調査研究を始めた日" }).fill(formatWareki(DATES.research));
    await page.getByRole("button", { name: "連携先を追加", exact: true }).click();
    // the new row's first input takes the focus
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest("fieldset")?.querySelector("legend")?.textContent), {
        timeout: UI_TIMEOUT,
      })
      .toBe("連携先 1");
    await page.keyboard.type("e2e試験工業大学");
    await page.getByRole("textbox", { name: "役割" }).fill("共同研究");
    await page.getByRole("textbox", { name: "根拠法令" }).fill("道路運送車両法");
    await page.getByRole("textbox", { name: "条項" }).fill("第41条");
    await page.getByRole("textbox", { name: "所管省庁" }).fill("国土交通省");
    await page.getByRole("button", { name: "提案を登録", exact: true }).click();
    await waitHeading(TITLE);
    await ui.closeFlash(page, "提案を登録しました。");
    proposalPath = new URL(page.url()).pathname;
    expect(proposalPath).toMatch(/^\/zones\/proposals\/[0-9a-f-]{36}$/);
    const details = page.getByRole("region", { name: "提案の内容" });
    expect(await details.textContent()).toContain("全国・規制改革");
  });

  test("it moves through two request rounds to 措置方針; a jump past an unanswered request is never offered", async () => {
    await move("事前相談", DATES.consultation);
    await move("提案", DATES.proposal);
    await move("第1回検討要請", DATES.request1);

    // 第1回検討要請 waits for its answer: only the answer or 取下げ
    expect(await offeredSteps()).toEqual(["第1回回答", "取下げ"]);

    await move("第1回回答", DATES.answer1, { answer: "不可", recorded: "第1回回答（不可）" });
    // after 不可: 措置方針 is offered only with a reason
    const afterNo = await offeredSteps();
    expect(afterNo).toContain("第2回検討要請（再検討要請）");
    expect(afterNo).toContain("措置方針（段階を飛ばすため理由が必要）");

    await move("第2回検討要請（再検討要請）", DATES.request2);
    const waiting = await offeredSteps();
    expect(waiting).toEqual(["第2回回答", "取下げ"]);
    expect(waiting.some((name) => name.startsWith("措置方針") || name.startsWith("WGヒアリング"))).toBe(false);

    await move("第2回回答", DATES.answer2, { answer: "条件付可", recorded: "第2回回答（条件付可）" });
    await move("措置方針", DATES.policy);

    const header = page.locator(".yk-page-header");
    expect(await header.textContent()).toContain("措置方針");
  });

  test("the timeline shows both rounds with their 和暦 dates, and the rounds table two rounds", async () => {
    const timeline = page.getByRole("table", { name: "手続の経過" });
    const rows = timeline.getByRole("row");
    await expect.poll(() => rows.count(), { timeout: UI_TIMEOUT }).toBe(9);
    const expected: [string, string][] = [
      ["調査研究", DATES.research],
      ["事前相談", DATES.consultation],
      ["提案", DATES.proposal],
      ["第1回検討要請", DATES.request1],
      ["第1回回答（不可）", DATES.answer1],
      ["第2回検討要請（再検討要請）", DATES.request2],
      ["第2回回答（条件付可）", DATES.answer2],
      ["措置方針", DATES.policy],
    ];
    for (const [i, [label, iso]] of expected.entries()) {
      const text = (await rows.nth(i + 1).textContent()) ?? "";
      expect(text).toContain(label);
      expect(text).toContain(formatWareki(iso));
    }
    const rounds = page.getByRole("table", { name: "検討要請と回答の回" });
    expect(await rounds.getByRole("row").count()).toBe(3);
    expect(await rounds.getByRole("row").nth(1).textContent()).toContain("不可");
    expect(await rounds.getByRole("row").nth(2).textContent()).toContain("条件付可");
    await checkA11y(page);
  });

  test("a document is kept with the step it belongs to, downloads and is deleted", async () => {
    const section = page.getByRole("region", { name: "書類・根拠資料" });
    await section.getByRole("combobox", { name: "どの段階の書類か" }).selectOption({ label: "第2回回答（条件付可）" });
    await section.getByRole("textbox", { name: "メモ（任意）" }).fill("回答書の写し");
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", "latin1");
    await section.locator("input[type=file]").setInputFiles({ name: "第2回回答書.pdf", mimeType: "application/pdf", buffer: pdf });
    await section.getByRole("button", { name: "書類を追加", exact: true }).click();
    await ui.closeFlash(page, "「第2回回答書.pdf」を追加しました。");
    const row = section.getByRole("row").filter({ hasText: "第2回回答書.pdf" });
    expect(await row.textContent()).toContain("第2回回答（条件付可）");
    const [download] = await Promise.all([page.waitForEvent("download"), row.getByRole("link").click()]);
    expect((await readFile(await download.path())).equals(pdf)).toBe(true);
    await row.getByRole("button", { name: /削除/ }).click();
    await (await visible(page.getByRole("dialog", { name: "書類の削除" }))).getByRole("button", { name: "削除", exact: true }).click();
    await ui.closeFlash(page, "「第2回回答書.pdf」を削除しました。");
    await visible(section.getByText("まだ書類はありません。"));
  });

  test("the Word and PDF prints download", async () => {
    for (const [name, extension, magic] of [
      ["Wordで出力", ".docx", "PK"],
      ["PDFで出力", ".pdf", "%PDF"],
    ] as const) {
      const link = await visible(page.getByRole("link", { name, exact: true }));
      const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
      expect(download.suggestedFilename().endsWith(extension)).toBe(true);
      const bytes = await readFile(await download.path());
      expect(bytes.subarray(0, magic.length).toString("latin1")).toBe(magic);
      expect(bytes.length).toBeGreaterThan(1000);
    }
  });

  test("the pipeline shows the proposal under 措置方針", async () => {
    await go("/zones");
    await waitHeading("特区 規制改革提案のパイプライン");
    const row = page.getByRole("region", { name: "措置方針", exact: true });
    await visible(row.getByRole("article", { name: TITLE }));
  });
});
