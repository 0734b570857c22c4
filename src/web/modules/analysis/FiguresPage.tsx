// /analysis/subjects/$id/figures 「年度別数値」: the figures of a subject (or peer) by year, their entry and import, then
// the indicators computed from them.
import { Stack } from "@mantine/core";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { Loading } from "../../ui/Loading";
import { PageHeader } from "../../ui/PageHeader";
import { FiguresSection } from "./FiguresSection";
import { fm } from "./figure-messages";
import { useSubjectFigures } from "./figure-queries";
import { IndicatorsSection } from "./IndicatorsSection";

export function FiguresPage({ id }: { id: string }) {
  const query = useSubjectFigures(id);
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!query.data) return <Loading />;
  const subject = query.data.subject;
  return (
    <Stack gap="lg">
      <PageHeader
        title={fm.pageTitle(subject.name)}
        breadcrumbs={[
          { label: fm.crumbsHome, href: "/analysis" },
          { label: subject.name, href: `/analysis/subjects/${subject.id}` },
        ]}
      />
      <FiguresSection subjectId={id} canManage />
      <IndicatorsSection subjectId={id} subjectName={subject.name} />
    </Stack>
  );
}
