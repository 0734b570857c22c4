// /region/cost-shares 「負担金」: the cost-share rules by joint project (?projectId= narrows to one, as the project page
// links), each with its latest version and latest saved computation; region managers create a rule.
import { Button, Group, NativeSelect, Paper, Stack, Text } from "@mantine/core";
import { useRouter } from "@tanstack/react-router";
import type { RuleSummary } from "../../../common/api/region-cost-shares";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateText, FiscalYearText } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { InternalLink } from "../../ui/InternalLink";
import { Loading } from "../../ui/Loading";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { csm } from "./costShareMessages";
import { useCostRules } from "./costShareQueries";
import { rgm } from "./messages";

export function CostSharesPage({ projectId }: { projectId?: string }) {
  const router = useRouter();
  const query = useCostRules(projectId);
  const header = (
    <PageHeader
      title={csm.title}
      subtitle={csm.intro}
      breadcrumbs={[{ label: rgm.moduleName, href: "/region" }, { label: csm.title }]}
      actions={
        query.data?.canManage ? (
          <Button
            component="a"
            href={`/region/cost-shares/rules/new${projectId ? `?projectId=${projectId}` : ""}`}
            onClick={(e) => {
              e.preventDefault();
              router.history.push(`/region/cost-shares/rules/new${projectId ? `?projectId=${projectId}` : ""}`);
            }}
          >
            {csm.newRule}
          </Button>
        ) : undefined
      }
    />
  );
  if (query.isPending) return <Loading />;
  if (query.error)
    return (
      <>
        {header}
        <ErrorAlert error={query.error} />
      </>
    );
  const { items, projects } = query.data;
  const columns: Column<RuleSummary>[] = [
    {
      key: "project",
      header: csm.project,
      render: (r) => (
        <Stack gap={0}>
          <Text size="sm">{r.projectName}</Text>
          <Text size="xs" c="dimmed">
            {r.frameworkName}
          </Text>
        </Stack>
      ),
    },
    {
      key: "name",
      header: csm.rule,
      rowHeader: true,
      render: (r) => (
        <Group gap={6}>
          <InternalLink href={`/region/cost-shares/rules/${r.id}`}>{r.name}</InternalLink>
          {r.isSample && <SampleBadge />}
        </Group>
      ),
    },
    {
      key: "version",
      header: csm.latestVersion,
      nowrap: true,
      render: (r) => (
        <Text size="sm">
          {csm.versionLabel(r.latestVersion.version)}（<FiscalYearText fy={r.latestVersion.appliesFromFiscalYear} western="title" />
          〜）
        </Text>
      ),
    },
    {
      key: "computation",
      header: csm.latestComputation,
      render: (r) =>
        r.latestComputation ? (
          <Stack gap={0}>
            <InternalLink href={`/region/cost-shares/computations/${r.latestComputation.id}`}>
              <FiscalYearText fy={r.latestComputation.fiscalYear} western="title" />{" "}
              {r.latestComputation.amountToShare.toLocaleString("ja-JP")}円
            </InternalLink>
            <Text size="xs" c="dimmed">
              <DateText iso={r.latestComputation.createdAt.slice(0, 10)} western="title" />
            </Text>
          </Stack>
        ) : (
          csm.none
        ),
    },
    {
      key: "actions",
      header: csm.compute,
      render: (r) => <InternalLink href={`/region/cost-shares/rules/${r.id}/compute`}>{csm.compute}</InternalLink>,
    },
  ];
  return (
    <>
      {header}
      <Stack gap="lg">
        <Paper withBorder p="md">
          <Group align="end" justify="space-between" wrap="wrap">
            <NativeSelect
              label={csm.project}
              value={projectId ?? ""}
              style={{ minWidth: 360 }}
              onChange={(e) => {
                const id = e.currentTarget.value;
                router.history.push(id ? `/region/cost-shares?projectId=${id}` : "/region/cost-shares");
              }}
              data={[
                { value: "", label: csm.allProjects },
                ...projects.map((p) => ({ value: p.id, label: `${p.name}（${p.frameworkName}）` })),
              ]}
            />
            <InternalLink href={`/region/cost-shares/compare${projectId ? `?projectId=${projectId}` : ""}`}>{csm.compare}</InternalLink>
          </Group>
        </Paper>
        <DataTable
          caption={csm.rulesCaption(items.length)}
          columns={columns}
          rows={items}
          rowKey={(r) => r.id}
          empty={csm.noRules}
          minWidth={760}
        />
      </Stack>
    </>
  );
}
