// Shared pieces of the 国際 screens: the module's sub-navigation, status badges, the sample mark, a labelled value,
// loading and empty states, and the yen input that groups digits.
import { type NativeSelectProps, Text, TextInput, type TextInputProps } from "@mantine/core";
import { useRouterState } from "@tanstack/react-router";
import type { ReactNode } from "react";
import {
  PROJECT_STATUS_LABELS,
  type ProjectStatus,
  type TIMELINE_KINDS,
  TRIP_STATUS_LABELS,
  type TripStatus,
} from "../../../common/api/international";
import { FiscalYearSelect } from "../../ui/FiscalYear";
import { ModuleNav, type ModuleNavLink } from "../../ui/ModuleNav";
import { StatusBadge, type StatusTone } from "../../ui/StatusBadge";
import { formatYenInput } from "./form-numbers";
import { gm } from "./groupMessages";
import { fiscalYearChoices } from "./labels";
import { im } from "./messages";
import { useInternationalAccess } from "./queries";

export { DetailField as Field } from "../../ui/DetailField";
export { Loading } from "../../ui/Loading";
export { SampleBadge } from "../../ui/SampleBadge";

/** 概要 / 事業 / 出張 / 相手先 / ワーキンググループ / 地図 / 集計, and for the bureau's editors 局の設定 and kintone 取込. */
export function InternationalNav() {
  const access = useInternationalAccess();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const under = (path: string) => pathname === path || pathname.startsWith(`${path}/`);
  const manager = access.data?.manager === true;
  const links: (ModuleNavLink & { show: boolean })[] = [
    { to: "/international", label: im.nav.home, active: pathname === "/international" || pathname === "/international/", show: true },
    { to: "/international/projects", label: im.nav.projects, active: under("/international/projects"), show: true },
    { to: "/international/trips", label: im.nav.trips, active: under("/international/trips"), show: true },
    { to: "/international/partners", label: im.nav.partners, active: under("/international/partners"), show: true },
    { to: "/international/groups", label: gm.navLabel, active: under("/international/groups"), show: true },
    { to: "/international/map", label: im.nav.map, active: under("/international/map"), show: true },
    { to: "/international/totals", label: im.nav.totals, active: under("/international/totals"), show: true },
    { to: "/international/settings", label: im.nav.settings, active: under("/international/settings"), show: manager },
    { to: "/international/kintone", label: im.nav.kintone, active: under("/international/kintone"), show: manager },
  ];
  return <ModuleNav label={im.nav.label} groups={[{ links: links.filter((link) => link.show) }]} />;
}

const PROJECT_TONES: Record<ProjectStatus, StatusTone> = { planned: "neutral", active: "good", ended: "done" };

export function ProjectStatusBadge({ status, size = "sm" }: { status: ProjectStatus; size?: "xs" | "sm" | "md" }) {
  return <StatusBadge label={PROJECT_STATUS_LABELS[status]} tone={PROJECT_TONES[status]} size={size} />;
}

const TRIP_TONES: Record<TripStatus, StatusTone> = {
  planned: "neutral",
  applied: "warning",
  approved: "done",
  travelling: "done",
  returned: "warning",
  reported: "done",
  settled: "done",
  completed: "good",
  cancelled: "neutral",
  changed: "warning",
};

export function TripStatusBadge({ status, size = "sm" }: { status: TripStatus; size?: "xs" | "sm" | "md" }) {
  return <StatusBadge label={TRIP_STATUS_LABELS[status]} tone={TRIP_TONES[status]} size={size} />;
}

/** 「報告期限超過」: the trip's report is past its due date and not filed. */
export function OverdueBadge({ size = "sm" }: { size?: "xs" | "sm" | "md" }) {
  return <StatusBadge label={im.status.overdue} tone="danger" size={size} />;
}

const KIND_TONES: Record<(typeof TIMELINE_KINDS)[number], StatusTone> = { project: "good", trip: "done", received: "warning" };

export function TimelineKindBadge({ kind }: { kind: (typeof TIMELINE_KINDS)[number] }) {
  return <StatusBadge label={im.partner.kinds[kind]} tone={KIND_TONES[kind]} size="sm" />;
}

export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <Text role="status" c="dimmed" py="sm">
      {children}
    </Text>
  );
}

/** A yen amount as staff type it (1234000, 1,234,000, full-width digits): the digits are grouped when the field is left. */
export function YenInput({
  value,
  onChange,
  ...rest
}: Omit<TextInputProps, "value" | "onChange"> & { value: string; onChange: (text: string) => void }) {
  return (
    <TextInput
      {...rest}
      value={value}
      inputMode="numeric"
      autoComplete="off"
      styles={{ input: { textAlign: "right" } }}
      onChange={(event) => onChange(event.currentTarget.value)}
      onBlur={(event) => {
        rest.onBlur?.(event);
        onChange(formatYenInput(value));
      }}
    />
  );
}

/**
 * A 年度 select over a string value (the form keeps the select's text): 令和6年度（2024年度） … with an empty first
 * option (「選んでください」 or 「（継続中・未定）」).
 */
export function FiscalYearField({
  value,
  onChange,
  emptyLabel,
  ...rest
}: Omit<NativeSelectProps, "value" | "onChange" | "data"> & { value: string; onChange: (value: string) => void; emptyLabel: string }) {
  const fy = value ? Number(value) : null;
  return (
    <FiscalYearSelect
      {...rest}
      value={fy}
      allLabel={emptyLabel}
      years={fiscalYearChoices(fy)}
      onChange={(next) => onChange(next === null ? "" : String(next))}
    />
  );
}

/** Moves the focus to an element once React has drawn it (the first input of a row just added). */
export function focusSoon(id: string) {
  window.setTimeout(() => document.getElementById(id)?.focus(), 0);
}
