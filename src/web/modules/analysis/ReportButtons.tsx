// The 経営分析報告書 downloads of an analysis (PDF and Word), embedded in the analysis page (/analysis/reviews/$id).
import { Anchor, Group } from "@mantine/core";
import { downloadReviewReport } from "../../../common/api/analysis-reports";
import { urlFor } from "../../api/client";
import { rpm } from "./report-messages";

export function ReportButtons({ reviewId }: { reviewId: string }) {
  const href = (format: "pdf" | "docx") => urlFor(downloadReviewReport, { params: { id: reviewId }, query: { format } });
  return (
    <Group gap="md" title={rpm.report.help}>
      <Anchor href={href("pdf")} download fw={600} data-testid="analysis-report-pdf">
        {rpm.report.pdf}
      </Anchor>
      <Anchor href={href("docx")} download fw={600} data-testid="analysis-report-docx">
        {rpm.report.docx}
      </Anchor>
    </Group>
  );
}
