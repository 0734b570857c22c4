// Shared pieces of the 新ビジョン screens: the module's sub-navigation, grade badges, the plan and round pickers,
// loading and empty states, and number parsing for the forms.
import { NativeSelect, Text } from "@mantine/core";
import { useRouter, useRouterState } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { ROUND_STATUS_LABELS, type RoundSummary, STATUS_RATINGS } from "../../../common/api/vision";
import { earlierYearNote } from "../../../common/vision/grading";
import { toNumberInput } from "../../../common/zod-japanese";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { ModuleNav, type ModuleNavLink } from "../../ui/ModuleNav";
import { PageHeader } from "../../ui/PageHeader";
import { StatusBadge, type StatusTone } from "../../ui/StatusBadge";
import { vm } from "./messages";

export { DetailField as Field } from "../../ui/DetailField";
export { Loading } from "../../ui/Loading";
export { SampleBadge } from "../../ui/SampleBadge";

/** ダッシュボード / 施策体系 / 更新が必要な指標 / 報告ラウンド / 評価ルール (+ the engagement pages when their routes exist). */
export function VisionNav() {
  const router = useRouter();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const registered = (path: string) => path in (router.routesByPath as Record<string, unknown>);
  const links: (ModuleNavLink & { show: boolean })[] = [
    { to: "/vision", label: vm.nav.dashboard, active: pathname === "/vision" || pathname === "/vision/", show: true },
    {
      to: "/vision/plan",
      label: vm.nav.plan,
      active: pathname.startsWith("/vision/plan") || pathname.startsWith("/vision/nodes") || pathname.startsWith("/vision/indicators"),
      show: true,
    },
    { to: "/vision/todo", label: vm.nav.todo, active: pathname.startsWith("/vision/todo"), show: true },
    { to: "/vision/rounds", label: vm.nav.rounds, active: pathname.startsWith("/vision/rounds"), show: true },
    { to: "/vision/rule", label: vm.nav.rule, active: pathname.startsWith("/vision/rule"), show: true },
    { to: "/vision/council", label: vm.nav.council, active: pathname.startsWith("/vision/council"), show: registered("/vision/council") },
    {
      to: "/vision/declarations",
      label: vm.nav.declarations,
      active: pathname.startsWith("/vision/declarations"),
      show: registered("/vision/declarations"),
    },
    {
      to: "/vision/outreach",
      label: vm.nav.outreach,
      active: pathname.startsWith("/vision/outreach"),
      show: registered("/vision/outreach"),
    },
  ];
  return <ModuleNav label={vm.nav.label} groups={[{ links: links.filter((link) => link.show) }]} />;
}

const STATUS_SET = new Set<string>(STATUS_RATINGS);

export function isStatusGrade(grade: string): boolean {
  return STATUS_SET.has(grade);
}

export function gradeTone(grade: string | null | undefined): StatusTone {
  switch (grade) {
    case "A":
    case "順調":
    case "完了":
      return "good";
    case "B":
      return "done";
    case "C":
    case "一部遅れ":
      return "warning";
    case "D":
    case "大幅遅れ":
      return "danger";
    default:
      return "neutral";
  }
}

/**
 * 「令和6年度の値で評価」 beside a grade made from an earlier 年度's value than its round's (the grade rule's
 * 「直近の値で評価し、使った年度を表示」); nothing when the round's own value was used.
 */
export function EarlierYearNote({ fiscalYear }: { fiscalYear: number | null | undefined }) {
  if (fiscalYear === null || fiscalYear === undefined) return null;
  return (
    <Text span size="xs" c="#8a4b00" fw={600} data-testid="earlier-year-note" style={{ whiteSpace: "nowrap" }}>
      {earlierYearNote(fiscalYear)}
    </Text>
  );
}

/** 評価 A/B/C/D or a status rating; 未評価 when there is none. The text carries the meaning, not the colour. */
export function GradeBadge({
  grade,
  size = "md",
  label,
}: {
  grade: string | null | undefined;
  size?: "xs" | "sm" | "md" | "lg";
  label?: string;
}) {
  return <StatusBadge label={label ?? grade ?? vm.grade.none} tone={grade ? gradeTone(grade) : "neutral"} size={size} />;
}

/** The page of a record of the plan (施策, 指標) that could not be loaded: its heading, the way back, and why. */
export function PlanRecordError({ title, error }: { title: string; error: unknown }) {
  return (
    <>
      <PageHeader
        title={title}
        breadcrumbs={[
          { label: vm.moduleName, href: "/vision" },
          { label: vm.plan.title, href: "/vision/plan" },
        ]}
      />
      <VisionNav />
      <ErrorAlert error={error} />
    </>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <Text role="status" c="dimmed" py="md">
      {children}
    </Text>
  );
}

/** A select of the rounds of a plan (whose grades to show). */
export function RoundPicker({
  rounds,
  value,
  onChange,
}: {
  rounds: readonly RoundSummary[];
  value: string | null;
  onChange: (id: string) => void;
}) {
  const data =
    rounds.length === 0
      ? [{ value: "", label: vm.noRoundOption }]
      : [...rounds]
          .sort((a, b) => b.asOf.localeCompare(a.asOf))
          .map((r) => ({ value: r.id, label: vm.roundOption(r.name, ROUND_STATUS_LABELS[r.status]) }));
  return (
    <NativeSelect
      label={vm.roundSelect}
      value={value ?? ""}
      data={data}
      disabled={rounds.length === 0}
      onChange={(event) => onChange(event.currentTarget.value)}
      w={{ base: "100%", sm: 320 }}
    />
  );
}

/** A select of the plans when there is more than one. */
export function PlanPicker({
  plans,
  value,
  onChange,
}: {
  plans: readonly { id: string; name: string }[];
  value: string | null;
  onChange: (id: string) => void;
}) {
  if (plans.length < 2) return null;
  return (
    <NativeSelect
      label={vm.planSelect}
      value={value ?? ""}
      data={plans.map((p) => ({ value: p.id, label: p.name }))}
      onChange={(event) => onChange(event.currentTarget.value)}
      w={{ base: "100%", sm: 320 }}
    />
  );
}

/** "1,234" / "１２３４" / "" → number | null | undefined (undefined: not a number). */
export function parseNumberText(text: string): number | null | undefined {
  const value = toNumberInput(text);
  if (value === undefined) return null;
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

export function numberText(n: number | null | undefined): string {
  return n === null || n === undefined ? "" : String(n);
}

/** Turns zod issues into a flat { "path.to.field": message } map (the first message of each field). */
export function issuesToFields(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".");
    out[key] ??= issue.message;
  }
  return out;
}

/** The JSON body schema of a contract (every write contract has one). */
export function bodyOf<B>(contract: { body?: B }): B {
  if (!contract.body) throw new Error("contract without a body");
  return contract.body;
}

/** Days from today (local) to an ISO date: 0 today, negative when past. */
export function daysUntil(iso: string): number {
  const now = new Date();
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  const target = Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
  return Math.round((target - today) / 86_400_000);
}
