// What a meeting belongs to. Meetings are one kind for every partner (a 広域連携 framework or joint project, a 特区
// proposal), so the platform keeps them, and the module that owns the record they belong to says what it is called,
// where its page is, and who may read and record its meetings. A kind nobody registered is read by nobody.
import type { Queryable } from "../../db/database";
import type { Principal } from "../auth/permissions";

export interface MeetingOwnerKind {
  /** stored in meetings.owner_kind: "region.framework", "region.project", "zones.proposal" */
  kind: string;
  /** Japanese name of the kind of record (連携の枠組み, 連携事業, 特区の提案) */
  label: string;
  /** the record's title and its page on the web, or null when there is no such record */
  describe(db: Queryable, ownerId: string): Promise<{ title: string; path: string } | null>;
  /** may this user see the record's meetings (and their follow-ups) */
  canRead(db: Queryable, user: Principal, ownerId: string): Promise<boolean>;
  /** may this user record, edit and delete the record's meetings */
  canManage(db: Queryable, user: Principal, ownerId: string): Promise<boolean>;
}

const kinds = new Map<string, MeetingOwnerKind>();

/** The owning module registers its kinds through its manifest (modules/index.ts). */
export function registerMeetingOwnerKind(owner: MeetingOwnerKind): () => void {
  kinds.set(owner.kind, owner);
  return () => kinds.delete(owner.kind);
}

export function meetingOwnerKind(kind: string): MeetingOwnerKind | undefined {
  return kinds.get(kind);
}

export function meetingOwnerKinds(): MeetingOwnerKind[] {
  return [...kinds.values()];
}
