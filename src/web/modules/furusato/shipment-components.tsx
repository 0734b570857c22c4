// What the staff's and the supplier's shipment screens share (ShipmentsPage.tsx, SupplierShipmentsPage.tsx): their
// Japanese text, the status badges, the query keys, the ship-to and the tracking text.
import { Stack, Text } from "@mantine/core";
import type { Shipment } from "../../../common/api/furusato-followup";
import type { ShipmentStatus } from "../../../common/furusato/donation";
import { StatusBadge, type StatusTone } from "../../ui/StatusBadge";
import { fm } from "./messages";

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
