// The organisation tree as the options of a select, for every form that asks for an organisation.
import { ORGANISATION_KIND_LABELS, type Organisation } from "../../common/api/platform";

/** Organisations in tree order with their path, for selects ("政策局 › 企画課"). */
export function organisationOptions(organisations: readonly Organisation[]): { value: string; label: string }[] {
  const children = new Map<string | null, Organisation[]>();
  for (const org of organisations) {
    const list = children.get(org.parentId) ?? [];
    list.push(org);
    children.set(org.parentId, list);
  }
  const ids = new Set(organisations.map((o) => o.id));
  const roots = organisations.filter((o) => o.parentId === null || !ids.has(o.parentId));
  const out: { value: string; label: string }[] = [];
  const visit = (org: Organisation, depth: number) => {
    out.push({ value: org.id, label: `${"　".repeat(depth)}${org.name}（${ORGANISATION_KIND_LABELS[org.kind]}）` });
    for (const child of (children.get(org.id) ?? []).sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, "ja")))
      visit(child, depth + 1);
  };
  for (const root of roots.sort((a, b) => a.sortOrder - b.sortOrder)) visit(root, 0);
  return out;
}
