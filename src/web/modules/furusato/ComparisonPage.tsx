// /furusato/comparison 「全国比較」: the city's ふるさと納税 receipts beside the 政令指定都市 and peers the user picks,
// from the 総務省 現況調査 (reference data an administrator uploads, or the CLI loads): 受入額, 前年度比, 費用割合 per year, a bar chart, the
// national totals, and a CSV of what is shown. The module's staff only (a supplier's login is refused by the API).
// The figures and the CSV are in comparison-rows.ts, the chart and the national totals in ComparisonCharts.tsx.
import { Alert, Button, Checkbox, Group, Loader, MultiSelect, NativeSelect, Paper, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import {
  DESIGNATED_CITIES,
  MAX_COMPARED_BODIES,
  OWN_BODY_CODE,
  REFERENCE_DATA_PAGE_PATH,
  referenceBodies,
  referenceComparison,
  referenceStatus,
} from "../../../common/api/furusato-reference";
import { call } from "../../api/client";
import { useCurrentUser } from "../../auth/session";
import { m } from "../../messages";
import { type Column, DataTable, type SortState } from "../../ui/DataTable";
import { DateTimeText, fiscalYearLabel } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { AnchorLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { AmountChart, NationalTable } from "./ComparisonCharts";
import { bodyLabel, cm, comparisonRows, downloadCsv, plainPercent, type SortKey, signedPercent, type TableRow } from "./comparison-rows";
import { FurusatoNav, yen } from "./components";
import { fm } from "./messages";

const breadcrumbs = [{ label: fm.moduleName, href: "/furusato" }, { label: cm.title }];
export function ComparisonPage() {
  const isAdmin = useCurrentUser().role === "admin";
  const status = useQuery({ queryKey: ["furusato", "reference", "status"], queryFn: () => call(referenceStatus), staleTime: 60_000 });
  const header = <PageHeader title={cm.title} breadcrumbs={breadcrumbs} subtitle={cm.intro} />;
  if (status.error)
    return (
      <>
        {header}
        <FurusatoNav />
        <ErrorAlert error={status.error} />
      </>
    );
  if (!status.data) return <Loader aria-label={m.common.loading} />;
  if (!status.data.loaded)
    return (
      <>
        {header}
        <FurusatoNav />
        <Alert color="blue" variant="light" title={cm.emptyTitle} role="status">
          <Text size="sm">{cm.emptyBody}</Text>
          {isAdmin ? (
            <Text size="sm" mt="xs">
              <AnchorLink to={REFERENCE_DATA_PAGE_PATH} fw={600} underline="always" c="blue.9">
                {cm.emptyAdminLink}
              </AnchorLink>
            </Text>
          ) : (
            <Text size="sm" mt="xs">
              {cm.emptyAskAdmin}
            </Text>
          )}
          <Text size="xs" c="dimmed" mt="xs">
            {cm.attribution}
          </Text>
        </Alert>
      </>
    );
  const years = status.data.years.map((y) => y.fiscalYear);
  return (
    <>
      {header}
      <FurusatoNav />
      <ComparisonView years={years} loadedAt={status.data.loadedAt} />
    </>
  );
}

function ComparisonView({ years, loadedAt }: { years: number[]; loadedAt: string | null }) {
  const newest = years[years.length - 1];
  const [fromYear, setFromYear] = useState(Math.max(years[0], newest - 4));
  const [toYear, setToYear] = useState(newest);
  const [shownYear, setShownYear] = useState(newest);
  const [withDesignated, setWithDesignated] = useState(true);
  const [peers, setPeers] = useState<string[]>([]);
  const [sort, setSort] = useState<SortState<SortKey>>({ key: "amount", order: "desc" });

  const bodies = useQuery({ queryKey: ["furusato", "reference", "bodies"], queryFn: () => call(referenceBodies), staleTime: 10 * 60_000 });
  const codes = useMemo(() => {
    const set = new Set<string>([OWN_BODY_CODE, ...(withDesignated ? DESIGNATED_CITIES.map((c) => c.code) : []), ...peers]);
    return [...set];
  }, [withDesignated, peers]);
  const rangeOk = fromYear <= toYear;
  const comparison = useQuery({
    queryKey: ["furusato", "reference", "comparison", codes, fromYear, toYear],
    queryFn: () => call(referenceComparison, { query: { codes: codes.join(","), fromYear, toYear } }),
    enabled: rangeOk && codes.length > 0,
    placeholderData: (previous) => previous,
  });
  const result = comparison.data;
  const year = Math.min(Math.max(shownYear, fromYear), toYear);

  const yearOptions = years.map((fy) => ({ value: String(fy), label: `${fiscalYearLabel(fy)}（${fy}年度）` }));
  const peerOptions = useMemo(
    () =>
      (bodies.data?.items ?? [])
        .filter((b) => b.bodyCode !== OWN_BODY_CODE)
        .map((b) => ({ value: b.bodyCode, label: `${bodyLabel(b)} ${b.bodyCode}` })),
    [bodies.data],
  );

  const rows = useMemo(() => comparisonRows(result, year, fromYear, sort), [result, year, fromYear, sort]);

  const yearLabel = `${fiscalYearLabel(year)}（${year}年度）`;
  const columns: Column<TableRow, SortKey>[] = [
    {
      key: "name",
      header: cm.body,
      sortKey: "name",
      rowHeader: true,
      render: (r) => (
        <span>
          {r.body.name}
          {r.own && (
            <Text span size="xs" fw={700} c="blue.8" ml={6}>
              {cm.own}
            </Text>
          )}
        </span>
      ),
    },
    { key: "prefecture", header: cm.prefecture, nowrap: true, render: (r) => r.body.prefecture },
    {
      key: "count",
      header: cm.count,
      sortKey: "count",
      align: "right",
      nowrap: true,
      render: (r) => (r.year ? cm.countValue(r.year.donationCount) : cm.noFigure),
    },
    {
      key: "amount",
      header: cm.amount,
      sortKey: "amount",
      align: "right",
      nowrap: true,
      render: (r) =>
        r.year ? (
          <span title={r.year.amountPrecision === "thousand" ? cm.thousand : undefined}>{yen(r.year.donationAmount)}</span>
        ) : (
          cm.noFigure
        ),
    },
    {
      key: "growth",
      header: cm.growth,
      sortKey: "growth",
      align: "right",
      nowrap: true,
      render: (r) => signedPercent(r.year?.growth ?? null),
    },
    {
      key: "costRatio",
      header: cm.costRatio,
      sortKey: "costRatio",
      align: "right",
      nowrap: true,
      render: (r) => plainPercent(r.year?.costRatio ?? null),
    },
    {
      key: "periodGrowth",
      header: cm.periodGrowth(fiscalYearLabel(fromYear)),
      sortKey: "periodGrowth",
      align: "right",
      nowrap: true,
      render: (r) => signedPercent(r.periodGrowth),
    },
  ];

  return (
    <Stack gap="md">
      <Paper withBorder p="md" component="section" aria-label={cm.title}>
        <Group align="flex-end" gap="md" wrap="wrap">
          <NativeSelect
            label={cm.fromYear}
            data={yearOptions}
            value={String(fromYear)}
            onChange={(e) => setFromYear(Number(e.currentTarget.value))}
          />
          <NativeSelect
            label={cm.toYear}
            data={yearOptions}
            value={String(toYear)}
            onChange={(e) => setToYear(Number(e.currentTarget.value))}
          />
          <NativeSelect
            label={cm.shownYear}
            data={yearOptions.filter((o) => Number(o.value) >= fromYear && Number(o.value) <= toYear)}
            value={String(year)}
            onChange={(e) => setShownYear(Number(e.currentTarget.value))}
          />
          <Checkbox label={cm.designated} checked={withDesignated} onChange={(e) => setWithDesignated(e.currentTarget.checked)} mb={8} />
        </Group>
        <MultiSelect
          mt="sm"
          label={cm.peers}
          placeholder={cm.peersPlaceholder}
          data={peerOptions}
          value={peers}
          onChange={setPeers}
          searchable
          clearable
          limit={50}
          maxValues={MAX_COMPARED_BODIES - 1 - DESIGNATED_CITIES.length}
          nothingFoundMessage={cm.peersNothing}
          maw={720}
        />
        {!rangeOk && (
          <Text c="red.8" size="sm" mt="xs" role="alert">
            {cm.rangeError}
          </Text>
        )}
        <Text size="xs" c="dimmed" mt="xs">
          {cm.loadedAt}: <DateTimeText timestamp={loadedAt} />
        </Text>
      </Paper>

      {comparison.error ? <ErrorAlert error={comparison.error} /> : null}
      {result && result.unknownCodes.length > 0 && (
        <Alert color="yellow" variant="light" role="status">
          {cm.unknown(result.unknownCodes.join("、"))}
        </Alert>
      )}

      <Group justify="flex-end">
        <Button variant="default" disabled={!result} onClick={() => result && downloadCsv(result)}>
          {cm.csv}
        </Button>
      </Group>

      <DataTable
        caption={cm.caption(yearLabel)}
        columns={columns}
        rows={rangeOk ? rows : []}
        rowKey={(r) => r.body.bodyCode}
        loading={comparison.isFetching && !result}
        sort={sort}
        onSortChange={setSort}
        empty={cm.empty}
        minWidth={820}
      />
      <Text size="xs" c="dimmed">
        {cm.costNote} {year <= 2015 || fromYear <= 2015 ? cm.thousandNote : ""}
      </Text>

      {result && rows.length > 0 && <AmountChart rows={rows} yearLabel={yearLabel} />}
      {result && <NationalTable national={result.national} scope={result.nationalScope} />}

      <Text size="sm" c="dimmed">
        {cm.attribution}
      </Text>
    </Stack>
  );
}
