// /furusato/donations 「寄附台帳」: the donations imported from the portals, filtered (年度, サイト, 入金状況, 受付番号,
// 寄附日の範囲), sorted and paged by the server. Donor names arrive masked; a manager may show them (the server records
// that in the audit log). CSV / Excel export of the same filter, and for managers an export with personal data
// behind a confirmation. The module's staff only (a supplier's login is refused by the API and has no link here).
import { Alert, Button, Group, Modal, NativeSelect, Paper, Radio, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { type DonationSummary, type donationSort, exportDonations, listDonations } from "../../../common/api/furusato-ledger";
import { daysInMonth, parseJapaneseDate } from "../../../common/dates";
import { DONATION_STATUSES, type DonationStatus } from "../../../common/furusato/donation";
import { call, urlFor } from "../../api/client";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateText, fiscalYearLabel } from "../../ui/dates";
import { FiscalYearSelect } from "../../ui/FiscalYear";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { AnchorLink, ButtonLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { StatusBadge, type StatusTone } from "../../ui/StatusBadge";
import { useServerPaging } from "../../ui/useServerPaging";
import { FurusatoNav, SampleBadge, yen } from "./components";
import { lm } from "./ledgerMessages";
import { ledgerKeys } from "./ledgerQueries";
import { fm } from "./messages";
import { usePortals } from "./queries";
import { RevealNames } from "./RevealNames";

const t = lm.list;

type SortKey = "donatedOn" | "amount" | "orderNumber";
type DonationSortValue = (typeof donationSort.options)[number];

const STATUS_TONES: Record<DonationStatus, StatusTone> = { 入金待ち: "warning", 入金済: "good", キャンセル: "neutral" };

export function DonationStatusBadge({ status }: { status: DonationStatus }) {
  return <StatusBadge label={status} tone={STATUS_TONES[status]} size="sm" />;
}

export interface DonationsFilter {
  fiscalYear?: number;
  portal?: string;
  status?: DonationStatus;
  q?: string;
  from?: string;
  to?: string;
}

export function DonationsPage({ initial = {} }: { initial?: DonationsFilter }) {
  const portals = usePortals();
  const [draft, setDraft] = useState({
    fiscalYear: initial.fiscalYear ?? null,
    portal: initial.portal ?? "",
    status: (initial.status ?? "") as DonationStatus | "",
    q: initial.q ?? "",
    from: initial.from ?? "",
    to: initial.to ?? "",
  });
  const [filter, setFilter] = useState<DonationsFilter>(initial);
  const [dateErrors, setDateErrors] = useState<{ to?: string }>({});
  const paging = useServerPaging<SortKey>({ key: "donatedOn", order: "desc" });
  const { sort, page, pageSize } = paging;
  const [reveal, setReveal] = useState(false);
  const fromRef = useRef<HTMLInputElement>(null);
  const toRef = useRef<HTMLInputElement>(null);

  const sortValue = `${sort.order === "desc" ? "-" : ""}${sort.key}` as DonationSortValue;
  const query = { ...filter, sort: sortValue, page, pageSize, reveal: reveal ? ("true" as const) : ("false" as const) };
  const donations = useQuery({
    queryKey: ledgerKeys.donationList(query),
    queryFn: () => call(listDonations, { query }),
    placeholderData: keepPreviousData,
  });
  const canReveal = donations.data?.canReveal === true;
  const revealed = donations.data?.revealed === true;
  const filtered = Object.values(filter).some((value) => value !== undefined && value !== "");

  function submit(event: FormEvent) {
    event.preventDefault();
    const from = draft.from.trim() ? parseJapaneseDate(draft.from) : null;
    const to = draft.to.trim() ? parseJapaneseDate(draft.to) : null;
    // JapaneseDateInput itself says when a date cannot be read; only the range needs a message of ours.
    if (draft.from.trim() && !from) return fromRef.current?.focus();
    if (draft.to.trim() && !to) return toRef.current?.focus();
    // A month typed without a day ("令和6年11月") means the whole month: its last day closes the range.
    let toIso = to?.iso;
    if (to && to.precision === "month") {
      const [year, month] = to.iso.split("-").map(Number);
      toIso = `${to.iso.slice(0, 8)}${String(daysInMonth(year, month)).padStart(2, "0")}`;
    }
    if (from && toIso && from.iso > toIso) {
      setDateErrors({ to: t.toBeforeFrom });
      return toRef.current?.focus();
    }
    setDateErrors({});
    setFilter({
      fiscalYear: draft.fiscalYear ?? undefined,
      portal: draft.portal || undefined,
      status: draft.status || undefined,
      q: draft.q.trim() || undefined,
      from: from?.iso,
      to: toIso,
    });
    paging.firstPage();
  }

  function clear() {
    setDraft({ fiscalYear: null, portal: "", status: "", q: "", from: "", to: "" });
    setDateErrors({});
    setFilter({});
    paging.firstPage();
  }

  const columns: Column<DonationSummary, SortKey>[] = [
    {
      key: "orderNumber",
      header: t.orderNumber,
      sortKey: "orderNumber",
      rowHeader: true,
      render: (d) => (
        <Group gap={6} wrap="nowrap">
          <AnchorLink to="/furusato/donations/$id" params={{ id: d.id }} className="yk-code" fw={600}>
            {d.orderNumber}
          </AnchorLink>
          {d.isSample && <SampleBadge />}
        </Group>
      ),
    },
    {
      key: "donatedOn",
      header: t.donatedOn,
      sortKey: "donatedOn",
      nowrap: true,
      // One line a row (issue 12 item 7): the 年度 beside the date, not under it.
      render: (d) => (
        <>
          <DateText iso={d.donatedOn} western="title" />
          <Text span size="xs" c="dimmed" ml={6}>
            {fiscalYearLabel(d.fiscalYear)}
          </Text>
        </>
      ),
    },
    { key: "portal", header: t.portal, render: (d) => d.portalName },
    {
      key: "donor",
      header: t.donor,
      render: (d) =>
        d.anonymised ? (
          <Text span size="sm" c="dimmed">
            {t.anonymised}
          </Text>
        ) : (
          d.donorName
        ),
    },
    { key: "amount", header: t.amount, sortKey: "amount", align: "right", nowrap: true, render: (d) => yen(d.amount) },
    { key: "status", header: t.status, nowrap: true, render: (d) => <DonationStatusBadge status={d.status} /> },
    { key: "payment", header: t.paymentMethod, nowrap: true, render: (d) => d.paymentMethod },
    { key: "fundUse", header: t.fundUse, render: (d) => d.fundUseName ?? lm.dash },
    { key: "gifts", header: t.gifts, render: (d) => (d.giftTitles.length > 0 ? d.giftTitles.join(fm.listSep) : lm.dash) },
    { key: "oneStop", header: t.oneStop, nowrap: true, render: (d) => (d.oneStopWish ? lm.yes : lm.no) },
    { key: "resident", header: t.resident, nowrap: true, render: (d) => (d.isResident ? lm.yes : lm.no) },
  ];

  const exportQuery = { ...filter };
  const empty =
    filtered || (donations.data?.total ?? 0) > 0 ? (
      t.empty
    ) : (
      <>
        {t.emptyAll}{" "}
        <AnchorLink to="/furusato/donations/import" fw={600}>
          {t.toImport}
        </AnchorLink>
      </>
    );

  return (
    <>
      <PageHeader
        title={t.title}
        subtitle={t.intro}
        breadcrumbs={[{ label: fm.moduleName, href: "/furusato" }, { label: t.title }]}
        actions={
          <ButtonLink to="/furusato/donations/import" variant="default">
            {t.toImport}
          </ButtonLink>
        }
      />
      <FurusatoNav />
      <Paper withBorder p="md" mb="md" component="section" aria-labelledby="donations-filter-heading">
        <Text id="donations-filter-heading" fw={700} size="sm" mb="xs">
          {t.filters}
        </Text>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
              <FiscalYearSelect
                label={t.fiscalYear}
                allLabel={t.allYears}
                value={draft.fiscalYear}
                onChange={(fy) => setDraft({ ...draft, fiscalYear: fy })}
              />
              <PortalSelect value={draft.portal} onChange={(portal) => setDraft({ ...draft, portal })} portals={portals.data?.items} />
              <StatusSelect value={draft.status} onChange={(status) => setDraft({ ...draft, status })} />
              <TextInput
                label={t.q}
                placeholder={t.qPlaceholder}
                type="search"
                maxLength={100}
                value={draft.q}
                onChange={(e) => setDraft({ ...draft, q: e.currentTarget.value })}
              />
              <JapaneseDateInput ref={fromRef} label={t.from} value={draft.from} onChange={(from) => setDraft({ ...draft, from })} />
              <JapaneseDateInput
                ref={toRef}
                label={t.to}
                value={draft.to}
                onChange={(to) => {
                  setDraft({ ...draft, to });
                  if (dateErrors.to) setDateErrors({});
                }}
                error={dateErrors.to}
              />
            </SimpleGrid>
            <Group gap="xs">
              <Button type="submit">{t.search}</Button>
              <Button variant="default" onClick={clear}>
                {t.reset}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>

      <Paper withBorder p="md" mb="md" component="section" aria-labelledby="donations-tools-heading" className="yk-no-print">
        <Title order={2} size="h5" id="donations-tools-heading" mb="xs">
          {t.exportHeading}
        </Title>
        <Stack gap="xs">
          <Group gap="xs" wrap="wrap">
            <Button component="a" variant="default" href={urlFor(exportDonations, { query: { ...exportQuery, format: "csv" } })} download>
              {t.exportCsv}
            </Button>
            <Button component="a" variant="default" href={urlFor(exportDonations, { query: { ...exportQuery, format: "xlsx" } })} download>
              {t.exportXlsx}
            </Button>
            {canReveal && <PersonalExport filter={exportQuery} />}
          </Group>
          <Text size="xs" c="dimmed">
            {t.exportNote}
          </Text>
        </Stack>
      </Paper>

      {canReveal && <RevealNames reveal={reveal} revealed={revealed} busy={donations.isFetching} onChange={setReveal} />}

      <DataTable
        caption={t.caption}
        columns={columns}
        rows={donations.data?.items}
        rowKey={(d) => d.id}
        loading={donations.isFetching && !donations.data}
        error={donations.error}
        {...paging.tableProps(donations.data?.total ?? 0)}
        empty={empty}
        minWidth={1100}
        dense
        stickyHeader
        columnChooserKey="furusato.donations"
      />
    </>
  );
}

function PortalSelect({
  value,
  onChange,
  portals,
}: {
  value: string;
  onChange: (portal: string) => void;
  portals: { code: string; name: string }[] | undefined;
}) {
  const options = (portals ?? []).map((p) => ({ value: p.code, label: p.name }));
  if (value && !options.some((o) => o.value === value)) options.push({ value, label: value });
  return (
    <NativeSelect
      label={t.portal}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={[{ value: "", label: t.allPortals }, ...options]}
    />
  );
}

function StatusSelect({ value, onChange }: { value: DonationStatus | ""; onChange: (status: DonationStatus | "") => void }) {
  return (
    <NativeSelect
      label={t.status}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value as DonationStatus | "")}
      data={[{ value: "", label: t.allStatuses }, ...DONATION_STATUSES.map((s) => ({ value: s, label: s }))]}
    />
  );
}

