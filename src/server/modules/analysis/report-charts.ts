// The report's charts as PNG for Word: docx's ImageRun takes a raster image (and Word's SVG support needs a PNG
// fallback anyway). resvg (native, prebuilt) draws the SVG with the embedded Noto Sans JP, so the Japanese labels
// render the same on every server, with no system fonts read. Loaded on the first Word report only.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** Drawn at twice the SVG's size, so the charts stay sharp when printed. */
const ZOOM = 2;

let fontFiles: string[] | null = null;

function notoSansJpFiles(): string[] {
  if (!fontFiles) {
    const require = createRequire(import.meta.url);
    const dir = dirname(require.resolve("@expo-google-fonts/noto-sans-jp/package.json"));
    fontFiles = [join(dir, "400Regular", "NotoSansJP_400Regular.ttf"), join(dir, "700Bold", "NotoSansJP_700Bold.ttf")];
    // fail here, naming the file, rather than with Japanese drawn as empty boxes
    for (const file of fontFiles) if (!existsSync(file)) throw new Error(`グラフ用のフォントが見つかりません: ${file}`);
  }
  return fontFiles;
}

/** An SVG chart as PNG bytes, at twice its size, with a white background. */
export async function svgToPng(svg: string): Promise<Buffer> {
  const { Resvg } = await import("@resvg/resvg-js");
  const renderer = new Resvg(svg, {
    background: "#ffffff",
    fitTo: { mode: "zoom", value: ZOOM },
    font: { fontFiles: notoSansJpFiles(), loadSystemFonts: false, defaultFontFamily: "Noto Sans JP" },
  });
  return renderer.render().asPng();
}
