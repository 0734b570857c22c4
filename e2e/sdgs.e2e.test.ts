// The SDGs module end to end through the real UI (issue 16 "Must show": "a company applies, is returned for a fix,
// resubmits, is scored and certified by the committee, shows in the public registry; a bank records a loan; the
// dashboard counts it"), against the production bundle on a fresh data directory with the sample data: first
// administrator via the setup link → through the users page an editor of SDGs推進課 (their 局 is 政策局, the bureau that
// runs the programme: sdgs.manager), a partner login of a sample bank and a partner login of the sample reviewers'
// organisation → the bureau creates a new round open today (copying the last one, dates typed in 和暦) and registers the
// reviewer → a company signs up at /public/sdgs/register (a 法人番号 with a valid check digit), applies in the new round
// (eligibility, self-check with evidence PDFs, 3 goals, declaration) and submits → the bureau starts 要件確認 and returns
// it with a reason → the company sees the reason, fixes a goal and resubmits → 要件確認 again → 書類審査 → the reviewer
// scores every item and submits → 審査会 (the bureau first brings the round's deadline forward to yesterday: a meeting
// must come after the deadline) → a meeting today decides 認証 at the suggested tier: KSM-<fiscal year>-NNNN →
// the public registry (signed out) lists it and the certificate check says 有効 → the bank records a 融資 by the number
// → the dashboard counts one more finance link and one more certified company. axe on the registry and the application.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { withCheckDigit } from "../src/common/sdgs/corporate-number";
import { checkA11y } from "./lib/chromium";
import type { RunningServer } from "./lib/server";
import { useBrowserSession } from "./lib/session";
import { setUpFirstAdmin } from "./lib/setup-admin";
import * as ui from "./lib/ui";
import { gone, heading1, visible } from "./lib/ui";

/** Several sessions share 2 cores: a little more than the default for each visible state. */
const UI_TIMEOUT = 30_000;

type Account = { loginId: string; displayName: string; password: string };
const ADMIN: Account = { loginId: "e2e.admin", displayName: "試験 太郎", password: "Yokogushi2025test" };
/** An editor (局編集者) of SDGs推進課: their 局 is 政策局, the bureau that runs the programme (sdgs.manager). */
const BUREAU = {
  loginId: "sdgs.editor",
  displayName: "持続 花子",
  password: "Sdgs2026editor",
  role: "局編集者",
  organisation: "SDGs推進課（課）",
};
/** A partner login of the first sample bank (finance-demo.ts). */
const BANK = {
  loginId: "mirai.bank",
  displayName: "未来 銀次",
  password: "MiraiBank2026",
  role: "外部パートナー",
  organisation: "北九州みらい銀行（サンプル）（外部団体）",
};
/** A partner login of the sample reviewers' organisation: the outside reviewer (外部有識者). */
const REVIEWER = {
  loginId: "outside.reviewer",
  displayName: "審査 有識",
  password: "Reviewer2026outside",
  role: "外部パートナー",
  organisation: "サステナブル経営認証 審査委員（サンプル）（外部団体）",
};
type NewUser = typeof BUREAU;

const COMPANY_NAME = "響灘グリーン試験工業株式会社";
/** 12 base digits starting 9999 (no sample company uses it) with their check digit. */
const CORPORATE_NUMBER = withCheckDigit("999912340567");
/** The company's login: its display name is the company's name. */
const COMPANY: Account = { loginId: "hibikinada.green", displayName: COMPANY_NAME, password: "Hibikinada2026green" };
const ROUND_NAME = "令和9年度 サステナブル経営認証（E2E）";
const RETURN_REASON = "目標3（地元企業からの調達）の目標年度を、市の計画に合わせて2030年度にして再提出してください。";
const EVIDENCE_ITEMS = ["E-01", "S-01", "G-01"];
const GOALS = [
  {
    title: "CO2排出量の削減",
    kpi: "CO2排出量",
    unit: "t",
    baseline: "1200",
    baselineYear: "2024",
    target: "840",
    targetYear: "2030",
    sdg: 13,
  },
  {
    title: "女性管理職の登用",
    kpi: "女性管理職比率",
    unit: "%",
    baseline: "8",
    baselineYear: "2024",
    target: "20",
    targetYear: "2030",
    sdg: 5,
  },
  // The bureau asks for this goal's target year to be 2030 (the fix after the return).
  {
    title: "地元企業からの調達",
    kpi: "市内調達比率",
    unit: "%",
    baseline: "35",
    baselineYear: "2024",
    target: "50",
    targetYear: "2028",
    sdg: 11,
  },
];

