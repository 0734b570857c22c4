// Parts the 特区 pages share: the module's sub-navigation and the state badge (a request waiting for its answer stands
// out; the end states read as ended).
import { useRouterState } from "@tanstack/react-router";
import { isEndState, type ProposalState } from "../../../common/zones/proposal-states";
import { ModuleNav } from "../../ui/ModuleNav";
import { StatusBadge, type StatusTone } from "../../ui/StatusBadge";
import { zm } from "./messages";

export function ZonesNav({ canManage }: { canManage?: boolean }) {
  const path = useRouterState({ select: (s) => s.location.pathname });
  const onProposal = path.startsWith("/zones/proposals") && path !== "/zones/proposals/new";
  return (
    <ModuleNav
      label={zm.nav.label}
      groups={[
        {
          links: [
            { to: "/zones", label: zm.nav.pipeline, active: path === "/zones" },
            { to: "/zones/proposals", label: zm.nav.proposals, active: onProposal },
            ...(canManage ? [{ to: "/zones/proposals/new" as const, label: zm.nav.create, active: path === "/zones/proposals/new" }] : []),
          ],
        },
      ]}
    />
  );
}

export function stateTone(state: ProposalState): StatusTone {
  if (state === "request" || state === "re_request") return "warning";
  if (state === "rejected") return "danger";
  if (state === "resolved") return "done";
  if (isEndState(state)) return "neutral";
  if (state === "policy" || state === "legal_measure" || state === "zone_plan" || state === "certification") return "good";
  if (state === "implementation" || state === "evaluation") return "good";
  return "neutral";
}

/** The state as a badge, its label as the server words it (第2回検討要請（再検討要請） …). */
export function StateBadge({ state, label, size = "sm" }: { state: ProposalState; label: string; size?: "xs" | "sm" | "md" | "lg" }) {
  return <StatusBadge label={label} tone={stateTone(state)} size={size} />;
}
