import PdfPrinter from "pdfmake";
import { describe, expect, it } from "vitest";
import { extractPdfText, readPdfPages } from "./pdf-text.js";

function helloPdf(): Promise<Buffer> {
  const printer = new PdfPrinter({ Helvetica: { normal: "Helvetica" } });
  const doc = printer.createPdfKitDocument({
    pageSize: "A5",
    defaultStyle: { font: "Helvetica" },
    content: [{ text: "Hello page one" }, { text: "Second page", pageBreak: "before" }],
  });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.end();
  });
}

describe("extractPdfText", () => {
  it("returns the text of every page in order and the page sizes", async () => {
    const buf = await helloPdf();
    expect(await extractPdfText(buf)).toMatch(/Hello page one[\s\S]*Second page/);
    const pages = await readPdfPages(buf);
    expect(pages.map((p) => [Math.round(p.width), Math.round(p.height)])).toEqual([
      [420, 595],
      [420, 595],
    ]);
  });

  it("leaves the caller's buffer usable", async () => {
    const buf = await helloPdf();
    await extractPdfText(buf);
    expect(buf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });
});
