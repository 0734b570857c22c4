// The licence the hub declares for its open data (app setting region.openDataLicense): CC BY 4.0 until the region
// managers choose another. It is the publisher's legal statement, so the city decides it; the catalogue API and the
// public page read it from here.
import {
  DEFAULT_OPEN_DATA_LICENSE,
  OPEN_DATA_LICENSE_IDS,
  OPEN_DATA_LICENSES,
  type OpenDataLicenseId,
} from "../../../common/api/region-export";
import type { Queryable } from "../../db/database";
import { readSetting, writeSetting } from "../../platform/settings";

export const LICENSE_SETTING = "region.openDataLicense";

export interface OpenDataLicense {
  id: OpenDataLicenseId;
  title: string;
  url: string;
}

export function licenseOf(id: OpenDataLicenseId): OpenDataLicense {
  return { id, ...OPEN_DATA_LICENSES[id] };
}

export async function readOpenDataLicense(db: Queryable): Promise<OpenDataLicense> {
  const value = await readSetting<string>(db, LICENSE_SETTING);
  const id = (OPEN_DATA_LICENSE_IDS as readonly string[]).includes(value ?? "") ? (value as OpenDataLicenseId) : DEFAULT_OPEN_DATA_LICENSE;
  return licenseOf(id);
}

export async function writeOpenDataLicense(tx: Queryable, id: OpenDataLicenseId): Promise<void> {
  await writeSetting(tx, LICENSE_SETTING, id);
}
