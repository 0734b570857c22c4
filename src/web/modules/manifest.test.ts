// Issue 13: the web modules' manifests — the sidebar (with its 準備中 entries), the administration menu and the public
// home page come from the one list in src/web/modules/index.ts.
import { describe, expect, it } from "vitest";
import { MODULE_ADMIN_LINKS, NAV_MODULES, PUBLIC_PAGES, WEB_MODULES } from "./index";

describe("web module manifests", () => {
  it("issue 13: the sidebar lists every module from WEB_MODULES in order, the ones not built yet as 準備中 (no link); issue 19: 外郭団体 became 経営分析", () => {
    expect(NAV_MODULES.map((module) => [module.label, module.to ?? null])).toEqual([
      ["局区方針", "/policy"],
      ["新ビジョン", "/vision"],
      ["ふるさと納税", "/furusato"],
      ["国際", "/international"],
      ["SDGs", "/sdgs"],
      ["広域連携", "/region"],
      ["特区", "/zones"],
      ["経営分析", "/analysis"],
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
      "/public/sdgs",
      "/public/sdgs/register",
      "/public/sdgs/station",
      "/public/region",
      "/public/region/en",
      "/public/region/privacy",
      "/public/region/opendata",
    ]);
  });

  it("issue 13: external logins reach only the paths their modules open to them", () => {
    expect(WEB_MODULES.flatMap((module) => ("partnerPaths" in module.nav ? module.nav.partnerPaths : []))).toEqual([
      "/vision/council",
      "/furusato",
      "/sdgs/company",
      "/sdgs/bank",
      "/sdgs/review",
      "/region/items",
      "/region/imports",
      "/region/problems",
      "/region/opendata",
      "/region/analytics",
    ]);
  });

  it("issue 16: an external login starts on its own pages: a council member's, a company's, a bank's, a reviewer's, else ふるさと納税", async () => {
    const { partnerHomeOf } = await import("../shell/layouts");
    expect(partnerHomeOf(["vision.council"])).toBe("/vision/council/member");
    expect(partnerHomeOf(["sdgs.company"])).toBe("/sdgs/company");
    expect(partnerHomeOf(["sdgs.bank"])).toBe("/sdgs/bank");
    expect(partnerHomeOf(["sdgs.reviewer"])).toBe("/sdgs/review");
    expect(partnerHomeOf(["region.editor"])).toBe("/region/items");
    expect(partnerHomeOf(["furusato.supplier"])).toBe("/furusato");
    expect(partnerHomeOf([])).toBe("/furusato");
  });
});
