// /furusato/my-shipments 「出荷」 (返礼品提供事業者): the shipments the city asked this supplier to send, with the
// ship-to and the 発送期限; for each, the 発送予定日, 配送業者 and 伝票番号 and 「発送済みにする」. The form checks the
// tracking number with the same rule as the API; a change made meanwhile by someone else is reported, not overwritten.
import { Anchor, Button, Checkbox, Group, NativeSelect, Paper, SegmentedControl, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import {
  CARRIERS,
  type Carrier,
  exportShipments,
  listShipments,
  type Shipment,
  trackingNumberProblem,
  updateShipment,
} from "../../../common/api/furusato-followup";
import { parseJapaneseDate } from "../../../common/dates";
import { call, urlFor } from "../../api/client";
import { m } from "../../messages";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateText, warekiOf } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { useFlash } from "../../ui/Flash";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { PageHeader } from "../../ui/PageHeader";
import { FurusatoNav, NotForThisLogin } from "./components";
import { fm } from "./messages";
import { useFurusatoAccess } from "./queries";
import { OverdueBadge, ShipmentStatusBadge, ShipTo, shipmentKeys, sm, TrackingText } from "./shipment-components";

const t = {
  title: "出荷（発送のご依頼）",
  intro:
    "市からご依頼した返礼品の発送をお願いします。発送予定日・配送業者・伝票番号を入力し、発送したら「発送済みにする」を押してください。",
  show: "表示する出荷",
  open: "発送待ち",
  sent: "発送済み",
  caption: "ご依頼の出荷",
  empty: "発送待ちのご依頼はありません。",
  emptySent: "発送済みの出荷はまだありません。",
  edit: "入力",
  carrier: "配送業者",
  carrierNone: "選んでください",
  trackingNumber: "伝票番号",
  trackingHelp: "半角数字とハイフン（ヤマト運輸・佐川急便・日本郵便は数字10〜14桁）",
  shipped: "発送済みにする",
  shippedOn: "発送日",
  shippedOnHelp: "空欄なら今日の日付になります。",
  save: "保存",
  saved: (order: string) => `受付番号 ${order} の出荷を保存しました。`,
  conflict: "ほかの人が先にこの出荷を更新しました。最新の内容を読み込みました。もう一度入力してください。",
  csv: "発送待ちのご依頼を CSV（Excel 用）でダウンロード",
  csvHelp: "お届け先の個人情報を含みます。発送の目的以外に使わず、作業後は削除してください。",
  formLabel: (order: string) => `受付番号 ${order} の発送の入力`,
};

