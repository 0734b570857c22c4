// Server state of 審査会・認証 (committee meetings, decisions, certifications, revocation, report acceptance).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { BodyOf, QueryOf } from "../../../common/api/contract";
import {
  acceptProgressReport,
  createCommitteeMeeting,
  decideApplication,
  getCertification,
  getCommitteeMeeting,
  listCertifications,
  listCommitteeMeetings,
  revokeCertification,
  updateCommitteeMeeting,
} from "../../../common/api/sdgs-certification";
import { call } from "../../api/client";

export const certificationKeys = {
  meetings: (roundId: string | undefined) => ["sdgs", "committee", "list", roundId ?? null] as const,
  meeting: (id: string) => ["sdgs", "committee", id] as const,
  certifications: (query: object) => ["sdgs", "certifications", "list", query] as const,
  certification: (id: string) => ["sdgs", "certifications", id] as const,
};

export function useMeetings(roundId: string | undefined) {
  return useQuery({ queryKey: certificationKeys.meetings(roundId), queryFn: () => call(listCommitteeMeetings, { query: { roundId } }) });
}

export function useMeeting(id: string) {
  return useQuery({ queryKey: certificationKeys.meeting(id), queryFn: () => call(getCommitteeMeeting, { params: { id } }) });
}

export function useCreateMeeting() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof createCommitteeMeeting>) => call(createCommitteeMeeting, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["sdgs", "committee"] }),
  });
}

export function useUpdateMeeting(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof updateCommitteeMeeting>) => call(updateCommitteeMeeting, { params: { id }, body }),
    onSuccess: (detail) => {
      client.setQueryData(certificationKeys.meeting(id), detail);
      return client.invalidateQueries({ queryKey: ["sdgs", "committee", "list"] });
    },
  });
}

export function useDecide(meetingId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof decideApplication>) => call(decideApplication, { params: { id: meetingId }, body }),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ["sdgs", "committee"] }),
        client.invalidateQueries({ queryKey: ["sdgs", "certifications"] }),
        client.invalidateQueries({ queryKey: ["sdgs", "applications"] }),
      ]),
  });
}

export function useCertifications(query: QueryOf<typeof listCertifications>) {
  return useQuery({
    queryKey: certificationKeys.certifications(query),
    queryFn: () => call(listCertifications, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useCertification(id: string) {
  return useQuery({ queryKey: certificationKeys.certification(id), queryFn: () => call(getCertification, { params: { id } }) });
}

export function useRevoke(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof revokeCertification>) => call(revokeCertification, { params: { id }, body }),
    onSuccess: (detail) => {
      client.setQueryData(certificationKeys.certification(id), detail);
      return client.invalidateQueries({ queryKey: ["sdgs", "certifications", "list"] });
    },
  });
}

export function useAcceptReport(certificationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; version: number }) =>
      call(acceptProgressReport, { params: { id: input.id }, body: { version: input.version } }),
    onSuccess: () => client.invalidateQueries({ queryKey: certificationKeys.certification(certificationId) }),
  });
}
