// ふるさと納税の設定: the app settings the ledger reads (each with its own default), read and written as one form.
import { type FurusatoSettings, furusatoSettings, LEAD_DAYS_SETTING } from "../../../../common/api/furusato-settings";
import type { Queryable } from "../../../db/database";
import { type Actor, recordAudit } from "../../../platform/audit/audit";
import { writeSetting } from "../../../platform/settings";
import { CITY_NAME_SETTING, certificateIssuer, MAYOR_SETTING } from "./certificates";
import { donorRetentionYears, RETENTION_SETTING } from "./retention";
import { shippingLeadDays } from "./shipments";
import { BODY_CODE_SETTING, BODY_NAME_SETTING, surveyBody } from "./survey-sheet";

export async function readFurusatoSettings(db: Queryable): Promise<FurusatoSettings> {
  const [donorRetention, leadDays, issuer, body] = await Promise.all([
    donorRetentionYears(db),
    shippingLeadDays(db),
    certificateIssuer(db),
    surveyBody(db),
  ]);
  return {
    donorRetentionYears: donorRetention,
    shippingLeadDays: leadDays,
    cityName: issuer.cityName,
    mayorTitle: issuer.mayor,
    bodyCode: body.code,
    bodyName: body.name,
  };
}

/** Writes the settings with their audit row, inside the caller's transaction (ingest-service.ts checks the caller in it). */
export async function saveFurusatoSettings(tx: Queryable, actor: Actor, input: FurusatoSettings): Promise<FurusatoSettings> {
  const settings = furusatoSettings.parse(input);
  const before = await readFurusatoSettings(tx);
  const pairs: [string, unknown][] = [
    [RETENTION_SETTING, settings.donorRetentionYears],
    [LEAD_DAYS_SETTING, settings.shippingLeadDays],
    [CITY_NAME_SETTING, settings.cityName],
    [MAYOR_SETTING, settings.mayorTitle],
    [BODY_CODE_SETTING, settings.bodyCode],
    [BODY_NAME_SETTING, settings.bodyName],
  ];
  for (const [key, value] of pairs) await writeSetting(tx, key, value);
  await recordAudit(tx, actor, {
    action: "update",
    entityType: "furusato_settings",
    entityId: null,
    summary: "ふるさと納税の設定を変更",
    before,
    after: settings,
  });
  return readFurusatoSettings(tx);
}
