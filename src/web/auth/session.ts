// The signed-in user and the CSRF token, kept in TanStack Query under ["session"].
import { type QueryClient, queryOptions, useQuery } from "@tanstack/react-query";
import type { ResponseOf } from "../../common/api/contract";
import { getSession, type SessionUser } from "../../common/api/platform";
import { call, setCsrfToken } from "../api/client";

export type SessionState = ResponseOf<typeof getSession>;

export const sessionQuery = queryOptions({
  queryKey: ["session"] as const,
  queryFn: async (): Promise<SessionState> => {
    const state = await call(getSession);
    setCsrfToken(state.csrfToken);
    return state;
  },
  staleTime: 5 * 60_000,
});

/** Stores a session answered by login, setup or password change (the CSRF token changes with it). */
export function applySession(queryClient: QueryClient, state: SessionState) {
  setCsrfToken(state.csrfToken);
  queryClient.setQueryData(sessionQuery.queryKey, state);
}

export function useSession() {
  return useQuery(sessionQuery);
}

/** The signed-in user on staff pages (the staff layout has already made sure there is one). */
export function useCurrentUser(): SessionUser {
  const { data } = useSession();
  if (!data?.user) throw new Error("useCurrentUser outside the signed-in area");
  return data.user;
}

/** Only same-site paths are accepted as a place to return to after login (no open redirect). */
export function safeNext(next: string | undefined | null): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/policy";
  if (next.startsWith("/login") || next.startsWith("/setup")) return "/policy";
  return next;
}
