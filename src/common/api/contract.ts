// One contract per endpoint: method, path, request and response schemas and their OpenAPI metadata.
// The server validates requests with it and the web client is typed by it, so the two cannot drift apart.
import { z } from "zod";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

/**
 * Who may call an endpoint. The router checks it before it reads any input, so a caller outside the audience gets
 * 401/403 and never a validation message; the handler then checks the record-level permission (which bureau's
 * document, which supplier's gift). An endpoint admits a caller who belongs to any one of its audiences.
 * - anyone: no sign-in needed (public pages, health, login)
 * - signedIn: any account (own profile, own sessions)
 * - staff: the city's staff of any role (admin, editor, viewer); editor: admin or editor; admin: administrators
 * - module audiences, resolved by the module (registered in its manifest): furusato.manager (the bureau that runs
 *   ふるさと納税), furusato.donors (staff of that organisation: donors' personal data), furusato.supplier (a gift
 *   supplier's own login), vision.manager (the bureau that runs the vision), vision.council (an experts' council
 *   member's login), international.manager (the bureau that coordinates international work: its editors and
 *   administrators keep the 分野 list and travel rates, approve and settle trips), sdgs.manager (the bureau that runs
 *   サステナブル経営認証 and the SDGsステーション), sdgs.company (a partner login of a registered applicant company),
 *   sdgs.bank (a partner login of a partner bank), sdgs.reviewer (an active 審査員, a partner or staff login),
 *   region.manager (the bureau that runs the 北九州都市圏域 hub: its editors and administrators), region.editor (a
 *   市町 editor: a partner login of a member 市町's organisation; the 市町 is checked per record), zones.manager (the
 *   bureau that carries the 特区 regulatory-reform proposals: its editors and administrators), analysis.manager (the
 *   bureau responsible for the 経営分析 of its programmes and bodies: its editors and administrators)
 */
export const AUDIENCES = [
  "anyone",
  "signedIn",
  "staff",
  "editor",
  "admin",
  "furusato.manager",
  "furusato.donors",
  "furusato.supplier",
  "vision.manager",
  "vision.council",
  "international.manager",
  "sdgs.manager",
  "sdgs.company",
  "sdgs.bank",
  "sdgs.reviewer",
  "region.manager",
  "region.editor",
  "zones.manager",
  "analysis.manager",
] as const;
export type Audience = (typeof AUDIENCES)[number];

export interface Contract<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  method: HttpMethod;
  /** Hono-style path, e.g. "/api/policy/documents/:id" */
  path: string;
  /** OpenAPI tag (the module) */
  tag: string;
  /** Japanese one-line summary shown in the API docs */
  summary: string;
  /** who may call (see Audience); every endpoint says it, so a new route cannot forget */
  allow: readonly Audience[];
  params?: P;
  query?: Q;
  /** JSON body (a `.strict()` object: unknown keys are rejected) */
  body?: B;
  /** "json" (default) answers `response`; "file" answers a download; "multipart" takes an upload */
  kind?: "json" | "file" | "multipart";
  /** "multipart" only: the largest file it takes (common/upload-limits.ts); the router sizes the body limit by it */
  uploadMaxBytes?: number;
  /**
   * A per-address limit for public endpoints (counted in the database, so every server process shares it): `name` is
   * the counter's bucket, `perMinute` the default requests per minute from one address; the operator's
   * PUBLIC_API_RATE_LIMIT overrides it. Over the limit: 429 with Retry-After, before any input is read.
   */
  rateLimit?: { name: string; perMinute: number };
  /** JSON bodies: a limit below the default 8MB, for a public write that takes a few short fields (a page-view beacon) */
  maxBodyBytes?: number;
  response: R;
}

export function defineContract<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
  contract: Contract<P, Q, B, R>,
): Contract<P, Q, B, R> {
  return contract;
}

export type ParamsOf<C> = C extends Contract<infer P, z.ZodType, z.ZodType, z.ZodType> ? z.input<P> : never;
export type QueryOf<C> = C extends Contract<z.ZodType, infer Q, z.ZodType, z.ZodType> ? z.input<Q> : never;
export type BodyOf<C> = C extends Contract<z.ZodType, z.ZodType, infer B, z.ZodType> ? z.input<B> : never;
export type ResponseOf<C> = C extends Contract<z.ZodType, z.ZodType, z.ZodType, infer R> ? z.output<R> : never;

/** The error body every endpoint answers with: `{ error: { code, message, fields } }`. */
export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
    requestId: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;

export const okResponse = z.object({ ok: z.literal(true) });
export const idParams = z.object({ id: z.uuid({ message: "IDの形式が正しくありません" }) });

/** Paging shared by every list endpoint. */
export const pageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}

/** Fills ":name" segments of a contract path. */
export function buildPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/:([A-Za-z_]+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}
