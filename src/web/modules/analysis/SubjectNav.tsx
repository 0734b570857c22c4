// 経営分析's sub-navigation: the subjects (home), the peers, the follow-up actions and the comparison across subjects.
import { useRouterState } from "@tanstack/react-router";
import { ModuleNav, type ModuleNavPath } from "../../ui/ModuleNav";
import { sm } from "./subject-messages";

/** `peer`: the page is a peer's (its link is 比較団体, not 分析対象). */
export function AnalysisNav({ canManage, peer = false }: { canManage?: boolean; peer?: boolean }) {
  const path = useRouterState({ select: (s) => s.location.pathname });
  const onRecord = path.startsWith("/analysis/subjects") && path !== "/analysis/subjects/new";
  const onSubject = path === "/analysis" || (onRecord && !peer);
  const onPeers = path === "/analysis/peers" || (onRecord && peer);
  return (
    <ModuleNav
      label={sm.nav.label}
      groups={[
        {
          links: [
            { to: "/analysis" as ModuleNavPath, label: sm.nav.home, active: onSubject },
            { to: "/analysis/peers" as ModuleNavPath, label: sm.nav.peers, active: onPeers },
            { to: "/analysis/actions" as ModuleNavPath, label: sm.nav.actions, active: path.startsWith("/analysis/actions") },
            { to: "/analysis/comparison" as ModuleNavPath, label: sm.nav.comparison, active: path.startsWith("/analysis/comparison") },
            ...(canManage
              ? [{ to: "/analysis/subjects/new" as ModuleNavPath, label: sm.nav.create, active: path === "/analysis/subjects/new" }]
              : []),
          ],
        },
      ]}
    />
  );
}
