// The meetings of one record (a framework, a joint project, a 特区 proposal), embedded in that record's page.
// (Placeholder of the foundation: the meetings part replaces it with the list and the 会議を記録 button.)
export interface MeetingsSectionProps {
  /** the record's kind, as the server's meeting owners name it: "region.framework", "region.project", "zones.proposal" */
  ownerKind: string;
  ownerId: string;
}

export function MeetingsSection(_props: MeetingsSectionProps) {
  return null;
}
