// /furusato/shipments 「出荷依頼」 (市の職員): the year-end backlog per supplier (未依頼・依頼済・期限超過・12月寄附分),
// the shipments filtered by supplier / status / overdue, sorted and paged by the server, and for the module's
// managers 「出荷依頼を出す」 (a supplier's all, or the chosen ones) and the supplier's CSV. The ship-to arrives only
// for managers (the server leaves it out for other staff).
import { Alert, Anchor, Button, Checkbox, Group, NativeSelect, Paper, Stack, Table, Text, Title, VisuallyHidden } from "@mantine/core";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import {
  exportShipments,
  listShipments,
  requestShipments,
  type SHIPMENT_SORTS,
  type Shipment,
  shipmentBacklog,
} from "../../../common/api/furusato-followup";
import { SHIPMENT_STATUSES, type ShipmentStatus } from "../../../common/furusato/donation";
import { call, urlFor } from "../../api/client";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { type Column, DataTable, type SortState } from "../../ui/DataTable";
import { DateText } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { useFlash } from "../../ui/Flash";
import { AnchorLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { StatusBadge, type StatusTone } from "../../ui/StatusBadge";
import { FurusatoNav } from "./components";
import { fm } from "./messages";
import { useFurusatoAccess, useSuppliers } from "./queries";

/** Japanese text of the shipment screens (staff and supplier), in one place for review. */
export const sm = {
  title: "出荷依頼",
  intro: "入金済の寄附の返礼品を、事業者ごとに発送を依頼し、発送状況（伝票番号）と期限を確認します。",
  backlogHeading: "事業者ごとの未発送（年末の滞留確認）",
  backlogCaption: "事業者ごとの未発送の件数",
  backlogEmpty: "未発送の出荷はありません。",
  supplier: "事業者",
  unrequested: "未依頼",
  requested: "依頼済",
  overdueCount: "期限超過",
  december: "うち12月寄附",
  leadDays: (n: number) => `発送期限は依頼日から${n}日後です。日数は「`,
  leadDaysWhere: `」の「${fm.settingLabels.shippingLeadDays}」で変えられます。`,
  defaultOrder: "未発送（未依頼・依頼済）を発送期限の古い順に、発送済をその後に表示しています。列の見出しで並べ替えられます。",
  requestAll: (n: number) => `依頼を出す（${n}件）`,
  requestAllLabel: (name: string, n: number) => `${name}に未依頼の${n}件を依頼する`,
  requestConfirm: (name: string, n: number) => `${name}に未依頼の出荷 ${n}件の発送を依頼します。事業者の画面にお届け先が表示されます。`,
  requested_: (n: number, due: string) => `${n}件を依頼しました（発送期限 ${due}）。`,
  filters: "絞り込み",
  allSuppliers: "すべての事業者",
  status: "状態",
  allStatuses: "すべての状態",
  overdueOnly: "期限超過だけ",
  apply: "表示",
  caption: "出荷の一覧",
  empty: "条件に合う出荷はありません。",
  select: "選択",
  selectRow: (order: string, gift: string) => `受付番号 ${order}（${gift}）を選ぶ`,
  requestSelected: (n: number) => `選んだ出荷を依頼（${n}件）`,
  requestSelectedConfirm: (n: number) => `選んだ未依頼の出荷 ${n}件の発送を、それぞれの事業者に依頼します。`,
  orderNumber: "受付番号",
  donatedOn: "寄附日",
  gift: "返礼品",
  quantity: (n: number) => `×${n}`,
  dueOn: "発送期限",
  overdue: "期限超過",
  tracking: "配送業者・伝票番号",
  shippedOn: "発送日",
  plannedOn: "発送予定日",
  shipTo: "お届け先",
  shipToHidden: "お届け先は担当者と発送する事業者だけが見られます。",
  csv: "この事業者の依頼を CSV で出力",
  csvHelp: "お届け先（個人情報）を含みます。出力は記録されます。Excel で開ける Shift_JIS 形式です。",
  phone: "電話",
  actions: "操作",
};

const STATUS_TONES: Record<ShipmentStatus, StatusTone> = { 未依頼: "warning", 依頼済: "done", 発送済: "good", 取消: "neutral" };

export function ShipmentStatusBadge({ status }: { status: ShipmentStatus }) {
  return <StatusBadge label={status} tone={STATUS_TONES[status]} size="sm" />;
}

export function OverdueBadge() {
  return <StatusBadge label={`● ${sm.overdue}`} tone="danger" size="sm" />;
}

export const shipmentKeys = {
  all: ["furusato", "shipments"] as const,
  list: (query: object) => ["furusato", "shipments", "list", query] as const,
  backlog: ["furusato", "shipments", "backlog"] as const,
};

export function ShipTo({ shipment }: { shipment: Shipment }) {
  if (!shipment.shipTo) return <Text size="sm">{sm.shipToHidden}</Text>;
  const s = shipment.shipTo;
  return (
    <Stack gap={0}>
      <Text size="sm" fw={600}>
        {s.name}
      </Text>
      {s.postalCode && <Text size="sm">〒{s.postalCode}</Text>}
      {s.address && <Text size="sm">{s.address}</Text>}
      {s.phone && (
        <Text size="sm">
          {sm.phone} {s.phone}
        </Text>
      )}
    </Stack>
  );
}

export function TrackingText({ shipment }: { shipment: Shipment }) {
  if (!shipment.carrier && !shipment.trackingNumber) return <span>{fm.dash}</span>;
  return (
    <span>
      {shipment.carrier || fm.dash}
      {shipment.trackingNumber ? <span className="yk-code"> {shipment.trackingNumber}</span> : null}
    </span>
  );
}

type SortKey = (typeof SHIPMENT_SORTS)[number];
type Filter = { supplierId?: string; status?: ShipmentStatus; overdue?: "true" };

export function ShipmentsPage() {
  const access = useFurusatoAccess();
  const suppliers = useSuppliers();
  const flash = useFlash();
  const queryClient = useQueryClient();
  const manager = access.data?.manager === true;
  const [draft, setDraft] = useState<{ supplierId: string; status: ShipmentStatus | ""; overdue: boolean }>({
    supplierId: "",
    status: "",
    overdue: false,
  });
  const [filter, setFilter] = useState<Filter>({});
  // "todo" (the server's default): what needs doing first; a header the clerk clicks sorts by that column instead.
  const [sort, setSort] = useState<SortState<SortKey>>({ key: "todo", order: "asc" });
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());

  const query = { ...filter, sort: sort.key, order: sort.order, page, pageSize };
  const shipments = useQuery({
    queryKey: shipmentKeys.list(query),
    queryFn: () => call(listShipments, { query }),
    placeholderData: keepPreviousData,
    enabled: access.data !== undefined && !access.data.supplierId,
  });
  const backlog = useQuery({
    queryKey: shipmentKeys.backlog,
    queryFn: () => call(shipmentBacklog),
    enabled: access.data !== undefined && !access.data.supplierId,
  });
  const request = useMutation({
    mutationFn: (body: { supplierId?: string; ids?: string[] }) => call(requestShipments, { body }),
    onSuccess: (result) => {
      flash.show(sm.requested_(result.requested, result.dueOn));
      setSelected(new Set());
      queryClient.invalidateQueries({ queryKey: shipmentKeys.all });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setFilter({
      supplierId: draft.supplierId || undefined,
      status: draft.status || undefined,
      overdue: draft.overdue ? "true" : undefined,
    });
    setPage(1);
    setSelected(new Set());
  }

  function toggle(id: string) {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  if (access.data?.supplierId) {
    return (
      <>
        <PageHeader title={sm.title} breadcrumbs={[{ label: fm.moduleName, href: "/furusato" }, { label: sm.title }]} />
        <FurusatoNav />
        <Alert color="yellow" variant="light" role="status">
          {fm.publish.forbidden}
        </Alert>
      </>
    );
  }

  const columns: Column<Shipment, SortKey>[] = [
    ...(manager
      ? [
          {
            key: "select",
            header: sm.select,
            width: 56,
            render: (s: Shipment) =>
              s.status === "未依頼" ? (
                <Checkbox checked={selected.has(s.id)} onChange={() => toggle(s.id)} aria-label={sm.selectRow(s.orderNumber, s.giftCode)} />
              ) : null,
          },
        ]
      : []),
    {
      key: "order",
      header: sm.orderNumber,
      rowHeader: true,
      nowrap: true,
      render: (s) => <span className="yk-code">{s.orderNumber}</span>,
    },
    {
      key: "donatedOn",
      header: sm.donatedOn,
      sortKey: "donatedOn",
      nowrap: true,
      render: (s) => <DateText iso={s.donatedOn} western="title" />,
    },
    {
      key: "gift",
      header: sm.gift,
      render: (s) => (
        <span>
          <span className="yk-code">{s.giftCode}</span> {s.giftTitle} {sm.quantity(s.quantity)}
        </span>
      ),
    },
    { key: "supplier", header: sm.supplier, sortKey: "supplier", render: (s) => s.supplierName },
    { key: "status", header: sm.status, sortKey: "status", nowrap: true, render: (s) => <ShipmentStatusBadge status={s.status} /> },
    {
      key: "dueOn",
      header: sm.dueOn,
      sortKey: "dueOn",
      nowrap: true,
      render: (s) => (
        <Group gap={4} wrap="nowrap">
          <DateText iso={s.dueOn} western="title" />
          {s.overdue && <OverdueBadge />}
        </Group>
      ),
    },
    { key: "tracking", header: sm.tracking, render: (s) => <TrackingText shipment={s} /> },
    { key: "shippedOn", header: sm.shippedOn, nowrap: true, render: (s) => <DateText iso={s.shippedOn} western="title" /> },
  ];

  const supplierName = suppliers.data?.items.find((s) => s.id === filter.supplierId)?.name;

  return (
    <>
      <PageHeader title={sm.title} breadcrumbs={[{ label: fm.moduleName, href: "/furusato" }, { label: sm.title }]} subtitle={sm.intro} />
      <FurusatoNav />
      <Stack gap="lg">
        <Paper withBorder p="md" component="section" aria-labelledby="backlog-heading">
          <Title order={2} size="h4" id="backlog-heading" mb="xs">
            {sm.backlogHeading}
          </Title>
          {backlog.data && (
            <Text size="sm" c="dimmed" mb="xs">
              {sm.leadDays(backlog.data.leadDays)}
              {manager ? (
                <AnchorLink to="/furusato/settings" size="sm" underline="always">
                  {fm.settingLabels.page}
                </AnchorLink>
              ) : (
                fm.settingLabels.page
              )}
              {sm.leadDaysWhere}
            </Text>
          )}
          <ErrorAlert error={backlog.error ?? request.error} />
          {backlog.data && backlog.data.items.length === 0 ? (
            <Text size="sm" role="status">
              {sm.backlogEmpty}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={640} type="native">
              <Table withTableBorder verticalSpacing="xs" className="yk-table">
                <caption className="yk-visually-hidden">{sm.backlogCaption}</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{sm.supplier}</Table.Th>
                    <Table.Th scope="col" style={{ textAlign: "right" }}>
                      {sm.unrequested}
                    </Table.Th>
                    <Table.Th scope="col" style={{ textAlign: "right" }}>
                      {sm.requested}
                    </Table.Th>
                    <Table.Th scope="col" style={{ textAlign: "right" }}>
                      {sm.overdueCount}
                    </Table.Th>
                    <Table.Th scope="col" style={{ textAlign: "right" }}>
                      {sm.december}
                    </Table.Th>
                    {manager && (
                      <Table.Th scope="col">
                        <VisuallyHidden>{sm.actions}</VisuallyHidden>
                      </Table.Th>
                    )}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {(backlog.data?.items ?? []).map((row) => (
                    <Table.Tr key={row.supplierId}>
                      <Table.Th scope="row" style={{ fontWeight: 500 }}>
                        {row.supplierName}
                      </Table.Th>
                      <Table.Td style={{ textAlign: "right" }}>{fm.count(row.unrequested)}</Table.Td>
                      <Table.Td style={{ textAlign: "right" }}>{fm.count(row.requested)}</Table.Td>
                      <Table.Td style={{ textAlign: "right" }}>
                        {row.overdue > 0 ? (
                          <Text span size="sm" fw={700} c="#9b1c1c">
                            ● {fm.count(row.overdue)}
                          </Text>
                        ) : (
                          fm.count(0)
                        )}
                      </Table.Td>
                      <Table.Td style={{ textAlign: "right" }}>{fm.count(row.decemberOpen)}</Table.Td>
                      {manager && (
                        <Table.Td>
                          {row.unrequested > 0 && (
                            <ConfirmButton
                              size="compact-sm"
                              aria-label={sm.requestAllLabel(row.supplierName, row.unrequested)}
                              message={sm.requestConfirm(row.supplierName, row.unrequested)}
                              onConfirm={() => request.mutateAsync({ supplierId: row.supplierId })}
                            >
                              {sm.requestAll(row.unrequested)}
                            </ConfirmButton>
                          )}
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>

        <Paper withBorder p="md" component="form" onSubmit={submit} aria-labelledby="shipment-filter-heading">
          <Title order={2} size="h5" id="shipment-filter-heading" mb="xs">
            {sm.filters}
          </Title>
          <Group align="flex-end" wrap="wrap">
            <NativeSelect
              label={sm.supplier}
              value={draft.supplierId}
              onChange={(e) => setDraft({ ...draft, supplierId: e.currentTarget.value })}
              data={[{ value: "", label: sm.allSuppliers }, ...(suppliers.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))]}
            />
            <NativeSelect
              label={sm.status}
              value={draft.status}
              onChange={(e) => setDraft({ ...draft, status: e.currentTarget.value as ShipmentStatus | "" })}
              data={[{ value: "", label: sm.allStatuses }, ...SHIPMENT_STATUSES.map((s) => ({ value: s, label: s }))]}
            />
            <Checkbox
              label={sm.overdueOnly}
              checked={draft.overdue}
              onChange={(e) => setDraft({ ...draft, overdue: e.currentTarget.checked })}
              mb={8}
            />
            <Button type="submit">{sm.apply}</Button>
          </Group>
        </Paper>

        {manager && (
          <Group gap="md" wrap="wrap">
            <ConfirmButton
              disabled={selected.size === 0}
              message={sm.requestSelectedConfirm(selected.size)}
              onConfirm={() => request.mutateAsync({ ids: [...selected] })}
            >
              {sm.requestSelected(selected.size)}
            </ConfirmButton>
            {filter.supplierId && (
              <Stack gap={0}>
                <Anchor href={urlFor(exportShipments, { query: { supplierId: filter.supplierId, status: "依頼済" } })} download size="sm">
                  {sm.csv}
                  {supplierName ? `（${supplierName}）` : ""}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {sm.csvHelp}
                </Text>
              </Stack>
            )}
          </Group>
        )}

        {sort.key === "todo" && (
          <Text size="sm" c="dimmed">
            {sm.defaultOrder}
          </Text>
        )}
        <DataTable
          caption={sm.caption}
          columns={columns}
          rows={shipments.data?.items}
          rowKey={(s) => s.id}
          loading={shipments.isFetching && !shipments.data}
          error={shipments.error}
          sort={sort}
          onSortChange={(next) => {
            setSort(next);
            setPage(1);
          }}
          paging={
            shipments.data
              ? {
                  page,
                  pageSize,
                  total: shipments.data.total,
                  onPageChange: setPage,
                  onPageSizeChange: (n) => {
                    setPageSize(n);
                    setPage(1);
                  },
                }
              : undefined
          }
          empty={sm.empty}
          renderDetail={(s) => (
            <Group gap="xl" align="flex-start" wrap="wrap">
              <Stack gap={2}>
                <Text size="sm" fw={700}>
                  {sm.shipTo}
                </Text>
                <ShipTo shipment={s} />
              </Stack>
              <Stack gap={2}>
                <Text size="sm" fw={700}>
                  {sm.plannedOn}
                </Text>
                <DateText iso={s.plannedOn} />
              </Stack>
            </Group>
          )}
          minWidth={960}
        />
      </Stack>
    </>
  );
}
