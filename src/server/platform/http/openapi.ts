// The OpenAPI 3.1 document, generated from the same zod contracts the handlers validate with.
import { z } from "zod";
import { type Contract, errorBody } from "../../../common/api/contract";

function jsonSchema(schema: z.ZodType, io: "input" | "output"): unknown {
  try {
    return z.toJSONSchema(schema, { io, unrepresentable: "any", target: "openapi-3.0" });
  } catch {
    return {};
  }
}

function parameters(contract: Contract): unknown[] {
  const out: unknown[] = [];
  for (const [where, schema] of [
    ["path", contract.params],
    ["query", contract.query],
  ] as const) {
    if (!schema) continue;
    const json = jsonSchema(schema, "input") as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      out.push({ name, in: where, required: where === "path" || (json.required ?? []).includes(name), schema: property });
    }
  }
  return out;
}

export function buildOpenApi(contracts: Contract[], version: string): object {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const contract of contracts) {
    const path = contract.path.replace(/:([A-Za-z_]+)/g, "{$1}");
    const operation: Record<string, unknown> = {
      tags: [contract.tag],
      summary: contract.summary,
      operationId: `${contract.method}${path.replace(/[^A-Za-z0-9]+/g, "_")}`,
      parameters: parameters(contract),
      security: contract.allow.includes("anyone") ? [] : [{ session: [] }],
      "x-audiences": contract.allow,
      responses: {
        "200":
          contract.kind === "file"
            ? {
                description: "ファイル（添付としてダウンロード）",
                content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } },
              }
            : { description: "成功", content: { "application/json": { schema: jsonSchema(contract.response, "output") } } },
        default: { description: "エラー", content: { "application/json": { schema: jsonSchema(errorBody, "output") } } },
      },
    };
    if (contract.body) {
      operation.requestBody = { required: true, content: { "application/json": { schema: jsonSchema(contract.body, "input") } } };
    }
    paths[path] ??= {};
    paths[path][contract.method] = operation;
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Yokogushi (横串) API",
      version,
      description:
        "政策局の横串システムのAPI。書き込み（POST/PUT/PATCH/DELETE）は Content-Type: application/json と、ログイン中は X-CSRF-Token ヘッダー（/api/auth/session で取得）が必要です。エラーは { error: { code, message, fields } } で返ります。",
    },
    components: {
      securitySchemes: {
        session: {
          type: "apiKey",
          in: "cookie",
          name: "yk_session",
          description: "ログインで発行されるセッションCookie（HTTPS では __Host-yk_session）",
        },
      },
    },
    paths,
  };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** A readable, script-free docs page: endpoints grouped by tag, with their request and response schemas. */
export function renderApiDocs(contracts: Contract[], version: string): string {
  const byTag = new Map<string, Contract[]>();
  for (const contract of contracts) byTag.set(contract.tag, [...(byTag.get(contract.tag) ?? []), contract]);
  const sections = [...byTag.entries()].map(([tag, list]) => {
    const items = list.map((contract) => {
      const schemas = [
        contract.params && ["パスパラメータ", jsonSchema(contract.params, "input")],
        contract.query && ["クエリ", jsonSchema(contract.query, "input")],
        contract.body && ["リクエスト本文 (JSON)", jsonSchema(contract.body, "input")],
        contract.kind === "file" ? ["応答", "ファイル（添付）"] : ["応答 (JSON)", jsonSchema(contract.response, "output")],
      ].filter(Boolean) as [string, unknown][];
      const details = schemas
        .map(
          ([label, schema]) =>
            `<details><summary>${label}</summary><pre>${escapeHtml(typeof schema === "string" ? schema : JSON.stringify(schema, null, 2))}</pre></details>`,
        )
        .join("");
      return `<li><h3><span class="m ${contract.method}">${contract.method.toUpperCase()}</span> <code>${escapeHtml(contract.path)}</code></h3><p>${escapeHtml(contract.summary)}${contract.allow.includes("anyone") ? "（ログイン不要）" : `（利用者: ${contract.allow.join(", ")}）`}</p>${details}</li>`;
    });
    return `<section><h2>${escapeHtml(tag)}</h2><ul>${items.join("")}</ul></section>`;
  });
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>Yokogushi API ${escapeHtml(version)}</title>
<style>body{font-family:system-ui,"Hiragino Sans","Noto Sans JP",sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
ul{list-style:none;padding:0}li{border-top:1px solid #ddd;padding:.5rem 0}h3{font-size:1rem;margin:.2rem 0}
.m{display:inline-block;min-width:4.5em;font-size:.8rem;padding:.1rem .3rem;border-radius:4px;background:#e7eefc;color:#0b3d91}
.m.post,.m.put,.m.patch{background:#e6f4ea;color:#135c2a}.m.delete{background:#fde8e8;color:#8a1010}
pre{background:#f6f8fa;padding:.5rem;overflow:auto;font-size:.8rem}</style></head>
<body><main><h1>Yokogushi (横串) API <small>${escapeHtml(version)}</small></h1>
<p>機械可読な定義: <a href="/api/openapi.json">/api/openapi.json</a>（OpenAPI 3.1）。書き込みには <code>Content-Type: application/json</code> と、ログイン中は <code>X-CSRF-Token</code> ヘッダーが必要です。</p>
${sections.join("")}</main></body></html>`;
}
