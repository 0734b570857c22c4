// Tabular import kinds: each module registers what it can take in from CSV/Excel (columns with Japanese headings,
// a zod row schema, a permission, and how to apply the validated rows inside one transaction).
import type { Queryable } from "../../db/database";
import type { Actor } from "../audit/audit";
import type { Action } from "../auth/permissions";
import type { ImportError, ImportSpec } from "../tabular/import-rows";

export interface ApplyResult {
  /** rows written */
  count: number;
  /** Japanese one-line summary for the user and the audit log */
  summary: string;
}

export interface TabularImportKind<T> {
  kind: string;
  /** Japanese name shown in the UI, e.g. 組織の一括登録 */
  label: string;
  permission: Action;
  spec: ImportSpec<T>;
  /**
   * Cross-row checks and writes, inside the import's transaction. Returning errors (row-level, Japanese) rolls the
   * whole file back: an import is all or nothing.
   */
  apply(tx: Queryable, rows: T[], actor: Actor, rowNumbers: number[]): Promise<ApplyResult | { errors: ImportError[] }>;
}

const kinds = new Map<string, TabularImportKind<unknown>>();

/** An import kind as the registry holds it (its row type checked where it is defined), for a module's manifest. */
export function anyImportKind<T>(kind: TabularImportKind<T>): TabularImportKind<unknown> {
  return kind as TabularImportKind<unknown>;
}

export function registerImportKind<T>(kind: TabularImportKind<T>): () => void {
  kinds.set(kind.kind, kind as TabularImportKind<unknown>);
  return () => kinds.delete(kind.kind);
}

export function importKind(kind: string): TabularImportKind<unknown> | undefined {
  return kinds.get(kind);
}

export function importKinds(): TabularImportKind<unknown>[] {
  return [...kinds.values()];
}
