// The public 国際 pages' own navigation: 国際交流・国際協力の事業 and 海外出張の報告, as real links (the current one
// carries aria-current="page"), on top of both lists.
import { ModuleNav } from "../../ui/ModuleNav";
import { ptm } from "./publicTripMessages";

export function PublicInternationalTabs({ current }: { current: "projects" | "trip-reports" }) {
  return (
    <ModuleNav
      label={ptm.tabsLabel}
      groups={[
        {
          links: [
            { to: "/public/international", label: ptm.projectsTab, active: current === "projects" },
            { to: "/public/international/trip-reports", label: ptm.title, active: current === "trip-reports" },
          ],
        },
      ]}
    />
  );
}
