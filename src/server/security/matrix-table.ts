// The route × role matrix: who may call each route, written by hand (never read from the contracts' `allow`), so
// that the test checks the running application against an independent statement of the rules.
import type { Queryable } from "../db/database";

/** The kinds of caller the system has, in the order of a row's letters. */
export const MATRIX_ROLES = [
  { key: "admin", letter: "A", label: "システム管理者" },
  { key: "bureauEditor", letter: "B", label: "政策局（ふるさと納税・新ビジョンの所管局）の編集者" },
  { key: "divisionEditor", letter: "D", label: "他局の課（財政課: 指標の所管課）の編集者" },
  { key: "viewer", letter: "V", label: "他局の課（産業政策課）の閲覧者" },
  { key: "supplier", letter: "S", label: "返礼品事業者のログイン" },
  { key: "council", letter: "C", label: "有識者会議の委員のログイン" },
  { key: "company", letter: "K", label: "サステナブル経営認証の申請企業のログイン" },
  { key: "bank", letter: "F", label: "提携金融機関のログイン" },
  { key: "reviewer", letter: "R", label: "サステナブル経営認証の審査員（外部有識者）のログイン" },
  { key: "municipalityEditor", letter: "M", label: "北九州都市圏域の連携市町（直方市）の編集者のログイン" },
  { key: "anonymous", letter: "N", label: "ログインしていない利用者" },
] as const;
export type MatrixRole = (typeof MATRIX_ROLES)[number]["key"];

/** Record ids found in (or made on top of) the sample data, by name ("furusato.gift", "vision.openRound" …). */
export type MatrixIds = Record<string, string>;

export interface RouteCase {
  /**
   * One character per role in MATRIX_ROLES order (A B D V S C K F R M N): the role's letter if it may call the route,
   * "." if it is refused. "ABDV......." = the city's staff; "A.........." = administrators only; "ABDVSCKFRMN" = anyone.
   */
  who: string;
  /** path parameters (default: none); per role when a role works on its own record (a supplier's own gift) */
  params?: (ids: MatrixIds, role: MatrixRole) => Record<string, string>;
  query?: (ids: MatrixIds, role: MatrixRole) => Record<string, string>;
  /**
   * A body that passes the contract. Refused roles are sent it, so that their refusal must come from authorization
   * and not from validation; allowed roles are sent it with one unknown key, so they stop at validation (400) after
   * passing authorization and change nothing.
   */
  body?: (ids: MatrixIds) => unknown;
  /**
   * Another organisation's record, for routes with a record id that external roles (suppliers, council members) may
   * call: each allowed external role calling with these params must get 404.
   */
  foreign?: (ids: MatrixIds, role: MatrixRole) => Record<string, string>;
}

/** Key: "METHOD /api/path/:param" exactly as the contract declares it. */
export type RouteTable = Record<string, RouteCase>;

export interface MatrixModule {
  name: string;
  /** finds (or creates) the records the module's routes are called with, after the sample data and the users exist */
  collect(db: Queryable, users: Record<MatrixRole, { id: string; organisationId: string } | null>): Promise<MatrixIds>;
  table: RouteTable;
}

export function allowedRoles(who: string): Set<MatrixRole> {
  if (who.length !== MATRIX_ROLES.length) throw new Error(`who "${who}" must have ${MATRIX_ROLES.length} characters`);
  const allowed = new Set<MatrixRole>();
  MATRIX_ROLES.forEach((role, i) => {
    if (who[i] === role.letter) allowed.add(role.key);
    else if (who[i] !== ".") throw new Error(`who "${who}": position ${i + 1} must be ${role.letter} or "."`);
  });
  return allowed;
}
