// /international/projects 「国際関連事業」: the list, filtered (キーワード, 分野, 局・課, 状態, 年度, 相手先, テーマ, 公開区分),
// sorted by the column headers and paged by the server. The conditions live in the URL, so a view is bookmarked or
// shared as its address (「この条件のURLをコピー」), or kept under a name of the user's own (「保存した条件」,
// SavedViews.tsx); the Excel export takes the same conditions.
import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import {
  exportProjects,
  listProjects,
  PROJECT_SORTS,
  PROJECT_STATUS_LABELS,
  PROJECT_STATUSES,
  type ProjectStatus,
  type ProjectSummary,
} from "../../../common/api/international";
import { organisationOptions } from "../../admin/organisationOptions";
import { call, urlFor } from "../../api/client";
import { type Column, DataTable, type SortState } from "../../ui/DataTable";
import { DateText, FiscalYearText, splitTimestamp } from "../../ui/dates";
import { FiscalYearSelect } from "../../ui/FiscalYear";
import { AnchorLink, ButtonLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { useServerPaging } from "../../ui/useServerPaging";
import { useOrganisations } from "../policy";
import { InternationalNav, ProjectStatusBadge, SampleBadge } from "./components";
import { fiscalYearChoices, partnerLabel } from "./labels";
import { type ProjectSearch, projectSearch, sortState, sortValue } from "./list-search";
import { im } from "./messages";
import { internationalKeys, useFields, useInternationalAccess, usePartners } from "./queries";
import { SavedViews } from "./SavedViews";

const t = im.projects;

export function ProjectsPage({ search }: { search: ProjectSearch }) {
  const navigate = useNavigate();
  const access = useInternationalAccess();
  const paging = useServerPaging<string>({ key: "updatedAt", order: "desc" });
  const sort = search.sort ?? "-updatedAt";
  const { sort: _sort, ...filters } = search;
  const query = { ...filters, sort, page: paging.page, pageSize: paging.pageSize };
  const projects = useQuery({
    queryKey: internationalKeys.projects(query),
    queryFn: () => call(listProjects, { query }),
    placeholderData: keepPreviousData,
  });
  const filtered = Object.keys(filters).length > 0;

  function go(next: ProjectSearch) {
    paging.firstPage();
    navigate({ to: "/international/projects", search: projectSearch({ ...next }) });
  }

  const tableProps = paging.tableProps(projects.data?.total ?? 0);
  const columns: Column<ProjectSummary>[] = [
    {
      key: "name",
      header: t.name,
      sortKey: "name",
      rowHeader: true,
      width: "15rem",
      render: (p) => (
        <Group gap={6} wrap="wrap">
          <AnchorLink to="/international/projects/$id" params={{ id: p.id }} fw={600}>
            {p.name}
          </AnchorLink>
          {p.isSample && <SampleBadge />}
        </Group>
      ),
    },
    {
      key: "owner",
      header: t.owner,
      sortKey: "owner",
      nowrap: true,
      render: (p) => (
        <Stack gap={0}>
          <span>{p.ownerName}</span>
          {p.bureauName && p.bureauName !== p.ownerName && (
            <Text span size="xs" c="dimmed">
              {p.bureauName}
            </Text>
          )}
        </Stack>
      ),
    },
    { key: "field", header: t.field, sortKey: "field", nowrap: true, render: (p) => p.fieldName },
    { key: "status", header: t.status, nowrap: true, render: (p) => <ProjectStatusBadge status={p.status} /> },
    {
      key: "years",
      header: t.years,
      sortKey: "firstFiscalYear",
      nowrap: true,
      render: (p) => (
        <Stack gap={0}>
          <span>
            <FiscalYearText fy={p.firstFiscalYear} western="title" />〜
          </span>
          {p.lastFiscalYear !== null && <FiscalYearText fy={p.lastFiscalYear} western="title" />}
        </Stack>
      ),
    },
    {
      key: "partners",
      header: t.partners,
      width: "12rem",
      render: (p) => (p.partners.length > 0 ? p.partners.map((x) => x.label).join(im.listSep) : im.dash),
    },
    {
      key: "themes",
      header: t.theme,
      width: "8rem",
      render: (p) => (p.themes.length > 0 ? p.themes.join(im.listSep) : im.dash),
    },
    {
      key: "visibility",
      header: t.visibility,
      nowrap: true,
      render: (p) => (p.isPublic ? t.public : t.internal),
    },
    {
      key: "money",
      header: t.budgetSettled,
      sortKey: "budgetTotal",
      align: "right",
      nowrap: true,
      render: (p) => (
        <Stack gap={0} align="flex-end">
          <span>{im.yen(p.budgetTotal)}</span>
          <Text span size="xs" c="dimmed">
            {t.settledShort(im.yen(p.settledTotal))}
          </Text>
        </Stack>
      ),
    },
    {
      key: "updatedAt",
      header: t.updatedAt,
      sortKey: "updatedAt",
      nowrap: true,
      render: (p) => <DateText iso={splitTimestamp(p.updatedAt)?.date} western="title" />,
    },
  ];

  return (
    <>
      <PageHeader
        title={t.title}
        subtitle={t.intro}
        breadcrumbs={[{ label: im.moduleName, href: "/international" }, { label: t.title }]}
        actions={access.data?.canCreate ? <ButtonLink to="/international/projects/new">{t.create}</ButtonLink> : null}
      />
      <InternationalNav />
      <SavedViews list="projects" search={search} onApply={(conditions) => go(projectSearch(conditions))} />
      <ProjectFilters key={JSON.stringify(filters)} search={search} onApply={go} />
      <DataTable
        caption={t.caption}
        columns={columns}
        rows={projects.data?.items}
        rowKey={(p) => p.id}
        loading={projects.isFetching && !projects.data}
        error={projects.error}
        empty={filtered ? t.empty : t.emptyAll}
        minWidth={1500}
        columnChooserKey="international.projects"
        {...tableProps}
        sort={sortState(sort)}
        onSortChange={(next: SortState) => {
          paging.firstPage();
          navigate({ to: "/international/projects", search: { ...search, sort: sortValue(PROJECT_SORTS, next) } });
        }}
      />
    </>
  );
}

function ProjectFilters({ search, onApply }: { search: ProjectSearch; onApply: (next: ProjectSearch) => void }) {
  const fields = useFields();
  const partners = usePartners();
  const organisations = useOrganisations();
  const [draft, setDraft] = useState({
    q: search.q ?? "",
    fieldId: search.fieldId ?? "",
    organisationId: search.organisationId ?? "",
    status: (search.status ?? "") as ProjectStatus | "",
    fiscalYear: search.fiscalYear ?? null,
    partnerId: search.partnerId ?? "",
    theme: search.theme ?? "",
    visibility: (search.visibility ?? "") as "public" | "internal" | "",
  });
  const [copyStatus, setCopyStatus] = useState("");
  const { sort: _sort, ...filters } = search;
  const exportHref = urlFor(exportProjects, { query: { ...filters, sort: search.sort ?? "-updatedAt" } });

  function submit(event: FormEvent) {
    event.preventDefault();
    onApply({
      q: draft.q.trim() || undefined,
      fieldId: draft.fieldId || undefined,
      organisationId: draft.organisationId || undefined,
      status: draft.status || undefined,
      fiscalYear: draft.fiscalYear ?? undefined,
      partnerId: draft.partnerId || undefined,
      theme: draft.theme.trim() || undefined,
      visibility: draft.visibility || undefined,
      sort: search.sort,
    });
  }

  async function copyUrl() {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setCopyStatus(t.copied);
    } catch {
      setCopyStatus(t.copyFailed);
    }
  }

  return (
    <Paper withBorder p="md" mb="md" component="section" aria-labelledby="intl-projects-filter-heading">
      <Text id="intl-projects-filter-heading" fw={700} size="sm" mb="xs">
        {t.filters}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            <TextInput
              label={t.q}
              placeholder={t.qPlaceholder}
              type="search"
              maxLength={100}
              value={draft.q}
              onChange={(e) => setDraft({ ...draft, q: e.currentTarget.value })}
            />
            <NativeSelect
              label={t.field}
              value={draft.fieldId}
              onChange={(e) => setDraft({ ...draft, fieldId: e.currentTarget.value })}
              data={[{ value: "", label: t.allFields }, ...(fields.data?.items ?? []).map((f) => ({ value: f.id, label: f.name }))]}
            />
            <NativeSelect
              label={t.organisation}
              value={draft.organisationId}
              onChange={(e) => setDraft({ ...draft, organisationId: e.currentTarget.value })}
              data={[{ value: "", label: t.allOrganisations }, ...organisationOptions(organisations.data?.items ?? [])]}
            />
            <NativeSelect
              label={t.status}
              value={draft.status}
              onChange={(e) => setDraft({ ...draft, status: e.currentTarget.value as ProjectStatus | "" })}
              data={[{ value: "", label: t.allStatuses }, ...PROJECT_STATUSES.map((s) => ({ value: s, label: PROJECT_STATUS_LABELS[s] }))]}
            />
            <FiscalYearSelect
              label={t.fiscalYear}
              allLabel={t.allYears}
              years={fiscalYearChoices(draft.fiscalYear)}
              value={draft.fiscalYear}
              onChange={(fy) => setDraft({ ...draft, fiscalYear: fy })}
            />
            <NativeSelect
              label={t.partner}
              value={draft.partnerId}
              onChange={(e) => setDraft({ ...draft, partnerId: e.currentTarget.value })}
              data={[
                { value: "", label: t.allPartners },
                ...(partners.data?.items ?? []).map((p) => ({ value: p.id, label: partnerLabel(p) })),
              ]}
            />
            <TextInput
              label={t.theme}
              placeholder={t.themePlaceholder}
              maxLength={50}
              value={draft.theme}
              onChange={(e) => setDraft({ ...draft, theme: e.currentTarget.value })}
            />
            <NativeSelect
              label={t.visibility}
              value={draft.visibility}
              onChange={(e) => setDraft({ ...draft, visibility: e.currentTarget.value as "public" | "internal" | "" })}
              data={[
                { value: "", label: t.allVisibility },
                { value: "public", label: t.public },
                { value: "internal", label: t.internal },
              ]}
            />
          </SimpleGrid>
          <Group gap="xs" wrap="wrap">
            <Button type="submit">{t.search}</Button>
            <Button variant="default" onClick={() => onApply({ sort: search.sort })}>
              {t.reset}
            </Button>
            <Button variant="default" onClick={copyUrl}>
              {t.copyUrl}
            </Button>
            <Button component="a" variant="default" href={exportHref} download>
              {t.exportXlsx}
            </Button>
            <Text size="sm" role="status" aria-live="polite">
              {copyStatus}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            {t.exportNote}
          </Text>
        </Stack>
      </form>
    </Paper>
  );
}
