// What the sidebar shows beside SDGs on every page: the applications waiting for 要件確認 (submitted), counted for
// the bureau's managers only (the session's audiences name sdgs.manager); other people see nothing.
import type { NavAttention } from "../manifest";
import { scm } from "./screeningMessages";
import { useWaitingForScreening } from "./screeningQueries";

export function useScreeningAttention(): NavAttention | undefined {
  const count = useWaitingForScreening().data?.total ?? 0;
  return count > 0 ? { count, label: scm.attention(count) } : undefined;
}
