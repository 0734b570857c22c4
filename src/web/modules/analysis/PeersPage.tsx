// /analysis/peers 「比較団体」: the peers (other cities' public universities, international associations …) with their
// kind, location and the subjects they are compared with; filtered by kind and words, paged (kept in the URL).
import { Button, Group, NativeSelect, Stack, Text } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { SUBJECT_KIND_LABELS, SUBJECT_KINDS } from "../../../common/analysis/labels";
import { exportSubjects, type SubjectSummary } from "../../../common/api/analysis-subjects";
import { urlFor } from "../../api/client";
import { type Column, DataTable } from "../../ui/DataTable";
import { InternalLink } from "../../ui/InternalLink";
import { ListTextSearch } from "../../ui/ListTextSearch";
import { ButtonLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { AnalysisNav } from "./SubjectNav";
import { sm } from "./subject-messages";
import { PEERS_PAGE_SIZE, type PeerSearch, peerSearch, usePeers } from "./subject-queries";

const t = sm.peersPage;

const columns: Column<SubjectSummary>[] = [
  {
    key: "name",
    header: t.name,
    rowHeader: true,
    width: 320,
    render: (p) => (
      <Group gap={6} wrap="wrap">
        <InternalLink href={`/analysis/subjects/${p.id}`}>{p.name}</InternalLink>
        {p.isSample && <SampleBadge />}
      </Group>
    ),
  },
  { key: "kind", header: sm.peersPage.kind, nowrap: true, render: (p) => p.kindLabel },
  { key: "location", header: t.location, nowrap: true, render: (p) => p.location || sm.dash },
  {
    key: "subjects",
    header: t.subjects,
    render: (p) =>
      p.linkedNames.length ? (
        p.linkedNames.join("、")
      ) : (
        <Text size="sm" c="dimmed">
          {t.notLinked}
        </Text>
      ),
  },
];

export function PeersPage({ search }: { search: PeerSearch }) {
  const navigate = useNavigate();
  const list = usePeers(search);
  const canManage = list.data?.canManage ?? false;
  function go(next: PeerSearch, keepPage = false) {
    navigate({ to: "/analysis/peers" as never, search: peerSearch({ ...next, page: keepPage ? next.page : undefined }) as never });
  }
  const { page: _page, ...filters } = search;
  const filtered = Object.keys(filters).length > 0;
  const exportQuery = { role: "peer" as const, ...filters, sort: "name" as const, order: "asc" as const };
  return (
    <>
      <PageHeader
        title={t.title}
        subtitle={t.intro}
        breadcrumbs={[{ label: sm.crumbs.home, href: "/analysis" }, { label: sm.crumbs.peers }]}
        actions={
          <Group gap="xs">
            <Button component="a" href={urlFor(exportSubjects, { query: { ...exportQuery, format: "xlsx" } })} variant="default" download>
              {t.excel}
            </Button>
            <Button component="a" href={urlFor(exportSubjects, { query: { ...exportQuery, format: "csv" } })} variant="default" download>
              {t.csv}
            </Button>
            {canManage && (
              <ButtonLink to={"/analysis/subjects/new" as never} search={{ role: "peer" } as never}>
                {t.create}
              </ButtonLink>
            )}
          </Group>
        }
      />
      <AnalysisNav canManage={canManage} />
      <Stack gap="md">
        <Group gap="md" align="flex-end" wrap="wrap">
          <NativeSelect
            label={t.kind}
            value={search.kind ?? ""}
            data={[{ value: "", label: sm.all }, ...SUBJECT_KINDS.map((k) => ({ value: k, label: SUBJECT_KIND_LABELS[k] }))]}
            onChange={(e) => go({ ...search, kind: (e.currentTarget.value || undefined) as PeerSearch["kind"] })}
            w={200}
          />
          <ListTextSearch
            label={t.q}
            description={t.qHelp}
            value={search.q}
            onSearch={(q) => go({ ...search, q })}
            width={240}
            buttonLabel={t.search}
          />
          {filtered && (
            <Button variant="subtle" onClick={() => go({})}>
              {t.clear}
            </Button>
          )}
        </Group>
        {list.data && (
          <Text size="sm" role="status">
            {t.total(list.data.total)}
          </Text>
        )}
        <DataTable
          caption={t.caption}
          columns={columns}
          rows={list.data?.items}
          rowKey={(p) => p.id}
          loading={list.isPending}
          error={list.error}
          empty={filtered ? t.empty : t.emptyNone}
          minWidth={760}
          paging={{
            page: search.page ?? 1,
            pageSize: PEERS_PAGE_SIZE,
            total: list.data?.total ?? 0,
            onPageChange: (page) => go({ ...search, page }, true),
          }}
        />
      </Stack>
    </>
  );
}
