// The signed-in user and the CSRF token, kept in TanStack Query under ["session"].
import { type QueryClient, queryOptions, useQuery } from "@tanstack/react-query";
import { createContext, useContext } from "react";
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

/**
 * The signed-in user, handed down by the staff layout (`StaffLayout`), which renders its pages only while there is one.
 * Pages read it from the layout, not from the session query: at logout the query says "signed out" a moment before
 * the layout hears of it, and a page that re-rendered in that moment (the router's navigation to /login re-renders
 * the shell) found no user and threw.
 */
export const CurrentUserContext = createContext<SessionUser | null>(null);

/** The signed-in user on staff pages (inside the staff layout). */
export function useCurrentUser(): SessionUser {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error("useCurrentUser outside the signed-in area");
  return user;
}

/** Only same-site paths are accepted as a place to return to after login (no open redirect). */
export function safeNext(next: string | undefined | null): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/policy";
  if (next.startsWith("/login") || next.startsWith("/setup")) return "/policy";
  return next;
}
