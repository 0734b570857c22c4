// /sdgs/station/statistics 「SDGsステーションの統計」: a 年度's figures — consultations per month as bars (with the same
// figures in a table), per topic, channel, outcome, client kind and SDGs goal; matchings requested and made; the
// yearly cost and the cost per consultation — and 「Excelで出力」. The bureau's editors enter the yearly cost here.
import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { exportStationStatistics, putStationCost, type StationStatistics } from "../../../common/api/sdgs-station";
import { call, urlFor } from "../../api/client";
import { fiscalYearLabel } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { currentFiscalYear, FiscalYearSelect } from "../../ui/FiscalYear";
import { Loading } from "../../ui/Loading";
import { PageHeader } from "../../ui/PageHeader";
import { useFormSubmit } from "../../ui/useFormSubmit";
import { StationNav } from "./StationParts";
import { stm } from "./stationMessages";
import { stationKeys, useStationCosts, useStationStatistics } from "./stationQueries";

const t = stm.statistics;

function niceCeiling(value: number): number {
  if (value <= 5) return 5;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * magnitude >= value) ?? 10;
  return step * magnitude;
}

/** Bars per month (April … March). A picture with a summary; the table beside it holds the same figures. */
export function MonthChart({ s }: { s: StationStatistics }) {
  const width = 720;
  const height = 240;
  const left = 40;
  const bottom = 26;
  const top = 10;
  const plotW = width - left - 8;
  const plotH = height - top - bottom;
  const max = niceCeiling(Math.max(0, ...s.byMonth.map((m) => m.count)));
  const slot = plotW / 12;
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(f * max));
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      role="img"
      aria-label={t.chartLabel(fiscalYearLabel(s.fiscalYear), s.consultations)}
      style={{ maxWidth: width, display: "block" }}
      data-testid="station-month-chart"
      data-months={s.byMonth.map((m) => m.count).join(",")}
    >
      {[...new Set(ticks)].map((tick) => (
        <g key={tick}>
          <line x1={left} x2={width - 8} y1={y(tick)} y2={y(tick)} stroke="#dee2e6" />
          <text x={left - 6} y={y(tick) + 4} textAnchor="end" fontSize={11} fill="#495057">
            {tick}
          </text>
        </g>
      ))}
      {s.byMonth.map((m, i) => {
        const x = left + i * slot + slot * 0.18;
        return (
          <g key={`${m.year}-${m.month}`}>
            {m.count > 0 && <rect x={x} y={y(m.count)} width={slot * 0.64} height={Math.max(1, y(0) - y(m.count))} fill="#1f5fbf" />}
            {m.count > 0 && (
              <text x={x + slot * 0.32} y={y(m.count) - 3} textAnchor="middle" fontSize={11} fill="#212529">
                {m.count}
              </text>
            )}
            <text x={x + slot * 0.32} y={height - 8} textAnchor="middle" fontSize={11} fill="#495057">
              {t.monthLabel(m.month)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function CountTable({
  caption,
  rows,
  total,
  note,
}: {
  caption: string;
  rows: { label: string; count: number }[];
  total?: number;
  note?: string;
}) {
  return (
    <Paper withBorder p="md">
      <Table striped withTableBorder={false} captionSide="top">
        <Table.Caption style={{ textAlign: "left", fontWeight: 700, color: "var(--mantine-color-text)" }}>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t.item}</Table.Th>
            <Table.Th scope="col" style={{ textAlign: "right" }}>
              {t.count}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.label}>
              <Table.Th scope="row" fw={400}>
                {r.label}
              </Table.Th>
              <Table.Td style={{ textAlign: "right" }}>{stm.count(r.count)}</Table.Td>
            </Table.Tr>
          ))}
          {total !== undefined && (
            <Table.Tr>
              <Table.Th scope="row">{t.total}</Table.Th>
              <Table.Td style={{ textAlign: "right", fontWeight: 700 }}>{stm.count(total)}</Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
      {note && (
        <Text size="xs" c="dimmed" mt={4}>
          {note}
        </Text>
      )}
    </Paper>
  );
}

function Figure({ label, value, help }: { label: string; value: string; help?: string }) {
  return (
    <Paper withBorder p="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={26} fw={700} lh={1.3}>
        {value}
      </Text>
      {help && (
        <Text size="xs" c="dimmed">
          {help}
        </Text>
      )}
    </Paper>
  );
}

function CostForm({ fiscalYear, costYen, note }: { fiscalYear: number; costYen: number | null; note: string }) {
  const queryClient = useQueryClient();
  const form = useForm<{ costYen: number | string; note: string }>({ initialValues: { costYen: costYen ?? "", note } });
  const { formRef, submit, save, status } = useFormSubmit(form, {
    send: (v) => call(putStationCost, { params: { fiscalYear }, body: { costYen: Number(v.costYen), note: v.note } }),
    saved: async () => {
      await queryClient.invalidateQueries({ queryKey: stationKeys.all });
      return t.costSaved(fiscalYearLabel(fiscalYear));
    },
  });
  return (
    <Paper withBorder p="md">
      <form ref={formRef} onSubmit={submit} noValidate>
        <Title order={2} size="h4" mb="sm">
          {t.costEdit}（{fiscalYearLabel(fiscalYear)}）
        </Title>
        <ErrorAlert error={save.error} />
        <Group align="flex-end" gap="md" wrap="wrap">
          <NumberInput
            label={t.costYen}
            required
            min={0}
            step={1000}
            thousandSeparator=","
            allowDecimal={false}
            w={220}
            {...form.getInputProps("costYen")}
          />
          <TextInput label={t.costNote} w={360} {...form.getInputProps("note")} />
          <Button type="submit" loading={save.isPending}>
            {stm.save}
          </Button>
        </Group>
        <Text size="sm" role="status" mt={4}>
          {status}
        </Text>
      </form>
    </Paper>
  );
}

export function StationStatisticsPage({ fiscalYear }: { fiscalYear?: number }) {
  const fy = fiscalYear ?? currentFiscalYear();
  const navigate = useNavigate();
  const statistics = useStationStatistics(fy);
  const costs = useStationCosts();
  const s = statistics.data;
  const costRow = costs.data?.items.find((c) => c.fiscalYear === fy);
  return (
    <>
      <PageHeader
        title={t.title}
        breadcrumbs={[{ label: stm.station, href: "/sdgs/station" }, { label: stm.nav.statistics }]}
        subtitle={t.intro}
        actions={
          <Button component="a" variant="default" href={urlFor(exportStationStatistics, { query: { fiscalYear: fy } })} download>
            {t.excel}
          </Button>
        }
      />
      <StationNav />
      <Stack gap="md">
        <FiscalYearSelect
          label={t.fiscalYear}
          value={fy}
          onChange={(next) => navigate({ to: "/sdgs/station/statistics" as never, search: { fiscalYear: next ?? undefined } as never })}
          w={240}
        />
        {statistics.isPending ? (
          <Loading />
        ) : statistics.error || !s ? (
          <ErrorAlert error={statistics.error} />
        ) : (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
              <Figure label={t.consultations} value={stm.count(s.consultations)} />
              <Figure
                label={t.matchingsRequested}
                value={stm.count(s.matchingsRequested)}
                help={`${t.matchingsMade} ${stm.count(s.matchingsMade)}`}
              />
              <Figure label={t.cost} value={s.costYen === null ? t.costMissing : stm.yen(s.costYen)} />
              <Figure
                label={t.costPer}
                value={s.costPerConsultation === null ? t.costPerMissing : stm.yen(s.costPerConsultation)}
                help={t.costPerHelp}
              />
              <Figure
                label={t.followUpsOpen}
                value={stm.count(s.followUpsOpen)}
                help={`${t.followUpsOverdue} ${stm.count(s.followUpsOverdue)}`}
              />
            </SimpleGrid>
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="sm">
                {t.byMonth}（{fiscalYearLabel(s.fiscalYear)}）
              </Title>
              <MonthChart s={s} />
            </Paper>
            <SimpleGrid cols={{ base: 1, md: 2, lg: 3 }}>
              <CountTable
                caption={`${t.byMonth}（${fiscalYearLabel(s.fiscalYear)}）`}
                rows={s.byMonth.map((m) => ({ label: `${m.year}年${m.month}月`, count: m.count }))}
                total={s.consultations}
              />
              <CountTable caption={t.byTopic} rows={s.byTopic} total={s.consultations} />
              <CountTable caption={t.byChannel} rows={s.byChannel} total={s.consultations} />
              <CountTable caption={t.byOutcome} rows={s.byOutcome} total={s.consultations} />
              <CountTable caption={t.byClientKind} rows={s.byClientKind} total={s.consultations} />
              <CountTable caption={t.byGoal} rows={s.byGoal} note={t.goalNote} />
            </SimpleGrid>
            {costs.data?.canManage && (
              <CostForm key={`${fy}-${costRow?.updatedAt ?? ""}`} fiscalYear={fy} costYen={s.costYen} note={costRow?.note ?? ""} />
            )}
          </>
        )}
      </Stack>
    </>
  );
}
