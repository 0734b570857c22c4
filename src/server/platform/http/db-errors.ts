// A unique-constraint violation (PostgreSQL 23505) that no service caught becomes a 409 naming the field, not a 500.
// PGlite and node-postgres both put `code` and `constraint` on the error; the constraint names below are the ones
// PostgreSQL gives the UNIQUE constraints and indexes in migrations/*.sql (<table>_<columns>_key unless named). A module
// names its own in its manifest (`uniqueConflicts`), so the platform holds no module knowledge.
import { Conflict } from "../errors";

/** label: the field as read after 「同じ」; message: when 「同じ{label}がすでに登録されています。」 does not read well. */
export type UniqueConflict = { label: string; field?: string; message?: string };

/** The platform's own tables; each module adds its constraints from its manifest (`uniqueConflicts`). */
const PLATFORM_UNIQUE_CONFLICTS: Readonly<Record<string, UniqueConflict>> = {
  organisations_code_key: { label: "組織コード", field: "code" },
  organisations_sibling_name: {
    label: "組織名",
    field: "name",
    message: "同じ上位組織の下に同じ名前の組織がすでにあります。別の組織名にしてください。",
  },
  users_login_id_key: { label: "ログインID", field: "loginId" },
  tabular_imports_kind_file_sha256_key: { label: "内容の取込ファイル", message: "同じ内容のファイルがすでに取り込まれています。" },
};

const uniqueConflicts = new Map<string, UniqueConflict>(Object.entries(PLATFORM_UNIQUE_CONFLICTS));

/** Adds a module's constraint names (constraint → field); returns the function that removes them again. */
export function registerUniqueConflicts(conflicts: Readonly<Record<string, UniqueConflict>>): () => void {
  const added = Object.keys(conflicts).filter((name) => !uniqueConflicts.has(name));
  for (const name of added) uniqueConflicts.set(name, conflicts[name]);
  return () => {
    for (const name of added) uniqueConflicts.delete(name);
  };
}

export const UNIQUE_FALLBACK_MESSAGE = "同じ値がすでに登録されています。";

/** The PostgreSQL unique violation behind `error` (itself or a `cause`), or null. */
function uniqueViolationOf(error: unknown): { constraint?: string } | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const candidate = current as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (candidate.code === "23505") {
      return { constraint: typeof candidate.constraint === "string" ? candidate.constraint : undefined };
    }
    current = candidate.cause;
  }
  return null;
}

/** A Conflict (409) for a unique violation, naming the field when the constraint is known; null for other errors. */
export function conflictOfUniqueViolation(error: unknown): Conflict | null {
  const violation = uniqueViolationOf(error);
  if (!violation) return null;
  const known = violation.constraint ? uniqueConflicts.get(violation.constraint) : undefined;
  if (!known) return new Conflict(UNIQUE_FALLBACK_MESSAGE, "duplicate_value");
  const message = known.message ?? `同じ${known.label}がすでに登録されています。別の${known.label}にしてください。`;
  return new Conflict(
    message,
    "duplicate_value",
    known.field ? { [known.field]: `この${known.label}はすでに使われています。` } : undefined,
  );
}
