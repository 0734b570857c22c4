// /public/sdgs: 北九州市サステナブル経営認証の認証企業一覧 for citizens and banks, no sign-in — a keyword search
// (name, フリガナ, 法人番号, 認証番号, goals) and filters (認証区分, 区, 業種), the companies valid today with their
// tier, validity in 和暦 and goals with their SDGs numbers, サンプル on sample rows, and the open data (CSV) link
// for the same conditions.
import { Anchor, Badge, Button, Group, List, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { downloadCertifiedCompaniesCsv, type PublicCertifiedCompany } from "../../../common/api/sdgs-public";
import { urlFor } from "../../api/client";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateText } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { AnchorLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { rm } from "./registryMessages";
import { useCertifiedCompanies } from "./registryQueries";

const PAGE_SIZE = 20;
/** Tier badges: light backgrounds with dark text (contrast ≥ 4.5:1 at the badge's small size). */
const TIER_STYLES = [
  { background: "#fff3bf", color: "#5c3c00", border: "#e0b000" },
  { background: "#e9ecef", color: "#343a40", border: "#adb5bd" },
  { background: "#ffe8cc", color: "#7a2e0b", border: "#e8590c" },
  { background: "#e6fcf5", color: "#0b5345", border: "#12b886" },
] as const;

interface Filters {
  q: string;
  tier: string;
  ward: string;
  industry: string;
}
const EMPTY: Filters = { q: "", tier: "", ward: "", industry: "" };

/** The filters as the API takes them (empty ones left out). */
function queryOf(filters: Filters) {
  return {
    q: filters.q.trim() || undefined,
    tier: filters.tier || undefined,
    ward: (filters.ward || undefined) as PublicCertifiedCompany["ward"] | undefined,
    industry: (filters.industry || undefined) as PublicCertifiedCompany["industry"] | undefined,
  };
}

export function TierBadge({ name, rank }: { name: string; rank: number }) {
  return (
    <Badge
      variant="outline"
      styles={{
        root: {
          textTransform: "none",
          background: TIER_STYLES[(rank - 1) % TIER_STYLES.length].background,
          color: TIER_STYLES[(rank - 1) % TIER_STYLES.length].color,
          borderColor: TIER_STYLES[(rank - 1) % TIER_STYLES.length].border,
        },
      }}
    >
      {name}
    </Badge>
  );
}

export function PublicRegistryPage() {
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [page, setPage] = useState(1);
  const companies = useCertifiedCompanies({ ...queryOf(filters), page, pageSize: PAGE_SIZE });
  const choices = companies.data?.choices;

  function submit(event: FormEvent) {
    event.preventDefault();
    setFilters(draft);
    setPage(1);
  }
  function clear() {
    setDraft(EMPTY);
    setFilters(EMPTY);
    setPage(1);
  }

  const columns: Column<PublicCertifiedCompany>[] = [
    {
      key: "company",
      header: rm.company,
      rowHeader: true,
      render: (c) => (
        <Stack gap={2}>
          <Group gap={6} wrap="wrap">
            <Text fw={600} size="sm">
              {c.companyName}
            </Text>
            {c.isSample && <SampleBadge />}
          </Group>
          <Text size="xs" c="dimmed">
            {rm.corporateNumber} {c.corporateNumber ?? rm.dash}
          </Text>
        </Stack>
      ),
    },
    {
      key: "tier",
      header: rm.tier,
      nowrap: true,
      render: (c) => (
        <Stack gap={2}>
          <TierBadge name={c.tierName} rank={c.tierRank} />
          <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
            {c.certificateNumber}
          </Text>
        </Stack>
      ),
    },
    {
      key: "validity",
      header: rm.validity,
      nowrap: true,
      render: (c) => (
        <Stack gap={0}>
          <Text size="sm">
            <DateText iso={c.validFrom} western="title" /> 〜
          </Text>
          <Text size="sm">
            <DateText iso={c.validUntil} western="title" />
          </Text>
        </Stack>
      ),
    },
    {
      key: "place",
      header: `${rm.ward}・${rm.industry}`,
      render: (c) => (
        <Stack gap={0}>
          <Text size="sm" style={{ whiteSpace: "nowrap" }}>
            {c.wardLabel}
          </Text>
          <Text size="xs" c="dimmed">
            {c.industryLabel}
          </Text>
        </Stack>
      ),
    },
    {
      key: "goals",
      header: rm.goals,
      render: (c) => (
        <List size="sm" spacing={4}>
          {c.goals.map((g) => (
            <List.Item key={`${g.title}/${g.kpi}`}>
              <Text span size="sm">
                {g.title}
              </Text>{" "}
              {g.sdgGoals.length > 0 && (
                <Badge size="xs" variant="outline" styles={{ root: { textTransform: "none", color: "#1c4f8a", borderColor: "#1c4f8a" } }}>
                  {rm.sdgs(g.sdgGoals)}
                </Badge>
              )}
              <Text size="xs" c="dimmed">
                {g.kpi}: {rm.goalTarget(g.target, g.unit, g.targetYear)}
              </Text>
            </List.Item>
          ))}
        </List>
      ),
    },
  ];

  const csvHref = urlFor(downloadCertifiedCompaniesCsv, { query: queryOf(filters) });

  return (
    <>
      <PageHeader title={rm.title} subtitle={rm.intro} breadcrumbs={[{ label: rm.publicHome, href: "/public" }, { label: rm.title }]} />
      <Stack gap="lg">
        <Group gap="md">
          <AnchorLink to="/public/sdgs/check">{rm.checkLink}</AnchorLink>
        </Group>
        <Paper withBorder p="md" component="form" role="search" aria-label={rm.filters} onSubmit={submit}>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md" style={{ alignItems: "end" }}>
            <TextInput
              label={rm.keyword}
              description={rm.keywordHint}
              value={draft.q}
              maxLength={100}
              onChange={(e) => setDraft({ ...draft, q: e.currentTarget.value })}
            />
            <NativeSelect
              label={rm.tier}
              value={draft.tier}
              data={[{ value: "", label: rm.all }, ...(choices?.tiers ?? []).map((t) => ({ value: t.name, label: t.name }))]}
              onChange={(e) => setDraft({ ...draft, tier: e.currentTarget.value })}
            />
            <NativeSelect
              label={rm.ward}
              value={draft.ward}
              data={[{ value: "", label: rm.all }, ...(choices?.wards ?? [])]}
              onChange={(e) => setDraft({ ...draft, ward: e.currentTarget.value })}
            />
            <NativeSelect
              label={rm.industry}
              value={draft.industry}
              data={[{ value: "", label: rm.all }, ...(choices?.industries ?? [])]}
              onChange={(e) => setDraft({ ...draft, industry: e.currentTarget.value })}
            />
          </SimpleGrid>
          <Group gap="sm" mt="md">
            <Button type="submit">{rm.search}</Button>
            <Button type="button" variant="default" onClick={clear}>
              {rm.clear}
            </Button>
          </Group>
        </Paper>
        <ErrorAlert error={companies.error} />
        <Group justify="space-between" align="end" wrap="wrap">
          <Text role="status" aria-live="polite" fw={600}>
            {companies.data ? (
              <>
                {rm.resultCount(companies.data.total)}（<DateText iso={companies.data.asOf} western="title" />
                {rm.asOf}）
              </>
            ) : (
              rm.loading
            )}
          </Text>
          <Stack gap={0} align="flex-end">
            <Anchor href={csvHref} download>
              {rm.csv}
            </Anchor>
            <Text size="xs" c="dimmed">
              {rm.csvHint}
            </Text>
          </Stack>
        </Group>
        <DataTable
          caption={rm.caption}
          captionHidden
          columns={columns}
          rows={companies.data?.items}
          rowKey={(c) => c.certificateNumber}
          loading={companies.isPending}
          empty={rm.empty}
          paging={{ page, pageSize: PAGE_SIZE, total: companies.data?.total ?? 0, onPageChange: setPage }}
        />
      </Stack>
    </>
  );
}
