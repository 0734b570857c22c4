// 認証書 (the certificate: number, company, tier, validity in 和暦, 北九州市長) and 認証通知書 / 不認証通知書 (the
// notice of the committee's decision, with the reason when refused) as A4 PDFs, Noto Sans JP embedded. Pure
// renderers: the data in, the bytes out.
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces";
import { formatWareki } from "../../../common/dates";
import { APPLICATION_KIND_LABELS, type ApplicationKind } from "../../../common/sdgs/labels";
import { PDF_FONT_FAMILY, renderPdf } from "../../platform/pdf/printer";

export const PROGRAMME_NAME = "北九州市サステナブル経営認証";
export const MAYOR_LINE = "北九州市長";

export interface CertificateData {
  number: string;
  companyName: string;
  tierName: string;
  validFrom: string;
  validUntil: string;
  /** 認証日 (the committee's decision) */
  certifiedOn: string;
  /** 発行日 */
  issuedOn: string;
}

const styles = {
  title: {
    fontSize: 26,
    bold: true,
    alignment: "center" as const,
    characterSpacing: 8,
    margin: [0, 30, 0, 30] as [number, number, number, number],
  },
  number: { fontSize: 10, alignment: "right" as const },
  company: { fontSize: 20, bold: true, alignment: "center" as const, margin: [0, 10, 0, 4] as [number, number, number, number] },
  body: { fontSize: 12, lineHeight: 1.7, margin: [20, 20, 20, 20] as [number, number, number, number] },
  label: { bold: true },
  tier: { fontSize: 18, bold: true, alignment: "center" as const, margin: [0, 6, 0, 6] as [number, number, number, number] },
  date: { fontSize: 11, margin: [0, 30, 0, 0] as [number, number, number, number] },
  mayor: { fontSize: 14, bold: true, alignment: "right" as const, margin: [0, 20, 0, 0] as [number, number, number, number] },
  noticeTitle: { fontSize: 18, bold: true, alignment: "center" as const, margin: [0, 30, 0, 24] as [number, number, number, number] },
  paragraph: { fontSize: 11, lineHeight: 1.6, margin: [0, 0, 0, 10] as [number, number, number, number] },
  small: { fontSize: 9, color: "#444444" },
};

export function certificateDocDefinition(data: CertificateData): TDocumentDefinitions {
  return {
    pageSize: "A4",
    pageMargins: [60, 60, 60, 60],
    info: { title: `認証書 ${data.number}`, subject: PROGRAMME_NAME, author: MAYOR_LINE },
    background: () => ({
      canvas: [
        { type: "rect", x: 28, y: 28, w: 539.28, h: 785.89, lineWidth: 3, lineColor: "#1f5f8b" },
        { type: "rect", x: 36, y: 36, w: 523.28, h: 769.89, lineWidth: 0.8, lineColor: "#1f5f8b" },
      ],
    }),
    content: [
      { text: `認証番号　${data.number}`, style: "number" },
      { text: "認　証　書", style: "title" },
      { text: data.companyName, style: "company" },
      { text: "様", alignment: "right", fontSize: 14, margin: [0, 0, 30, 0] },
      {
        style: "body",
        text: `貴社は、${PROGRAMME_NAME}の基準を満たし、次の区分で認証されたことを証します。`,
      },
      { text: "認証区分", alignment: "center", fontSize: 11 },
      { text: data.tierName, style: "tier" },
      {
        margin: [40, 20, 40, 0],
        table: {
          widths: [90, "*"],
          body: [
            [{ text: "認証番号", style: "label" }, data.number],
            [{ text: "認証日", style: "label" }, formatWareki(data.certifiedOn)],
            [{ text: "有効期間", style: "label" }, `${formatWareki(data.validFrom)}から${formatWareki(data.validUntil)}まで`],
          ],
        },
        layout: "lightHorizontalLines",
      },
      { text: `${formatWareki(data.issuedOn)}`, style: "date", margin: [40, 50, 0, 0] },
      { text: MAYOR_LINE, style: "mayor", margin: [0, 30, 60, 0] },
    ],
    defaultStyle: { font: PDF_FONT_FAMILY, fontSize: 11 },
    styles,
  };
}

export async function renderCertificatePdf(data: CertificateData): Promise<Buffer> {
  return renderPdf(certificateDocDefinition(data));
}

export interface NoticeData {
  decision: "certify" | "refuse";
  companyName: string;
  address: string;
  roundName: string;
  kind: ApplicationKind;
  decidedOn: string;
  reason: string;
  issuedOn: string;
  certification: { number: string; tierName: string; validFrom: string; validUntil: string } | null;
}

export function noticeDocDefinition(data: NoticeData): TDocumentDefinitions {
  const certify = data.decision === "certify";
  const title = certify ? "認証通知書" : "不認証通知書";
  const kind = APPLICATION_KIND_LABELS[data.kind];
  const body: Content[] = certify
    ? [
        {
          text: `${data.roundName}に${kind}申請のあった${PROGRAMME_NAME}について、${formatWareki(data.decidedOn)}に開催した審査会の審査の結果、次のとおり認証することに決定したので通知します。`,
          style: "paragraph",
        },
        ...(data.certification
          ? [
              {
                margin: [20, 10, 20, 10],
                table: {
                  widths: [90, "*"],
                  body: [
                    [{ text: "認証番号", style: "label" }, data.certification.number],
                    [{ text: "認証区分", style: "label" }, data.certification.tierName],
                    [
                      { text: "有効期間", style: "label" },
                      `${formatWareki(data.certification.validFrom)}から${formatWareki(data.certification.validUntil)}まで`,
                    ],
                  ],
                },
                layout: "lightHorizontalLines",
              } as Content,
            ]
          : []),
        { text: "認証の有効期間中は、毎年、取組状況を報告してください。", style: "paragraph" },
      ]
    : [
        {
          text: `${data.roundName}に${kind}申請のあった${PROGRAMME_NAME}について、${formatWareki(data.decidedOn)}に開催した審査会の審査の結果、次の理由により認証しないことに決定したので通知します。`,
          style: "paragraph",
        },
        { text: "理由", style: "label", margin: [0, 6, 0, 4] },
        { text: data.reason || "－", style: "paragraph", margin: [12, 0, 0, 10] },
        {
          text: "この決定に不服がある場合は、この通知を受けた日の翌日から起算して3か月以内に、北九州市長に対して審査請求をすることができます。",
          style: "small",
        },
      ];
  return {
    pageSize: "A4",
    pageMargins: [60, 60, 60, 60],
    info: { title, subject: PROGRAMME_NAME, author: MAYOR_LINE },
    content: [
      { text: formatWareki(data.issuedOn), alignment: "right" },
      { text: `${data.companyName}　様`, fontSize: 13, margin: [0, 20, 0, 0] },
      ...(data.address ? [{ text: data.address, style: "small" } as Content] : []),
      { text: MAYOR_LINE, alignment: "right", fontSize: 13, bold: true, margin: [0, 20, 0, 0] },
      { text: `${PROGRAMME_NAME}　${title}`, style: "noticeTitle" },
      ...body,
      { text: "（担当）北九州市 SDGs推進課", style: "small", alignment: "right", margin: [0, 40, 0, 0] },
    ],
    defaultStyle: { font: PDF_FONT_FAMILY, fontSize: 11 },
    styles,
  };
}

export async function renderNoticePdf(data: NoticeData): Promise<Buffer> {
  return renderPdf(noticeDocDefinition(data));
}
