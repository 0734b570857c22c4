// Reading the donation ledger: filtered, sorted, paged lists and one donation with what followed it. The SQL (the
// filter and sort builder too) is in donations-repository.ts; who may see what is checked by the callers.
import type { Queryable } from "../../../db/database";
import * as repo from "./donations-repository";

export type { DonationFilter, DonationListRow, DonationPageRow } from "./donations-repository";

export async function findDonations(
  db: Queryable,
  filter: repo.DonationFilter,
  page: { page: number; pageSize: number; sort: string },
): Promise<{ rows: repo.DonationPageRow[]; total: number }> {
  // Side by side: on PostgreSQL the two round trips overlap (two pooled connections); PGlite runs them in turn.
  const [total, rows] = await Promise.all([repo.countDonations(db, filter), repo.findDonationPage(db, filter, page)]);
  return { rows, total };
}

/** Every matching donation, for an export (the caller checked the permission and audits it). */
export async function findAllDonations(db: Queryable, filter: repo.DonationFilter): Promise<repo.DonationListRow[]> {
  return repo.findAllDonationRows(db, filter);
}

export async function findDonation(db: Queryable, id: string) {
  const donation = await repo.findDonationRow(db, id);
  if (!donation) return null;
  const [items, shipments, oneStop, certificates] = await Promise.all([
    repo.findDonationItems(db, id),
    repo.findDonationShipments(db, id),
    repo.findDonationOneStop(db, id),
    repo.findDonationCertificates(db, id),
  ]);
  return { donation, items, shipments, oneStop, certificates };
}
