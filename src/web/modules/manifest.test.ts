// Issue 13: the web modules' manifests — the sidebar (with its 準備中 entries), the administration menu and the public
// home page come from the one list in src/web/modules/index.ts.
import { describe, expect, it } from "vitest";
import { MODULE_ADMIN_LINKS, NAV_MODULES, PUBLIC_PAGES, WEB_MODULES } from "./index";

describe("web module manifests", () => {
  it("issue 13: the sidebar lists every module from WEB_MODULES in order, the ones not built yet as 準備中 (no link)", () => {
    expect(NAV_MODULES.map((module) => [module.label, module.to ?? null])).toEqual([
      ["局区方針", "/policy"],
      ["新ビジョン", "/vision"],
      ["ふるさと納税", "/furusato"],
      ["国際", "/international"],
      ["SDGs", null],
      ["広域連携", null],
      ["特区", null],
      ["外郭団体", null],
    ]);
  });

  it("issue 13: module names are unique and each built module's sidebar link is under its own name", () => {
    const names = WEB_MODULES.map((module) => module.name);
    expect(new Set(names).size).toBe(names.length);
    for (const module of NAV_MODULES) if (module.to) expect(module.to).toBe(`/${module.name}`);
  });

  it("issue 13: the modules add their admin pages and public pages through the manifest", () => {
    expect(MODULE_ADMIN_LINKS).toEqual([{ to: "/admin/furusato-reference", label: "全国比較の参考データ" }]);
    expect(PUBLIC_PAGES.map((page) => page.to)).toEqual([
      "/public/policy",
      "/public/vision",
      "/public/vision/declarations",
      "/public/international",
    ]);
  });

  it("issue 13: external logins reach only the paths their modules open to them", () => {
    expect(WEB_MODULES.flatMap((module) => ("partnerPaths" in module.nav ? module.nav.partnerPaths : []))).toEqual([
      "/vision/council",
      "/furusato",
    ]);
  });
});
