// Reads a PDF back for test assertions: the text of every page (through its embedded fonts' ToUnicode maps) and
// the page sizes. pdfjs-dist's legacy build runs in Node; it is given local cmaps/fonts and never fetches anything.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export interface PdfPageText {
  /** in PDF points (A4 portrait is 595.28 × 841.89) */
  width: number;
  height: number;
  text: string;
}

function pdfjsAssetDir(name: "cmaps" | "standard_fonts"): string {
  const require = createRequire(import.meta.url);
  return `${join(dirname(require.resolve("pdfjs-dist/package.json")), name)}/`;
}

function openPdf(buf: Uint8Array) {
  return getDocument({
    // pdfjs may detach the buffer it is given; the caller's stays usable.
    data: new Uint8Array(buf),
    cMapUrl: pdfjsAssetDir("cmaps"),
    cMapPacked: true,
    standardFontDataUrl: pdfjsAssetDir("standard_fonts"),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
}

/** The page count and the text of the pages asked for (1-based; negative counts from the end; all when omitted). */
async function readPages(buf: Uint8Array, pageNumbers?: number[]): Promise<{ numPages: number; pages: PdfPageText[] }> {
  const loading = openPdf(buf);
  const pdf = await loading.promise;
  try {
    const wanted = pageNumbers ?? Array.from({ length: pdf.numPages }, (_, i) => i + 1);
    const pages: PdfPageText[] = [];
    for (const n of wanted) {
      const page = await pdf.getPage(n < 0 ? pdf.numPages + 1 + n : n);
      const [x0, y0, x1, y1] = page.view;
      const content = await page.getTextContent();
      const text = content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join("");
      pages.push({ width: x1 - x0, height: y1 - y0, text });
    }
    return { numPages: pdf.numPages, pages };
  } finally {
    await loading.destroy();
  }
}

export async function readPdfPages(buf: Uint8Array): Promise<PdfPageText[]> {
  return (await readPages(buf)).pages;
}

/** The text of the whole document, page after page. */
export async function extractPdfText(buf: Uint8Array): Promise<string> {
  return (await readPdfPages(buf)).map((p) => p.text).join("\n");
}

/** The page count and the text of a few pages (1-based; negative counts from the end): for long PDFs. */
export function readPdfPagesAt(buf: Uint8Array, pageNumbers: number[]): Promise<{ numPages: number; pages: PdfPageText[] }> {
  return readPages(buf, pageNumbers);
}
