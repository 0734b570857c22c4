// The one PDF set-up of the system: pdfmake with Noto Sans JP embedded (pdfkit subsets it), shared by every module
// that prints (局区方針, 寄附金受領証明書 …).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type PdfPrinter from "pdfmake";
import type { TDocumentDefinitions } from "pdfmake/interfaces";

export const PDF_FONT_FAMILY = "NotoSansJP";

interface FontFiles {
  regular: Buffer;
  bold: Buffer;
}

// The two TTF files are about 5 MB each: read once per process, not once per render.
let fontFiles: FontFiles | null = null;

function loadFontFiles(): FontFiles {
  if (!fontFiles) {
    const require = createRequire(import.meta.url);
    const dir = dirname(require.resolve("@expo-google-fonts/noto-sans-jp/package.json"));
    fontFiles = {
      regular: readFileSync(join(dir, "400Regular", "NotoSansJP_400Regular.ttf")),
      bold: readFileSync(join(dir, "700Bold", "NotoSansJP_700Bold.ttf")),
    };
  }
  return fontFiles;
}

/** pdfmake takes ~0.2 s to load: it is loaded on the first render, not at server start. */
export async function createPdfPrinter(): Promise<PdfPrinter> {
  const { default: Printer } = await import("pdfmake");
  const { regular, bold } = loadFontFiles();
  // Japanese has no italics; the upright faces stand in so an italic request cannot fail.
  return new Printer({ [PDF_FONT_FAMILY]: { normal: regular, bold, italics: regular, bolditalics: bold } });
}

/** Renders a document definition to the bytes of a PDF file (pdfkit's stream collected into one buffer). */
export async function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  const pdf = (await createPdfPrinter()).createPdfKitDocument(definition);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
    pdf.end();
  });
}
