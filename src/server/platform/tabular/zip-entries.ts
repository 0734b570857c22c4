// The zip container of an .xlsx, read without trusting it: the central directory is parsed first so that the sum of
// the entries' declared sizes can be refused before anything is inflated, and each entry is then inflated as a stream
// that stops as soon as it passes its declared size (a header can lie; zip bombs do).
import { createInflateRaw } from "node:zlib";
import { TabularFormatError } from "./errors.js";

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

export function notXlsx(cause?: unknown): TabularFormatError {
  return new TabularFormatError("malformed_xlsx", "Excelファイル（.xlsx）として読み取れません。", { cause });
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function findEndOfCentralDirectory(bytes: Uint8Array, dv: DataView): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) if (dv.getUint32(at, true) === EOCD_SIGNATURE) return at;
  throw notXlsx();
}

function readBigSize(dv: DataView, at: number): number {
  const value = dv.getBigUint64(at, true);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw notXlsx();
  return Number(value);
}

/** Every entry named in the central directory, with its declared sizes; nothing is inflated. */
export function readZipEntries(bytes: Uint8Array): ZipEntry[] {
  if (bytes.length < 22) throw notXlsx();
  const dv = view(bytes);
  try {
    const eocd = findEndOfCentralDirectory(bytes, dv);
    let count = dv.getUint16(eocd + 10, true);
    let offset = dv.getUint32(eocd + 16, true);
    if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20 && dv.getUint32(eocd - 20, true) === ZIP64_LOCATOR_SIGNATURE) {
      const zip64 = readBigSize(dv, eocd - 12);
      if (dv.getUint32(zip64, true) !== ZIP64_EOCD_SIGNATURE) throw notXlsx();
      count = readBigSize(dv, zip64 + 32);
      offset = readBigSize(dv, zip64 + 48);
    }
    const entries: ZipEntry[] = [];
    const names = new TextDecoder("utf-8");
    let at = offset;
    for (let i = 0; i < count; i++) {
      if (dv.getUint32(at, true) !== CENTRAL_SIGNATURE) throw notXlsx();
      const nameLength = dv.getUint16(at + 28, true);
      const extraLength = dv.getUint16(at + 30, true);
      const commentLength = dv.getUint16(at + 32, true);
      const entry: ZipEntry = {
        method: dv.getUint16(at + 10, true),
        compressedSize: dv.getUint32(at + 20, true),
        uncompressedSize: dv.getUint32(at + 24, true),
        localHeaderOffset: dv.getUint32(at + 42, true),
        name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      };
      readZip64Extra(dv, at + 46 + nameLength, extraLength, entry);
      entries.push(entry);
      at += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  } catch (error) {
    if (error instanceof TabularFormatError) throw error;
    throw notXlsx(error); // a RangeError from a truncated or forged directory
  }
}

// Sizes and offsets of 0xFFFFFFFF are stored in the ZIP64 extra field (id 0x0001), in this order.
function readZip64Extra(dv: DataView, start: number, length: number, entry: ZipEntry): void {
  for (let at = start; at + 4 <= start + length; ) {
    const id = dv.getUint16(at, true);
    const size = dv.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      if (entry.uncompressedSize === 0xffffffff) {
        entry.uncompressedSize = readBigSize(dv, field);
        field += 8;
      }
      if (entry.compressedSize === 0xffffffff) {
        entry.compressedSize = readBigSize(dv, field);
        field += 8;
      }
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = readBigSize(dv, field);
      return;
    }
    at += 4 + size;
  }
}

export function declaredTotal(entries: ZipEntry[]): number {
  return entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
}

function compressedData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const dv = view(bytes);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || dv.getUint32(at, true) !== LOCAL_SIGNATURE) throw notXlsx();
  const start = at + 30 + dv.getUint16(at + 26, true) + dv.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw notXlsx();
  return bytes.subarray(start, end);
}

export class EntryTooLarge extends Error {
  constructor(readonly entry: string) {
    super(`${entry} inflates beyond its declared size`);
  }
}

/**
 * The entry's bytes in chunks, inflated as a stream. More bytes than the central directory declared means the
 * directory lied: the inflation stops there (EntryTooLarge), so the declared total stays the real upper bound.
 */
export async function* inflateEntry(bytes: Uint8Array, entry: ZipEntry): AsyncGenerator<Uint8Array> {
  const data = compressedData(bytes, entry);
  if (entry.method === STORED) {
    if (data.length > entry.uncompressedSize) throw new EntryTooLarge(entry.name);
    const CHUNK = 64 * 1024;
    for (let at = 0; at < data.length; at += CHUNK) yield data.subarray(at, at + CHUNK);
    return;
  }
  if (entry.method !== DEFLATED) throw notXlsx();
  const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
  // Feed the compressed bytes in slices so that the stream's back-pressure keeps the inflated output small.
  const feed = async () => {
    const SLICE = 64 * 1024;
    for (let at = 0; at < data.length && !inflate.destroyed; at += SLICE) {
      if (!inflate.write(data.subarray(at, at + SLICE))) {
        await new Promise<void>((resolve) => {
          const done = () => {
            inflate.off("drain", done);
            inflate.off("close", done);
            resolve();
          };
          inflate.on("drain", done);
          inflate.on("close", done);
        });
      }
    }
    if (!inflate.destroyed) inflate.end();
  };
  const feeding = feed().catch(() => {});
  let produced = 0;
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      produced += chunk.length;
      if (produced > entry.uncompressedSize) throw new EntryTooLarge(entry.name);
      yield chunk;
    }
  } catch (error) {
    if (error instanceof EntryTooLarge) throw error;
    throw notXlsx(error);
  } finally {
    inflate.destroy();
    await feeding;
  }
}
