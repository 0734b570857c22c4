// 進捗ステータス badge. Colours are fixed pairs with at least 4.5:1 contrast (Mantine's light badges fall short).
import { Badge } from "@mantine/core";
import type { PolicyStatus } from "../../common/api/policy";

export type StatusTone = PolicyStatus["tone"];

const TONES: Record<StatusTone, { bg: string; fg: string; bd: string }> = {
  neutral: { bg: "#f1f3f5", fg: "#343a40", bd: "#adb5bd" },
  good: { bg: "#e6f4ea", fg: "#1e5631", bd: "#8cc9a0" },
  warning: { bg: "#fff4d6", fg: "#6b3d00", bd: "#e0b44c" },
  danger: { bg: "#fdecec", fg: "#9b1c1c", bd: "#eea4a4" },
  done: { bg: "#e7eefc", fg: "#1c3f8f", bd: "#97b1e6" },
};

interface StatusBadgeProps {
  label: string | null | undefined;
  tone?: StatusTone;
  size?: "xs" | "sm" | "md" | "lg";
  /** text when there is no status */
  empty?: string;
}

export function StatusBadge({ label, tone = "neutral", size = "md", empty }: StatusBadgeProps) {
  if (!label) return empty ? <span className="yk-muted">{empty}</span> : null;
  const colours = TONES[tone];
  return (
    <Badge
      size={size}
      radius="sm"
      variant="outline"
      className="yk-status-badge"
      styles={{ root: { background: colours.bg, color: colours.fg, borderColor: colours.bd, textTransform: "none", fontWeight: 600 } }}
    >
      {label}
    </Badge>
  );
}

/** Looks up the tone of a status label in the configured list (unknown labels are neutral). */
export function toneOf(statuses: readonly PolicyStatus[] | undefined, label: string | null | undefined): StatusTone {
  if (!label || !statuses) return "neutral";
  return statuses.find((status) => status.label === label)?.tone ?? "neutral";
}
