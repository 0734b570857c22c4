// What the sidebar shows beside 国際 on every page: the overdue trip reports of the person's trips, division or (the
// bureau) of all divisions — issue 15 wants them flagged to the traveller and the bureau, wherever they are.
import type { NavAttention } from "../manifest";
import { im } from "./messages";
import { useOverdueReports } from "./queries";

export function useOverdueReportsAttention(): NavAttention | undefined {
  const count = useOverdueReports().data?.items.length ?? 0;
  return count > 0 ? { count, label: im.overdueAttention(count) } : undefined;
}
