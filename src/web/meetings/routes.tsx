// The meetings pages under the staff layout: /meetings (会議一覧), /meetings/followups (宿題), /meetings/new (from a
// record's page), /meetings/$id and /meetings/$id/edit. Every page is a lazy chunk. router.tsx spreads these into the
// staff layout's children.
import { createRoute, lazyRouteComponent, useParams, useSearch } from "@tanstack/react-router";
import { FOLLOWUP_SCOPES, type FollowupScope, MEETING_SORTS } from "../../common/api/meetings";
import { MEETING_KINDS, type MeetingKind } from "../../common/meetings/meeting-kinds";
import { fiscalYearSearch, text, withPage } from "../modules/route-helpers";
import type { Layouts } from "../shell/layouts";
import type { MeetingSearch } from "./queries";

const MeetingsPage = lazyRouteComponent(() => import("./MeetingsPage"), "MeetingsPage");
const FollowupsPage = lazyRouteComponent(() => import("./FollowupsPage"), "FollowupsPage");
const MeetingPage = lazyRouteComponent(() => import("./MeetingPage"), "MeetingPage");
const NewMeetingPage = lazyRouteComponent(() => import("./MeetingFormPage"), "NewMeetingPage");
const RecordMeetingsPage = lazyRouteComponent(() => import("./RecordMeetingsPage"), "RecordMeetingsPage");
const EditMeetingPage = lazyRouteComponent(() => import("./MeetingFormPage"), "EditMeetingPage");

const pageOf = (value: unknown) => {
  const page = Number(value);
  return Number.isInteger(page) && page > 1 ? page : undefined;
};

const MeetingsRoute = withPage(MeetingsPage, function MeetingsRoute() {
  return <MeetingsPage search={useSearch({ strict: false }) as MeetingSearch} />;
});
const FollowupsRoute = withPage(FollowupsPage, function FollowupsRoute() {
  const search = useSearch({ strict: false }) as { scope?: FollowupScope; page?: number };
  return <FollowupsPage scope={search.scope ?? "open"} page={search.page ?? 1} />;
});
const NewMeetingRoute = withPage(NewMeetingPage, function NewMeetingRoute() {
  const search = useSearch({ strict: false }) as { ownerKind?: string; ownerId?: string };
  return <NewMeetingPage ownerKind={search.ownerKind} ownerId={search.ownerId} />;
});
const MeetingRoute = withPage(MeetingPage, function MeetingRoute() {
  const { id } = useParams({ strict: false }) as { id: string };
  return <MeetingPage key={id} id={id} />;
});
const EditMeetingRoute = withPage(EditMeetingPage, function EditMeetingRoute() {
  const { id } = useParams({ strict: false }) as { id: string };
  return <EditMeetingPage key={id} id={id} />;
});
const RecordMeetingsRoute = withPage(RecordMeetingsPage, function RecordMeetingsRoute() {
  const { ownerKind, ownerId } = useParams({ strict: false }) as { ownerKind: string; ownerId: string };
  return <RecordMeetingsPage key={`${ownerKind}/${ownerId}`} ownerKind={ownerKind} ownerId={ownerId} />;
});

export function meetingRoutes(layouts: Layouts) {
  const staff = layouts.staff;
  const listRoute = createRoute({
    getParentRoute: () => staff,
    path: "meetings",
    validateSearch: (search: Record<string, unknown>): MeetingSearch => {
      const kind = text(search.kind);
      const sort = text(search.sort);
      return {
        kind: kind && (MEETING_KINDS as readonly string[]).includes(kind) ? (kind as MeetingKind) : undefined,
        ownerKind: text(search.ownerKind),
        ...fiscalYearSearch(search),
        q: text(search.q),
        sort: sort && (MEETING_SORTS as readonly string[]).includes(sort) ? (sort as MeetingSearch["sort"]) : undefined,
        page: pageOf(search.page),
      };
    },
    component: MeetingsRoute,
  });
  const followupsRoute = createRoute({
    getParentRoute: () => staff,
    path: "meetings/followups",
    validateSearch: (search: Record<string, unknown>): { scope?: FollowupScope; page?: number } => {
      const scope = text(search.scope);
      return {
        scope: scope && (FOLLOWUP_SCOPES as readonly string[]).includes(scope) ? (scope as FollowupScope) : undefined,
        page: pageOf(search.page),
      };
    },
    component: FollowupsRoute,
  });
  const newRoute = createRoute({
    getParentRoute: () => staff,
    path: "meetings/new",
    validateSearch: (search: Record<string, unknown>): { ownerKind?: string; ownerId?: string } => ({
      ownerKind: text(search.ownerKind),
      ownerId: text(search.ownerId),
    }),
    component: NewMeetingRoute,
  });
  const meetingRoute = createRoute({
    getParentRoute: () => staff,
    path: "meetings/$id",
    component: MeetingRoute,
  });
  const editRoute = createRoute({
    getParentRoute: () => staff,
    path: "meetings/$id/edit",
    component: EditMeetingRoute,
  });
  const recordRoute = createRoute({
    getParentRoute: () => staff,
    path: "meetings/of/$ownerKind/$ownerId",
    component: RecordMeetingsRoute,
  });
  return [listRoute, followupsRoute, newRoute, recordRoute, meetingRoute, editRoute] as const;
}
