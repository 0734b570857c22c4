// /region/projects 「連携事業」: every joint project with its framework, status and days in it, lead, 所管課 and budget;
// filtered by framework, status, 年度 and 所管課, searched by name, sorted and paged by the server; exported as Excel
// or CSV with the same filters, and the yearly report of all projects of a 年度 as Excel or PDF.
import { Anchor, Button, Group, NativeSelect, Stack, Text, TextInput } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { exportProjects, exportYearlyReport, type ProjectSort, type ProjectSummary } from "../../../common/api/region-projects";
import { PROJECT_STATUSES, type ProjectStatus } from "../../../common/region/partnerships";
import { urlFor } from "../../api/client";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateText, FiscalYearText } from "../../ui/dates";
import { currentFiscalYear, FiscalYearSelect } from "../../ui/FiscalYear";
import { InternalLink } from "../../ui/InternalLink";
import { ButtonLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { pjm } from "./projectMessages";
import { ProjectStatusBadge } from "./projectParts";
import { useProjects } from "./projectQueries";

const t = pjm.projects;

export interface ProjectSearch {
  q?: string;
  frameworkId?: string;
  status?: ProjectStatus;
  fiscalYear?: number;
  ownerId?: string;
  sort?: ProjectSort;
  page?: number;
}

export function ProjectsPage({ search }: { search: ProjectSearch }) {
  const navigate = useNavigate();
  const [text, setText] = useState(search.q ?? "");
  const [yearlyYear, setYearlyYear] = useState<number>(currentFiscalYear() - 1);
  const sort: ProjectSort = search.sort ?? "framework";
  const page = search.page ?? 1;
  const pageSize = 50;
  const filters = {
    q: search.q,
    frameworkId: search.frameworkId,
    status: search.status,
    fiscalYear: search.fiscalYear,
    ownerId: search.ownerId,
  };
  const list = useProjects({ ...filters, sort, page, pageSize });
  const setSearch = (next: Partial<ProjectSearch>) =>
    navigate({ to: "/region/projects" as never, search: { ...search, page: undefined, ...next } as never });

  const columns: Column<ProjectSummary, ProjectSort>[] = [
    {
      key: "name",
      header: t.name,
      rowHeader: true,
      sortKey: "name",
      render: (p) => (
        <Stack gap={2}>
          <Group gap={6}>
            <InternalLink href={`/region/projects/${p.id}`} fw={600}>
              {p.name}
            </InternalLink>
            {p.isSample && <SampleBadge />}
          </Group>
          <Text size="xs" c="dimmed">
            {p.framework.name}
          </Text>
        </Stack>
      ),
    },
    { key: "status", header: t.status, sortKey: "status", nowrap: true, render: (p) => <ProjectStatusBadge status={p.status} /> },
    {
      key: "since",
      header: t.since,
      sortKey: "statusSince",
      nowrap: true,
      render: (p) => <DateText iso={p.statusSince} western="title" />,
    },
    { key: "days", header: t.daysInStatus, align: "right", nowrap: true, render: (p) => pjm.days(p.daysInStatus) },
    { key: "lead", header: t.lead, nowrap: true, render: (p) => p.lead?.name ?? pjm.dash },
    { key: "owner", header: t.owner, nowrap: true, render: (p) => p.owner.name },
    {
      key: "budget",
      header: t.budget,
      align: "right",
      sortKey: "-budget",
      nowrap: true,
      render: (p) =>
        p.budget ? (
          <Stack gap={0} align="flex-end">
            <span>{pjm.yen(p.budget.totalYen)}</span>
            <span className="yk-cell-sub">
              <FiscalYearText fy={p.budget.fiscalYear} western="title" />
              {!p.budget.fundingMatches && `・${t.mismatch}`}
            </span>
          </Stack>
        ) : (
          pjm.dash
        ),
    },
  ];

  const exportQuery = { ...filters, sort };
  return (
    <>
      <PageHeader
        title={t.title}
        breadcrumbs={[{ label: pjm.crumbs.region, href: "/region" }, { label: pjm.crumbs.projects }]}
        subtitle={t.intro}
        actions={
          <>
            <InternalLink href="/region/frameworks">{t.frameworksLink}</InternalLink>
            {list.data?.canManage && (
              <ButtonLink
                to={"/region/projects/new" as never}
                search={(search.frameworkId ? { frameworkId: search.frameworkId } : {}) as never}
              >
                {t.create}
              </ButtonLink>
            )}
          </>
        }
      />
      <Stack gap="md">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setSearch({ q: text.trim() || undefined });
          }}
        >
          <Group gap="md" align="flex-end" wrap="wrap">
            <TextInput label={t.search} value={text} onChange={(e) => setText(e.currentTarget.value)} w={240} type="search" />
            <Button type="submit" variant="default">
              検索
            </Button>
            <NativeSelect
              label={t.framework}
              value={search.frameworkId ?? ""}
              onChange={(e) => setSearch({ frameworkId: e.currentTarget.value || undefined })}
              data={[{ value: "", label: t.allFrameworks }, ...(list.data?.frameworks ?? []).map((f) => ({ value: f.id, label: f.name }))]}
              w={220}
            />
            <NativeSelect
              label={t.status}
              value={search.status ?? ""}
              onChange={(e) => setSearch({ status: (e.currentTarget.value || undefined) as ProjectStatus | undefined })}
              data={[{ value: "", label: t.allStatuses }, ...PROJECT_STATUSES.map((s) => ({ value: s, label: pjm.statuses[s] }))]}
              w={150}
            />
            <FiscalYearSelect
              label={t.fiscalYear}
              allLabel={t.allYears}
              value={search.fiscalYear ?? null}
              onChange={(fy) => setSearch({ fiscalYear: fy ?? undefined })}
              w={220}
            />
            <NativeSelect
              label={t.owner}
              value={search.ownerId ?? ""}
              onChange={(e) => setSearch({ ownerId: e.currentTarget.value || undefined })}
              data={[{ value: "", label: t.allOwners }, ...(list.data?.owners ?? []).map((o) => ({ value: o.id, label: o.name }))]}
              w={200}
            />
          </Group>
        </form>
        <DataTable
          caption={t.caption}
          columns={columns}
          rows={list.data?.items}
          rowKey={(p) => p.id}
          loading={list.isPending}
          error={list.error}
          empty={t.empty}
          minWidth={1000}
          sort={
            sort === "-budget"
              ? { key: "-budget", order: "desc" }
              : { key: sort.replace(/^-/, "") as ProjectSort, order: sort.startsWith("-") ? "desc" : "asc" }
          }
          onSortChange={(next) =>
            setSearch({ sort: next.key === "-budget" ? "-budget" : ((next.order === "desc" ? `-${next.key}` : next.key) as ProjectSort) })
          }
          paging={{ page, pageSize, total: list.data?.total ?? 0, onPageChange: (p) => setSearch({ page: p }) }}
        />
        <Group gap="lg" wrap="wrap" align="flex-end">
          <Group gap="sm">
            <Anchor href={urlFor(exportProjects, { query: { ...exportQuery, format: "xlsx" } })} download size="sm" fw={600}>
              {t.exportXlsx}
            </Anchor>
            <Anchor href={urlFor(exportProjects, { query: { ...exportQuery, format: "csv" } })} download size="sm">
              {t.exportCsv}
            </Anchor>
          </Group>
          <Group gap="sm" align="flex-end">
            <FiscalYearSelect label={t.yearlyYear} value={yearlyYear} onChange={(fy) => fy && setYearlyYear(fy)} w={220} />
            <Text size="sm" fw={600}>
              {t.yearly}:
            </Text>
            <Anchor href={urlFor(exportYearlyReport, { query: { fiscalYear: yearlyYear, format: "xlsx" } })} download size="sm">
              {t.yearlyXlsx}
            </Anchor>
            <Anchor href={urlFor(exportYearlyReport, { query: { fiscalYear: yearlyYear, format: "pdf" } })} download size="sm">
              {t.yearlyPdf}
            </Anchor>
          </Group>
        </Group>
      </Stack>
    </>
  );
}
