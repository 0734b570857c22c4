// /vision/rule: 評価ルール — the table that grades an achievement (bands A/B/C/D with their lower bounds, the
// formula, decimals, pro-rating, status achievements, the roll-up cap). Saving makes a new version; old grades keep
// the version they were made with. Managers edit (GradeRuleForm.tsx); everyone else reads.
import { Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { GradeRuleVersion } from "../../../common/api/vision";
import { EARLIER_YEAR_VALUE_LABELS } from "../../../common/vision/grading";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateTimeText } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { PageHeader } from "../../ui/PageHeader";
import { StatusBadge } from "../../ui/StatusBadge";
import { Loading, VisionNav } from "./components";
import { GradeRuleForm } from "./GradeRuleForm";
import { vm } from "./messages";
import { useGradeRule, useVisionAccess } from "./queries";

const g = vm.rule;
const breadcrumbs = [{ label: vm.moduleName, href: "/vision" }, { label: g.title }];

export function GradeRulePage() {
  const rule = useGradeRule();
  const access = useVisionAccess();
  const manager = access.data?.manager === true;
  return (
    <>
      <PageHeader title={g.title} breadcrumbs={breadcrumbs} subtitle={g.intro} />
      <VisionNav />
      <Stack gap="lg">
        <ErrorAlert error={rule.error} />
        {rule.isPending && <Loading />}
        {rule.data && (
          <>
            <GradeRuleForm key={rule.data.current.id} current={rule.data.current} editable={manager} />
            {!manager && access.data && (
              <Text size="sm" c="dimmed">
                {g.readOnly}
              </Text>
            )}
            <History versions={rule.data.versions} />
          </>
        )}
      </Stack>
    </>
  );
}

function History({ versions }: { versions: GradeRuleVersion[] }) {
  const sorted = [...versions].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const columns: Column<GradeRuleVersion>[] = [
    {
      key: "name",
      header: g.versionName,
      rowHeader: true,
      render: (v) => (
        <Group gap={6}>
          <span>{v.name}</span>
          {v.isCurrent && <StatusBadge label={g.isCurrent} tone="good" size="xs" />}
        </Group>
      ),
    },
    { key: "bands", header: g.summary, render: (v) => g.bandsSummary(v.rule.bands) },
    { key: "earlier", header: g.earlierYearValue, render: (v) => EARLIER_YEAR_VALUE_LABELS[v.rule.earlierYearValue] },
    { key: "by", header: g.createdBy, render: (v) => v.createdByLabel ?? vm.dash },
    { key: "at", header: g.createdAt, nowrap: true, render: (v) => <DateTimeText timestamp={v.createdAt} /> },
  ];
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="rule-history">
      <Title order={2} id="rule-history" mb="sm" className="yk-section-title">
        {g.historyHeading}
      </Title>
      <DataTable caption={g.historyCaption} captionHidden columns={columns} rows={sorted} rowKey={(v) => v.id} />
    </Paper>
  );
}
