// 寄附金受領証明書 → PDF (A4 portrait), one page per donation, Noto Sans JP embedded (pdfkit subsets it).
import { crc32, deflateRawSync } from "node:zlib";
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces";
import { formatWareki } from "../../../../common/dates";
import { formatYen } from "../../../../common/furusato/rules";
import { PDF_FONT_FAMILY, renderPdf } from "../../../platform/pdf/printer";

/** 所得税法・地方税法上の寄附金であることの記載 (the statutory note every certificate carries). */
export const STATUTORY_NOTE = "この寄附金は、所得税法第78条及び地方税法第37条の2・第314条の7に規定する寄附金です。";

export interface CertificatePage {
  certificateNumber: string;
  issuedOn: string;
  donorName: string;
  donorPostalCode: string | null;
  donorAddress: string | null;
  donatedOn: string;
  amount: number;
  orderNumber: string;
  /** 再発行: the number of the certificate it replaces */
  reissueOf: string | null;
}

export interface Issuer {
  cityName: string;
  /** 北九州市長 (or 北九州市長 ○○ ○○) */
  mayor: string;
}

function page(cert: CertificatePage, issuer: Issuer, first: boolean): Content[] {
  const address = [cert.donorPostalCode ? `〒${cert.donorPostalCode}` : "", cert.donorAddress ?? ""].filter(Boolean).join("　");
  const row = (label: string, value: string, bold = false) => [
    { text: label, style: "label" },
    { text: value, style: bold ? "valueBold" : "value" },
  ];
  return [
    {
      columns: [
        { text: cert.reissueOf ? "（再発行）" : "", style: "reissue" },
        { text: `証明書番号　${cert.certificateNumber}`, alignment: "right", style: "number" },
      ],
      ...(first ? {} : { pageBreak: "before" as const }),
    },
    { text: "寄附金受領証明書", style: "title" },
    { text: address || "　", style: "address" },
    { text: `${cert.donorName}　様`, style: "donor" },
    {
      table: {
        widths: [110, "*"],
        body: [
          row("寄附金額", `金 ${formatYen(cert.amount)}`, true),
          row("寄附日", formatWareki(cert.donatedOn)),
          row("受付番号", cert.orderNumber),
          ...(cert.reissueOf ? [row("再発行前の番号", cert.reissueOf)] : []),
        ],
      },
      layout: { hLineColor: () => "#888888", vLineColor: () => "#888888", paddingTop: () => 6, paddingBottom: () => 6 },
      margin: [0, 12, 0, 18],
    },
    { text: `上記のとおり、${issuer.cityName}への寄附金を受領したことを証明します。`, style: "body" },
    { text: STATUTORY_NOTE, style: "note" },
    { text: formatWareki(cert.issuedOn), style: "issued" },
    { text: issuer.cityName, style: "issuer" },
    { text: issuer.mayor, style: "issuerBold" },
  ];
}

export function certificateDocDefinition(pages: CertificatePage[], issuer: Issuer): TDocumentDefinitions {
  return {
    pageSize: "A4",
    pageOrientation: "portrait",
    pageMargins: [64, 64, 64, 64],
    info: { title: "寄附金受領証明書", author: issuer.cityName },
    content: pages.flatMap((cert, i) => page(cert, issuer, i === 0)),
    defaultStyle: { font: PDF_FONT_FAMILY, fontSize: 11, lineHeight: 1.4 },
    styles: {
      reissue: { fontSize: 11, bold: true },
      number: { fontSize: 10 },
      title: { fontSize: 20, bold: true, alignment: "center", margin: [0, 36, 0, 36] },
      address: { fontSize: 11, margin: [0, 0, 0, 4] },
      donor: { fontSize: 15, bold: true, margin: [0, 0, 0, 12] },
      label: { fontSize: 11 },
      value: { fontSize: 11 },
      valueBold: { fontSize: 14, bold: true },
      body: { fontSize: 11, margin: [0, 0, 0, 12] },
      note: { fontSize: 10, margin: [0, 0, 0, 48] },
      issued: { fontSize: 11, alignment: "right", margin: [0, 0, 0, 8] },
      issuer: { fontSize: 12, alignment: "right" },
      issuerBold: { fontSize: 14, bold: true, alignment: "right" },
    },
  };
}

export async function renderCertificatesPdf(pages: CertificatePage[], issuer: Issuer): Promise<Buffer> {
  return renderPdf(certificateDocDefinition(pages, issuer));
}

/** One PDF of a batch, ready to be written into a zip (deflated) or stored as it is. */
export interface RenderedCertificateFile {
  /** the stored bytes: raw deflate of the PDF when `deflated` */
  data: Uint8Array;
  deflated: boolean;
  /** CRC-32 and length of the PDF itself */
  crc32: number;
  size: number;
}

export async function renderCertificateFile(pages: CertificatePage[], issuer: Issuer, deflate: boolean): Promise<RenderedCertificateFile> {
  const pdf = await renderCertificatesPdf(pages, issuer);
  // pdfkit leaves the embedded font and much of each page uncompressed: deflate roughly halves a batch's zip.
  const data = deflate ? deflateRawSync(pdf) : pdf;
  return { data: new Uint8Array(data), deflated: deflate, crc32: crc32(pdf), size: pdf.length };
}
