// The lists under the dashboard's chart (DashboardPage.tsx): the gifts most chosen, portal fees, ワンストップ特例 by
// deadline and shipments per supplier.
import { Text } from "@mantine/core";
import type { DashboardResponse } from "../../../common/api/furusato-money";
import { ONE_STOP_STATUSES } from "../../../common/furusato/donation";
import type { Column } from "../../ui/DataTable";
import { DateText } from "../../ui/dates";
import { AnchorLink } from "../../ui/links";
import { TableSection } from "../../ui/Section";
import { ratioText } from "./money-components";
import { mm } from "./money-messages";

type TopGift = DashboardResponse["topGifts"][number];

export function TopGifts({ d }: { d: DashboardResponse }) {
  const columns: Column<TopGift>[] = [
    { key: "rank", header: mm.dashboard.rank, align: "right", render: (g) => d.topGifts.indexOf(g) + 1 },
    {
      key: "title",
      header: mm.dashboard.giftTitle,
      rowHeader: true,
      render: (g) =>
        g.giftId ? (
          <AnchorLink to="/furusato/gifts/$id" params={{ id: g.giftId }} size="sm">
            {g.title || g.giftCode}
          </AnchorLink>
        ) : (
          `${g.giftCode} ${mm.dashboard.unknownGift}`
        ),
    },
    { key: "code", header: mm.dashboard.giftCode, nowrap: true, render: (g) => g.giftCode },
    { key: "count", header: mm.dashboard.giftCount, align: "right", nowrap: true, render: (g) => mm.count(g.count) },
    { key: "amount", header: mm.dashboard.giftAmount, align: "right", nowrap: true, render: (g) => mm.yen(g.amount) },
  ];
  return (
    <TableSection
      id="top-heading"
      title={mm.dashboard.topHeading}
      titleGap="xs"
      caption={mm.dashboard.topCaption}
      columns={columns}
      rows={d.topGifts}
      rowKey={(g) => g.giftCode}
      empty={mm.dashboard.topEmpty}
      minWidth={480}
    >
      <Text size="xs" c="dimmed" mt={4}>
        {mm.dashboard.topHelp}
      </Text>
    </TableSection>
  );
}

type FeeRow = DashboardResponse["portalFees"][number];

export function PortalFees({ d }: { d: DashboardResponse }) {
  const columns: Column<FeeRow>[] = [
    { key: "portal", header: mm.dashboard.portal, rowHeader: true, render: (f) => f.portalName },
    { key: "ratio", header: mm.dashboard.feeRatio, align: "right", render: (f) => ratioText(f.feeRatio) },
    { key: "amount", header: mm.dashboard.paidAmount, align: "right", nowrap: true, render: (f) => mm.yen(f.amount) },
    { key: "fee", header: mm.dashboard.fee, align: "right", nowrap: true, render: (f) => mm.yen(f.fee) },
  ];
  return (
    <TableSection
      id="fees-heading"
      title={mm.dashboard.feesHeading}
      titleGap="xs"
      caption={mm.dashboard.feesCaption}
      columns={columns}
      rows={d.portalFees}
      rowKey={(f) => f.portalCode}
      minWidth={420}
    />
  );
}

type OneStopRow = DashboardResponse["oneStop"][number];

export function OneStop({ d }: { d: DashboardResponse }) {
  const columns: Column<OneStopRow>[] = [
    { key: "deadline", header: mm.dashboard.deadline, rowHeader: true, nowrap: true, render: (o) => <DateText iso={o.deadline} /> },
    {
      key: "days",
      header: mm.dashboard.daysLeft,
      nowrap: true,
      render: (o) => (
        <Text
          span
          size="sm"
          fw={o.daysLeft <= 30 ? 700 : undefined}
          c={o.daysLeft < 0 ? "dimmed" : o.daysLeft <= 30 ? "#9b1c1c" : undefined}
        >
          {mm.dashboard.days(o.daysLeft)}
        </Text>
      ),
    },
    ...ONE_STOP_STATUSES.map(
      (status): Column<OneStopRow> => ({ key: status, header: status, align: "right", render: (o) => mm.count(o.counts[status]) }),
    ),
  ];
  return (
    <TableSection
      id="onestop-heading"
      title={mm.dashboard.oneStopHeading}
      titleGap="xs"
      caption={mm.dashboard.oneStopCaption}
      columns={columns}
      rows={d.oneStop}
      rowKey={(o) => o.deadline}
      empty={mm.dashboard.oneStopEmpty}
      minWidth={480}
    />
  );
}

type ShipRow = DashboardResponse["shipments"][number];

export function Shipments({ d }: { d: DashboardResponse }) {
  const columns: Column<ShipRow>[] = [
    {
      key: "supplier",
      header: mm.dashboard.supplier,
      rowHeader: true,
      render: (s) => (
        <AnchorLink to="/furusato/suppliers/$id" params={{ id: s.supplierId }} size="sm">
          {s.supplierName}
        </AnchorLink>
      ),
    },
    { key: "unrequested", header: mm.dashboard.unrequested, align: "right", render: (s) => mm.count(s.unrequested) },
    { key: "requested", header: mm.dashboard.requested, align: "right", render: (s) => mm.count(s.requested) },
    {
      key: "overdue",
      header: mm.dashboard.overdue,
      align: "right",
      render: (s) => (
        <Text span size="sm" fw={s.overdue > 0 ? 700 : undefined} c={s.overdue > 0 ? "#9b1c1c" : undefined}>
          {mm.count(s.overdue)}
        </Text>
      ),
    },
  ];
  return (
    <TableSection
      id="ship-heading"
      title={mm.dashboard.shipHeading}
      titleGap="xs"
      caption={mm.dashboard.shipCaption}
      columns={columns}
      rows={d.shipments}
      rowKey={(s) => s.supplierId}
      empty={mm.dashboard.shipEmpty}
      minWidth={420}
    />
  );
}
