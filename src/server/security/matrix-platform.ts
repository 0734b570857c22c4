// Route × role matrix rows of the platform routes: health, sign-in, administration, audit, search, jobs, imports,
// files (see matrix-table.ts for the notation: A B D V S C N, "." = refused).
import { randomUUID } from "node:crypto";
import { storeFile } from "../platform/files/files";
import type { MatrixModule } from "./matrix-table";

const ANYONE = "ABDVSCKFRMN";
const SIGNED_IN = "ABDVSCKFRM.";
const STAFF = "ABDV.......";
const EDITORS = "ABD........";
const ADMIN = "A..........";

export const platformMatrix: MatrixModule = {
  name: "platform",
  async collect(db, users) {
    const org = await db.query<{ id: string }>("SELECT id FROM organisations WHERE code = 'kankyo-kikaku'");
    const jobId = randomUUID();
    await db.query("INSERT INTO job_runs (id, kind, status, created_by) VALUES ($1, 'search-reindex', 'succeeded', $2)", [
      jobId,
      users.admin?.id,
    ]);
    const file = await storeFile(db, {
      name: "監査ログ.csv",
      mimeType: "text/csv",
      bytes: new TextEncoder().encode("a,b\n1,2\n"),
      createdBy: users.admin?.id ?? null,
      owner: { kind: "import", id: null, purpose: "import_report" },
    });
    return { "platform.org": org.rows[0].id, "platform.user": users.viewer?.id ?? "", "platform.job": jobId, "platform.file": file.id };
  },
  table: {
    "GET /api/health": { who: ANYONE },
    "GET /api/auth/session": { who: ANYONE },
    "POST /api/auth/login": { who: ANYONE },
    "POST /api/auth/logout": { who: SIGNED_IN },
    "GET /api/auth/setup": { who: ANYONE, query: () => ({ token: "no-such-token" }) },
    "POST /api/auth/setup": { who: ANYONE },
    "POST /api/auth/password": { who: SIGNED_IN },
    // ログイン中の端末: one's own sessions only (another user's session id is "not found", auth.db.test.ts).
    "GET /api/auth/sessions": { who: SIGNED_IN },
    "DELETE /api/auth/sessions/:id": { who: SIGNED_IN, params: () => ({ id: randomUUID() }) },
    "POST /api/auth/sessions/end-others": { who: SIGNED_IN, body: () => ({}) },
    "GET /api/organisations": { who: STAFF },
    "POST /api/admin/organisations": { who: ADMIN, body: () => ({ name: "新しい課", kind: "division" }) },
    "PATCH /api/admin/organisations/:id": { who: ADMIN, params: (ids) => ({ id: ids["platform.org"] }), body: () => ({ name: "改名" }) },
    "GET /api/admin/users": { who: ADMIN },
    "POST /api/admin/users": { who: ADMIN },
    "PATCH /api/admin/users/:id": { who: ADMIN, params: (ids) => ({ id: ids["platform.user"] }) },
    "POST /api/admin/users/:id/password": { who: ADMIN, params: (ids) => ({ id: ids["platform.user"] }) },
    "POST /api/admin/users/:id/unlock": { who: ADMIN, params: (ids) => ({ id: ids["platform.user"] }) },
    "GET /api/admin/audit": { who: ADMIN },
    "GET /api/admin/audit/export": { who: ADMIN },
    "GET /api/admin/audit/actors": { who: ADMIN },
    // Everyone signed in may search; what they find is filtered (external accounts see public records only).
    "GET /api/search": { who: SIGNED_IN, query: () => ({ q: "ふるさと" }) },
    // A job is its starter's (and administrators'): the job here was started by the administrator.
    "GET /api/jobs/:id": { who: ADMIN, params: (ids) => ({ id: ids["platform.job"] }) },
    "POST /api/admin/search/reindex": { who: ADMIN },
    "GET /api/imports": { who: STAFF },
    // Import kinds: the KPI values import is any editor's (each row is then checked against the indicator's owner).
    "GET /api/imports/:kind/template": { who: EDITORS, params: () => ({ kind: "vision-actuals" }) },
    "POST /api/imports/:kind": { who: EDITORS, params: () => ({ kind: "vision-actuals" }) },
    // A stored file is served only through its owner record; this one is an import report the administrator started.
    "GET /api/files/:id": { who: ADMIN, params: (ids) => ({ id: ids["platform.file"] }) },
  },
};
