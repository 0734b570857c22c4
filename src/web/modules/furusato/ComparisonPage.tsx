// /furusato/comparison 「全国比較」: the city's ふるさと納税 receipts beside the 政令指定都市 and peers the user picks,
// from the 総務省 現況調査 (reference data an administrator uploads, or the CLI loads): 受入額, 前年度比, 費用割合 per year, a bar chart, the
// national totals, and a CSV of what is shown. The module's staff only (a supplier's login is refused by the API).
import { Alert, Button, Checkbox, Group, Loader, MultiSelect, NativeSelect, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import type { ComparisonResult, ComparisonYear, ReferenceBody } from "../../../common/api/furusato-reference";
import {
  DESIGNATED_CITIES,
  MAX_COMPARED_BODIES,
  OWN_BODY_CODE,
  REFERENCE_ATTRIBUTION,
  REFERENCE_DATA_PAGE_PATH,
  REFERENCE_DATA_PAGE_TITLE,
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
import { FurusatoNav, formatNumber, yen } from "./components";
import { fm } from "./messages";

// Japanese text of this page, in one place for review.
const cm = {
  title: "全国比較",
  intro: "総務省「ふるさと納税に関する現況調査」の数値で、本市の受入額を政令指定都市や任意の団体と比べます（参考データ）。",
  attribution: REFERENCE_ATTRIBUTION,
  emptyTitle: "参考データが読み込まれていません",
  emptyBody: `システム管理者が管理画面「${REFERENCE_DATA_PAGE_TITLE}」で総務省の現況調査の Excel ファイルを読み込むと、ここで比べられます。`,
  emptyAdminLink: `「${REFERENCE_DATA_PAGE_TITLE}」を開いて読み込む`,
  emptyAskAdmin: "読み込みはシステム管理者に依頼してください。",
  loadedAt: "読込日時",
  fromYear: "開始年度",
  toYear: "終了年度",
  shownYear: "表に表示する年度",
  designated: "政令指定都市（20市）を含める",
  peers: "比較する団体を追加",
  peersPlaceholder: "団体名で検索（例: 都城市、紋別市）",
  peersNothing: "該当する団体がありません",
  caption: (year: string) => `${year}の受入額・前年度比・費用割合`,
  body: "団体",
  prefecture: "都道府県",
  count: "受入件数",
  countValue: (n: number) => `${formatNumber(n)}件`,
  amount: "受入額",
  growth: "前年度比",
  costRatio: "費用割合",
  periodGrowth: (from: string) => `${from}比`,
  noFigure: "数値なし",
  own: "本市",
  thousand: "千円単位",
  thousandNote: "平成27年度以前は時系列資料の千円単位の数値で、費用の内訳はありません。",
  costNote: "費用割合＝募集等に伴う費用の合計÷受入額。前年度比＝受入額÷前年度の受入額−1。",
  chartTitle: (year: string) => `${year}の受入額（濃い部分は募集等に伴う費用）`,
  chartLabel: (year: string) => `${year}の受入額の棒グラフ（同じ数値は表にあります）`,
  nationalTitle: "全国合計",
  nationalCaption: "全国合計（年度別）",
  bodies: "団体数",
  year: "年度",
  csv: "CSVで保存",
  csvName: (from: number, to: number) => `furusato-comparison-${from}-${to}.csv`,
  unknown: (codes: string) => `参考データにない団体コード: ${codes}`,
  rangeError: "開始年度は終了年度以前にしてください。",
  empty: "比較する団体を選んでください。",
};

const breadcrumbs = [{ label: fm.moduleName, href: "/furusato" }, { label: cm.title }];

type SortKey = "name" | "amount" | "count" | "growth" | "costRatio" | "periodGrowth";

interface TableRow {
  body: ReferenceBody;
  own: boolean;
  year: ComparisonYear | null;
  first: ComparisonYear | null;
  periodGrowth: number | null;
}

function signedPercent(ratio: number | null): string {
  if (ratio === null) return fm.dash;
  const value = (ratio * 100).toFixed(1);
  return ratio > 0 ? `+${value}%` : `${value}%`;
}

function plainPercent(ratio: number | null): string {
  return ratio === null ? fm.dash : `${(ratio * 100).toFixed(1)}%`;
}

function bodyLabel(body: ReferenceBody): string {
  return body.municipality ? `${body.municipality}（${body.prefecture}）` : body.prefecture;
}

function csvCell(value: string | number | null): string {
  const text = value === null ? "" : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Every body × year shown, with the attribution; UTF-8 with BOM so that Excel reads the Japanese. */
function comparisonCsv(result: ComparisonResult): string {
  const header = [
    "団体コード",
    "都道府県",
    "市区町村",
    "年度",
    "和暦",
    "受入件数",
    "受入額（円）",
    "精度",
    "前年度比",
    "費用合計（円）",
    "費用割合",
  ];
  const lines = [header.join(",")];
  const line = (code: string, prefecture: string, municipality: string, y: ComparisonYear) =>
    [
      code,
      prefecture,
      municipality,
      y.fiscalYear,
      fiscalYearLabel(y.fiscalYear),
      y.donationCount,
      y.donationAmount,
      y.amountPrecision === "thousand" ? "千円" : "円",
      y.growth === null ? null : y.growth.toFixed(4),
      y.costTotal,
      y.costRatio === null ? null : y.costRatio.toFixed(4),
    ]
      .map(csvCell)
      .join(",");
  for (const body of result.bodies) for (const y of body.years) lines.push(line(body.bodyCode, body.prefecture, body.municipality, y));
  for (const y of result.national) lines.push(line("全国", cm.nationalTitle, "", y));
  lines.push(csvCell(`${cm.attribution} ${result.nationalScope}`));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

function downloadCsv(result: ComparisonResult) {
  const url = URL.createObjectURL(new Blob([comparisonCsv(result)], { type: "text/csv;charset=utf-8" }));
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = cm.csvName(result.fromYear, result.toYear);
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

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

  const rows: TableRow[] = useMemo(() => {
    const list = (result?.bodies ?? []).map((b) => {
      const shown = b.years.find((y) => y.fiscalYear === year) ?? null;
      const first = b.years.find((y) => y.fiscalYear === fromYear) ?? null;
      return {
        body: b,
        own: b.bodyCode === OWN_BODY_CODE,
        year: shown,
        first,
        periodGrowth:
          shown && first && first.donationAmount > 0 && year !== fromYear ? shown.donationAmount / first.donationAmount - 1 : null,
      };
    });
    const value = (row: TableRow): number | string | null => {
      switch (sort.key) {
        case "name":
          return row.body.bodyCode;
        case "amount":
          return row.year?.donationAmount ?? null;
        case "count":
          return row.year?.donationCount ?? null;
        case "growth":
          return row.year?.growth ?? null;
        case "costRatio":
          return row.year?.costRatio ?? null;
        case "periodGrowth":
          return row.periodGrowth;
      }
    };
    const direction = sort.order === "asc" ? 1 : -1;
    return list.sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      if (va === null && vb === null) return 0;
      if (va === null) return 1; // missing figures last, whichever the order
      if (vb === null) return -1;
      return (va < vb ? -1 : va > vb ? 1 : 0) * direction;
    });
  }, [result, year, fromYear, sort]);

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

/** Horizontal bars (plain markup, no chart library): 受入額 per body, the cost share darker. The table holds the same figures. */
function AmountChart({ rows, yearLabel }: { rows: TableRow[]; yearLabel: string }) {
  const max = Math.max(1, ...rows.map((r) => r.year?.donationAmount ?? 0));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="comparison-chart-heading">
      <Title order={2} size="h5" id="comparison-chart-heading" mb="sm">
        {cm.chartTitle(yearLabel)}
      </Title>
      <Stack gap={4} role="img" aria-label={cm.chartLabel(yearLabel)}>
        {rows.map((r) => {
          const amount = r.year?.donationAmount ?? 0;
          const cost = Math.min(amount, r.year?.costTotal ?? 0);
          return (
            <Group key={r.body.bodyCode} gap="xs" wrap="nowrap" aria-hidden="true">
              <Text size="xs" w={110} ta="right" fw={r.own ? 700 : 400} style={{ flexShrink: 0 }}>
                {r.body.name}
              </Text>
              <div style={{ flex: 1, background: "var(--mantine-color-gray-1)", height: 14, position: "relative" }}>
                <div
                  style={{
                    width: `${(amount / max) * 100}%`,
                    height: "100%",
                    background: r.own ? "var(--mantine-color-blue-4)" : "var(--mantine-color-gray-5)",
                    position: "absolute",
                  }}
                />
                <div
                  style={{
                    width: `${(cost / max) * 100}%`,
                    height: "100%",
                    background: r.own ? "var(--mantine-color-blue-8)" : "var(--mantine-color-gray-8)",
                    position: "absolute",
                  }}
                />
              </div>
              <Text size="xs" w={150} ta="right" style={{ flexShrink: 0 }}>
                {yen(amount)}
              </Text>
            </Group>
          );
        })}
      </Stack>
    </Paper>
  );
}

function NationalTable({ national, scope }: { national: ComparisonResult["national"]; scope: string }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="comparison-national-heading">
      <Title order={2} size="h5" id="comparison-national-heading">
        {cm.nationalTitle}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {scope}
      </Text>
      <Table.ScrollContainer minWidth={720}>
        <Table striped>
          <Table.Caption>{cm.nationalCaption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{cm.year}</Table.Th>
              <Table.Th scope="col" ta="right">
                {cm.bodies}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {cm.count}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {cm.amount}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {cm.growth}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {cm.costRatio}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {national.map((y) => (
              <Table.Tr key={y.fiscalYear}>
                <Table.Th scope="row">
                  {fiscalYearLabel(y.fiscalYear)}
                  <span className="yk-western">（{y.fiscalYear}年度）</span>
                </Table.Th>
                <Table.Td ta="right">{formatNumber(y.bodies)}</Table.Td>
                <Table.Td ta="right">{formatNumber(y.donationCount)}</Table.Td>
                <Table.Td ta="right" title={y.amountPrecision === "thousand" ? cm.thousand : undefined}>
                  {yen(y.donationAmount)}
                </Table.Td>
                <Table.Td ta="right">{signedPercent(y.growth)}</Table.Td>
                <Table.Td ta="right">{plainPercent(y.costRatio)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
