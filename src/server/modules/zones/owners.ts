// The records of the zones module that others hang on: a proposal's stored files (documents and evidence, read by
// every member of staff as the proposal is) and its meetings (platform/meetings: 事前相談, WG, 区域会議 … read by
// staff, recorded by the zones managers).
import { can } from "../../platform/auth/permissions";
import type { FileOwnerKind } from "../../platform/files/files";
import type { FileReadRule } from "../../platform/files/owners";
import type { MeetingOwnerKind } from "../../platform/meetings/owners";
import { isZonesManager } from "./access";
import { findProposalTitle } from "./proposal-repository";

export const zonesFileOwners: readonly { kind: FileOwnerKind; rule: FileReadRule }[] = [
  { kind: "zones.proposal", rule: { canRead: async (_db, user) => can(user, "zones.read") } },
];

export const proposalMeetings: MeetingOwnerKind = {
  kind: "zones.proposal",
  label: "特区の提案",
  async describe(db, id) {
    const title = await findProposalTitle(db, id);
    return title === null ? null : { title, path: `/zones/proposals/${id}` };
  },
  canRead: async (_db, user) => can(user, "zones.read"),
  canManage: (db, user) => isZonesManager(db, user),
};
