// Builds the HTTP application: middleware, every module's routes, the OpenAPI document and the web client.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import { z } from "zod";
import type { Contract } from "../common/api/contract";
import { MODULES } from "./modules";
import type { ModuleManifest } from "./modules/manifest";
import { projectRoot } from "./paths";
import { AppError, TooManyRequests } from "./platform/errors";
import { conflictOfUniqueViolation } from "./platform/http/db-errors";
import { loggedPath } from "./platform/http/logged-path";
import { buildOpenApi, renderApiDocs } from "./platform/http/openapi";
import { applyPageHead, pageHeadOf } from "./platform/http/page-head";
import { ApiRouter, validationErrorOf } from "./platform/http/router";
import { securityHeaders, sessionLoader, writeRules } from "./platform/http/security";
import type { AppDeps, AppEnv } from "./platform/http/types";
import { registerPlatformRoutes } from "./platform/routes";
import { APP_VERSION } from "./version";

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

const contractsOfApp = new WeakMap<Hono<AppEnv>, readonly Contract[]>();

/** Every endpoint the app serves, as registered (the route × role matrix test walks them). */
export function routeContracts(app: Hono<AppEnv>): readonly Contract[] {
  return contractsOfApp.get(app) ?? [];
}

export function buildApp(deps: AppDeps, opts: { webRoot?: string; modules?: readonly ModuleManifest[] } = {}): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.use("*", async (c, next) => {
    const incoming = c.req.header("x-request-id");
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
    c.set("requestId", requestId);
    c.set("user", null);
    const started = performance.now();
    await next();
    c.header("X-Request-Id", requestId);
    // Path only: query strings can carry search words and names, which stay out of the logs; so do tokens in paths.
    deps.log.info(
      {
        requestId,
        method: c.req.method,
        path: loggedPath(c.req.path),
        status: c.res.status,
        ms: Math.round(performance.now() - started),
        userId: c.get("user")?.id,
        // Why a request was refused, so that attempts (CSRF, other sites, probing) can be told from mistakes.
        errorCode: c.get("errorCode"),
      },
      "request",
    );
  });
  app.use("*", securityHeaders());
  app.use("/api/*", async (c, next) => {
    await next();
    c.header("Cache-Control", "no-store");
  });
  // Each route's body limit comes from its contract (JSON or upload) and is applied by the router (router.on).
  app.use("/api/*", writeRules(deps.config));
  app.use("/api/*", sessionLoader(deps));

  const router = new ApiRouter(app, deps);
  registerPlatformRoutes(router, deps);
  for (const module of opts.modules ?? MODULES) module.routes?.(router, deps);

  contractsOfApp.set(app, router.contracts);

  // Built on first request, not at start-up: the schemas' JSON conversion is the slowest part of building the app.
  let openApi: object | null = null;
  let docsHtml: string | null = null;
  app.get("/api/openapi.json", (c) => {
    openApi ??= buildOpenApi(router.contracts, APP_VERSION);
    return c.json(openApi);
  });
  app.get("/api/docs", (c) => {
    docsHtml ??= renderApiDocs(router.contracts, APP_VERSION);
    return c.html(docsHtml);
  });
  app.all("/api/*", () => {
    throw new AppError(404, "not_found", "APIが見つかりません。");
  });

  mountWebClient(app, opts.webRoot ?? path.join(projectRoot, "dist", "web"), deps, opts.modules ?? MODULES);

  app.onError((error, c) => {
    const requestId = c.get("requestId");
    const known =
      error instanceof z.ZodError ? validationErrorOf(error) : error instanceof AppError ? error : conflictOfUniqueViolation(error);
    c.set("errorCode", known?.code ?? "internal_error");
    if (!known) {
      deps.log.error({ err: error, requestId, path: loggedPath(c.req.path) }, "unhandled error");
      return c.json(
        { error: { code: "internal_error", message: "サーバー内部でエラーが発生しました。時間をおいて再度お試しください。", requestId } },
        500,
      );
    }
    if (known instanceof TooManyRequests) c.header("Retry-After", String(known.retryAfterSeconds));
    return c.json({ error: { code: known.code, message: known.message, fields: known.fields, requestId } }, known.status as 400);
  });
  return app;
}

/** The built SPA: hashed assets cached for a year, every other path answered with index.html (client routing). */
function mountWebClient(app: Hono<AppEnv>, webRoot: string, deps: AppDeps, modules: readonly ModuleManifest[]) {
  const indexFile = path.join(webRoot, "index.html");
  app.use("/assets/*", async (c, next) => {
    await next();
    if (c.res.status === 200) c.header("Cache-Control", "public, max-age=31536000, immutable");
  });
  app.use("/*", serveStatic({ root: path.relative(process.cwd(), webRoot) || "." }));
  // A hashed file that is not there (a page chunk of an earlier build, asked for by a tab opened before an update):
  // 404, not index.html cached as immutable, so the dynamic import fails and the router reloads the page.
  app.get("/assets/*", (c) => c.text("Not Found", 404));
  app.get("*", async (c) => {
    if (!existsSync(indexFile)) {
      return c.text("画面（dist/web）がまだビルドされていません。`npm start` で起動するとビルドされます。", 503);
    }
    c.header("Cache-Control", "no-cache");
    const html = readFileSync(indexFile, "utf8");
    // a public page's share card and links, from the module that owns the path (the page itself is the SPA either way)
    const origin = deps.config.publicUrl ?? new URL(c.req.url).origin;
    const head = await pageHeadOf(modules, c.req.path, { deps, origin }).catch((err: unknown) => {
      deps.log.warn({ err, path: loggedPath(c.req.path) }, "page head failed");
      return null;
    });
    return c.html(head ? applyPageHead(html, head) : html);
  });
}
