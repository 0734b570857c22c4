// Reading a multipart form's files in a route (that is parsing): each as its name and bytes. Nothing is refused here:
// the service checks the caller first, so that a stranger gets 403/404, never "choose a file" (requireUpload).
import type { Context } from "hono";
import { ValidationError } from "../errors";

export interface Upload {
  name: string;
  bytes: Uint8Array;
}

export async function readUploads(c: Context, field = "file"): Promise<Upload[]> {
  const form = await c.req.parseBody({ all: true });
  const parts = [form[field]].flat().filter((part): part is File => part instanceof File);
  return Promise.all(parts.map(async (part) => ({ name: part.name, bytes: new Uint8Array(await part.arrayBuffer()) })));
}

/** A form with one file (field "file", or null) and a title: the catalog's evidence, image and document uploads. */
export async function readForm(c: Context): Promise<{ file: Upload | null; title: string }> {
  const form = await c.req.parseBody();
  const file = form.file instanceof File ? { name: form.file.name, bytes: new Uint8Array(await form.file.arrayBuffer()) } : null;
  return { file, title: typeof form.title === "string" ? form.title : "" };
}

/** The form's file; its absence is answered only once the caller is known to be allowed (a stranger gets 403/404). */
export function requireUpload(upload: Upload | null): Upload {
  if (!upload) throw new ValidationError("ファイルを選んでください。", { file: "ファイルを選んでください。" });
  return upload;
}
