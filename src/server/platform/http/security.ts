// Security middleware for /api: headers, write-request rules (JSON or multipart only, same origin, CSRF token),
// each route's body limit, and loading the caller from the session cookie.
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { deleteCookie, getCookie } from "hono/cookie";
import { secureHeaders } from "hono/secure-headers";
import type { Contract } from "../../../common/api/contract";
import { TABLE_UPLOAD_MAX_BYTES } from "../../../common/upload-limits";
import type { Config } from "../../config";
import { findSession } from "../auth/sessions";
import { safeEqual } from "../auth/tokens";
import { AppError } from "../errors";
import type { AppDeps, AppEnv } from "./types";

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  // Mantine sets CSS variables and positions with inline styles; scripts stay strictly 'self'.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", "data:"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
};

export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    strictTransportSecurity: "max-age=31536000; includeSubDomains",
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    xFrameOptions: "DENY",
    referrerPolicy: "same-origin",
    crossOriginEmbedderPolicy: false,
  });
}

export function sessionCookieName(config: Config): string {
  return config.secureCookies ? "__Host-yk_session" : "yk_session";
}

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Writes must be JSON (or multipart uploads) from our own origin. A cross-site text/plain POST carrying JSON is a
 * 415 before any handler runs, and a request whose Origin names another site is a 403. Our origin is PUBLIC_URL's
 * when it is set: behind a proxy that ends TLS the app sees http:// while the browser sends Origin: https://…
 * Without PUBLIC_URL it is the origin of the request as the app sees it.
 */
export function writeRules(config: Config): MiddlewareHandler<AppEnv> {
  const publicOrigin = config.publicUrl ? new URL(config.publicUrl).origin : null;
  return async (c, next) => {
    if (!WRITE_METHODS.has(c.req.method)) return next();
    const type = (c.req.header("content-type") ?? "").split(";")[0].trim().toLowerCase();
    const hasBody = c.req.method !== "DELETE" || Number(c.req.header("content-length") ?? 0) > 0;
    if (hasBody && type !== "application/json" && type !== "multipart/form-data") {
      throw new AppError(415, "unsupported_media_type", "このリクエストの形式（Content-Type）は受け付けられません。");
    }
    const origin = c.req.header("origin");
    if (origin && origin !== (publicOrigin ?? new URL(c.req.url).origin)) {
      throw new AppError(403, "cross_origin", "他のサイトからのリクエストは受け付けられません。");
    }
    return next();
  };
}

/** JSON bodies: a pasted policy document is at most a few MB. */
export const JSON_BODY_LIMIT_BYTES = 8 * 1024 * 1024;
/** An upload's body is its file plus the form's boundaries and small fields. */
const FORM_OVERHEAD_BYTES = 1024 * 1024;

/** The most a route's request body may be, from its contract: an upload's file limit, or the JSON limit. */
export function bodyLimitBytesOf(contract: Pick<Contract, "kind" | "uploadMaxBytes" | "maxBodyBytes">): number {
  if (contract.kind !== "multipart") return contract.maxBodyBytes ?? JSON_BODY_LIMIT_BYTES;
  // The largest upload the system takes, when a contract does not say: the handler still checks the file's own limit.
  return (contract.uploadMaxBytes ?? TABLE_UPLOAD_MAX_BYTES) + FORM_OVERHEAD_BYTES;
}

/**
 * The body limit of one route (the router calls it once the caller is admitted, before reading the body). With a
 * Content-Length it is a header check; a streamed body is counted as it arrives and cut off at the limit.
 */
export function bodyLimitFor(contract: Pick<Contract, "kind" | "uploadMaxBytes" | "maxBodyBytes">): (c: Context) => Promise<void> {
  const maxSize = bodyLimitBytesOf(contract);
  const content = maxSize - (contract.kind === "multipart" ? FORM_OVERHEAD_BYTES : 0);
  const shown = content >= 1024 * 1024 ? `${Math.floor(content / 1024 / 1024)}MB` : `${Math.floor(content / 1024)}KB`;
  const limit = bodyLimit({
    maxSize,
    onError: () => {
      throw new AppError(413, "payload_too_large", `送信データが大きすぎます（上限 ${shown}）。`);
    },
  });
  return async (c) => {
    // GET and HEAD carry no body. Asking the request for one (Hono's bodyLimit does) makes @hono/node-server build a
    // whole fetch Request (undici, with an AbortController) per request, only to find no body (issue 14).
    if (c.req.method === "GET" || c.req.method === "HEAD") return;
    await limit(c, async () => {});
  };
}

/** Loads the session (if any) and, for writes by a signed-in caller, requires the matching X-CSRF-Token. */
export function sessionLoader(deps: AppDeps): MiddlewareHandler<AppEnv> {
  const cookieName = sessionCookieName(deps.config);
  const timeouts = { idleMinutes: deps.config.sessionIdleMinutes, absoluteHours: deps.config.sessionAbsoluteHours };
  return async (c, next) => {
    c.set("user", null);
    c.set("sessionToken", null);
    c.set("csrfToken", null);
    const token = getCookie(c, cookieName);
    if (token) {
      // One statement: the session, its user (not disabled) with organisation and 局; the idle clock is refreshed
      // in a second one at most once a minute.
      const session = await findSession(deps.db, token, timeouts);
      if (session) {
        c.set("user", session.user);
        c.set("sessionToken", token);
        c.set("csrfToken", session.csrfToken);
      } else {
        deleteCookie(c, cookieName, { path: "/", secure: deps.config.secureCookies });
      }
    }
    const csrf = c.get("csrfToken");
    if (csrf && WRITE_METHODS.has(c.req.method)) {
      const sent = c.req.header("x-csrf-token") ?? "";
      if (!safeEqual(sent, csrf))
        throw new AppError(403, "csrf_failed", "画面の有効期限が切れました。ページを再読み込みしてから、もう一度操作してください。");
    }
    return next();
  };
}
