// アプリ設定 (app_settings): small named values a module keeps (who runs ふるさと納税, the bureau that owns the
// 新ビジョン, the certificate issuer, …). The table belongs to the platform; modules read and write it only through
// these two functions, each key prefixed with the module's name ("furusato.bureauId", "vision.ownerBureauId").
import type { Queryable } from "../db/database";

/** A setting's JSON value as stored, or null when the key is unset. */
export async function readSetting<T = unknown>(db: Queryable, key: string): Promise<T | null> {
  const { rows } = await db.query<{ value: T | null }>("SELECT value FROM app_settings WHERE key = $1", [key]);
  return rows[0]?.value ?? null;
}

/** Sets a setting to any JSON value (inside the caller's transaction when given one); audit is the caller's. */
export async function writeSetting(tx: Queryable, key: string, value: unknown): Promise<void> {
  await tx.query(
    "INSERT INTO app_settings (key, value) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()",
    [key, JSON.stringify(value ?? null)],
  );
}
