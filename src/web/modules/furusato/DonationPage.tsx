// /furusato/donations/$id: one donation of the ledger — its fields, the gifts, their shipments, the ワンストップ特例
// application and the 受領証明書 issued. The donor and ship-to blocks come only for the module's managers (the
// server sends null to others and records every look at them in the audit log).
import { Alert, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import type { DonationDetail } from "../../../common/api/furusato-ledger";
import { m } from "../../messages";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateText, FiscalYearText } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { isNotFound } from "../../ui/errors";
import { AnchorLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { FurusatoNav, SampleBadge, yen } from "./components";
import { DonationStatusBadge } from "./DonationsPage";
import { lm } from "./ledgerMessages";
import { useDonation } from "./ledgerQueries";
import { fm } from "./messages";
import { useAllGifts } from "./queries";

const t = lm.donation;

type Item = DonationDetail["items"][number];
type Shipment = DonationDetail["shipments"][number];
type Certificate = DonationDetail["certificates"][number];
type Person = NonNullable<DonationDetail["donor"]>;

const crumbs = (current: string) => [
  { label: fm.moduleName, href: "/furusato" },
  { label: lm.list.title, href: "/furusato/donations" },
  { label: current },
];

export function DonationPage({ id }: { id: string }) {
  const donation = useDonation(id);
  if (donation.error) {
    return (
      <>
        <PageHeader title={isNotFound(donation.error) ? t.notFound : lm.list.title} breadcrumbs={crumbs(lm.dash)} />
        <FurusatoNav />
        <ErrorAlert error={donation.error} />
      </>
    );
  }
  if (!donation.data) return <Loader aria-label={m.common.loading} />;
  return <DonationView donation={donation.data} />;
}

/** A two-column table of label → value (row headers for screen readers). */
function Facts({ caption, rows }: { caption: string; rows: [string, ReactNode][] }) {
  return (
    <Table withTableBorder verticalSpacing="xs" className="yk-table">
      <caption className="yk-visually-hidden">{caption}</caption>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th scope="row" style={{ width: "12rem", whiteSpace: "nowrap" }}>
              {label}
            </Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

const orDash = (value: string | null | undefined) => (value ? value : lm.dash);
const yesNo = (value: boolean) => (value ? lm.yes : lm.no);

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={id}>
      <Title order={2} id={id} className="yk-section-title" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function DonationView({ donation: d }: { donation: DonationDetail }) {
  const gifts = useAllGifts();
  const giftIds = new Map((gifts.data?.items ?? []).map((g) => [g.code, g.id]));

  const itemColumns: Column<Item>[] = [
    { key: "line", header: t.line, align: "right", nowrap: true, render: (i) => i.lineNo },
    {
      key: "code",
      header: t.giftCode,
      nowrap: true,
      render: (i) => {
        const giftId = giftIds.get(i.giftCode);
        return giftId ? (
          <AnchorLink to="/furusato/gifts/$id" params={{ id: giftId }} className="yk-code">
            {i.giftCode}
          </AnchorLink>
        ) : (
          <span className="yk-code">{i.giftCode}</span>
        );
      },
    },
    { key: "title", header: t.giftTitle, rowHeader: true, render: (i) => orDash(i.giftTitle) },
    { key: "quantity", header: t.quantity, align: "right", nowrap: true, render: (i) => i.quantity },
  ];
  const shipmentColumns: Column<Shipment>[] = [
    { key: "line", header: t.line, align: "right", nowrap: true, rowHeader: true, render: (s) => s.lineNo },
    { key: "status", header: t.shipmentStatus, nowrap: true, render: (s) => s.status },
    { key: "due", header: t.dueOn, nowrap: true, render: (s) => <DateText iso={s.dueOn} western="title" /> },
    { key: "shipped", header: t.shippedOn, nowrap: true, render: (s) => <DateText iso={s.shippedOn} western="title" /> },
    { key: "tracking", header: t.tracking, render: (s) => <span className="yk-code">{orDash(s.trackingNumber)}</span> },
  ];
  const certificateColumns: Column<Certificate>[] = [
    { key: "number", header: t.certificateNumber, rowHeader: true, render: (c) => <span className="yk-code">{c.number}</span> },
    { key: "issued", header: t.issuedOn, nowrap: true, render: (c) => <DateText iso={c.issuedOn} western="title" /> },
    { key: "reissue", header: t.reissue, nowrap: true, render: (c) => yesNo(c.reissue) },
  ];

  const personRows = (p: Person | Omit<Person, "kana" | "email" | "gender">): [string, ReactNode][] => [
    [t.name, orDash(p.name)],
    ...("kana" in p ? ([[t.kana, orDash(p.kana)]] as [string, ReactNode][]) : []),
    [t.postalCode, orDash(p.postalCode)],
    [t.address, orDash(p.address)],
    [t.phone, orDash(p.phone)],
    ...("email" in p
      ? ([
          [t.email, orDash(p.email)],
          [t.gender, orDash(p.gender)],
        ] as [string, ReactNode][])
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t.title(d.orderNumber)}
        breadcrumbs={crumbs(d.orderNumber)}
        badges={
          <>
            <DonationStatusBadge status={d.status} />
            {d.isSample && <SampleBadge />}
          </>
        }
        subtitle={`${d.portalName}・${yen(d.amount)}`}
      />
      <FurusatoNav />
      <Stack gap="lg">
        {d.anonymised && (
          <Alert color="gray" variant="light" role="status">
            {t.anonymised}
          </Alert>
        )}
        <Section id="donation-summary-heading" title={t.summaryHeading}>
          <Facts
            caption={t.summaryHeading}
            rows={[
              [t.portal, d.portalName],
              [
                t.orderNumber,
                <span key="order" className="yk-code">
                  {d.orderNumber}
                </span>,
              ],
              [t.appliedOn, <DateText key="applied" iso={d.appliedOn} />],
              [t.paidOn, <DateText key="paid" iso={d.paidOn} />],
              [t.donatedOn, <DateText key="donated" iso={d.donatedOn} />],
              [t.fiscalYear, <FiscalYearText key="fy" fy={d.fiscalYear} />],
              [t.amount, yen(d.amount)],
              [t.status, <DonationStatusBadge key="status" status={d.status} />],
              [t.paymentMethod, d.paymentMethod],
              [t.fundUse, orDash(d.fundUseName)],
              [t.resident, yesNo(d.isResident)],
              [t.oneStopWish, yesNo(d.oneStopWish)],
              [t.publicationConsent, yesNo(d.publicationConsent)],
              [t.importFile, orDash(d.importFileName)],
            ]}
          />
        </Section>

        {d.donor ? (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <Section id="donation-donor-heading" title={t.donorHeading}>
              <Facts caption={t.donorHeading} rows={personRows(d.donor)} />
              <Text size="xs" c="dimmed" mt="xs">
                {t.personalAudit}
              </Text>
            </Section>
            <Section id="donation-shipto-heading" title={t.shipToHeading}>
              {d.shipTo ? <Facts caption={t.shipToHeading} rows={personRows(d.shipTo)} /> : <Text size="sm">{t.shipToSame}</Text>}
            </Section>
          </SimpleGrid>
        ) : (
          <Section id="donation-donor-heading" title={t.donorHeading}>
            <Group gap="xs">
              <Text size="sm">{t.personalHidden}</Text>
              {!d.anonymised && (
                <Text size="sm" c="dimmed">
                  {`${t.name}: ${d.donorName}`}
                </Text>
              )}
            </Group>
          </Section>
        )}

        <Section id="donation-items-heading" title={t.itemsHeading}>
          {d.items.length === 0 ? (
            <Text size="sm">{t.noItems}</Text>
          ) : (
            <DataTable
              caption={t.itemsCaption}
              captionHidden
              columns={itemColumns}
              rows={d.items}
              rowKey={(i) => String(i.lineNo)}
              minWidth={480}
            />
          )}
        </Section>

        <Section id="donation-shipments-heading" title={t.shipmentsHeading}>
          {d.shipments.length === 0 ? (
            <Text size="sm">{t.noShipments}</Text>
          ) : (
            <DataTable
              caption={t.shipmentsCaption}
              captionHidden
              columns={shipmentColumns}
              rows={d.shipments}
              rowKey={(s) => String(s.lineNo)}
              minWidth={560}
            />
          )}
        </Section>

        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Section id="donation-onestop-heading" title={t.oneStopHeading}>
            {d.oneStop ? (
              <Facts
                caption={t.oneStopHeading}
                rows={[
                  [t.oneStopStatus, d.oneStop.status],
                  [t.oneStopMissing, d.oneStop.missing.length > 0 ? d.oneStop.missing.join(fm.listSep) : fm.none],
                ]}
              />
            ) : (
              <Text size="sm">{t.noOneStop}</Text>
            )}
          </Section>
          <Section id="donation-certificates-heading" title={t.certificatesHeading}>
            {d.certificates.length === 0 ? (
              <Text size="sm">{t.noCertificates}</Text>
            ) : (
              <DataTable
                caption={t.certificatesCaption}
                captionHidden
                columns={certificateColumns}
                rows={d.certificates}
                rowKey={(c) => c.number}
                minWidth={360}
              />
            )}
          </Section>
        </SimpleGrid>
      </Stack>
    </>
  );
}
