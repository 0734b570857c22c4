// issue 12 item 10: internal app-setting keys (furusato.shippingLeadDays, …) never reach the screens; the clerk is
// pointed at the settings screen by the names it shows.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LEAD_DAYS_SETTING } from "../../../common/api/furusato-settings";
import { fm } from "./messages";

/** An app setting's key as the server stores it: module prefix, a dot, a camelCase name. */
const SETTING_KEY = /(?<![\w.])(?:furusato|vision|policy)\.[a-z]+[A-Z][A-Za-z]*\b/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe("設定の名前（内部キーを画面に出さない）", () => {
  it("names 発送期限の日数 in Japanese, as the settings screen does", () => {
    expect(SETTING_KEY.test(LEAD_DAYS_SETTING)).toBe(true);
    expect(fm.settingLabels.shippingLeadDays).not.toContain(LEAD_DAYS_SETTING);
    expect(fm.settingLabels.shippingLeadDays).toMatch(/発送期限/);
    expect(fm.settingLabels.page).toBe("ふるさと納税の設定");
  });

  it("has no app-setting key in any screen's text", () => {
    const root = join(__dirname, "../..");
    const offenders = sources(root).flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        // comments may name the key for developers; only code (and so the text it renders) is checked
        .filter((line) => !/^\s*(\/\/|\/?\*)/.test(line) && SETTING_KEY.test(line))
        .map((line) => `${file}: ${line.trim()}`),
    );
    expect(offenders).toEqual([]);
  });
});
