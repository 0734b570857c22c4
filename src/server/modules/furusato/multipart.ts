// Reading a multipart form's files in a route (that is parsing): each as its name and bytes. Nothing is refused here:
// the service checks the caller first, so that a stranger gets 403/404, never "choose a file".
import type { Context } from "hono";
import type { Upload } from "./gift-files";

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
