// /region/frameworks 「連携の枠組み」: 関門連携・福北連携・北九州都市圏域 with their kind, start, members, projects per
// status and the latest agreement; the bureau that runs 広域連携 creates a framework here.
import { Button, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import type { FrameworkSummary } from "../../../common/api/region-projects";
import { PROJECT_STATUSES } from "../../../common/region/partnerships";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateText } from "../../ui/dates";
import { InternalLink } from "../../ui/InternalLink";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { FrameworkDialog } from "./FrameworkDialogs";
import { pjm } from "./projectMessages";
import { useFrameworks } from "./projectQueries";

const t = pjm.frameworks;

export function FrameworksPage() {
  const list = useFrameworks();
  const [creating, setCreating] = useState(false);
  const columns: Column<FrameworkSummary>[] = [
    {
      key: "name",
      header: t.name,
      rowHeader: true,
      render: (f) => (
        <Stack gap={2}>
          <Group gap={6}>
            <InternalLink href={`/region/frameworks/${f.id}`} fw={600}>
              {f.name}
            </InternalLink>
            {f.isSample && <SampleBadge />}
          </Group>
          <Text size="xs" c="dimmed" lineClamp={2}>
            {f.description}
          </Text>
        </Stack>
      ),
    },
    { key: "kind", header: t.kind, nowrap: true, render: (f) => pjm.kinds[f.kind] },
    { key: "started", header: t.startedOn, nowrap: true, render: (f) => <DateText iso={f.startedOn} western="title" /> },
    { key: "members", header: t.members, align: "right", nowrap: true, render: (f) => pjm.governments(f.memberCount) },
    {
      key: "projects",
      header: t.projects,
      render: (f) => (
        <Text size="sm">
          {pjm.count(f.projectCount)}
          {f.projectCount > 0 && (
            <span className="yk-cell-sub">
              （
              {PROJECT_STATUSES.filter((s) => f.statusCounts[s])
                .map((s) => `${pjm.statuses[s]}${f.statusCounts[s]}`)
                .join("・")}
              ）
            </span>
          )}
        </Text>
      ),
    },
    {
      key: "agreement",
      header: t.latestAgreement,
      render: (f) =>
        f.latestAgreement ? (
          <Text size="sm">
            {f.latestAgreement.title}
            <br />
            <span className="yk-cell-sub">
              <DateText iso={f.latestAgreement.signedOn} western="title" />
            </span>
          </Text>
        ) : (
          pjm.dash
        ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t.title}
        breadcrumbs={[{ label: pjm.crumbs.region, href: "/region" }, { label: pjm.crumbs.frameworks }]}
        subtitle={t.intro}
        actions={
          <>
            <InternalLink href="/region/projects">{t.projectsLink}</InternalLink>
            {list.data?.canManage && <Button onClick={() => setCreating(true)}>{t.create}</Button>}
          </>
        }
      />
      <DataTable
        caption={t.caption}
        columns={columns}
        rows={list.data?.items}
        rowKey={(f) => f.id}
        loading={list.isPending}
        error={list.error}
        empty={t.empty}
        minWidth={860}
      />
      {creating && <FrameworkDialog onClose={() => setCreating(false)} />}
    </>
  );
}
