// Registers a handler for a contract: validates params, query and body with the contract's zod schemas, hands the
// handler typed input, and validates (and strips) the response with the response schema before it leaves.
import type { Hono } from "hono";
import type { z } from "zod";
import type { BodyOf, Contract, ResponseOf } from "../../../common/api/contract";
import { admits, assertAudiencesKnown } from "../auth/audiences";
import { hitRateLimit } from "../auth/rate-limit";
import { AppError, Forbidden, TooManyRequests, Unauthenticated, ValidationError } from "../errors";
import { clientAddressOf } from "./client-address";
import { assertSafeRequestText, assertSafeText } from "./safe-text";
import { bodyLimitFor } from "./security";
import type { AppDeps, AppEnv, FileResult, RequestContext } from "./types";

type Input<C> =
  C extends Contract<infer P, infer Q, infer B, z.ZodType> ? { params: z.output<P>; query: z.output<Q>; body: z.output<B> } : never;

export type Handler<C extends Contract> = (
  input: Input<C>,
  ctx: RequestContext,
) => Promise<C["kind"] extends "file" ? FileResult : ResponseOf<C>>;

/** Turns zod issues into `{ field: message }` and one summary message, all in Japanese. */
export function validationErrorOf(error: z.ZodError): ValidationError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    fields[key] ??= japaneseMessage(issue);
  }
  const first = Object.entries(fields)[0];
  return new ValidationError(first ? `入力内容を確認してください: ${first[1]}` : "入力内容を確認してください。", fields);
}

function japaneseMessage(issue: z.core.$ZodIssue): string {
  // Contracts give Japanese messages for what users type; these cover the rest (types, unknown keys).
  if (/[\u3040-\u30ff\u4e00-\u9fff]/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case "unrecognized_keys":
      return `想定していない項目があります: ${issue.keys.join(", ")}`;
    case "invalid_type":
      return issue.input === undefined ? "必須項目です。" : "値の種類が正しくありません。";
    case "invalid_value":
      return "選択肢にない値です。";
    case "too_small":
      return "値が小さすぎるか、短すぎます。";
    case "too_big":
      return "値が大きすぎるか、長すぎます。";
    case "invalid_format":
      return "形式が正しくありません。";
    default:
      return "値が正しくありません。";
  }
}

function parseOrThrow<T extends z.ZodType>(schema: T | undefined, value: unknown): z.output<T> {
  if (!schema) return value as z.output<T>;
  const result = schema.safeParse(value);
  if (!result.success) throw validationErrorOf(result.error);
  return result.data;
}

function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export class ApiRouter {
  readonly contracts: Contract[] = [];

  constructor(
    private readonly app: Hono<AppEnv>,
    private readonly deps: AppDeps,
  ) {}

  on<C extends Contract>(contract: C, handler: Handler<C>): void {
    assertAudiencesKnown(`${contract.method.toUpperCase()} ${contract.path}`, contract.allow);
    this.contracts.push(contract);
    const isPublic = contract.allow.includes("anyone");
    const limitBody = bodyLimitFor(contract);
    this.app.on(contract.method.toUpperCase(), contract.path, async (c) => {
      const user = c.get("user");
      // Who may call, before any input is read: an outsider learns nothing from validation messages.
      if (!isPublic) {
        if (!user) throw new Unauthenticated();
        if (!(await admits(this.deps.db, user, contract.allow))) throw new Forbidden();
      }
      const clientAddress = clientAddressOf(c, this.deps.config.trustProxy);
      // A public endpoint's per-address limit, before any input is read (counters in the database: shared by processes).
      if (contract.rateLimit) {
        const perMinute = this.deps.config.publicApiRateLimit ?? contract.rateLimit.perMinute;
        const hit = await hitRateLimit(this.deps.db, `${contract.rateLimit.name}:${clientAddress}`, perMinute, 60);
        if (!hit.allowed)
          throw new TooManyRequests(
            `アクセスが集中しています（1分間に${perMinute}回まで）。${hit.retryAfterSeconds}秒ほど待ってから、もう一度お試しください。`,
            hit.retryAfterSeconds,
          );
      }
      await limitBody(c);
      await assertSafeRequestText(c, contract.kind === "multipart"); // NUL and lone surrogates: 400, not a 500
      const params = parseOrThrow(contract.params, c.req.param());
      const query = parseOrThrow(contract.query, c.req.query());
      let body: unknown;
      if (contract.body && contract.kind !== "multipart") {
        let raw: unknown;
        try {
          raw = await c.req.json();
        } catch {
          throw new AppError(400, "invalid_json", "リクエストの形式が正しくありません（JSON）。");
        }
        assertSafeText(raw);
        body = parseOrThrow(contract.body, raw);
      }
      const requestId = c.get("requestId");
      const ctx: RequestContext = {
        deps: this.deps,
        user,
        requestId,
        actor: { userId: user?.id ?? null, label: user?.displayName ?? "匿名", requestId },
        clientAddress,
        c,
      };
      const result = await handler({ params, query, body: body as BodyOf<C> } as Input<C>, ctx);
      if (contract.kind === "file") {
        const { file } = result as FileResult;
        return c.body(file.body as Uint8Array<ArrayBuffer>, 200, {
          "Content-Type": file.mimeType,
          "Content-Disposition": contentDisposition(file.name),
        });
      }
      return c.json(contract.response.parse(result) as object);
    });
  }
}
