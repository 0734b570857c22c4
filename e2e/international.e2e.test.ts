// The 国際 module end to end through the real UI (issue 15 "Must show": "a department enters a project and a trip; the
// bureau sees them on the map and on the partner city's timeline; the trip's report becomes overdue and is flagged;
// the report is filed and the trip closes"), against the production bundle on a fresh data directory with the sample
// data: first administrator via the setup link → a department editor (局編集者 of 産業政策課, 産業経済局) and a bureau
// editor (国際政策課: their 局 is 政策局, the app's international.bureauId, so they approve and settle) through the
// users page → the department adds a partner city with its position and a project with it, then a trip that went
// there (dates in the past, typed in 和暦, report due three days ago) and applies → the bureau approves it (決裁) and
// finds the project and the trip on the map's table and on the city's timeline → the department moves the trip 出張中
// → 帰庁: 「報告期限超過」 on the trip, in the trips list and on the module home → the department files the report: the
// flag is gone → the bureau cannot settle while a cost line has no settled amount → the department enters it → the
// bureau settles (精算) and completes (完了). Accessibility (axe) is checked on the pages the flow passes.
import type { Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { checkA11y } from "./lib/chromium";
import type { RunningServer } from "./lib/server";
import { useBrowserSession } from "./lib/session";
import { setUpFirstAdmin } from "./lib/setup-admin";
import * as ui from "./lib/ui";
import { gone, heading1, UI_TIMEOUT, visible } from "./lib/ui";

const ADMIN = { loginId: "e2e.admin", displayName: "試験 太郎", password: "Yokogushi2025test" };
/** An editor (局編集者) of 産業政策課 (産業経済局): enters the department's project and trip. */
const DEPARTMENT = { loginId: "sangyo.editor", displayName: "産業 一郎", password: "Sangyo2026editor", organisation: "産業政策課" };
/** An editor of 国際政策課: their 局 is 政策局, the coordinating bureau (international.bureauId of the sample data). */
const BUREAU = { loginId: "kokusai.editor", displayName: "国際 二葉", password: "Kokusai2026editor", organisation: "国際政策課" };
/** A partner city the sample data does not have, added with its position so that the map places it. */
const PARTNER = { country: "ベトナム", city: "ダナン市", relation: "協定", latitude: "16.0544", longitude: "108.2022" };
const PARTNER_LABEL = `${PARTNER.city}（${PARTNER.country}）`;
const PROJECT = "ダナン市との環境技術交流事業（E2E）";
const TRIP = "ダナン市との環境技術交流協議（E2E）";
const COST = { kind: "運賃", description: "往復航空券", planned: "180000", settled: "172,400" };
const SAFETY_LEVEL = "レベル1 十分注意";
const APPROVER = "政策局長 試験 三郎";

/** A day counted from today in Japan, as 和暦 (令和N年M月D日, the way staff type dates) and as ISO. */
function dayInJapan(offsetDays: number): { wareki: string; iso: string } {
  const iso = new Date(Date.now() + 9 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
  const [y, m, d] = iso.split("-").map(Number);
  return { wareki: `令和${y - 2018}年${m}月${d}日`, iso };
}

const DEPARTS = dayInJapan(-40);
const VISIT = dayInJapan(-38);
const RETURNS = dayInJapan(-35);
/** Due three days ago: past, and after the return as the rule wants. */
const REPORT_DUE = dayInJapan(-3);

describe("国際: a department enters a project and a trip → the bureau sees them on the map and the timeline → the overdue report is flagged → filed → the trip closes (browser)", () => {
  const session = useBrowserSession(UI_TIMEOUT);
  let server: RunningServer;
  let page: Page;
  let tripPath = "";
  let partnerPath = "";

  beforeAll(() => {
    ({ server, page } = session);
  });

  let lateBefore = 0;
  const logOut = (displayName: string) => ui.logOut(page, displayName);
  /** The count beside 国際 in the sidebar (the late reports the person is concerned with); 0 when none is shown. */
  const overdueInSidebar = async (): Promise<number> => {
    const badge = page.getByTestId("nav-attention");
    if ((await badge.count()) === 0) return 0;
    return Number(((await badge.locator("[aria-hidden]").textContent()) ?? "").replace(/,/g, ""));
  };
  const logIn = (account: { loginId: string; password: string; displayName: string }) => ui.logIn(page, account);
  const closeFlash = (text: string) => ui.closeFlash(page, text);

  /** The same host as the setup link (the session cookie belongs to it). */
  const go = async (path: string) => {
    await page.goto(new URL(path, page.url()).href);
  };

  /** Signs the current user out and the next one in. */
  async function switchTo(from: { displayName: string }, to: { loginId: string; password: string; displayName: string }) {
    await logOut(from.displayName);
    await logIn(to);
  }

  const actions = () => page.getByRole("region", { name: "状態を進める" });
  /** The main line's current step (計画 … 完了), as the stepper marks it for screen readers. */
  const currentStep = () => page.getByRole("navigation", { name: "出張の進み具合" }).locator('[aria-current="step"]');

  async function openTrip() {
    await go(tripPath);
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe(TRIP);
  }

  /** Presses a state's button on the trip page, fills what its dialog asks (if anything) and confirms. */
  async function moveTrip(label: string, fill?: (dialog: Locator) => Promise<void>) {
    await (await visible(actions().getByRole("button", { name: `「${label}」にする`, exact: true }))).click();
    const dialog = await visible(page.getByRole("dialog", { name: `状態を「${label}」にする` }));
    await fill?.(dialog);
    await dialog.getByRole("button", { name: `「${label}」にする`, exact: true }).click();
    await gone(page.getByRole("dialog"));
    await closeFlash(`状態を「${label}」にしました。`);
    await expect.poll(async () => (await currentStep().textContent()) ?? "", { timeout: UI_TIMEOUT }).toContain(label);
  }

  async function createUser(account: typeof DEPARTMENT) {
    await (await visible(page.getByRole("button", { name: "利用者を追加", exact: true }))).click();
    const dialog = await visible(page.getByRole("dialog", { name: "利用者を追加" }));
    await dialog.getByRole("textbox", { name: "ログインID", exact: true }).fill(account.loginId);
    await dialog.getByRole("textbox", { name: "氏名", exact: true }).fill(account.displayName);
    await dialog.getByRole("combobox", { name: "権限", exact: true }).selectOption({ label: "局編集者" });
    const organisation = dialog.getByRole("combobox", { name: "所属", exact: true });
    // The options are indented by depth ("　　産業政策課（課）"): pick the one that names the division.
    const option = organisation.locator("option").filter({ hasText: `${account.organisation}（課）` });
    await option.waitFor({ state: "attached", timeout: UI_TIMEOUT });
    expect(await option.count()).toBe(1);
    await organisation.selectOption((await option.getAttribute("value")) ?? "");
    await dialog.getByRole("textbox", { name: "初期パスワード", exact: true }).fill(account.password);
    await dialog.getByRole("button", { name: "保存", exact: true }).click();
    await gone(page.getByRole("dialog"));
    await closeFlash("利用者を追加しました。");
    await visible(page.getByText(account.loginId, { exact: true }).first());
  }

  test("the first administrator creates a department editor (産業政策課) and a bureau editor (国際政策課)", async () => {
    await setUpFirstAdmin(page, await server.waitForSetupUrl(), ADMIN, { timeout: UI_TIMEOUT });
    if (new URL(page.url()).pathname !== "/admin/users") await go("/admin/users");
    await createUser(DEPARTMENT);
    await createUser(BUREAU);
  });

  test("the department adds the partner city (with its position) and enters a project with it", async () => {
    await switchTo(ADMIN, DEPARTMENT);
    await go("/international");
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe("国際");
    // A department editor is no manager: the bureau's settings are not offered.
    expect(await page.getByRole("navigation", { name: "国際のメニュー" }).getByRole("link", { name: "局の設定" }).count()).toBe(0);
    await page.getByRole("link", { name: "事業を登録", exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/international/projects/new");
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe("国際関連事業の登録");

    await page.getByRole("textbox", { name: "事業名", exact: true }).fill(PROJECT);
    // Their own division, which only an administrator may change.
    const owner = page.getByRole("combobox", { name: "所管課", exact: true });
    expect(await owner.isDisabled()).toBe(true);
    expect(await owner.locator("option:checked").textContent()).toContain(DEPARTMENT.organisation);
    await page.getByRole("combobox", { name: "分野", exact: true }).selectOption({ label: "国際技術協力" });
    await page.getByRole("combobox", { name: "状態", exact: true }).selectOption({ label: "実施中" });
    await page
      .getByRole("textbox", { name: "概要", exact: true })
      .fill("ダナン市の上下水道・廃棄物分野の課題に、市内企業の環境技術で協力する。");
    await checkA11y(page);

    await page.getByRole("button", { name: "相手先を追加", exact: true }).click();
    const dialog = await visible(page.getByRole("dialog", { name: "相手先を追加" }));
    await dialog.getByRole("textbox", { name: "国", exact: true }).fill(PARTNER.country);
    await dialog.getByRole("textbox", { name: "都市", exact: true }).fill(PARTNER.city);
    await dialog.getByRole("combobox", { name: "関係", exact: true }).selectOption({ label: PARTNER.relation });
    await dialog.getByRole("textbox", { name: "緯度", exact: true }).fill(PARTNER.latitude);
    await dialog.getByRole("textbox", { name: "経度", exact: true }).fill(PARTNER.longitude);
    await checkA11y(page);
    await dialog.getByRole("button", { name: "保存", exact: true }).click();
    await gone(page.getByRole("dialog"));
    await closeFlash(`相手先「${PARTNER_LABEL}」を追加しました。`);
    // The new partner is chosen for the project at once.
    await visible(page.getByRole("main").getByText(PARTNER_LABEL, { exact: true }));

    await page.getByRole("button", { name: "登録する", exact: true }).click();
    await page.waitForURL((url) => /^\/international\/projects\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith("/new"));
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe(PROJECT);
    await closeFlash("事業を登録しました。");
    await visible(page.getByRole("link", { name: PARTNER_LABEL, exact: true }));
    await checkA11y(page);
  });

  test("the department enters a trip to that city (past dates in 和暦, report due three days ago) as 計画 and applies", async () => {
    await go("/international/trips/new");
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe("海外出張の登録");
    await page.getByRole("textbox", { name: "件名", exact: true }).fill(TRIP);
    await page.getByRole("textbox", { name: "目的", exact: true }).fill("環境技術交流の進め方をダナン市人民委員会と協議する。");
    const departs = page.getByRole("textbox", { name: "出発日", exact: true });
    await departs.fill(DEPARTS.wareki);
    await visible(page.getByText(`（西暦 ${DEPARTS.iso}）として扱います`));
    await page.getByRole("textbox", { name: "帰着日", exact: true }).fill(RETURNS.wareki);
    await visible(page.getByText(`（西暦 ${RETURNS.iso}）として扱います`));
    await page.getByRole("textbox", { name: "報告書の提出期限", exact: true }).fill(REPORT_DUE.wareki);
    await visible(page.getByText(`（西暦 ${REPORT_DUE.iso}）として扱います`));

    // The project it advances.
    const projects = page.getByRole("combobox", { name: "関連事業", exact: true });
    await projects.click();
    await projects.fill("ダナン");
    await (await visible(page.getByRole("option", { name: `${PROJECT}（${DEPARTMENT.organisation}）` }))).click();
    await page.keyboard.press("Escape");

    // The form starts with the signed-in editor as the one 団長.
    const traveller = page.getByRole("group", { name: "出張者 1行目", exact: true });
    expect(await traveller.getByRole("combobox", { name: "氏名", exact: true }).inputValue()).toBe(DEPARTMENT.displayName);
    expect(await traveller.getByRole("combobox", { name: "役割", exact: true }).locator("option:checked").textContent()).toBe("団長");
    expect(await traveller.getByRole("checkbox", { name: "本人（ログイン中の職員）" }).isChecked()).toBe(true);

    await page.getByRole("button", { name: "訪問を追加", exact: true }).click();
    const visit = await visible(page.getByRole("group", { name: "行程 1", exact: true }));
    await visit.getByRole("textbox", { name: "訪問日", exact: true }).fill(VISIT.wareki);
    await visit.getByRole("combobox", { name: "相手先", exact: true }).selectOption({ label: PARTNER_LABEL });
    // The partner names the place.
    expect(await visit.getByRole("textbox", { name: "国", exact: true }).inputValue()).toBe(PARTNER.country);
    expect(await visit.getByRole("textbox", { name: "都市", exact: true }).inputValue()).toBe(PARTNER.city);
    await visit.getByRole("textbox", { name: "訪問先", exact: true }).fill("ダナン市人民委員会");

    await page.getByRole("button", { name: "経費を追加", exact: true }).click();
    const cost = await visible(page.getByRole("group", { name: "経費 1行目", exact: true }));
    await cost.getByRole("combobox", { name: "費目", exact: true }).selectOption({ label: COST.kind });
    await cost.getByRole("textbox", { name: "内訳", exact: true }).fill(COST.description);
    await cost.getByRole("textbox", { name: "予定額（円）", exact: true }).fill(COST.planned);
    await checkA11y(page);

    await page.getByRole("button", { name: "計画として登録する", exact: true }).click();
    await page.waitForURL((url) => /^\/international\/trips\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith("/new"));
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe(TRIP);
    tripPath = new URL(page.url()).pathname;
    await closeFlash("出張を登録しました。");
    expect(await currentStep().textContent()).toContain("計画");
    await visible(page.getByRole("link", { name: PROJECT, exact: true }));
    // The report is due already, but a trip not yet under way is not late.
    expect(await page.getByText("報告期限超過").count()).toBe(0);
    await checkA11y(page);

    await moveTrip("申請");
    // Applied, it waits for the bureau: the department has no further move (申請の取下げは中止だけ).
    expect(await actions().getByRole("button", { name: "「決裁」にする" }).count()).toBe(0);
  });

  test("the bureau approves the trip (決裁) and finds the project and the trip on the map and on the city's timeline", async () => {
    await switchTo(DEPARTMENT, BUREAU);
    await openTrip();
    await moveTrip("決裁", async (dialog) => {
      await dialog.getByRole("textbox", { name: "決裁者", exact: true }).fill(APPROVER);
      // 決裁日 is today unless changed.
      expect(await dialog.getByRole("textbox", { name: "決裁日", exact: true }).inputValue()).toBe(dayInJapan(0).wareki);
      await dialog.getByRole("textbox", { name: "条件", exact: true }).fill("帰庁後、速やかに報告書を提出すること");
    });
    const approval = page.getByRole("region", { name: "旅行命令（決裁）" });
    await visible(approval.getByText(APPROVER, { exact: true }));
    // A manager of the module: the bureau's settings are theirs.
    await visible(page.getByRole("navigation", { name: "国際のメニュー" }).getByRole("link", { name: "局の設定" }));
    await visible(approval.getByText("帰庁後、速やかに報告書を提出すること", { exact: true }));
    // The bureau approves and settles; moving the trip on is the department's.
    expect(await actions().getByRole("button", { name: "「出張中」にする" }).count()).toBe(0);

    await go("/international/map");
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe("相手先の地図");
    // The table beside the map (its text alternative): the new city with the project and the trip counted.
    const table = await visible(page.getByRole("table", { name: "相手先ごとの事業数・出張数（全期間）" }));
    // The map names a city by itself (its country has a column of its own).
    const row = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: PARTNER.city, exact: true }) });
    await visible(row);
    expect((await row.getByRole("cell").allTextContents()).map((text) => text.trim())).toEqual([
      PARTNER.country,
      PARTNER.relation,
      "1件",
      "1件",
    ]);
    // And the point on the map itself.
    await visible(page.getByRole("link", { name: `${PARTNER.city}（${PARTNER.country}・${PARTNER.relation}）事業1件・出張1件` }).first());
    await checkA11y(page);

    await row.getByRole("link", { name: PARTNER.city, exact: true }).click();
    await page.waitForURL((url) => /^\/international\/partners\/[^/]+$/.test(url.pathname));
    partnerPath = new URL(page.url()).pathname;
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe(PARTNER_LABEL);
    const timeline = await visible(page.getByRole("region", { name: "年表" }));
    await visible(timeline.getByRole("link", { name: PROJECT, exact: true }));
    await visible(timeline.getByRole("link", { name: TRIP, exact: true }));
    await checkA11y(page);
  });

  test("the department sets off (出張中) and comes back (帰庁): the late report is flagged on the trip, in the list and on the home page", async () => {
    await switchTo(BUREAU, DEPARTMENT);
    await openTrip();
    // 決裁 and not yet under way: no flag, although the due date has passed.
    expect(await page.getByText("報告期限超過").count()).toBe(0);
    await page.waitForLoadState("networkidle"); // the sidebar's count has loaded
    lateBefore = await overdueInSidebar();
    await moveTrip("出張中", async (dialog) => {
      await dialog.getByRole("combobox", { name: "渡航先の危険情報レベル（外務省）", exact: true }).selectOption({ label: SAFETY_LEVEL });
    });
    await visible(page.getByRole("region", { name: "旅行命令（決裁）" }).getByText(SAFETY_LEVEL, { exact: true }));
    await moveTrip("帰庁");
    // Beside 国際 in the sidebar, on every page: one more late report of the department's.
    await expect.poll(overdueInSidebar, { timeout: UI_TIMEOUT }).toBe(lateBefore + 1);
    expect(await page.getByRole("link", { name: /^国際\s*報告書の提出期限を過ぎた出張 [\d,]+件$/ }).count()).toBe(1);

    // On the trip: the badge by its title and the alert with the due date.
    const alert = await visible(page.getByRole("alert").filter({ hasText: "報告書の提出期限を過ぎています。" }));
    expect(await alert.textContent()).toContain("報告期限超過");
    expect(await page.getByText("報告期限超過", { exact: true }).count()).toBeGreaterThanOrEqual(2);
    await checkA11y(page);

    // On the module home: the overdue card names the trip; its link lists the overdue trips.
    await go("/international");
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe("国際");
    const overdue = await visible(page.getByRole("alert").filter({ hasText: "提出期限を過ぎた出張報告" }));
    await visible(overdue.getByRole("link", { name: TRIP, exact: true }));
    await checkA11y(page);
    await overdue.getByRole("link", { name: "報告遅延の出張をすべて見る" }).click();
    await page.waitForURL((url) => url.pathname === "/international/trips");
    expect(new URL(page.url()).search).toBe("?overdue=true");
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe("海外出張");
    expect(await page.getByRole("checkbox", { name: "報告遅延のみ", exact: true }).isChecked()).toBe(true);
    const row = page
      .getByRole("table", { name: "海外出張の一覧" })
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: TRIP }) });
    await visible(row.getByText("帰庁", { exact: true }));
    await visible(row.getByText("報告期限超過", { exact: true }));
    await checkA11y(page);
  });

  test("the department files the report (報告書提出): the flag is gone", async () => {
    await openTrip();
    await actions().getByRole("button", { name: "出張報告を提出", exact: true }).click();
    const dialog = await visible(page.getByRole("dialog", { name: "出張報告を提出" }));
    // Filed today unless changed.
    expect(await dialog.getByRole("textbox", { name: "提出日", exact: true }).inputValue()).toBe(dayInJapan(0).wareki);
    await dialog
      .getByRole("textbox", { name: "成果", exact: true })
      .fill("上下水道分野で市内企業3社の技術紹介を行い、来年度の実証事業の候補地を確認した。");
    await dialog.getByRole("textbox", { name: "今後の対応", exact: true }).fill("実証事業の予算化に向けて、国際政策課と協議する。");
    await checkA11y(page);
    await dialog.getByRole("button", { name: "保存", exact: true }).click();
    await gone(page.getByRole("dialog"));
    await closeFlash("出張報告を保存しました。");
    await expect.poll(async () => (await currentStep().textContent()) ?? "", { timeout: UI_TIMEOUT }).toContain("報告書提出");
    await gone(page.getByText("報告期限超過"));
    await expect.poll(overdueInSidebar, { timeout: UI_TIMEOUT }).toBe(lateBefore);
    const report = page.getByRole("region", { name: "出張報告" });
    await visible(report.getByText("上下水道分野で市内企業3社の技術紹介を行い、来年度の実証事業の候補地を確認した。", { exact: true }));

    // Nor on the home page.
    await go("/international");
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe("国際");
    const card = await visible(page.getByRole("region", { name: "提出期限を過ぎた出張報告" }));
    // Once the card has loaded (none left, or the sample data's own late reports), the trip is not among them.
    await visible(
      card
        .getByText("提出期限を過ぎた報告はありません。", { exact: true })
        .or(card.getByRole("link", { name: "報告遅延の出張をすべて見る" })),
    );
    expect(await page.getByRole("link", { name: TRIP, exact: true }).count()).toBe(0);
  });

  test("the bureau cannot settle while the cost line has no settled amount", async () => {
    await switchTo(DEPARTMENT, BUREAU);
    await openTrip();
    await actions().getByRole("button", { name: "「精算」にする", exact: true }).click();
    const dialog = await visible(page.getByRole("dialog", { name: "状態を「精算」にする" }));
    await dialog.getByRole("button", { name: "「精算」にする", exact: true }).click();
    await visible(
      dialog.getByRole("alert").filter({
        hasText: `経費の1行目（${COST.kind}・${COST.description}）に精算額が入力されていません。すべての行の精算額を入力してから精算してください。`,
      }),
    );
    await dialog.getByRole("button", { name: "キャンセル", exact: true }).click();
    await gone(page.getByRole("dialog"));
    expect(await currentStep().textContent()).toContain("報告書提出");
  });

  test("the department enters the settled amount; the bureau settles (精算) and completes (完了)", async () => {
    await switchTo(BUREAU, DEPARTMENT);
    await openTrip();
    await page.getByRole("link", { name: "精算額を入力", exact: true }).click();
    await page.waitForURL((url) => url.pathname === `${tripPath}/edit`);
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe(`「${TRIP}」の編集`);
    // After 決裁 only the settled amounts can change.
    expect(await page.getByRole("textbox", { name: "件名", exact: true }).isDisabled()).toBe(true);
    const cost = page.getByRole("group", { name: "経費 1行目", exact: true });
    expect(await cost.getByRole("textbox", { name: "予定額（円）", exact: true }).isDisabled()).toBe(true);
    await cost.getByRole("textbox", { name: "精算額（円）", exact: true }).fill(COST.settled);
    await checkA11y(page);
    await page.getByRole("button", { name: "更新する", exact: true }).click();
    await page.waitForURL((url) => url.pathname === tripPath);
    await closeFlash("出張を更新しました。");
    const costs = page.getByRole("table", { name: "経費" });
    await visible(
      costs
        .getByRole("row")
        .filter({ hasText: COST.description })
        .getByRole("cell", { name: `${COST.settled}円` }),
    );

    await switchTo(DEPARTMENT, BUREAU);
    await openTrip();
    await moveTrip("精算");
    await moveTrip("完了");
    // Closed: nothing is left to do, and it can no longer be edited.
    await visible(actions().getByText("いま進められる状態の変更はありません。", { exact: true }));
    expect(await page.getByRole("link", { name: /^(編集|精算額を入力)$/ }).count()).toBe(0);
    const history = page.getByRole("table", { name: "状態の履歴" });
    for (const change of [
      "計画 → 申請",
      "申請 → 決裁",
      "決裁 → 出張中",
      "出張中 → 帰庁",
      "帰庁 → 報告書提出",
      "報告書提出 → 精算",
      "精算 → 完了",
    ])
      await visible(history.getByRole("cell", { name: change, exact: true }));
    await checkA11y(page);

    // The city's timeline still holds the trip, now closed.
    await go(partnerPath);
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe(PARTNER_LABEL);
    await visible(page.getByRole("region", { name: "年表" }).getByRole("link", { name: TRIP, exact: true }));
  });
});
