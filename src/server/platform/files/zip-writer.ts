// A zip written entry by entry: each entry's bytes (its local header and data) are returned as soon as it is added,
// and only the small central-directory records are kept until the end, so that a zip of any number of large files
// is built with one entry in memory. The caller compresses the data and gives its CRC-32 (node:zlib's crc32), so that
// sizes are known before the header is written (no data descriptors, which some unzip tools handle badly).
// Plain zip (not zip64): up to 65,535 entries and 4 GB; the caller stops well before that.

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** names are UTF-8 (general purpose bit 11), so that Japanese file names read the same in every tool */
const UTF8_NAMES = 0x0800;
const VERSION = 20;
const MAX_ENTRIES = 0xffff;
const MAX_OFFSET = 0xffffffff;

export interface ZipEntryData {
  /** the stored bytes: raw deflate when `deflated`, otherwise the file itself */
  data: Uint8Array;
  deflated: boolean;
  /** CRC-32 and length of the uncompressed file */
  crc32: number;
  size: number;
}

interface CentralRecord {
  name: Buffer;
  method: number;
  crc32: number;
  compressedSize: number;
  size: number;
  offset: number;
}

/** DOS date and time of `at` as a clock in Japan shows it (zip times carry no zone). */
function dosDateTime(at: Date): { date: number; time: number } {
  const japan = new Date(at.getTime() + 9 * 60 * 60 * 1000);
  const year = Math.max(1980, japan.getUTCFullYear());
  return {
    date: ((year - 1980) << 9) | ((japan.getUTCMonth() + 1) << 5) | japan.getUTCDate(),
    time: (japan.getUTCHours() << 11) | (japan.getUTCMinutes() << 5) | Math.floor(japan.getUTCSeconds() / 2),
  };
}

export class ZipWriter {
  private readonly records: CentralRecord[] = [];
  private offset = 0;
  private readonly stamp: { date: number; time: number };

  constructor(modifiedAt = new Date()) {
    this.stamp = dosDateTime(modifiedAt);
  }

  /** Bytes written so far. */
  get length(): number {
    return this.offset;
  }

  /** The bytes of one entry (local header + data), to be written right after the previous entry's. */
  entry(fileName: string, entry: ZipEntryData): Uint8Array {
    if (this.records.length >= MAX_ENTRIES) throw new RangeError("zip: too many entries");
    const name = Buffer.from(fileName, "utf8");
    const header = Buffer.alloc(30 + name.length);
    header.writeUInt32LE(LOCAL_HEADER, 0);
    header.writeUInt16LE(VERSION, 4);
    header.writeUInt16LE(UTF8_NAMES, 6);
    header.writeUInt16LE(entry.deflated ? 8 : 0, 8);
    header.writeUInt16LE(this.stamp.time, 10);
    header.writeUInt16LE(this.stamp.date, 12);
    header.writeUInt32LE(entry.crc32 >>> 0, 14);
    header.writeUInt32LE(entry.data.length, 18);
    header.writeUInt32LE(entry.size, 22);
    header.writeUInt16LE(name.length, 26);
    header.writeUInt16LE(0, 28);
    name.copy(header, 30);
    const end = this.offset + header.length + entry.data.length;
    if (end > MAX_OFFSET || entry.size > MAX_OFFSET) throw new RangeError("zip: larger than 4 GB");
    this.records.push({
      name,
      method: entry.deflated ? 8 : 0,
      crc32: entry.crc32 >>> 0,
      compressedSize: entry.data.length,
      size: entry.size,
      offset: this.offset,
    });
    this.offset = end;
    return Buffer.concat([header, entry.data]);
  }

  /** The central directory and its end record: the zip's last bytes. */
  finish(): Uint8Array {
    const start = this.offset;
    const parts: Buffer[] = [];
    for (const record of this.records) {
      const header = Buffer.alloc(46 + record.name.length);
      header.writeUInt32LE(CENTRAL_HEADER, 0);
      header.writeUInt16LE(VERSION, 4);
      header.writeUInt16LE(VERSION, 6);
      header.writeUInt16LE(UTF8_NAMES, 8);
      header.writeUInt16LE(record.method, 10);
      header.writeUInt16LE(this.stamp.time, 12);
      header.writeUInt16LE(this.stamp.date, 14);
      header.writeUInt32LE(record.crc32, 16);
      header.writeUInt32LE(record.compressedSize, 20);
      header.writeUInt32LE(record.size, 24);
      header.writeUInt16LE(record.name.length, 28);
      // extra field, comment, disk number, internal and external attributes: none
      header.writeUInt32LE(record.offset, 42);
      record.name.copy(header, 46);
      parts.push(header);
    }
    const directory = Buffer.concat(parts);
    if (start + directory.length > MAX_OFFSET) throw new RangeError("zip: larger than 4 GB");
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
    end.writeUInt16LE(this.records.length, 8);
    end.writeUInt16LE(this.records.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(start, 16);
    this.offset += directory.length + end.length;
    return Buffer.concat([directory, end]);
  }
}
