// What the screening part makes searchable (cross-module search, platform/search): each submitted application (not
// a draft, which is the company's own) for the city's staff — title: the company and the round; body: 状態, 種別,
// フリガナ, 法人番号 and the summary. Applications are staff-only: the entry's visibility is "staff" and the type is
// restricted to readers with sdgs.read, so a partner login (a company, a bank, a reviewer) never sees a hit.
import { APPLICATION_STATUS_LABELS } from "../../../common/sdgs/application-states";
import { APPLICATION_KIND_LABELS } from "../../../common/sdgs/labels";
import type { Db, Queryable } from "../../db/database";
import { can, type Principal } from "../../platform/auth/permissions";
import {
  clearRecords,
  indexRecords,
  removeRecords,
  type SearchModule,
  type SearchReadCheck,
  type SearchRecord,
} from "../../platform/search/search";
import { type ApplicationEntryRow, findApplicationEntries } from "./screening-repository";

const MODULE = "sdgs";
const ENTITY = "application";
const CHUNK = 1000;

function applicationRecord(row: ApplicationEntryRow): SearchRecord {
  return {
    module: MODULE,
    entityType: ENTITY,
    entityId: row.id,
    title: `${row.company_name}（${row.round_name}）`,
    body: [
      `認証の申請・${APPLICATION_KIND_LABELS[row.kind]}・${APPLICATION_STATUS_LABELS[row.status]}`,
      row.company_name_kana,
      row.corporate_number ? `法人番号 ${row.corporate_number}` : "",
      row.summary,
    ]
      .filter(Boolean)
      .join("\n"),
    url: `/sdgs/applications/${row.id}`,
    organisationId: null,
    visibility: "staff",
  };
}

/** Refreshes these applications' entries (a draft or a deleted one loses its entry), inside the writer's transaction. */
export async function indexApplications(tx: Queryable, ids: readonly string[]): Promise<void> {
  const unique = [...new Set(ids)];
  for (let start = 0; start < unique.length; start += CHUNK) {
    const chunk = unique.slice(start, start + CHUNK);
    const rows = await findApplicationEntries(tx, chunk);
    await indexRecords(tx, rows.map(applicationRecord));
    const found = new Set(rows.map((r) => r.id));
    await removeRecords(
      tx,
      MODULE,
      ENTITY,
      chunk.filter((id) => !found.has(id)),
    );
  }
}

/** Writes every application's entry (the sample data, a rebuild); returns how many. */
export async function indexAllApplications(tx: Queryable): Promise<number> {
  const records = (await findApplicationEntries(tx, null)).map(applicationRecord);
  await indexRecords(tx, records);
  return records.length;
}

/** Rebuilds every application entry in one transaction (CLI `search reindex`). */
export async function reindexApplications(db: Db): Promise<number> {
  return db.transaction(async (tx) => {
    await clearRecords(tx, MODULE, ENTITY);
    return indexAllApplications(tx);
  });
}

/** Applications are read by the city's staff (sdgs.read) only. */
const readableApplications: SearchReadCheck = async (_db, reader: Principal, ids) => (can(reader, "sdgs.read") ? new Set(ids) : new Set());

export const SDGS_APPLICATION_SEARCH: SearchModule = {
  module: MODULE,
  label: "SDGs",
  reindex: reindexApplications,
  restricted: { [ENTITY]: readableApplications },
};
