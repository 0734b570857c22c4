// Typed fetch over the shared contracts: `call(contract, { params, query, body })`.
// Sends the session cookie and the CSRF token on every write, and turns error bodies into ApiError.
import type { z } from "zod";
import {
  type BodyOf,
  buildPath,
  type Contract,
  type ErrorBody,
  type ParamsOf,
  type QueryOf,
  type ResponseOf,
} from "../../common/api/contract";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;
/** Set from /api/auth/session and login responses; sent as X-CSRF-Token on every write. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

export interface CallInput<C> {
  params?: ParamsOf<C>;
  query?: QueryOf<C>;
  body?: BodyOf<C>;
}

export function urlFor<C extends Contract>(contract: C, input: Pick<CallInput<C>, "params" | "query"> = {}): string {
  const path = buildPath(contract.path, input.params as Record<string, unknown> | undefined);
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries((input.query ?? {}) as Record<string, unknown>)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

export async function call<C extends Contract<z.ZodType, z.ZodType, z.ZodType, z.ZodType>>(
  contract: C,
  input: CallInput<C> = {},
): Promise<ResponseOf<C>> {
  const headers: Record<string, string> = { Accept: "application/json" };
  const isWrite = contract.method !== "get";
  if (isWrite) {
    headers["Content-Type"] = "application/json";
    if (csrfToken) headers["X-CSRF-Token"] = csrfToken;
  }
  const response = await fetch(urlFor(contract, input), {
    method: contract.method.toUpperCase(),
    headers,
    credentials: "same-origin",
    body: isWrite ? JSON.stringify(input.body ?? {}) : undefined,
  });
  return readResponse<ResponseOf<C>>(response);
}

/**
 * Uploads a file (or several) as the multipart field `file` (contracts with kind "multipart"). The browser sets the
 * multipart Content-Type with its boundary; the CSRF token goes in X-CSRF-Token as for every other write.
 * `fields` are sent as extra text parts before the file (e.g. a document's `title`).
 */
export async function upload<C extends Contract<z.ZodType, z.ZodType, z.ZodType, z.ZodType>>(
  contract: C,
  input: Pick<CallInput<C>, "params" | "query">,
  file: File | readonly File[],
  fields: Record<string, string> = {},
): Promise<ResponseOf<C>> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (csrfToken) headers["X-CSRF-Token"] = csrfToken;
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  // Several files (a route that takes more than one) go as repeated `file` parts.
  for (const one of Array.isArray(file) ? file : [file]) form.append("file", one, one.name);
  const response = await fetch(urlFor(contract, input), {
    method: contract.method.toUpperCase(),
    headers,
    credentials: "same-origin",
    body: form,
  });
  return readResponse<ResponseOf<C>>(response);
}

async function readResponse<T>(response: Response): Promise<T> {
  const text = await response.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    // A proxy's HTML error page (e.g. 413 from a front server) is not JSON; report the status instead.
    if (response.ok) throw new ApiError(response.status, "bad_response", `通信エラー (${response.status})`);
  }
  if (!response.ok) {
    const error = (data as ErrorBody | null)?.error;
    throw new ApiError(response.status, error?.code ?? "http_error", error?.message ?? `通信エラー (${response.status})`, error?.fields);
  }
  return data as T;
}