export function SupplierShipmentsPage() {
  const access = useFurusatoAccess();
  const [view, setView] = useState<"依頼済" | "発送済">("依頼済");
  const [page, setPage] = useState(1);
  const query = { status: view, sort: "dueOn" as const, order: "asc" as const, page, pageSize: 50 };
  const shipments = useQuery({
    queryKey: shipmentKeys.list(query),
    queryFn: () => call(listShipments, { query }),
    placeholderData: keepPreviousData,
    enabled: Boolean(access.data?.supplierId),
  });
  const breadcrumbs = [{ label: fm.moduleName, href: "/furusato" }, { label: t.title }];
  if (access.data && !access.data.supplierId) {
    return <NotForThisLogin title={t.title} breadcrumbs={breadcrumbs} message={sm.shipToHidden} />;
  }
  const columns: Column<Shipment>[] = [
    {
      key: "order",
      header: sm.orderNumber,
      rowHeader: true,
      nowrap: true,
      render: (s) => <span className="yk-code">{s.orderNumber}</span>,
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
    { key: "shipTo", header: sm.shipTo, render: (s) => <ShipTo shipment={s} /> },
    {
      key: "dueOn",
      header: sm.dueOn,
      nowrap: true,
      render: (s) => (
        <Stack gap={2}>
          <DateText iso={s.dueOn} western="title" />
          {s.overdue && <OverdueBadge />}
        </Stack>
      ),
    },
    { key: "plannedOn", header: sm.plannedOn, nowrap: true, render: (s) => <DateText iso={s.plannedOn} western="title" /> },
    { key: "tracking", header: sm.tracking, render: (s) => <TrackingText shipment={s} /> },
    { key: "status", header: sm.status, nowrap: true, render: (s) => <ShipmentStatusBadge status={s.status} /> },
  ];
  return (
    <>
      <PageHeader title={t.title} breadcrumbs={breadcrumbs} subtitle={t.intro} />
      <FurusatoNav />
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap" align="flex-end">
          <Stack gap={4}>
            <Text size="sm" fw={600} id="shipment-view-label">
              {t.show}
            </Text>
            <SegmentedControl
              aria-labelledby="shipment-view-label"
              value={view}
              onChange={(value) => {
                setView(value as "依頼済" | "発送済");
                setPage(1);
              }}
              data={[
                { value: "依頼済", label: t.open },
                { value: "発送済", label: t.sent },
              ]}
            />
          </Stack>
          <Stack gap={0} maw={420}>
            <Anchor href={urlFor(exportShipments, { query: { status: "依頼済" } })} download size="sm">
              {t.csv}
            </Anchor>
            <Text size="xs" c="dimmed">
              {t.csvHelp}
            </Text>
          </Stack>
        </Group>
        <DataTable
          caption={t.caption}
          columns={columns}
          rows={shipments.data?.items}
          rowKey={(s) => s.id}
          loading={shipments.isFetching && !shipments.data}
          error={shipments.error ?? access.error}
          paging={shipments.data ? { page, pageSize: 50, total: shipments.data.total, onPageChange: setPage } : undefined}
          empty={view === "依頼済" ? t.empty : t.emptySent}
          renderDetail={(s) => <ShipmentForm key={`${s.id}-${s.version}`} shipment={s} />}
          minWidth={960}
        />
      </Stack>
    </>
  );
}

interface ShipmentValues {
  plannedOn: string;
  carrier: Carrier | "";
  trackingNumber: string;
  shipped: boolean;
  shippedOn: string;
}

const carrierRequired = "発送済みにするには配送業者を選んでください。";

function shipmentValues(shipment: Shipment): ShipmentValues {
  return {
    plannedOn: shipment.plannedOn ? warekiOf(shipment.plannedOn) : "",
    carrier: (CARRIERS as readonly string[]).includes(shipment.carrier) ? (shipment.carrier as Carrier) : "",
    trackingNumber: shipment.trackingNumber,
    shipped: shipment.status === "発送済",
    shippedOn: shipment.shippedOn ? warekiOf(shipment.shippedOn) : "",
  };
}

function shipmentErrors(values: ShipmentValues): Record<string, string> {
  const errors: Record<string, string> = {};
  const tracking = trackingNumberProblem(values.carrier, values.trackingNumber);
  if (tracking) errors.trackingNumber = tracking;
  if (values.shipped && values.carrier === "") errors.carrier = carrierRequired;
  if (values.plannedOn.trim() && !parseJapaneseDate(values.plannedOn)) errors.plannedOn = m.date.invalid;
  if (values.shippedOn.trim() && !parseJapaneseDate(values.shippedOn)) errors.shippedOn = m.date.invalid;
  return errors;
}

function ShipmentForm({ shipment }: { shipment: Shipment }) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const form = useForm<ShipmentValues>({ initialValues: shipmentValues(shipment), validate: shipmentErrors });
  // Once the tracking number was left or a save tried, its rule (and the carrier's) follow the fields as they change.
  const [touched, setTouched] = useState(false);
  const save = useMutation({
    mutationFn: (values: ShipmentValues) =>
      call(updateShipment, {
        params: { id: shipment.id },
        body: {
          version: shipment.version,
          plannedOn: values.plannedOn.trim() || null,
          carrier: values.carrier,
          trackingNumber: values.trackingNumber,
          shipped: values.shipped,
          shippedOn: values.shipped && values.shippedOn.trim() ? values.shippedOn : null,
        },
      }),
    onSuccess: () => {
      flash.show(t.saved(shipment.orderNumber));
      queryClient.invalidateQueries({ queryKey: shipmentKeys.all });
    },
    onError: () => queryClient.invalidateQueries({ queryKey: shipmentKeys.all }),
  });
  const { carrier, trackingNumber, shipped } = form.values;
  const trackingError = touched ? trackingNumberProblem(carrier, trackingNumber) : null;
  const carrierError = touched && shipped && carrier === "" ? carrierRequired : null;
  const saveValues = form.onSubmit((values) => save.mutate(values));
  function submit(event: FormEvent<HTMLFormElement>) {
    setTouched(true);
    saveValues(event);
  }

  const base = `shipment-${shipment.id}`;
  return (
    <Paper component="form" onSubmit={submit} p="sm" aria-label={t.formLabel(shipment.orderNumber)} noValidate>
      <Stack gap="sm">
        <Group align="flex-start" wrap="wrap" gap="md">
          <JapaneseDateInput
            id={`${base}-planned`}
            label={sm.plannedOn}
            {...form.getInputProps("plannedOn")}
            value={form.values.plannedOn}
            w={240}
          />
          <NativeSelect
            id={`${base}-carrier`}
            label={t.carrier}
            {...form.getInputProps("carrier")}
            data={[{ value: "", label: t.carrierNone }, ...CARRIERS.map((c) => ({ value: c, label: c }))]}
            error={carrierError}
            w={200}
          />
          <TextInput
            id={`${base}-tracking`}
            label={t.trackingNumber}
            description={t.trackingHelp}
            {...form.getInputProps("trackingNumber")}
            onBlur={() => setTouched(true)}
            error={trackingError}
            inputMode="numeric"
            autoComplete="off"
            w={260}
          />
        </Group>
        <Group align="flex-start" wrap="wrap" gap="md">
          <Checkbox
            id={`${base}-shipped`}
            label={t.shipped}
            {...form.getInputProps("shipped", { type: "checkbox" })}
            disabled={shipment.status === "発送済"}
            mt={28}
          />
          {shipped && (
            <JapaneseDateInput
              id={`${base}-shipped-on`}
              label={t.shippedOn}
              description={t.shippedOnHelp}
              {...form.getInputProps("shippedOn")}
              value={form.values.shippedOn}
              w={240}
            />
          )}
        </Group>
        <ErrorAlert
          error={save.error}
          conflictMessage={t.conflict}
          fieldLabels={{ plannedOn: sm.plannedOn, carrier: t.carrier, trackingNumber: t.trackingNumber, shippedOn: t.shippedOn }}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t.save}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
