// /furusato/costs 「経費台帳」: a fiscal year's 募集等に伴う費用 in the six national categories (computed from the
// catalog and the portals, plus manual entries), the 5割 test with its traffic light, the forecast of the year's end,
// and the manual entries (CostEntries.tsx: list, add, delete) with a CSV download. Staff read; the module's 担当者 write.
import { Alert, Anchor, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { type CostLedgerResponse, exportCostEntries } from "../../../common/api/furusato-money";
import { urlFor } from "../../api/client";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { currentFiscalYear } from "../../ui/FiscalYear";
import { PageHeader } from "../../ui/PageHeader";
import { CostEntries } from "./CostEntries";
import { FurusatoNav } from "./components";
import { fm } from "./messages";
import { CostLight, FiscalYearPicker, ratioText, StaffOnly, useCostLedger } from "./money-components";
import { mm } from "./money-messages";
import { useFurusatoAccess } from "./queries";

const breadcrumbs = [{ label: fm.moduleName, href: "/furusato" }, { label: mm.ledger.title }];

export function CostLedgerPage({ fiscalYear }: { fiscalYear?: number }) {
  const fy = fiscalYear ?? currentFiscalYear();
  return (
    <>
      <PageHeader
        title={mm.ledger.title}
        breadcrumbs={breadcrumbs}
        subtitle={mm.ledger.intro}
        actions={
          <Anchor href={urlFor(exportCostEntries, { query: { fiscalYear: fy } })} download size="sm" className="yk-no-print">
            {mm.ledger.csv}
          </Anchor>
        }
      />
      <FurusatoNav />
      <StaffOnly>
        <LedgerView fiscalYear={fy} />
      </StaffOnly>
    </>
  );
}

function LedgerView({ fiscalYear }: { fiscalYear: number }) {
  const navigate = useNavigate();
  const ledger = useCostLedger(fiscalYear);
  const access = useFurusatoAccess();
  const manager = access.data?.manager === true;
  const l = ledger.data;
  return (
    <Stack gap="lg">
      <FiscalYearPicker value={fiscalYear} onChange={(fy) => navigate({ to: "/furusato/costs", search: { fiscalYear: fy } })} />
      <ErrorAlert error={ledger.error} />
      {l && (
        <>
          <Summary l={l} />
          <CategoryTable l={l} />
          <ForecastPanel l={l} />
        </>
      )}
      <CostEntries fiscalYear={fiscalYear} manager={manager} />
    </Stack>
  );
}

function Figure({ label, value, help }: { label: string; value: React.ReactNode; help?: string }) {
  return (
    <div>
      <Text size="sm" fw={600} c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} component="div">
        {value}
      </Text>
      {help && (
        <Text size="xs" c="dimmed">
          {help}
        </Text>
      )}
    </div>
  );
}

function Summary({ l }: { l: CostLedgerResponse }) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="summary-heading">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} id="summary-heading" className="yk-section-title">
          {mm.ledger.summaryHeading}
        </Title>
        <CostLight light={l.light} />
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        <Figure label={mm.ledger.donationAmount} value={mm.yen(l.donationAmount)} help={mm.count(l.donationCount)} />
        <Figure label={mm.ledger.totalCosts} value={mm.yen(l.totalCosts)} />
        <Figure label={mm.ledger.costRatio} value={ratioText(l.costRatio)} />
        <Figure label={mm.ledger.usable} value={mm.yen(l.usableAmount)} help={mm.ledger.usableHelp(ratioText(l.usableRatio))} />
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt="sm">
        {mm.lightHelp}
      </Text>
    </Paper>
  );
}

