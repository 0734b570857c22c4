// Pieces the curation screens share: their sub-navigation (掲載情報・取込・保留行), the status badges, the 市町 and
// dataset pickers, and the 元の行 table (the row as the 市町's file had it).
import { Badge, Group, NativeSelect, Table, Text } from "@mantine/core";
import { useRouterState } from "@tanstack/react-router";
import type { ReactNode } from "react";
import {
  ITEM_STATUS_LABELS,
  type ItemStatus,
  type OriginalRowView,
  PROBLEM_STATUS_LABELS,
  type ProblemStatus,
} from "../../../common/api/region-curation";
import { DATASET_KEYS, DATASETS, type DatasetKey } from "../../../common/region/datasets";
import { ModuleNav } from "../../ui/ModuleNav";
import { StatusBadge, type StatusTone } from "../../ui/StatusBadge";
import { cm } from "./curationMessages";
import { useCurationContext } from "./curationQueries";

/** The first breadcrumb: the module's home for staff; a 市町 editor's start page (their only way in) for them. */
export function useRegionCrumb(): { label: string; href: string } {
  const context = useCurationContext();
  return { label: cm.region, href: context.data?.scope.kind === "own" ? "/region/items" : "/region" };
}

export function CurationNav() {
  const path = useRouterState({ select: (s) => s.location.pathname });
  const link = (
    to: "/region/items" | "/region/imports" | "/region/problems" | "/region/opendata" | "/region/analytics",
    label: string,
  ) => ({
    to,
    label,
    active: path.startsWith(to),
  });
  return (
    <ModuleNav
      label={cm.nav.label}
      groups={[
        {
          links: [link("/region/items", cm.nav.items), link("/region/imports", cm.nav.imports), link("/region/problems", cm.nav.problems)],
        },
        // a 市町 editor's way to their own 市町's open data and visit counts (they have no region home page)
        { links: [link("/region/opendata", cm.nav.opendata), link("/region/analytics", cm.nav.analytics)] },
      ]}
    />
  );
}

const ITEM_TONES: Record<ItemStatus, StatusTone> = { draft: "warning", published: "good", withdrawn: "neutral" };
const PROBLEM_TONES: Record<ProblemStatus, StatusTone> = { open: "danger", fixed: "good", dismissed: "neutral" };

export function ItemStatusBadge({ status, size = "sm" }: { status: ItemStatus; size?: "xs" | "sm" | "md" }) {
  return <StatusBadge label={ITEM_STATUS_LABELS[status]} tone={ITEM_TONES[status]} size={size} />;
}

export function ProblemStatusBadge({ status, size = "sm" }: { status: ProblemStatus; size?: "xs" | "sm" | "md" }) {
  return <StatusBadge label={PROBLEM_STATUS_LABELS[status]} tone={PROBLEM_TONES[status]} size={size} />;
}

export function FeaturedBadge() {
  return (
    <Badge
      size="sm"
      variant="outline"
      styles={{ root: { color: "#7a3e00", borderColor: "#e0b44c", background: "#fff8e6", textTransform: "none" } }}
    >
      {cm.items.featured}
    </Badge>
  );
}

export const datasetLabel = (dataset: DatasetKey) => DATASETS[dataset].label;

export const DATASET_OPTIONS = DATASET_KEYS.map((key) => ({ value: key, label: DATASETS[key].label }));

/** A 市町 select: every 市町 for staff; a 市町 editor's own only (shown, not changeable). */
export function MunicipalitySelect({
  label,
  municipalities,
  value,
  onChange,
  allLabel,
  fixed,
  error,
  required,
  w,
}: {
  label: string;
  municipalities: { code: string; name: string }[];
  value: string;
  onChange: (code: string) => void;
  /** the "every 市町" choice of a filter; none for a form's field */
  allLabel?: string;
  /** a 市町 editor: their 市町 only */
  fixed?: { code: string; name: string };
  error?: ReactNode;
  required?: boolean;
  w?: number;
}) {
  const data = fixed
    ? [{ value: fixed.code, label: fixed.name }]
    : [
        ...(allLabel !== undefined ? [{ value: "", label: allLabel }] : [{ value: "", label: "選んでください" }]),
        ...municipalities.map((m) => ({ value: m.code, label: m.name })),
      ];
  return (
    <NativeSelect
      label={label}
      data={data}
      value={fixed ? fixed.code : value}
      disabled={Boolean(fixed)}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
      required={required}
      w={w}
    />
  );
}

/** The row as the 市町's file had it: each column of the file's header beside its value. */
export function OriginalRowTable({ original, caption }: { original: OriginalRowView; caption: string }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable for keyboard users.
    <section className="yk-table-scroll" tabIndex={0} aria-label={caption}>
      <Table withTableBorder striped fz="sm" layout="fixed">
        <caption className="yk-visually-hidden">{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w="40%">
              {cm.item.header}
            </Table.Th>
            <Table.Th scope="col">{cm.item.value}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {original.header.map((name, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a file's header may repeat a name; its position is the key
            <Table.Tr key={index}>
              <Table.Th scope="row" fw={500}>
                {name || (
                  <Text span c="dimmed">
                    （列名なし）
                  </Text>
                )}
              </Table.Th>
              <Table.Td style={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }}>{original.values[index] ?? ""}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}

/** A labelled figure of an import's result (取り込んだ 9 …). */
export function Figure({ label, value, tone }: { label: string; value: number; tone?: "warning" }) {
  return (
    <Group gap={6} align="baseline" wrap="nowrap">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg" c={tone === "warning" && value > 0 ? "#9b1c1c" : undefined}>
        {value.toLocaleString("ja-JP")}
      </Text>
    </Group>
  );
}
