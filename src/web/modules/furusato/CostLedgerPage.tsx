// /furusato/costs 「経費台帳」: a fiscal year's 募集等に伴う費用 in the six national categories (computed from the
// catalog and the portals, plus manual entries), the 5割 test with its traffic light, the forecast of the year's end,
// and the manual entries (list, add, delete) with a CSV download. Staff read; the module's 担当者 write.
import { Alert, Anchor, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useRef, useState } from "react";
import {
  type CostEntry,
  type CostLedgerResponse,
  costEntryInput,
  createCostEntry,
  deleteCostEntry,
  exportCostEntries,
} from "../../../common/api/furusato-money";
import { COST_CATEGORIES, type CostCategory } from "../../../common/furusato/donation";
import { call, urlFor } from "../../api/client";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateText } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrors } from "../../ui/errors";
import { currentFiscalYear } from "../../ui/FiscalYear";
import { useFlash } from "../../ui/Flash";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { PageHeader } from "../../ui/PageHeader";
import { FurusatoNav, parseNumberText } from "./components";
import { fm } from "./messages";
import { CostLight, FiscalYearPicker, moneyKeys, ratioText, StaffOnly, useCostEntries, useCostLedger } from "./money-components";
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
      <Entries fiscalYear={fiscalYear} manager={manager} />
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

function Entries({ fiscalYear, manager }: { fiscalYear: number; manager: boolean }) {
  const entries = useCostEntries(fiscalYear);
  const queryClient = useQueryClient();
  const flash = useFlash();
  const columns: Column<CostEntry>[] = [
    { key: "date", header: mm.ledger.incurredOn, nowrap: true, render: (e) => <DateText iso={e.incurredOn} /> },
    { key: "category", header: mm.ledger.category, nowrap: true, render: (e) => e.category },
    { key: "description", header: mm.ledger.description, rowHeader: true, render: (e) => e.description },
    { key: "amount", header: mm.ledger.amount, align: "right", nowrap: true, render: (e) => mm.yen(e.amount) },
    { key: "createdBy", header: mm.ledger.createdBy, render: (e) => e.createdBy || mm.dash },
    ...(manager
      ? [
          {
            key: "remove",
            header: mm.ledger.remove,
            render: (e: CostEntry) => (
              <ConfirmButton
                size="compact-sm"
                variant="default"
                color="red"
                title={mm.ledger.removeTitle}
                message={mm.ledger.removeConfirm(e.description)}
                confirmLabel={mm.ledger.remove}
                confirmColor="red"
                aria-label={`${mm.ledger.remove}: ${e.description}`}
                onConfirm={async () => {
                  await call(deleteCostEntry, { params: { id: e.id } });
                  await queryClient.invalidateQueries({ queryKey: moneyKeys.all });
                  flash.show(mm.ledger.removed);
                }}
              >
                {mm.ledger.remove}
              </ConfirmButton>
            ),
          },
        ]
      : []),
  ];
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="entries-heading">
      <Title order={2} id="entries-heading" mb="sm" className="yk-section-title">
        {mm.ledger.entriesHeading}
      </Title>
      <DataTable
        caption={mm.ledger.entriesCaption}
        captionHidden
        columns={columns}
        rows={entries.data?.items}
        rowKey={(e) => e.id}
        loading={entries.isFetching && !entries.data}
        error={entries.error}
        empty={mm.ledger.entriesEmpty}
        minWidth={720}
      />
      {manager ? (
        <EntryForm fiscalYear={fiscalYear} />
      ) : (
        <Text size="sm" c="dimmed" mt="sm">
          {mm.ledger.readOnly}
        </Text>
      )}
    </Paper>
  );
}

function EntryForm({ fiscalYear }: { fiscalYear: number }) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const formRef = useRef<HTMLFormElement>(null);
  const [category, setCategory] = useState<CostCategory>("広報");
  const [amount, setAmount] = useState("");
  const [incurredOn, setIncurredOn] = useState("");
  const [description, setDescription] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState("");
  const focusFirstError = () => requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  const save = useMutation({
    mutationFn: (body: { fiscalYear: number; category: CostCategory; amount: number; incurredOn: string; description: string }) =>
      call(createCostEntry, { body }),
    onSuccess: async () => {
      setAmount("");
      setDescription("");
      setStatus(mm.ledger.saved);
      flash.show(mm.ledger.saved);
      await queryClient.invalidateQueries({ queryKey: moneyKeys.all });
    },
    onError: (error) => {
      setErrors(fieldErrors(error));
      focusFirstError();
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    setStatus("");
    const found: Record<string, string> = {};
    const number = parseNumberText(amount);
    if (number === null) found.amount = mm.ledger.amountRequired;
    else if (number === undefined) found.amount = mm.ledger.amountInvalid;
    if (!incurredOn.trim()) found.incurredOn = mm.ledger.dateRequired;
    const body = {
      fiscalYear,
      category,
      amount: typeof number === "number" ? number : Number.NaN,
      incurredOn: incurredOn.trim(),
      description,
    };
    // The API's own schema gives the same Japanese messages here as on the server.
    const parsed = costEntryInput.safeParse(body);
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? "_");
        found[key] ??= issue.message;
      }
    setErrors(found);
    if (Object.keys(found).length > 0 || !parsed.success) return focusFirstError();
    save.mutate({ ...body, incurredOn: parsed.data.incurredOn, description: parsed.data.description });
  }
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="entry-form-heading">
      <Stack gap="sm" mt="lg">
        <Title order={3} size="h4" id="entry-form-heading">
          {mm.ledger.formHeading}
        </Title>
        <Text size="sm" c="dimmed">
          {mm.ledger.formHelp}
        </Text>
        <ErrorAlert error={save.error} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label={mm.ledger.categoryLabel}
            value={category}
            onChange={(e) => setCategory(e.currentTarget.value as CostCategory)}
            data={COST_CATEGORIES.map((c) => ({ value: c, label: c }))}
            error={errors.category || undefined}
          />
          <TextInput
            label={mm.ledger.amountLabel}
            value={amount}
            onChange={(e) => setAmount(e.currentTarget.value)}
            inputMode="numeric"
            autoComplete="off"
            error={errors.amount || undefined}
            required
          />
          <JapaneseDateInput
            label={mm.ledger.dateLabel}
            value={incurredOn}
            onChange={(value) => setIncurredOn(value)}
            error={errors.incurredOn || undefined}
            required
          />
        </SimpleGrid>
        <TextInput
          label={mm.ledger.descriptionLabel}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          maxLength={200}
          error={errors.description || undefined}
          required
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {mm.ledger.submit}
          </Button>
          <Text size="sm" role="status" aria-live="polite" fw={600}>
            {status}
          </Text>
        </Group>
      </Stack>
    </form>
  );
}
