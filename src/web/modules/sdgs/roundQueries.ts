// Server state of the 募集回と審査基準 pages (TanStack Query keys and hooks), and whether the signed-in person is one of
// the bureau's managers (the session's audiences name sdgs.manager).
import { useQuery } from "@tanstack/react-query";
import { getSdgsRound, listSdgsRounds } from "../../../common/api/sdgs-rounds";
import { call } from "../../api/client";
import { useSession } from "../../auth/session";

export const roundKeys = {
  all: ["sdgs", "rounds"] as const,
  list: () => ["sdgs", "rounds", "list"] as const,
  round: (id: string) => ["sdgs", "rounds", "one", id] as const,
};

export function useRounds() {
  return useQuery({ queryKey: roundKeys.list(), queryFn: () => call(listSdgsRounds) });
}

export function useRound(id: string) {
  return useQuery({ queryKey: roundKeys.round(id), queryFn: () => call(getSdgsRound, { params: { id } }) });
}

/** The signed-in person edits rounds (the bureau that runs the programme, or an administrator). */
export function useIsSdgsManager(): boolean {
  const session = useSession();
  return session.data?.audiences.includes("sdgs.manager") ?? false;
}
