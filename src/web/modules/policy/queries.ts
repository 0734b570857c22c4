// Server state of the policy module (TanStack Query keys and hooks in one place).
import { queryOptions, useQuery } from "@tanstack/react-query";
import { listOrganisations, type Organisation } from "../../../common/api/platform";
import { getChallenge, getDocument, getPublicChallenge, getPublicDocument, listStatuses } from "../../../common/api/policy";
import { call } from "../../api/client";

export const policyKeys = {
  all: ["policy"] as const,
  documents: (filter: object) => ["policy", "documents", filter] as const,
  document: (id: string) => ["policy", "document", id] as const,
  challenges: (filter: object) => ["policy", "challenges", filter] as const,
  challenge: (id: string) => ["policy", "challenge", id] as const,
  statuses: ["policy", "statuses"] as const,
  publicDocuments: ["public", "policy", "documents"] as const,
  publicDocument: (id: string) => ["public", "policy", "document", id] as const,
  publicChallenge: (id: string) => ["public", "policy", "challenge", id] as const,
};

export const organisationsQuery = queryOptions({
  queryKey: ["organisations"] as const,
  queryFn: () => call(listOrganisations),
  staleTime: 5 * 60_000,
});

export function useOrganisations() {
  return useQuery(organisationsQuery);
}

export function useStatuses(enabled = true) {
  return useQuery({ queryKey: policyKeys.statuses, queryFn: () => call(listStatuses), staleTime: 5 * 60_000, enabled });
}

export function useDocument(id: string) {
  return useQuery({ queryKey: policyKeys.document(id), queryFn: () => call(getDocument, { params: { id } }), enabled: id !== "" });
}

export function useChallenge(id: string) {
  return useQuery({ queryKey: policyKeys.challenge(id), queryFn: () => call(getChallenge, { params: { id } }) });
}

export function usePublicDocument(id: string) {
  return useQuery({ queryKey: policyKeys.publicDocument(id), queryFn: () => call(getPublicDocument, { params: { id } }) });
}

export function usePublicChallenge(id: string) {
  return useQuery({ queryKey: policyKeys.publicChallenge(id), queryFn: () => call(getPublicChallenge, { params: { id } }) });
}

/** "政策局 › 企画部 › 企画課" — the path of an organisation in the tree, for labels in selects. */
export function organisationPath(organisations: readonly Organisation[], id: string, stopAtKind: Organisation["kind"] = "bureau"): string {
  const byId = new Map(organisations.map((org) => [org.id, org]));
  const names: string[] = [];
  let current = byId.get(id);
  while (current) {
    names.unshift(current.name);
    if (current.kind === stopAtKind || current.kind === "municipality") break;
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return names.join(" › ");
}
