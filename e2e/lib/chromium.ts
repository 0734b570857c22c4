// Browser tests drive Debian's Chromium through playwright-core (no downloaded browsers on these machines).
import { AxeBuilder } from "@axe-core/playwright";
import { type Browser, chromium, type Page } from "playwright-core";

export const CHROMIUM_PATH = "/usr/bin/chromium";

// DESIGN.md "Pins and pitfalls": the flags that keep Chromium quiet and offline in CI containers.
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
] as const;

/**
 * Launches headless Chromium. Playwright's `launch()` gives every browser a fresh temporary
 * user-data-dir (a new profile, removed on close), so tests never share cookies or storage.
 * Call `browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo" })` per test.
 */
export async function launchBrowser(options: { slowMo?: number } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_FLAGS],
    slowMo: options.slowMo,
    timeout: 60_000,
  });
}

export type A11yOptions = {
  /** CSS selectors to leave out of the check (for example a third-party widget), each with a reason in the test. */
  exclude?: string[];
  /** axe rule ids to switch off, for a known and recorded exception. */
  disableRules?: string[];
};

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const BLOCKING_IMPACTS = new Set(["serious", "critical"]);

/**
 * Runs axe on the current page against WCAG 2.x A/AA rules and throws when it finds a serious or
 * critical violation, listing each rule with the offending elements. Minor and moderate findings are
 * returned for the test to look at but do not fail it.
 */
export async function checkA11y(page: Page, options: A11yOptions = {}) {
  let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  if (options.disableRules?.length) builder = builder.disableRules(options.disableRules);
  const results = await builder.analyze();
  const blocking = results.violations.filter((violation) => BLOCKING_IMPACTS.has(violation.impact ?? ""));
  if (blocking.length > 0) {
    const report = blocking
      .map((violation) => {
        const targets = violation.nodes
          .slice(0, 5)
          .map((node) => `    ${node.target.join(" ")}: ${node.failureSummary?.split("\n").join(" ") ?? ""}`)
          .join("\n");
        const more = violation.nodes.length > 5 ? `\n    … and ${violation.nodes.length - 5} more` : "";
        return `  [${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n${targets}${more}`;
      })
      .join("\n");
    throw new Error(`Accessibility violations on ${page.url()}:\n${report}`);
  }
  return results;
}
