// What a web module tells the shell about itself (the client side of src/server/modules/manifest.ts). Each
// src/web/modules/<name>/index.ts exports one `WebModule`; src/web/modules/index.ts lists them, and the router, the
// sidebar, the administration menu and the public home page loop over that list. Adding a module to the web client is
// one folder plus one line there.
import type { AnyRoute } from "@tanstack/react-router";
import type { Audience } from "../../common/api/contract";
import type { Layouts } from "../shell/layouts";

/** A module's routes, by the layout they hang under (each route's `getParentRoute` names the same layout). */
export interface WebModuleRoutes {
  /** Full screen, no shell, no sign-in (the lobby display). */
  root?: readonly AnyRoute[];
  /** The public (citizen) site, no sign-in. */
  public?: readonly AnyRoute[];
  /** The signed-in staff shell. */
  staff?: readonly AnyRoute[];
  /** Signed in, without the shell (print layouts). */
  bare?: readonly AnyRoute[];
  /** Under /admin (システム管理者 only). */
  admin?: readonly AnyRoute[];
}

/** The module's entry in the sidebar's モジュール list. */
export interface WebModuleNav {
  /** Shown in the sidebar. */
  label: string;
  /** Where the entry leads; none for a module still 準備中 (shown, disabled). */
  to?: string;
  /** The sidebar's order (smaller first). */
  order: number;
  /**
   * Path prefixes an external login (外部パートナー) may open in this module; the module is in such a login's sidebar
   * while it is on one of them. None: staff only.
   */
  partnerPaths?: readonly string[];
  /** The module an external login sees in its sidebar when it is on none of the modules' `partnerPaths` (its account). */
  partnerDefault?: boolean;
  /**
   * Where an external login of a module audience lands when it opens a page it may not (its start page): a council
   * member's 有識者会議, a company's 申請 pages, a bank's 金融連携. The first audience that matches wins; none matches:
   * the `partnerDefault` module's entry.
   */
  partnerHomes?: readonly { audience: Audience; to: string }[];
  /**
   * A hook that counts what is waiting for the signed-in person in this module (報告期限超過の出張 …). The sidebar
   * shows the count beside the entry on every staff page, so that it reaches the person wherever they are; undefined
   * (or a count of 0) shows nothing.
   */
  useAttention?: () => NavAttention | undefined;
}

/** What the sidebar shows beside a module's entry: a count and what it counts (read out with it, and on hover). */
export interface NavAttention {
  count: number;
  /** 「報告期限超過の出張 2件」 */
  label: string;
}

/** A page of the administration menu that a module adds (below the platform's own pages). */
export interface WebAdminLink {
  to: string;
  label: string;
}

/** A page of the public site that a module adds to the public home page (/public). */
export interface WebPublicPage {
  to: string;
  /** The page's own h1. */
  title: string;
  description: string;
}

export interface WebModule {
  /** The module's name, as on the server (`policy`, `furusato`, …); the sidebar marks it current under `/<name>`. */
  name: string;
  nav: WebModuleNav;
  routes?: (layouts: Layouts) => WebModuleRoutes;
  adminLinks?: readonly WebAdminLink[];
  publicPages?: readonly WebPublicPage[];
}
