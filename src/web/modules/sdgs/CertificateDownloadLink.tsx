// 認証書 (PDF) download link, for the staff's pages and the company's own pages: the server answers the company's
// login only for its own certification. Props: certificationId (the certification's id), and optionally the label
// and the certificate number (shown in the accessible name so several links on one page stay apart).
import { Anchor } from "@mantine/core";
import { certificatePdf } from "../../../common/api/sdgs-certification";
import { urlFor } from "../../api/client";
import { cm } from "./certificationMessages";

export interface CertificateDownloadLinkProps {
  certificationId: string;
  /** e.g. KSM-2025-0001, added to the link's accessible name */
  number?: string;
  label?: string;
}

export function CertificateDownloadLink({ certificationId, number, label = cm.download }: CertificateDownloadLinkProps) {
  return (
    <Anchor
      href={urlFor(certificatePdf, { params: { id: certificationId } })}
      target="_blank"
      rel="noopener"
      fw={600}
      aria-label={number ? `${label}（${number}）` : undefined}
    >
      {label}
    </Anchor>
  );
}
