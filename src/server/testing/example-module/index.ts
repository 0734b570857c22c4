// A tiny module (メモ) that shows what adding a module takes: this one folder, and one line in the list of modules
// (src/server/modules/index.ts). The example-module test registers it, uses every part of its manifest (routes, a
// job, sample data, backup, search, the 409 for a duplicate) and removes it again. A real module would split this file into contracts
// (src/common/api/<name>.ts), routes, service and repository, and add its tables as a migration in migrations/.
import { z } from "zod";
import { defineContract } from "../../../common/api/contract";
import type { Db, Queryable } from "../../db/database";
import type { ModuleManifest } from "../../modules/manifest";
import { defineJob } from "../../modules/manifest";
import { AppError } from "../../platform/errors";
import { indexRecord } from "../../platform/search/search";

/** The module's table (a real module ships it as a migration). */
export const EXAMPLE_NOTES_DDL = `CREATE TABLE example_notes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL UNIQUE,
  is_sample boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
)`;

const note = z.object({ id: z.string(), title: z.string(), isSample: z.boolean() });

export const listNotes = defineContract({
  method: "get",
  path: "/api/example/notes",
  tag: "example",
  summary: "メモの一覧",
  allow: ["staff"],
  response: z.object({ items: z.array(note) }),
});

export const addNote = defineContract({
  method: "post",
  path: "/api/example/notes",
  tag: "example",
  summary: "メモを追加し、件数を数えるジョブを登録",
  allow: ["editor"],
  body: z.object({ title: z.string().trim().min(1, "題名を入力してください。").max(100, "題名は100文字以内です。") }).strict(),
  response: z.object({ id: z.string(), jobId: z.string() }),
});

export const COUNT_NOTES_JOB = "example.count-notes";

// ---- repository: all SQL of the module's table
async function findNotes(db: Queryable) {
  const { rows } = await db.query<{ id: string; title: string; is_sample: boolean }>(
    "SELECT id, title, is_sample FROM example_notes ORDER BY created_at, id",
  );
  return rows.map((row) => ({ id: row.id, title: row.title, isSample: row.is_sample }));
}

async function insertNote(tx: Queryable, title: string, isSample: boolean): Promise<string> {
  const { rows } = await tx.query<{ id: string }>("INSERT INTO example_notes (title, is_sample) VALUES ($1, $2) RETURNING id", [
    title,
    isSample,
  ]);
  return rows[0].id;
}

// ---- service: one write is one transaction with its search entry (a real module also records an audit row, with
// its action and record kind labelled in common/audit-labels.ts)
const indexNote = (tx: Queryable, id: string, title: string) =>
  indexRecord(tx, { module: "example", entityType: "note", entityId: id, title, body: title, url: "/example", visibility: "staff" });

async function reindexNotes(db: Db): Promise<number> {
  const notes = await findNotes(db);
  for (const item of notes) await indexNote(db, item.id, item.title);
  return notes.length;
}

export const exampleModule: ModuleManifest = {
  name: "example",
  label: "メモ（例）",
  routes(router, deps) {
    router.on(listNotes, async () => ({ items: await findNotes(deps.db) }));
    router.on(addNote, async ({ body }, { actor }) => {
      if (!deps.jobs) throw new AppError(503, "jobs_unavailable", "ジョブ実行基盤が起動していません。");
      const id = await deps.db.transaction(async (tx) => {
        const created = await insertNote(tx, body.title, false);
        await indexNote(tx, created, body.title);
        return created;
      });
      return { id, jobId: await deps.jobs.enqueue(COUNT_NOTES_JOB, {}, actor.userId) };
    });
  },
  jobs: [
    defineJob<Record<string, never>>(COUNT_NOTES_JOB, async (_data, { db, progress }) => {
      const notes = (await findNotes(db)).length;
      await progress(1, 1, `${notes}件のメモがあります`);
      return { notes };
    }),
  ],
  search: [{ module: "example", label: "メモ（例）", reindex: reindexNotes }],
  demo: async (db) => {
    await db.transaction(async (tx) => indexNote(tx, await insertNote(tx, "サンプルのメモ", true), "サンプルのメモ"));
  },
  backupTables: ["example_notes"],
  uniqueConflicts: { example_notes_title_key: { label: "題名", field: "title" } },
};
