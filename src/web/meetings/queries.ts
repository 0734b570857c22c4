// Server state of 会議 (TanStack Query): keys and hooks for the lists, one meeting and a record's meetings.
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type FollowupScope,
  getMeeting,
  listFollowups,
  listMeetings,
  listRecordMeetings,
  type MeetingDetail,
} from "../../common/api/meetings";
import type { MeetingKind } from "../../common/meetings/meeting-kinds";
import { call } from "../api/client";

export type MeetingSearch = {
  kind?: MeetingKind;
  ownerKind?: string;
  fiscalYear?: number;
  q?: string;
  sort?: "held_desc" | "held_asc" | "title";
  page?: number;
};

export const meetingKeys = {
  all: ["meetings"] as const,
  list: (search: MeetingSearch) => ["meetings", "list", search] as const,
  record: (ownerKind: string, ownerId: string) => ["meetings", "record", ownerKind, ownerId] as const,
  one: (id: string) => ["meetings", "one", id] as const,
  followups: (scope: FollowupScope, page: number) => ["meetings", "followups", scope, page] as const,
};

export function useMeetings(search: MeetingSearch) {
  return useQuery({
    queryKey: meetingKeys.list(search),
    queryFn: () => call(listMeetings, { query: { ...search, pageSize: 50 } as never }),
    placeholderData: keepPreviousData,
  });
}

export function useRecordMeetings(ownerKind: string, ownerId: string) {
  return useQuery({
    queryKey: meetingKeys.record(ownerKind, ownerId),
    queryFn: () => call(listRecordMeetings, { query: { ownerKind, ownerId } }),
  });
}

export function useMeeting(id: string) {
  return useQuery({ queryKey: meetingKeys.one(id), queryFn: () => call(getMeeting, { params: { id } }) });
}

export function useFollowups(scope: FollowupScope, page: number) {
  return useQuery({
    queryKey: meetingKeys.followups(scope, page),
    queryFn: () => call(listFollowups, { query: { scope, page, pageSize: 50 } }),
    placeholderData: keepPreviousData,
  });
}

/** After a write: the meeting's new state in the cache, every list refetched. */
export function useStoreMeeting() {
  const queryClient = useQueryClient();
  return (detail: MeetingDetail) => {
    queryClient.setQueryData(meetingKeys.one(detail.id), detail);
    void queryClient.invalidateQueries({ queryKey: ["meetings", "list"] });
    void queryClient.invalidateQueries({ queryKey: ["meetings", "record"] });
    void queryClient.invalidateQueries({ queryKey: ["meetings", "followups"] });
  };
}
