// The zip written entry by entry opens in a standard reader with its Japanese names and exact contents.
import { crc32, deflateRawSync } from "node:zlib";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { ZipWriter } from "./zip-writer";

describe("ZipWriter", () => {
  it("writes stored and deflated entries with UTF-8 names that a standard reader opens", async () => {
    const first = Buffer.from("%PDF-1.3 寄附金受領証明書 ".repeat(200));
    const second = Buffer.from("二つ目のファイル");
    const writer = new ZipWriter(new Date("2025-06-01T03:04:06Z"));
    const bytes = Buffer.concat([
      writer.entry("寄附金受領証明書_001.pdf", { data: deflateRawSync(first), deflated: true, crc32: crc32(first), size: first.length }),
      writer.entry("二つ目.txt", { data: second, deflated: false, crc32: crc32(second), size: second.length }),
      writer.finish(),
    ]);
    expect(writer.length).toBe(bytes.length);
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(Object.keys(zip.files)).toEqual(["寄附金受領証明書_001.pdf", "二つ目.txt"]);
    expect(Buffer.from(await zip.file("寄附金受領証明書_001.pdf")!.async("uint8array")).equals(first)).toBe(true);
    expect(await zip.file("二つ目.txt")!.async("string")).toBe("二つ目のファイル");
    // the DOS time fields read 12:04 (the clock in Japan); JSZip returns them as UTC fields
    const date = zip.files["二つ目.txt"].date;
    expect([date.getUTCHours(), date.getUTCMinutes()]).toEqual([12, 4]);
  });
});