/** A day counted from today in Japan, as 和暦 (令和N年M月D日, the way staff type dates) and as ISO. */
function dayInJapan(offsetDays: number): { wareki: string; iso: string } {
  const iso = new Date(Date.now() + 9 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
  const [y, m, d] = iso.split("-").map(Number);
  return { wareki: `令和${y - 2018}年${m}月${d}日`, iso };
}
const YESTERDAY = dayInJapan(-1);
const TODAY = dayInJapan(0);
const IN_30_DAYS = dayInJapan(30);

/** A small valid PDF, as a company would attach a scanned policy. */
function smallPdf(title: string): Buffer {
  const text = `%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >> endobj
4 0 obj << /Length 44 >> stream
BT /F1 12 Tf 72 770 Td (${title}) Tj ET
endstream endobj
trailer << /Root 1 0 R >>
%%EOF
`;
  return Buffer.from(text, "latin1");
}

describe("SDGs: a company applies → returned → resubmits → scored → certified → public registry → a bank's loan → the dashboard (browser)", () => {
  const session = useBrowserSession(UI_TIMEOUT);
  let server: RunningServer;
  let page: Page;
  let roundPath = "";
  let applicationPath = "";
  let staffApplicationPath = "";
  let certificateNumber = "";
  let financeBefore = -1;
  let certifiedBefore = -1;

  beforeAll(() => {
    ({ server, page } = session);
  });

  const closeFlash = (text: string) => ui.closeFlash(page, text);
  const go = async (path: string) => {
    await page.goto(new URL(path, page.url()).href);
  };
  const waitHeading = (text: string | RegExp) =>
    expect
      .poll(() => heading1(page), { timeout: UI_TIMEOUT })
      .toMatch(typeof text === "string" ? new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) : text);

  async function switchTo(from: Account | null, to: Account) {
    if (from) await ui.logOut(page, from.displayName);
    else await go("/login");
    await ui.logIn(page, to);
  }

  /** A figure of the dashboard (「金融連携の件数（累計）」 → 12): the number under its label. */
  async function dashboardFigure(label: string): Promise<number> {
    const box = page.getByText(label, { exact: true }).locator("xpath=..");
    await visible(box);
    const text = (await box.textContent()) ?? "";
    const match = /(\d[\d,]*)\s*(件|社)/.exec(text.slice(label.length));
    if (!match) throw new Error(`no figure under 「${label}」: ${text}`);
    return Number(match[1].replace(/,/g, ""));
  }

  async function openDashboard() {
    await go("/sdgs/dashboard");
    await waitHeading("認証制度のダッシュボード");
  }

  async function createUser(account: NewUser) {
    await (await visible(page.getByRole("button", { name: "利用者を追加", exact: true }))).click();
    const dialog = await visible(page.getByRole("dialog", { name: "利用者を追加" }));
    await dialog.getByRole("textbox", { name: "ログインID", exact: true }).fill(account.loginId);
    await dialog.getByRole("textbox", { name: "氏名", exact: true }).fill(account.displayName);
    await dialog.getByRole("combobox", { name: "権限", exact: true }).selectOption({ label: account.role });
    const organisation = dialog.getByRole("combobox", { name: "所属", exact: true });
    const option = organisation.locator("option").filter({ hasText: account.organisation });
    await option.waitFor({ state: "attached", timeout: UI_TIMEOUT });
    expect(await option.count()).toBe(1);
    await organisation.selectOption((await option.getAttribute("value")) ?? "");
    await dialog.getByRole("textbox", { name: "初期パスワード", exact: true }).fill(account.password);
    await dialog.getByRole("button", { name: "保存", exact: true }).click();
    await gone(page.getByRole("dialog"));
    await closeFlash("利用者を追加しました。");
    await visible(page.getByText(account.loginId, { exact: true }).first());
  }

  /** The bureau opens the application from 認証の申請 (searching by the company's name). */
  async function openStaffApplication() {
    if (staffApplicationPath) {
      await go(staffApplicationPath);
    } else {
      await go("/sdgs/applications");
      await waitHeading("認証の申請");
      await page.getByLabel("企業名・フリガナ・法人番号").fill(COMPANY_NAME);
      await page.getByRole("button", { name: "絞り込む", exact: true }).click();
      await (await visible(page.getByRole("link", { name: COMPANY_NAME, exact: true }))).click();
      await page.waitForURL((url) => /^\/sdgs\/applications\/[^/]+$/.test(url.pathname));
      staffApplicationPath = new URL(page.url()).pathname;
    }
    await waitHeading(COMPANY_NAME);
  }

  /** A move on the staff's application page: its button, the dialog (with a comment or reason), its flash. */
  async function moveApplication(label: string, comment?: string) {
    const screening = page.getByRole("region", { name: "要件確認", exact: true });
    await (await visible(screening.getByRole("button", { name: label, exact: true }))).click();
    const dialog = await visible(page.getByRole("dialog"));
    if (comment !== undefined) await dialog.getByRole("textbox").fill(comment);
    await dialog.getByRole("button", { name: label, exact: true }).click();
    await gone(page.getByRole("dialog"));
    await closeFlash(`「${label}」を行いました。`);
  }

  /** The company's 5-step form: 次へ to the next step. */
  async function nextStep() {
    await page.getByRole("button", { name: "次へ", exact: true }).click();
  }

  test("the first administrator creates the SDGs推進課 editor, a bank's partner login and the outside reviewer's login", async () => {
    await setUpFirstAdmin(page, await server.waitForSetupUrl(), ADMIN, { timeout: UI_TIMEOUT });
    if (new URL(page.url()).pathname !== "/admin/users") await go("/admin/users");
    await createUser(BUREAU);
    await createUser(BANK);
    await createUser(REVIEWER);
  });

  test("the bureau creates a round open today (copying the last one, dates in 和暦) and registers the reviewer", async () => {
    await switchTo(ADMIN, BUREAU);
    // The dashboard before anything happens: the figures the end of the test compares with.
    await openDashboard();
    financeBefore = await dashboardFigure("金融連携の件数（累計）");
    certifiedBefore = await dashboardFigure("認証企業数（本日有効）");

    await go("/sdgs/rounds");
    await waitHeading("募集回と審査基準");
    await page.getByRole("button", { name: "新しい募集回", exact: true }).click();
    const dialog = await visible(page.getByRole("dialog", { name: "新しい募集回" }));
    // It copies the latest round (令和8年度) and proposes the next fiscal year.
    await visible(dialog.getByText(/「令和8年度.*」の審査基準.*を複製します/));
    await dialog.getByRole("textbox", { name: "募集回の名前" }).fill(ROUND_NAME);
    expect(await dialog.getByRole("combobox", { name: "年度" }).locator("option:checked").textContent()).toContain("令和9年度");
    await dialog.getByRole("textbox", { name: "受付開始日" }).fill(YESTERDAY.wareki);
    await visible(dialog.getByText(`（西暦 ${YESTERDAY.iso}）として扱います`));
    await dialog.getByRole("textbox", { name: "受付終了日" }).fill(IN_30_DAYS.wareki);
    await visible(dialog.getByText(`（西暦 ${IN_30_DAYS.iso}）として扱います`));
    await dialog.getByRole("button", { name: "保存", exact: true }).click();
    await gone(page.getByRole("dialog"));
    await closeFlash(`募集回「${ROUND_NAME}」を作成しました。`);
    await waitHeading(ROUND_NAME);
    roundPath = new URL(page.url()).pathname;
    // The copied check sheet: the four required items with evidence are there.
    await visible(page.getByRole("main").getByText("E-01", { exact: true }).first());

    await go("/sdgs/reviewers");
    await waitHeading("審査員");
    await page.getByRole("button", { name: "審査員を登録", exact: true }).click();
    const add = await visible(page.getByRole("dialog", { name: "審査員を登録" }));
    const user = add.getByRole("combobox", { name: /利用者（氏名・ログインIDで検索）/ });
    await user.fill(REVIEWER.displayName);
    await (await visible(page.getByRole("option").filter({ hasText: REVIEWER.displayName }))).click();
    expect(await add.getByRole("textbox", { name: "所属・肩書" }).inputValue()).toContain("審査委員");
    await add.getByRole("button", { name: "登録する", exact: true }).click();
    await gone(page.getByRole("dialog"));
    await closeFlash("審査員を登録しました。");
    await visible(page.getByRole("table").getByText(REVIEWER.displayName, { exact: true }));
  });

  test("a company signs up, applies in the new round with evidence and 3 goals, declares and submits", async () => {
    await ui.logOut(page, BUREAU.displayName);
    await go("/public/sdgs/register");
    await waitHeading("サステナブル経営認証 申請企業のアカウント登録");
    await page.getByRole("textbox", { name: "法人番号（13桁）" }).fill(CORPORATE_NUMBER);
    await visible(page.getByText("チェックデジットを確認しました。"));
    await page.getByRole("textbox", { name: "事業者名", exact: true }).fill(COMPANY_NAME);
    await page.getByRole("textbox", { name: "事業者名のフリガナ（カタカナ）" }).fill("ヒビキナダグリーンシケンコウギョウ");
    await page.getByRole("textbox", { name: "郵便番号" }).fill("808-0021");
    await page.getByRole("combobox", { name: "所在地の区" }).selectOption({ label: "若松区" });
    await page.getByRole("textbox", { name: "所在地（本社・主たる事業所）" }).fill("北九州市若松区響町一丁目1番地");
    await page.getByRole("combobox", { name: "業種（日本標準産業分類の大分類）" }).selectOption({ index: 5 });
    await page.getByRole("combobox", { name: "企業規模" }).selectOption({ index: 2 });
    await page.getByRole("textbox", { name: "担当者名" }).fill("響 緑");
    await page.getByRole("textbox", { name: "メールアドレス" }).fill("green@hibikinada.example.jp");
    await page.getByRole("textbox", { name: "電話番号" }).fill("093-000-0000");
    await page.getByRole("textbox", { name: "ログインID" }).fill(COMPANY.loginId);
    // PasswordInput: no textbox role, and the label carries the required mark.
    await page.getByLabel(/^パスワード\s*\*?$/).fill(COMPANY.password);
    await page.getByLabel(/^パスワード（確認）\s*\*?$/).fill(COMPANY.password);
    await page.getByRole("checkbox", { name: /利用規約と個人情報の取扱い/ }).check();
    await page.getByRole("button", { name: "アカウントを登録する", exact: true }).click();
    await visible(page.getByText(`ログインID「${COMPANY.loginId}」でログインして、申請を始めてください。`));
    await page.getByRole("link", { name: "ログイン画面へ" }).click();
    await waitHeading("ログイン");
    await ui.logIn(page, COMPANY);
    // A company's login lands on its own page.
    await page.waitForURL((url) => url.pathname === "/sdgs/company");
    await waitHeading("サステナブル経営認証（申請企業）");

    const roundRow = page.getByRole("row").filter({ hasText: ROUND_NAME });
    await (await visible(roundRow.getByRole("button", { name: "申請を始める", exact: true }))).click();
    await page.waitForURL((url) => /^\/sdgs\/company\/applications\/[^/]+$/.test(url.pathname));
    applicationPath = new URL(page.url()).pathname;
    await waitHeading(/^令和9年度 サステナブル経営認証（E2E）の申請（.+）$/);

    // 1 申請要件
    const answer = async (question: RegExp, value: "はい" | "いいえ") =>
      page.getByRole("radiogroup", { name: question }).getByRole("radio", { name: value, exact: true }).check();
    await answer(/市内に本社または事業所/, "はい");
    await answer(/市税.*滞納/, "はい");
    await answer(/反社会的勢力/, "はい");
    await answer(/重大な法令違反/, "いいえ");
    await nextStep();

    // 2 セルフチェック: every item met (so every required item too); saved before the evidence is attached.
    const met = page.getByRole("radio", { name: "取り組んでいる", exact: true });
    await visible(met.first());
    const items = await met.count();
    expect(items).toBeGreaterThanOrEqual(10);
    for (let i = 0; i < items; i++) await met.nth(i).check();
    await visible(page.getByText("到達する区分: ゴールド"));
    await page.getByRole("button", { name: "下書き保存", exact: true }).click();
    await closeFlash("下書きを保存しました。");
    for (const code of EVIDENCE_ITEMS) {
      const form = page.getByRole("form", { name: `項目${code}の証拠書類` });
      await form.locator('input[type="file"]').setInputFiles({
        name: `evidence-${code}.pdf`,
        mimeType: "application/pdf",
        buffer: smallPdf(`Evidence ${code}`),
      });
      await form.getByRole("button", { name: `項目${code}の証拠書類`, exact: true }).click();
      await closeFlash(`「evidence-${code}.pdf」を添付しました。`);
      await visible(page.getByRole("link", { name: `evidence-${code}.pdf` }));
    }
    // The answers survived the uploads.
    expect(await page.getByRole("radio", { name: "取り組んでいる", exact: true, checked: true }).count()).toBe(items);
    await nextStep();

    // 3 自社の目標
    for (const [index, goal] of GOALS.entries()) {
      const row = await visible(page.getByRole("group", { name: `目標${index + 1}`, exact: true }));
      await row.getByRole("textbox", { name: "目標", exact: true }).fill(goal.title);
      await row.getByRole("textbox", { name: "指標（KPI）", exact: true }).fill(goal.kpi);
      await row.getByRole("textbox", { name: "単位", exact: true }).fill(goal.unit);
      await row.getByRole("textbox", { name: "基準値", exact: true }).fill(goal.baseline);
      await row.getByRole("textbox", { name: "基準年度（西暦で入力）", exact: true }).fill(goal.baselineYear);
      await row.getByRole("textbox", { name: "目標値", exact: true }).fill(goal.target);
      await row.getByRole("textbox", { name: "目標年度（西暦で入力）", exact: true }).fill(goal.targetYear);
      await row
        .getByRole("checkbox")
        .nth(goal.sdg - 1)
        .check();
    }
    await nextStep();

    // 4 概要と宣言
    await page
      .getByRole("textbox", { name: "取組の概要" })
      .fill("響灘の工場で省エネ設備への更新と再生可能エネルギーの調達を進め、女性の登用と地元調達を広げています。");
    await page.getByRole("checkbox", { name: /申請内容に偽りがないこと/ }).check();
    await nextStep();

    // 5 確認と提出
    await visible(page.getByText("提出できます。内容を確かめてから「提出」を押してください。"));
    await page.getByRole("button", { name: "提出", exact: true }).click();
    await closeFlash("申請を提出しました。");
    await visible(page.getByText("提出済みの申請は変更できません。内容の確認だけできます。"));
    await checkA11y(page);
  });

  test("the bureau starts 要件確認 and returns the application with a reason", async () => {
    await switchTo(COMPANY, BUREAU);
    await openStaffApplication();
    await visible(page.getByText("提出済み", { exact: true }).first());
    await moveApplication("要件確認を始める", "");
    await moveApplication("差し戻す", RETURN_REASON);
    await visible(page.getByText(RETURN_REASON).first());
  });

  test("the company sees the reason, fixes a goal and resubmits", async () => {
    await switchTo(BUREAU, COMPANY);
    await go(applicationPath);
    await waitHeading(/の申請（.+）$/);
    const returned = await visible(page.getByRole("alert").filter({ hasText: "差し戻されました。次の点を直して再提出してください。" }));
    await visible(returned.getByText(RETURN_REASON));
    // Straight to 自社の目標 (the gate is open: the answers are kept).
    await page.getByRole("button", { name: /3\. 自社の目標/ }).click();
    const third = await visible(page.getByRole("group", { name: "目標3", exact: true }));
    await third.getByRole("textbox", { name: "目標年度（西暦で入力）", exact: true }).fill("2030");
    // The declaration is asked again for each submission: without it 確認と提出 lists what to fix and 提出 is disabled.
    await page.getByRole("button", { name: /5\. 確認と提出/ }).click();
    await visible(page.getByText("提出前に直す点", { exact: true }));
    expect(await page.getByRole("button", { name: "提出", exact: true }).isDisabled()).toBe(true);
    await page.getByRole("button", { name: /4\. 概要と宣言/ }).click();
    await page.getByRole("checkbox", { name: /申請内容に偽りがないこと/ }).check();
    await nextStep();
    await visible(page.getByText("提出できます。内容を確かめてから「提出」を押してください。"));
    await page.getByRole("button", { name: "提出", exact: true }).click();
    await closeFlash("申請を提出しました。");
    await visible(page.getByText("提出済みの申請は変更できません。内容の確認だけできます。"));
  });

  test("the bureau starts 要件確認 again and sends the application to 書類審査", async () => {
    await switchTo(COMPANY, BUREAU);
    await openStaffApplication();
    // The fixed goal: 地元企業からの調達 now aims at 2030 (shown as 令和12年度).
    await page.getByRole("tab", { name: "目標", exact: true }).click();
    await visible(
      page
        .getByRole("tabpanel")
        .getByRole("row")
        .filter({ hasText: "地元企業からの調達" })
        .getByText(/令和12年度/),
    );
    await moveApplication("要件確認を始める", "");
    await moveApplication("書類審査へ進める", "");
    await visible(page.getByText("書類審査・ヒアリング", { exact: true }).first());
  });

  test("the reviewer (lands on /sdgs/review) scores every item and submits", async () => {
    await switchTo(BUREAU, REVIEWER);
    await page.waitForURL((url) => url.pathname === "/sdgs/review");
    await waitHeading("書類審査・ヒアリング");
    await (await visible(page.getByRole("link", { name: COMPANY_NAME, exact: true }))).click();
    await page.waitForURL((url) => /^\/sdgs\/review\/applications\/[^/]+$/.test(url.pathname));
    const scores = page.getByLabel(/ の点数（0〜\d+点）$/);
    await visible(scores.first());
    const count = await scores.count();
    expect(count).toBeGreaterThanOrEqual(10);
    for (let i = 0; i < count; i++) {
      const field = scores.nth(i);
      const max = /（0〜(\d+)点）$/.exec((await field.getAttribute("aria-label")) ?? "")?.[1] ?? "0";
      await field.fill(max);
    }
    await page.getByRole("textbox", { name: "総評" }).fill("全項目で取組が確認できた。");
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "提出する", exact: true }).click();
    await visible(page.getByText("この採点は提出済みです。"));
  });

  test("the bureau sends it to the committee; a meeting today certifies it at the suggested tier: KSM-2027-NNNN", async () => {
    await switchTo(REVIEWER, BUREAU);
    await openStaffApplication();
    await moveApplication("審査会に付す", "");
    await visible(page.getByText("審査会待ち", { exact: true }).first());

    // A committee meets after the application deadline (the server refuses a meeting on or before it). The test cannot
    // wait 30 days: the bureau brings the round's deadline forward to yesterday (dates stay editable after submissions).
    await go(`${roundPath}/edit`);
    await waitHeading(`${ROUND_NAME} の編集`);
    const closesOn = page.getByRole("textbox", { name: "受付終了日" });
    await closesOn.fill(YESTERDAY.wareki);
    // Both the opening and the closing date now read yesterday.
    await expect.poll(() => page.getByText(`（西暦 ${YESTERDAY.iso}）として扱います`).count(), { timeout: UI_TIMEOUT }).toBe(2);
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await closeFlash(`募集回「${ROUND_NAME}」を保存しました。`);
    await waitHeading(ROUND_NAME);

    await go("/sdgs/committee");
    await waitHeading("審査会");
    await page.getByRole("button", { name: "審査会を登録", exact: true }).click();
    const dialog = await visible(page.getByRole("dialog", { name: "審査会の登録" }));
    await dialog.getByRole("combobox", { name: "募集回" }).selectOption({ label: ROUND_NAME });
    await dialog.getByRole("textbox", { name: "開催日" }).fill(TODAY.wareki);
    await visible(dialog.getByText(`（西暦 ${TODAY.iso}）として扱います`));
    await dialog.getByRole("textbox", { name: "場所" }).fill("北九州市役所 本庁舎");
    await dialog.getByRole("button", { name: "保存", exact: true }).click();
    await gone(page.getByRole("dialog"));
    await closeFlash(`${ROUND_NAME}の審査会を登録しました。`);
    await page.getByRole("main").getByRole("combobox", { name: "募集回" }).selectOption({ label: ROUND_NAME });
    const meetingRow = page.getByRole("row").filter({ hasText: ROUND_NAME });
    await (await visible(meetingRow.getByRole("link").first())).click();
    await waitHeading(`${ROUND_NAME} 審査会`);

    const candidate = page.getByRole("row").filter({ hasText: COMPANY_NAME });
    await visible(candidate.getByText("ゴールド", { exact: true }).first());
    await candidate.getByRole("button", { name: `${COMPANY_NAME}の決定を記録` }).click();
    const decision = await visible(page.getByRole("dialog", { name: `${COMPANY_NAME} の決定` }));
    expect(await decision.getByRole("radio", { name: "認証", exact: true }).isChecked()).toBe(true);
    expect(await decision.getByRole("combobox", { name: "認証区分" }).locator("option:checked").textContent()).toContain("ゴールド");
    await decision.getByRole("textbox", { name: "理由・所見" }).fill("すべての分野で取組が確認された。");
    await decision.getByRole("button", { name: "保存", exact: true }).click();
    await gone(page.getByRole("dialog"));
    const flash = await visible(page.getByRole("status").filter({ hasText: `${COMPANY_NAME} を認証しました` }));
    certificateNumber = /KSM-\d{4}-\d{4}/.exec((await flash.textContent()) ?? "")?.[0] ?? "";
    expect(certificateNumber).toMatch(/^KSM-2027-\d{4}$/);
    await closeFlash(`${COMPANY_NAME} を認証しました（認証番号 ${certificateNumber}）。`);
    await visible(page.getByRole("region", { name: "決定済み", exact: true }).getByRole("link", { name: certificateNumber }));
  });

  test("the company's application page shows 認証 and passes axe", async () => {
    await switchTo(BUREAU, COMPANY);
    await go(applicationPath);
    await waitHeading(/の申請（.+）$/);
    await visible(page.getByRole("main").getByText("認証", { exact: true }).first());
    await checkA11y(page);
    await ui.logOut(page, COMPANY.displayName);
  });

  test("signed out, the public registry finds the company with its tier and number, and the check says 有効", async () => {
    await go("/public/sdgs");
    await waitHeading("サステナブル経営認証 認証企業一覧");
    await page.getByLabel("キーワード").fill(COMPANY_NAME);
    await page.getByRole("button", { name: "検索", exact: true }).click();
    const resultCount = page.getByRole("main").getByRole("status");
    await expect.poll(async () => (await resultCount.allTextContents()).join(" "), { timeout: UI_TIMEOUT }).toMatch(/^1社/);
    const row = page.getByRole("table", { name: "認証企業の一覧" }).getByRole("row").filter({ hasText: COMPANY_NAME });
    await visible(row.getByText(certificateNumber));
    await visible(row.getByText("ゴールド").first());
    // No personal data on the public page.
    expect(await page.getByText("響 緑").count()).toBe(0);
    await checkA11y(page);

    await go("/public/sdgs/check");
    await waitHeading("認証の確認");
    await page.getByLabel("認証番号").fill(certificateNumber);
    await page.getByRole("button", { name: "確認する", exact: true }).click();
    await visible(page.getByText("状態: 有効"));
    await visible(page.getByText(COMPANY_NAME).first());
  });

  test("the bank (lands on /sdgs/bank) records a 融資 for the company by its certificate number", async () => {
    await go("/login");
    await waitHeading("ログイン");
    await ui.logIn(page, BANK);
    await page.waitForURL((url) => url.pathname === "/sdgs/bank");
    await waitHeading("金融連携（融資等の登録）");
    await page.getByRole("button", { name: "融資等を登録", exact: true }).click();
    const form = await visible(page.getByRole("form", { name: "融資等を登録" }));
    await form.getByRole("combobox", { name: "認証企業" }).fill(certificateNumber);
    await (await visible(page.getByRole("option").filter({ hasText: `${COMPANY_NAME}（${certificateNumber}）` }))).click();
    await visible(form.getByText(`選択中: ${COMPANY_NAME}（${certificateNumber}）`));
    await form.getByRole("combobox", { name: "種類" }).selectOption({ label: "融資" });
    await form.getByRole("textbox", { name: "商品名" }).fill("みらいサステナブル経営応援融資");
    await form.getByRole("combobox", { name: "金額帯" }).selectOption({ label: "1,000万円以上5,000万円未満" });
    await form.getByRole("textbox", { name: "実行日" }).fill(TODAY.wareki);
    await visible(form.getByText(`（西暦 ${TODAY.iso}）として扱います`));
    await form.getByRole("button", { name: "登録する", exact: true }).click();
    // The page shows no confirmation toast (fm.bank.saved is not used): the form closes and the row appears.
    await gone(page.getByRole("form", { name: "融資等を登録" }));
    await visible(page.getByRole("table", { name: "自行が登録した融資等" }).getByText(COMPANY_NAME));
  });

  test("the bureau's dashboard counts one more finance link and the company among the certified companies", async () => {
    await switchTo(BANK, BUREAU);
    await openDashboard();
    expect(financeBefore).toBeGreaterThanOrEqual(0);
    await expect.poll(() => dashboardFigure("金融連携の件数（累計）"), { timeout: UI_TIMEOUT }).toBe(financeBefore + 1);
    expect(await dashboardFigure("認証企業数（本日有効）")).toBe(certifiedBefore + 1);
  });
});
