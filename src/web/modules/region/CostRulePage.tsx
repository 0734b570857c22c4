// /region/cost-shares/rules/$id: a cost-share rule — its components with their weights, rounding, remainder taker and
// participating members for each version (newest first, older ones unchanged), and the computations saved with it.
import { Accordion, Badge, Button, Group, Stack, Text, Title } from "@mantine/core";
import type { ComputationSummary, RuleDetail } from "../../../common/api/region-cost-shares";
import type { CostShareRule } from "../../../common/region/cost-share";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateText, FiscalYearText } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { InternalLink } from "../../ui/InternalLink";
import { Loading } from "../../ui/Loading";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { csm } from "./costShareMessages";
import { RuleComponents } from "./costShareParts";
import { useCostRule } from "./costShareQueries";
import { rgm } from "./messages";

export function CostRulePage({ id }: { id: string }) {
  const query = useCostRule(id);
  if (query.isPending) return <Loading />;
  if (query.error) return <ErrorAlert error={query.error} />;
  const rule: RuleDetail = query.data;
  const latest = rule.versions[0];
  const computationColumns: Column<ComputationSummary>[] = [
    {
      key: "fy",
      header: csm.fiscalYear,
      rowHeader: true,
      nowrap: true,
      render: (c) => (
        <InternalLink href={`/region/cost-shares/computations/${c.id}`}>
          <FiscalYearText fy={c.fiscalYear} western="title" />
        </InternalLink>
      ),
    },
    { key: "title", header: csm.computationTitle, render: (c) => c.title || csm.none },
    { key: "version", header: csm.version, nowrap: true, render: (c) => csm.versionLabel(c.version) },
    {
      key: "amount",
      header: csm.amountToShare,
      align: "right",
      nowrap: true,
      render: (c) => `${c.amountToShare.toLocaleString("ja-JP")}円`,
    },
    {
      key: "created",
      header: csm.createdAt,
      nowrap: true,
      render: (c) => (
        <Group gap={4}>
          <DateText iso={c.createdAt.slice(0, 10)} western="title" />
          {c.isSample && <SampleBadge />}
        </Group>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={rule.name}
        subtitle={`${rule.projectName}（${rule.frameworkName}）${rule.description ? ` — ${rule.description}` : ""}`}
        breadcrumbs={[
          { label: rgm.moduleName, href: "/region" },
          { label: csm.title, href: `/region/cost-shares?projectId=${rule.projectId}` },
          { label: rule.name },
        ]}
        badges={rule.isSample ? <SampleBadge /> : undefined}
        actions={
          <Group gap="sm">
            <Button component="a" href={`/region/cost-shares/rules/${rule.id}/compute`}>
              {csm.compute}
            </Button>
            {rule.canManage && (
              <Button component="a" variant="light" href={`/region/cost-shares/rules/${rule.id}/edit`}>
                {csm.newVersion}
              </Button>
            )}
          </Group>
        }
      />
      <Stack gap="xl">
        <section aria-labelledby="cost-rule-latest">
          <Title order={2} size="h4" id="cost-rule-latest" mb="xs">
            {csm.latestVersion}: {csm.versionLabel(latest.version)}（<FiscalYearText fy={latest.appliesFromFiscalYear} />
            〜）
          </Title>
          <RuleComponents
            rule={latest.rule as CostShareRule}
            members={rule.members}
            caption={`${csm.components}（${csm.versionLabel(latest.version)}）`}
          />
          {latest.note && (
            <Text size="sm" mt="xs">
              {csm.note}: {latest.note}
            </Text>
          )}
          <Text size="sm" mt="xs">
            {csm.members}（{rule.members.length}）: {rule.members.map((m) => m.name).join("・")}
          </Text>
        </section>
        <section aria-labelledby="cost-rule-computations">
          <Title order={2} size="h4" id="cost-rule-computations" mb="xs">
            {csm.computations}
          </Title>
          <DataTable
            caption={csm.computations}
            captionHidden
            columns={computationColumns}
            rows={rule.computations}
            rowKey={(c) => c.id}
            empty={csm.noComputations}
          />
        </section>
        <section aria-labelledby="cost-rule-versions">
          <Title order={2} size="h4" id="cost-rule-versions" mb="xs">
            {csm.versions}
          </Title>
          <Accordion multiple variant="separated">
            {rule.versions.map((v) => (
              <Accordion.Item key={v.id} value={v.id}>
                <Accordion.Control>
                  <Group gap="sm">
                    <Badge variant="light" styles={{ root: { textTransform: "none" } }}>
                      {csm.versionLabel(v.version)}
                    </Badge>
                    <Text size="sm">
                      {csm.appliesFrom}: <FiscalYearText fy={v.appliesFromFiscalYear} western="title" />
                    </Text>
                    <Text size="sm">
                      {csm.createdAt}: <DateText iso={v.createdAt.slice(0, 10)} western="title" /> {v.createdBy ?? csm.sampleData}
                    </Text>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <RuleComponents
                    rule={v.rule as CostShareRule}
                    members={rule.members}
                    caption={`${csm.components}（${csm.versionLabel(v.version)}）`}
                  />
                  {v.note && (
                    <Text size="sm" mt="xs">
                      {csm.note}: {v.note}
                    </Text>
                  )}
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </section>
      </Stack>
    </>
  );
}
