// Pieces the SDGsステーション's pages share: the station's menu, the SDGs goal check boxes (with the goals' names),
// the follow-up and matching status badges, and an event's date and time in 和暦.
import { Checkbox, SimpleGrid } from "@mantine/core";
import { useRouterState } from "@tanstack/react-router";
import { FOLLOW_UP_STATE_LABELS, type FollowUpState } from "../../../common/api/sdgs-station";
import { isoDateInJapan } from "../../../common/dates";
import { MATCHING_STATUS_LABELS, type MatchingStatus } from "../../../common/sdgs/labels";
import { SDG_GOALS } from "../../../common/sdgs/sdg-goals";
import { warekiOf } from "../../ui/dates";
import { ModuleNav } from "../../ui/ModuleNav";
import { StatusBadge, type StatusTone } from "../../ui/StatusBadge";
import { stm } from "./stationMessages";

export function StationNav() {
  const path = useRouterState({ select: (s) => s.location.pathname });
  const link = (to: string, label: string) => ({
    to: to as never,
    label,
    active: to === "/sdgs/station" ? path === to : path.startsWith(to),
  });
  return (
    <ModuleNav
      label={stm.nav.label}
      groups={[
        {
          links: [
            link("/sdgs/station", stm.nav.home),
            link("/sdgs/station/consultations", stm.nav.consultations),
            link("/sdgs/station/matchings", stm.nav.matchings),
            link("/sdgs/station/posts", stm.nav.posts),
            link("/sdgs/station/statistics", stm.nav.statistics),
          ],
        },
      ]}
    />
  );
}

export function GoalCheckboxes({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: number[];
  onChange: (goals: number[]) => void;
  error?: string;
}) {
  return (
    <Checkbox.Group
      label={label}
      value={value.map(String)}
      onChange={(next) => onChange(next.map(Number).sort((a, b) => a - b))}
      error={error}
    >
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing={6} verticalSpacing={6} mt={6}>
        {SDG_GOALS.map((name, i) => (
          <Checkbox key={name} value={String(i + 1)} label={`${i + 1}. ${name}`} size="sm" />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}

const FOLLOW_UP_TONES: Record<FollowUpState, StatusTone> = { none: "neutral", open: "warning", overdue: "danger", done: "done" };

export function FollowUpBadge({ state }: { state: FollowUpState }) {
  if (state === "none") return <span>{stm.dash}</span>;
  return <StatusBadge label={FOLLOW_UP_STATE_LABELS[state]} tone={FOLLOW_UP_TONES[state]} size="sm" />;
}

const MATCHING_TONES: Record<MatchingStatus, StatusTone> = {
  requested: "neutral",
  introduced: "warning",
  in_talks: "warning",
  matched: "good",
  not_matched: "danger",
  withdrawn: "done",
};

export function MatchingStatusBadge({ status }: { status: MatchingStatus }) {
  return <StatusBadge label={MATCHING_STATUS_LABELS[status]} tone={MATCHING_TONES[status]} size="sm" />;
}

/** HH:mm of an instant in Japan. */
export function timeInJapan(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 9 * 3600_000);
  return `${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")}`;
}

export function dateInJapan(iso: string): string {
  return isoDateInJapan(new Date(iso));
}

/** 令和8年12月15日 14:00〜16:00 (an event's date and time in Japan, in 和暦). */
export function eventWhen(startsAt: string | null, endsAt: string | null): string {
  if (!startsAt) return stm.dash;
  const start = `${warekiOf(dateInJapan(startsAt))} ${timeInJapan(startsAt)}`;
  if (!endsAt) return `${start}〜`;
  const sameDay = dateInJapan(startsAt) === dateInJapan(endsAt);
  return `${start}〜${sameDay ? "" : `${warekiOf(dateInJapan(endsAt))} `}${timeInJapan(endsAt)}`;
}