function CategoryTable({ l }: { l: CostLedgerResponse }) {
  const right = { textAlign: "right" as const, whiteSpace: "nowrap" as const };
  const feeShare = (fee: number) => (l.donationAmount > 0 ? fee / l.donationAmount : null);
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="categories-heading">
      <Title order={2} id="categories-heading" mb="sm" className="yk-section-title">
        {mm.ledger.tableHeading}
      </Title>
      {l.uncostedItems > 0 && (
        <Alert color="yellow" variant="light" mb="sm">
          {mm.ledger.uncosted(l.uncostedItems)}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={720} type="native">
        <Table withTableBorder verticalSpacing="sm" className="yk-table">
          <caption className="yk-visually-hidden">{mm.ledger.tableCaption}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{mm.ledger.category}</Table.Th>
              <Table.Th scope="col" style={right}>
                {mm.ledger.computed}
              </Table.Th>
              <Table.Th scope="col" style={right}>
                {mm.ledger.manual}
              </Table.Th>
              <Table.Th scope="col" style={right}>
                {mm.ledger.total}
              </Table.Th>
              <Table.Th scope="col" style={right}>
                {mm.ledger.share}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {l.lines.flatMap((line) => [
              <Table.Tr key={line.category}>
                <Table.Th scope="row">
                  {line.category}
                  <Text size="xs" c="dimmed" fw={400}>
                    {mm.ledger.categoryHelp[line.category]}
                  </Text>
                </Table.Th>
                <Table.Td style={right}>{mm.yen(line.computed)}</Table.Td>
                <Table.Td style={right}>{mm.yen(line.manual)}</Table.Td>
                <Table.Td style={{ ...right, fontWeight: 600 }}>{mm.yen(line.total)}</Table.Td>
                <Table.Td style={right}>{ratioText(line.shareOfDonations)}</Table.Td>
              </Table.Tr>,
              ...(line.category === "事務"
                ? [
                    <Table.Tr key="portal-fees">
                      <Table.Th scope="row" style={{ paddingLeft: "2rem", fontWeight: 400 }}>
                        {mm.ledger.portalFees}
                      </Table.Th>
                      <Table.Td style={right}>{mm.yen(line.portalFees)}</Table.Td>
                      <Table.Td style={right}>{mm.dash}</Table.Td>
                      <Table.Td style={right}>{mm.yen(line.portalFees)}</Table.Td>
                      <Table.Td style={right}>{ratioText(feeShare(line.portalFees))}</Table.Td>
                    </Table.Tr>,
                  ]
                : []),
            ])}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">{mm.ledger.total}</Table.Th>
              <Table.Td style={{ ...right, fontWeight: 700 }}>{mm.yen(l.computedTotal)}</Table.Td>
              <Table.Td style={{ ...right, fontWeight: 700 }}>{mm.yen(l.manualTotal)}</Table.Td>
              <Table.Td style={{ ...right, fontWeight: 700 }}>{mm.yen(l.totalCosts)}</Table.Td>
              <Table.Td style={{ ...right, fontWeight: 700 }}>{ratioText(l.costRatio)}</Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
      <Title order={3} size="h5" mt="md" mb={4}>
        {mm.ledger.feesHeading}
      </Title>
      <Text size="sm">
        {l.portalFees
          .filter((f) => f.amount > 0)
          .map((f) => `${f.portalName} ${mm.yen(f.fee)}（${ratioText(f.feeRatio)} × ${mm.yen(f.amount)}）`)
          .join("、") || mm.dash}
      </Text>
    </Paper>
  );
}

function ForecastPanel({ l }: { l: CostLedgerResponse }) {
  const f = l.forecast;
  const method =
    f.method === "last-year-share"
      ? mm.ledger.forecastMethod["last-year-share"](ratioText(f.shareOfYearSoFar))
      : mm.ledger.forecastMethod[f.method];
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="forecast-heading">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={2} id="forecast-heading" className="yk-section-title">
          {mm.ledger.forecastHeading}
        </Title>
        {f.method !== "none" && <CostLight light={f.light} />}
      </Group>
      <Text size="sm" mb="sm">
        {method}
      </Text>
      {f.method !== "none" && (
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
          <Figure label={mm.ledger.forecastDonations} value={mm.yen(f.donations)} />
          <Figure label={mm.ledger.forecastCosts} value={mm.yen(f.costs)} />
          <Figure label={mm.ledger.forecastRatio} value={ratioText(f.costRatio)} />
          <Figure label={mm.ledger.forecastUsable} value={mm.yen(f.usableAmount)} help={mm.ledger.usableHelp(ratioText(f.usableRatio))} />
        </SimpleGrid>
      )}
      <Text size="xs" c="dimmed" mt="sm">
        {mm.ledger.forecastNote}
      </Text>
    </Paper>
  );
}
