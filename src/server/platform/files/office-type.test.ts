// Office files are told by what their zip holds, not by their name; a damaged or foreign zip is no Office file.
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { checkAttachmentUpload, checkEvidenceUpload } from "./files";
import { OFFICE_TYPES, officeTypeOf, zipEntryNames } from "./office-type";

async function zipOf(parts: string[], comment?: string): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const part of parts) zip.file(part, "<x/>");
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", comment });
}

describe("officeTypeOf", () => {
  it("reads Word, Excel and PowerPoint from their main part", async () => {
    expect(officeTypeOf(await zipOf(["[Content_Types].xml", "_rels/.rels", "word/document.xml"]))).toBe(OFFICE_TYPES.docx);
    expect(officeTypeOf(await zipOf(["[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"]))).toBe(OFFICE_TYPES.xlsx);
    expect(officeTypeOf(await zipOf(["[Content_Types].xml", "ppt/presentation.xml"], "コメント付き"))).toBe(OFFICE_TYPES.pptx);
  });

  it("refuses a zip without the parts, a cut one and anything else", async () => {
    expect(officeTypeOf(await zipOf(["word/document.xml"]))).toBeNull();
    expect(officeTypeOf(await zipOf(["[Content_Types].xml", "readme.txt"]))).toBeNull();
    const whole = await zipOf(["[Content_Types].xml", "word/document.xml"]);
    expect(zipEntryNames(whole.subarray(0, whole.length - 10))).toBeNull();
    expect(officeTypeOf(new TextEncoder().encode("PK\u0003\u0004 not really"))).toBeNull();
    expect(officeTypeOf(new Uint8Array(0))).toBeNull();
  });

  it("lets attachments take Office files, and evidence still only PDF and images", async () => {
    const docx = await zipOf(["[Content_Types].xml", "word/document.xml"]);
    expect(checkAttachmentUpload("報告書.docx", docx)).toBe(OFFICE_TYPES.docx);
    expect(() => checkEvidenceUpload("報告書.docx", docx)).toThrow("「報告書.docx」は PDF・PNG・JPEG のいずれでもありません。");
  });
});
