// /analysis/actions 「今後の取組の一覧」: every follow-up action across subjects and fiscal years, overdue first, filtered
// by state (未完了 by default, 期限切れ, 完了, すべて), subject, the analysis's year and the owner division (all kept in
// the URL), paged by the server, with Excel and CSV of the same list. An action of an older analysis stays on the
// open list until it is done.
import { Button, Group, NativeSelect, Stack, Text } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { type ActionListItem, exportActions } from "../../../common/api/analysis-reviews";
import { organisationOptions } from "../../admin/organisationOptions";
import { urlFor } from "../../api/client";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateText, fiscalYearLabel } from "../../ui/dates";
import { FiscalYearSelect, recentFiscalYears } from "../../ui/FiscalYear";
import { InternalLink } from "../../ui/InternalLink";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { useOrganisations } from "../policy";
import { ActionButtons, ActionStatus, actionOwner } from "./ActionDialogs";
import { rvm } from "./review-messages";
import { ACTIONS_PAGE_SIZE, type ActionSearch, type ActionStatusFilter, actionSearch, useActions } from "./review-queries";
import { AnalysisNav } from "./SubjectNav";
import { useSubjectsByYear } from "./subject-queries";

const t = rvm.list;
const a = rvm.actions;

export function ActionsPage({ search }: { search: ActionSearch }) {
  const navigate = useNavigate();
  const list = useActions(search);
  const subjects = useSubjectsByYear();
  const organisations = useOrganisations();
  const canManage = list.data?.canManage ?? false;

  function go(next: ActionSearch, keepPage = false) {
    navigate({ to: "/analysis/actions" as never, search: actionSearch({ ...next, page: keepPage ? next.page : undefined }) as never });
  }
  const set = (patch: Partial<ActionSearch>) => go({ ...search, ...patch });
  const { page: _page, ...filters } = search;
  const filtered = Object.keys(filters).length > 0;
  const exportQuery = { ...filters, status: search.status ?? "open" };

  const columns: Column<ActionListItem>[] = [
    {
      key: "title",
      header: a.name,
      rowHeader: true,
      width: 260,
      render: (row) => (
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {row.title}
          </Text>
          {row.detail && (
            <Text size="xs" c="dimmed" lineClamp={2}>
              {row.detail}
            </Text>
          )}
          {row.isSample && <SampleBadge />}
        </Stack>
      ),
    },
    {
      key: "subject",
      header: t.subjectCol,
      width: 190,
      render: (row) => (
        <Stack gap={0}>
          <InternalLink href={`/analysis/reviews/${row.reviewId}`}>{row.subjectName}</InternalLink>
          <Text size="xs" c="dimmed">
            {fiscalYearLabel(row.fiscalYear)}
          </Text>
        </Stack>
      ),
    },
    { key: "owner", header: a.owner, width: 170, render: actionOwner },
    { key: "due", header: a.dueOn, nowrap: true, render: (row) => <DateText iso={row.dueOn} western="title" /> },
    { key: "status", header: a.status, nowrap: true, render: (row) => <ActionStatus action={row} /> },
    {
      key: "done",
      header: a.result,
      width: 240,
      render: (row) =>
        row.status === "done" ? (
          <Stack gap={2}>
            <span style={{ whiteSpace: "nowrap" }}>
              <DateText iso={row.doneOn} western="title" />
            </span>
            {row.result && (
              <Text size="xs" lineClamp={3}>
                {row.result}
              </Text>
            )}
          </Stack>
        ) : (
          rvm.dash
        ),
    },
    // editing and deleting stay on the analysis's page; the list closes and reopens
    { key: "buttons", header: rvm.actions.buttons, nowrap: true, render: (row) => <ActionButtons action={row} canManage={false} /> },
  ];

  const divisions = organisationOptions((organisations.data?.items ?? []).filter((o) => o.kind !== "external"));
  const subjectOptions = (subjects.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }));
  const counts = list.data?.counts;

  return (
    <>
      <PageHeader
        title={t.title}
        breadcrumbs={[{ label: rvm.crumbs.home, href: "/analysis" }, { label: rvm.crumbs.actions }]}
        subtitle={t.intro}
        actions={
          <Group gap="xs">
            <Button component="a" href={urlFor(exportActions, { query: { ...exportQuery, format: "xlsx" } })} variant="default" download>
              {t.excel}
            </Button>
            <Button component="a" href={urlFor(exportActions, { query: { ...exportQuery, format: "csv" } })} variant="default" download>
              {t.csv}
            </Button>
          </Group>
        }
      />
      <AnalysisNav canManage={canManage} />
      <Stack gap="md">
        <Group gap="md" align="flex-end" wrap="wrap">
          <NativeSelect
            label={t.status}
            value={search.status ?? "open"}
            data={(["open", "overdue", "done", "all"] as const).map((s) => ({ value: s, label: t.statuses[s] ?? s }))}
            onChange={(e) => set({ status: e.currentTarget.value as ActionStatusFilter })}
            w={160}
          />
          <NativeSelect
            label={t.subject}
            value={search.subjectId ?? ""}
            data={[{ value: "", label: rvm.all }, ...subjectOptions]}
            onChange={(e) => set({ subjectId: e.currentTarget.value || undefined })}
            w={260}
          />
          <FiscalYearSelect
            label={t.fiscalYear}
            allLabel={rvm.all}
            value={search.fiscalYear ?? null}
            years={recentFiscalYears(2015, search.fiscalYear ? [search.fiscalYear] : [])}
            onChange={(fy) => set({ fiscalYear: fy ?? undefined })}
            w={200}
          />
          <NativeSelect
            label={t.owner}
            value={search.ownerOrganisationId ?? ""}
            data={[{ value: "", label: rvm.all }, ...divisions]}
            onChange={(e) => set({ ownerOrganisationId: e.currentTarget.value || undefined })}
            w={260}
          />
          {filtered && (
            <Button variant="subtle" onClick={() => go({})}>
              {t.clear}
            </Button>
          )}
        </Group>
        {list.data && counts && (
          <Text size="sm" role="status">
            {t.total(list.data.total)}　{t.counts(counts.open, counts.overdue, counts.done)}
          </Text>
        )}
        <DataTable
          caption={t.caption}
          columns={columns}
          rows={list.data?.items}
          rowKey={(row) => row.id}
          loading={list.isPending}
          error={list.error}
          empty={t.empty}
          minWidth={1080}
          paging={{
            page: search.page ?? 1,
            pageSize: ACTIONS_PAGE_SIZE,
            total: list.data?.total ?? 0,
            onPageChange: (page) => go({ ...search, page }, true),
          }}
        />
      </Stack>
    </>
  );
}
