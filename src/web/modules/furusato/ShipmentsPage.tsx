// /furusato/shipments 「出荷依頼」 (市の職員): the year-end backlog per supplier (未依頼・依頼済・期限超過・12月寄附分),
// the shipments filtered by supplier / status / overdue, sorted and paged by the server, and for the module's
// managers 「出荷依頼を出す」 (a supplier's all, or the chosen ones) and the supplier's CSV. The ship-to arrives only
// for managers (the server leaves it out for other staff).
// The backlog table is in ShipmentBacklog.tsx; what the supplier's screen shares, in shipment-components.tsx.
import { Alert, Anchor, Button, Checkbox, Group, NativeSelect, Paper, Stack, Text, Title } from "@mantine/core";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import {
  exportShipments,
  listShipments,
  requestShipments,
  type SHIPMENT_SORTS,
  type Shipment,
} from "../../../common/api/furusato-followup";
import { SHIPMENT_STATUSES, type ShipmentStatus } from "../../../common/furusato/donation";
import { call, urlFor } from "../../api/client";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { type Column, DataTable, type SortState } from "../../ui/DataTable";
import { DateText } from "../../ui/dates";
import { useFlash } from "../../ui/Flash";
import { PageHeader } from "../../ui/PageHeader";
import { FurusatoNav } from "./components";
import { fm } from "./messages";
import { useFurusatoAccess, useSuppliers } from "./queries";
import { ShipmentBacklog } from "./ShipmentBacklog";
import { OverdueBadge, ShipmentStatusBadge, ShipTo, shipmentKeys, sm, TrackingText } from "./shipment-components";

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
        <ShipmentBacklog
          manager={manager}
          enabled={access.data !== undefined && !access.data.supplierId}
          requestError={request.error}
          onRequestAll={(supplierId) => request.mutateAsync({ supplierId })}
        />

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
