// /public/international: the 国際関連事業 the city publishes, no sign-in — a keyword search (name, summary, partner)
// and filters (分野, 年度 running, 相手国) kept in the URL so that a result can be bookmarked, and the list with the
// partner cities and the 年度 in 和暦. Each name leads to the project's public page.
import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import type { PublicProjectSummary } from "../../../common/api/international-public";
import { type Column, DataTable } from "../../ui/DataTable";
import { fiscalYearLabel } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { AnchorLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { PublicInternationalTabs } from "./PublicInternationalTabs";
import { PublicOwnerName } from "./PublicOwnerName";
import { PublicPeriod } from "./PublicPeriod";
import type { PublicProjectSearch } from "./public-search";
import { publicProjectSearch } from "./public-search";
import { pm } from "./publicMessages";
import { usePublicProjects } from "./publicQueries";

const PAGE_SIZE = 20;

export function PublicProjectsPage({ search }: { search: PublicProjectSearch }) {
  const navigate = useNavigate();
  const page = search.page ?? 1;
  const projects = usePublicProjects({ ...search, page, pageSize: PAGE_SIZE });
  const [draft, setDraft] = useState({
    q: search.q ?? "",
    fieldId: search.fieldId ?? "",
    fiscalYear: search.fiscalYear ? String(search.fiscalYear) : "",
    country: search.country ?? "",
  });
  const choices = projects.data?.choices;

  function go(next: PublicProjectSearch) {
    navigate({ to: "/public/international", search: publicProjectSearch({ ...next }) });
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    go({ q: draft.q, fieldId: draft.fieldId, fiscalYear: draft.fiscalYear ? Number(draft.fiscalYear) : undefined, country: draft.country });
  }
  function clear() {
    setDraft({ q: "", fieldId: "", fiscalYear: "", country: "" });
    go({});
  }

  const columns: Column<PublicProjectSummary>[] = [
    {
      key: "name",
      header: pm.name,
      rowHeader: true,
      render: (p) => (
        <Group gap={6} wrap="wrap">
          <AnchorLink to="/public/international/$id" params={{ id: p.id }}>
            {p.name}
          </AnchorLink>
          {p.isSample && <SampleBadge />}
        </Group>
      ),
    },
    { key: "field", header: pm.field, nowrap: true, render: (p) => p.fieldName },
    { key: "owner", header: pm.owner, render: (p) => <PublicOwnerName owner={p.ownerName} bureau={p.bureauName} /> },
    {
      key: "partners",
      header: pm.partners,
      render: (p) =>
        p.partners.length === 0 ? (
          pm.dash
        ) : (
          <Stack gap={0}>
            {p.partners.map((partner) => (
              <Text key={`${partner.country}/${partner.city}/${partner.organisation}`} size="sm">
                {pm.partnerLabel(partner)}
                {partner.relation !== "other" && (
                  <>
                    {" "}
                    {/* 「姉妹都市」 stays whole: the line breaks before it, never inside it */}
                    <Text span size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                      {pm.relation(partner.relation)}
                    </Text>
                  </>
                )}
              </Text>
            ))}
          </Stack>
        ),
    },
    {
      key: "period",
      header: pm.period,
      nowrap: true,
      render: (p) => <PublicPeriod first={p.firstFiscalYear} last={p.lastFiscalYear} />,
    },
  ];

  return (
    <>
      <PageHeader title={pm.title} subtitle={pm.intro} breadcrumbs={[{ label: pm.publicHome, href: "/public" }, { label: pm.title }]} />
      <Stack gap="lg">
        <PublicInternationalTabs current="projects" />
        <Paper withBorder p="md" component="form" role="search" aria-label={pm.filters} onSubmit={submit}>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md" style={{ alignItems: "end" }}>
            <TextInput
              label={pm.keyword}
              description={pm.keywordHint}
              value={draft.q}
              maxLength={100}
              onChange={(e) => setDraft({ ...draft, q: e.currentTarget.value })}
            />
            <NativeSelect
              label={pm.field}
              value={draft.fieldId}
              data={[{ value: "", label: pm.all }, ...(choices?.fields ?? []).map((f) => ({ value: f.id, label: f.name }))]}
              onChange={(e) => setDraft({ ...draft, fieldId: e.currentTarget.value })}
            />
            <NativeSelect
              label={pm.fiscalYear}
              description={pm.fiscalYearHint}
              value={draft.fiscalYear}
              data={[
                { value: "", label: pm.all },
                ...(choices?.fiscalYears ?? []).map((fy) => ({ value: String(fy), label: fiscalYearLabel(fy) })),
              ]}
              onChange={(e) => setDraft({ ...draft, fiscalYear: e.currentTarget.value })}
            />
            <NativeSelect
              label={pm.country}
              value={draft.country}
              data={[{ value: "", label: pm.all }, ...(choices?.countries ?? []).map((c) => ({ value: c, label: c }))]}
              onChange={(e) => setDraft({ ...draft, country: e.currentTarget.value })}
            />
          </SimpleGrid>
          <Group gap="sm" mt="md">
            <Button type="submit">{pm.search}</Button>
            <Button type="button" variant="default" onClick={clear}>
              {pm.clear}
            </Button>
          </Group>
        </Paper>
        <ErrorAlert error={projects.error} />
        <Text role="status" aria-live="polite" fw={600}>
          {projects.data ? pm.resultCount(projects.data.total) : pm.loading}
        </Text>
        <DataTable
          caption={pm.caption}
          captionHidden
          columns={columns}
          rows={projects.data?.items}
          rowKey={(p) => p.id}
          loading={projects.isPending}
          empty={pm.empty}
          paging={{
            page,
            pageSize: PAGE_SIZE,
            total: projects.data?.total ?? 0,
            onPageChange: (next) => go({ ...search, page: next }),
          }}
        />
      </Stack>
    </>
  );
}
