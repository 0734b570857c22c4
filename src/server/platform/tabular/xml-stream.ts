// One zip entry's XML, inflated and parsed as a stream (saxes: strict, no DTD entities, so no billion laughs).
// Only the part being read is in memory, whatever the size of the sheet.
import { SaxesParser } from "saxes";
import { TabularFormatError } from "./errors.js";
import { EntryTooLarge, inflateEntry, notXlsx, type ZipEntry } from "./zip-entries.js";

export interface XmlHandlers {
  /** `name` without its namespace prefix (some writers use `x:c`) */
  open?(name: string, attributes: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

export async function parseXmlEntry(bytes: Uint8Array, entry: ZipEntry, handlers: XmlHandlers): Promise<void> {
  const parser = new SaxesParser({ position: false });
  let failure: unknown = null;
  parser.on("error", (error) => {
    failure ??= error;
  });
  if (handlers.open) {
    const open = handlers.open;
    parser.on("opentag", (tag) => open(localName(tag.name), tag.attributes as Record<string, string>));
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on("closetag", (tag) => close(localName(tag.name)));
  }
  if (handlers.text) {
    parser.on("text", handlers.text);
    parser.on("cdata", handlers.text);
  }
  const decoder = new TextDecoder("utf-8");
  try {
    for await (const chunk of inflateEntry(bytes, entry)) {
      parser.write(decoder.decode(chunk, { stream: true }));
      if (failure) break;
    }
    if (!failure) parser.write(decoder.decode()).close();
  } catch (error) {
    // A handler's own refusal (a limit) and a lying size pass through; anything else means a broken file.
    if (error instanceof TabularFormatError || error instanceof EntryTooLarge) throw error;
    failure ??= error;
  }
  if (failure) throw notXlsx(failure);
}
