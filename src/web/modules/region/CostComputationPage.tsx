// /region/cost-shares/computations/$id: a saved 負担金 table as it was computed — the conditions (rule and version,
// total, 特定財源, rounding), the table per member and component with its totals, the figures with their sources,
// and the PDF and Excel downloads.
import { Anchor, Group, Paper, Stack, Table, Title } from "@mantine/core";
import { type ComputationDetail, exportCostShareComputation } from "../../../common/api/region-cost-shares";
import { type CostShareResult, ROUNDING_METHOD_LABELS } from "../../../common/region/cost-share";
import { urlFor } from "../../api/client";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateText, fiscalYearLabel } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { InternalLink } from "../../ui/InternalLink";
import { Loading } from "../../ui/Loading";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { csm } from "./costShareMessages";
import { ResultTable, yen } from "./costShareParts";
import { useCostShareComputation } from "./costShareQueries";
import { rgm } from "./messages";

type Figure = ComputationDetail["inputs"][number];

export function CostComputationPage({ id }: { id: string }) {
  const query = useCostShareComputation(id);
  if (query.isPending) return <Loading />;
  if (query.error) return <ErrorAlert error={query.error} />;
  const c = query.data;
  const r = c.result as CostShareResult;
  const title = csm.computationPageTitle(fiscalYearLabel(c.fiscalYear), c.projectName);
  const figureColumns: Column<Figure>[] = [
    { key: "label", header: csm.kind, render: (f) => f.label },
    { key: "member", header: csm.member, rowHeader: true, nowrap: true, render: (f) => f.memberName },
    { key: "value", header: csm.figure, align: "right", nowrap: true, render: (f) => f.value.toLocaleString("ja-JP") },
    { key: "source", header: csm.source, render: (f) => f.source },
  ];
  return (
    <>
      <PageHeader
        title={title}
        subtitle={c.title || undefined}
        breadcrumbs={[
          { label: rgm.moduleName, href: "/region" },
          { label: csm.title, href: `/region/cost-shares?projectId=${c.projectId}` },
          { label: c.ruleName, href: `/region/cost-shares/rules/${c.ruleId}` },
          { label: fiscalYearLabel(c.fiscalYear) },
        ]}
        badges={c.isSample ? <SampleBadge /> : undefined}
        actions={
          <Group gap="md">
            <Anchor href={urlFor(exportCostShareComputation, { params: { id }, query: { format: "xlsx" } })} download fw={600}>
              {csm.downloadXlsx}
            </Anchor>
            <Anchor href={urlFor(exportCostShareComputation, { params: { id }, query: { format: "pdf" } })} download fw={600}>
              {csm.downloadPdf}
            </Anchor>
          </Group>
        }
      />
      <Stack gap="lg">
        <Paper withBorder p="md" component="section" aria-labelledby="cost-conditions">
          <Title order={2} size="h5" id="cost-conditions" mb="xs">
            {csm.conditions}
          </Title>
          <Table withTableBorder fz="sm">
            <Table.Tbody>
              <Table.Tr>
                <Table.Th scope="row">{csm.rule}</Table.Th>
                <Table.Td>
                  <InternalLink href={`/region/cost-shares/rules/${c.ruleId}`}>{c.ruleName}</InternalLink> {csm.versionLabel(c.version)}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{csm.total}</Table.Th>
                <Table.Td>{yen(r.total)}</Table.Td>
              </Table.Tr>
              {r.deductions.map((d) => (
                <Table.Tr key={d.label}>
                  <Table.Th scope="row">特定財源: {d.label}</Table.Th>
                  <Table.Td>−{yen(d.amount)}</Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Th scope="row">{csm.amountToShare}</Table.Th>
                <Table.Td>
                  <strong data-testid="amount-to-share">{yen(r.amountToShare)}</strong>
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{csm.rounding}</Table.Th>
                <Table.Td>
                  {csm.roundingText(r.rounding.unit, ROUNDING_METHOD_LABELS[r.rounding.method])}／{csm.remainder}: {r.remainderMemberName}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{csm.createdAt}</Table.Th>
                <Table.Td>
                  <DateText iso={c.createdAt.slice(0, 10)} /> {c.createdBy ?? csm.sampleData}
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Paper>
        <section aria-labelledby="cost-table">
          <Title order={2} size="h4" id="cost-table" mb="xs">
            {csm.resultTitle}
          </Title>
          <ResultTable result={r} caption={`${c.ruleName} ${csm.versionLabel(c.version)}`} />
        </section>
        <section aria-labelledby="cost-inputs">
          <Title order={2} size="h4" id="cost-inputs" mb="xs">
            {csm.inputsUsed}
          </Title>
          <DataTable
            caption={csm.inputsUsed}
            captionHidden
            columns={figureColumns}
            rows={c.inputs}
            rowKey={(f) => `${f.key}|${f.memberId}`}
            empty={csm.noInputs}
          />
        </section>
      </Stack>
    </>
  );
}
