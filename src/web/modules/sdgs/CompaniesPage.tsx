// /sdgs/companies 「登録企業」: the companies that registered an account — searched by name, フリガナ, 法人番号 or the
// former 登録番号 and filtered by 区・業種・規模・認証 on the server, paged; each opens its page. The bureau also gets
// the CSV with the contacts (its export is audited) and the way to the former registrants' invitations.
import { Anchor, Button, Group, NativeSelect, Paper, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import type { QueryOf } from "../../../common/api/contract";
import { type CompanyListItem, exportCompanies, type listCompanies } from "../../../common/api/sdgs-accounts";
import { COMPANY_SIZE_LABELS, COMPANY_SIZES, INDUSTRIES, INDUSTRY_LABELS, WARD_LABELS, WARDS } from "../../../common/sdgs/labels";
import { urlFor } from "../../api/client";
import { useSession } from "../../auth/session";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateText } from "../../ui/dates";
import { AnchorLink, ButtonLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { am } from "./accountMessages";
import { useCompanies } from "./accountQueries";

const t = am.companies;

interface Filters {
  q: string;
  ward: string;
  industry: string;
  size: string;
  certified: string;
}
const EMPTY: Filters = { q: "", ward: "", industry: "", size: "", certified: "" };

function queryOf(filters: Filters) {
  return {
    q: filters.q.trim() || undefined,
    ward: filters.ward || undefined,
    industry: filters.industry || undefined,
    size: filters.size || undefined,
    certified: filters.certified || undefined,
  } as QueryOf<typeof listCompanies>;
}

const withAll = <K extends string>(keys: readonly K[], labels: Record<K, string>) => [
  { value: "", label: t.all },
  ...keys.map((key) => ({ value: key, label: labels[key] })),
];

export function CompaniesPage() {
  const session = useSession();
  const isManager = !!session.data?.audiences?.includes("sdgs.manager");
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const query = { ...queryOf(filters), page, pageSize };
  const companies = useCompanies(query);
  const filtered = Object.values(filters).some(Boolean);

  function search(event: FormEvent) {
    event.preventDefault();
    setFilters(draft);
    setPage(1);
  }

  const columns: Column<CompanyListItem>[] = [
    {
      key: "name",
      header: t.name,
      rowHeader: true,
      render: (c) => (
        <Stack gap={0}>
          <Group gap={6} wrap="wrap">
            <AnchorLink to="/sdgs/companies/$id" params={{ id: c.id }} fw={600}>
              {c.name}
            </AnchorLink>
            {c.isSample && <SampleBadge />}
          </Group>
          <Text size="xs" c="dimmed">
            {c.kana}
          </Text>
        </Stack>
      ),
    },
    { key: "corporateNumber", header: t.corporateNumber, nowrap: true, render: (c) => c.corporateNumber ?? t.soleProprietor },
    { key: "ward", header: t.ward, nowrap: true, render: (c) => WARD_LABELS[c.ward] },
    { key: "industry", header: t.industry, render: (c) => INDUSTRY_LABELS[c.industry] },
    { key: "size", header: t.size, nowrap: true, render: (c) => COMPANY_SIZE_LABELS[c.size] },
    {
      key: "certification",
      header: t.certification,
      render: (c) =>
        c.certification ? (
          <Stack gap={0}>
            <Text size="sm">
              {c.certification.tierName}（{c.certification.number}）
            </Text>
            <Text size="xs" c="dimmed">
              <DateText iso={c.certification.validUntil} western="title" />
              まで
            </Text>
          </Stack>
        ) : (
          t.none
        ),
    },
    { key: "applications", header: t.applications, align: "right", nowrap: true, render: (c) => am.count(c.applicationCount) },
    { key: "former", header: t.former, nowrap: true, render: (c) => c.formerRegistrationNumber ?? am.dash },
    { key: "createdAt", header: t.registeredAt, nowrap: true, render: (c) => <DateText iso={c.createdAt.slice(0, 10)} western="title" /> },
  ];

  return (
    <>
      <PageHeader
        title={t.title}
        subtitle={t.intro}
        breadcrumbs={[{ label: am.moduleName, href: "/sdgs" }, { label: t.title }]}
        actions={
          isManager ? (
            <Group gap="sm">
              <ButtonLink to="/sdgs/invitations" variant="default">
                {t.invitations}
              </ButtonLink>
              <Button component="a" href={urlFor(exportCompanies, { query: queryOf(filters) })} download variant="default">
                {t.csv}
              </Button>
            </Group>
          ) : null
        }
      />
      {isManager && (
        <Text size="xs" c="dimmed" mb="xs">
          {t.csvNote}
        </Text>
      )}
      <Paper withBorder p="md" mb="md" component="form" role="search" aria-label={t.search} onSubmit={search}>
        <Group align="end" gap="sm" wrap="wrap">
          <TextInput
            label={t.search}
            placeholder={t.searchPlaceholder}
            type="search"
            maxLength={100}
            value={draft.q}
            onChange={(e) => setDraft({ ...draft, q: e.currentTarget.value })}
            w={{ base: "100%", sm: 300 }}
          />
          <NativeSelect
            label={t.ward}
            data={withAll(WARDS, WARD_LABELS)}
            value={draft.ward}
            onChange={(e) => setDraft({ ...draft, ward: e.currentTarget.value })}
          />
          <NativeSelect
            label={t.industry}
            data={withAll(INDUSTRIES, INDUSTRY_LABELS)}
            value={draft.industry}
            onChange={(e) => setDraft({ ...draft, industry: e.currentTarget.value })}
            w={{ base: "100%", sm: 260 }}
          />
          <NativeSelect
            label={t.size}
            data={withAll(COMPANY_SIZES, COMPANY_SIZE_LABELS)}
            value={draft.size}
            onChange={(e) => setDraft({ ...draft, size: e.currentTarget.value })}
          />
          <NativeSelect
            label={t.certified}
            data={[
              { value: "", label: t.all },
              { value: "yes", label: t.certifiedYes },
              { value: "no", label: t.certifiedNo },
            ]}
            value={draft.certified}
            onChange={(e) => setDraft({ ...draft, certified: e.currentTarget.value })}
          />
          <Button type="submit">{t.apply}</Button>
          {filtered && (
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => {
                setDraft(EMPTY);
                setFilters(EMPTY);
                setPage(1);
              }}
            >
              {t.clear}
            </Anchor>
          )}
        </Group>
      </Paper>
      <DataTable
        caption={t.caption}
        columns={columns}
        rows={companies.data?.items}
        rowKey={(c) => c.id}
        loading={companies.isFetching && !companies.data}
        error={companies.error}
        empty={filtered ? t.emptyFiltered : t.empty}
        paging={{
          page,
          pageSize,
          total: companies.data?.total ?? 0,
          onPageChange: setPage,
          onPageSizeChange: (size) => {
            setPageSize(size);
            setPage(1);
          },
        }}
        minWidth={1100}
      />
    </>
  );
}