/** 「個人情報を含めて書き出す」: asks first (with the format), then downloads; the server records the export. */
function PersonalExport({ filter }: { filter: DonationsFilter }) {
  const [opened, setOpened] = useState(false);
  const [format, setFormat] = useState<"csv" | "xlsx">("csv");
  const [status, setStatus] = useState("");

  function download() {
    const link = document.createElement("a");
    link.href = urlFor(exportDonations, { query: { ...filter, format, personal: "true" } });
    link.download = "";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setOpened(false);
    setStatus(t.exportStarted);
  }

  return (
    <>
      <Button color="red.9" variant="outline" onClick={() => setOpened(true)}>
        {t.exportPersonal}
      </Button>
      <Text span size="sm" role="status">
        {status}
      </Text>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t.exportPersonalTitle} centered>
        <Stack>
          <Alert color="yellow" variant="light" styles={{ message: { color: "#5c3c00" } }}>
            {t.exportPersonalBody}
          </Alert>
          <Radio.Group label={t.exportFormat} value={format} onChange={(value) => setFormat(value === "xlsx" ? "xlsx" : "csv")}>
            <Group gap="md" mt={4}>
              <Radio value="csv" label="CSV（Shift_JIS）" />
              <Radio value="xlsx" label="Excel（.xlsx）" />
            </Group>
          </Radio.Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)}>
              {t.cancel}
            </Button>
            <Button color="red.9" onClick={download} data-autofocus>
              {t.exportPersonalConfirm}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
