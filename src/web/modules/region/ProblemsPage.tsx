// /region/problems 「保留行」: the rows imports held, filtered by 状態 (未対応 first), 市町 and dataset (kept in the URL).
import { Group, NativeSelect, Stack, Text } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { PROBLEM_STATUS_LABELS, PROBLEM_STATUSES, type ProblemSummary } from "../../../common/api/region-curation";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateTimeText } from "../../ui/dates";
import { InternalLink } from "../../ui/InternalLink";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { cm } from "./curationMessages";
import { CurationNav, DATASET_OPTIONS, datasetLabel, MunicipalitySelect, ProblemStatusBadge, useRegionCrumb } from "./curationParts";
import { PROBLEMS_PAGE_SIZE, type ProblemSearch, problemSearch, useCurationContext, useProblems } from "./curationQueries";

const t = cm.problems;

export function ProblemsPage({ search }: { search: ProblemSearch }) {
  const regionCrumb = useRegionCrumb();
  const navigate = useNavigate();
  const context = useCurationContext();
  const list = useProblems(search);
  const scope = context.data?.scope;
  const own = scope?.kind === "own" ? { code: scope.code, name: scope.name } : undefined;

  function go(next: ProblemSearch, keepPage = false) {
    navigate({ to: "/region/problems" as never, search: problemSearch({ ...next, page: keepPage ? next.page : undefined }) as never });
  }
  const set = (patch: Partial<ProblemSearch>) => go({ ...search, ...patch });

  const columns: Column<ProblemSummary>[] = [
    {
      key: "row",
      header: `${t.file}・${t.row}`,
      rowHeader: true,
      render: (p) => (
        <Group gap={6} wrap="wrap">
          <InternalLink href={`/region/problems/${p.id}`}>{`${p.fileName} ${p.rowNumber}行目`}</InternalLink>
          {p.isSample && <SampleBadge />}
        </Group>
      ),
    },
    { key: "name", header: t.name, render: (p) => p.name || cm.dash },
    { key: "municipality", header: cm.municipality, nowrap: true, render: (p) => p.municipalityName },
    { key: "dataset", header: cm.dataset, nowrap: true, render: (p) => datasetLabel(p.dataset) },
    {
      key: "problem",
      header: t.problem,
      render: (p) => (
        <Text size="sm">
          {p.problems[0] ? `${p.problems[0].column ? `${p.problems[0].column}: ` : ""}${p.problems[0].message}` : cm.dash}
          {p.problems.length > 1 ? `（${t.more(p.problems.length - 1)}）` : ""}
        </Text>
      ),
    },
    { key: "status", header: t.status, nowrap: true, render: (p) => <ProblemStatusBadge status={p.status} /> },
    { key: "at", header: cm.imports.at, nowrap: true, render: (p) => <DateTimeText timestamp={p.createdAt} /> },
  ];

  return (
    <>
      <PageHeader title={t.title} breadcrumbs={[regionCrumb, { label: t.title }]} subtitle={t.intro} />
      <CurationNav />
      <Stack gap="md" mt="md">
        <Group gap="md" align="flex-end" wrap="wrap">
          <NativeSelect
            label={t.status}
            value={search.status ?? ""}
            data={[{ value: "", label: cm.all }, ...PROBLEM_STATUSES.map((s) => ({ value: s, label: PROBLEM_STATUS_LABELS[s] }))]}
            onChange={(e) => set({ status: (e.currentTarget.value || undefined) as ProblemSearch["status"] })}
            w={140}
          />
          <MunicipalitySelect
            label={cm.municipality}
            municipalities={context.data?.municipalities ?? []}
            value={search.municipalityCode ?? ""}
            onChange={(code) => set({ municipalityCode: code || undefined })}
            allLabel={cm.all}
            fixed={own}
            w={170}
          />
          <NativeSelect
            label={cm.dataset}
            value={search.dataset ?? ""}
            data={[{ value: "", label: cm.all }, ...DATASET_OPTIONS]}
            onChange={(e) => set({ dataset: (e.currentTarget.value || undefined) as ProblemSearch["dataset"] })}
            w={200}
          />
        </Group>
        {list.data && (
          <Text size="sm" role="status">
            {cm.count(list.data.total)}
          </Text>
        )}
        <DataTable
          caption={t.caption}
          columns={columns}
          rows={list.data?.items}
          rowKey={(p) => p.id}
          loading={list.isPending}
          error={list.error}
          empty={t.empty}
          minWidth={1000}
          paging={{
            page: search.page ?? 1,
            pageSize: PROBLEMS_PAGE_SIZE,
            total: list.data?.total ?? 0,
            onPageChange: (page) => go({ ...search, page }, true),
          }}
        />
      </Stack>
    </>
  );
}
