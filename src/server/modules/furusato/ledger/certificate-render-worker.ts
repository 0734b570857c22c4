// The worker thread of a 受領証明書 batch (issueCertificates in certificates.ts): renders one PDF file of up to a
// thousand certificates at a time, off the thread that answers HTTP and under its own heap limit.
import { serveRequests } from "../../../platform/workers/worker-thread";
import { type CertificatePage, type Issuer, type RenderedCertificateFile, renderCertificateFile } from "./certificate-pdf";

export interface CertificateRenderRequest {
  pages: CertificatePage[];
  issuer: Issuer;
  deflate: boolean;
}

serveRequests<CertificateRenderRequest, RenderedCertificateFile>(async ({ pages, issuer, deflate }) => {
  const file = await renderCertificateFile(pages, issuer, deflate);
  // Moved to the main thread, not copied.
  return { value: file, transfer: [file.data.buffer as ArrayBuffer] };
});
