// Who may read the furusato module's stored files, judged on the record that owns each one: a gift's evidence by
// whoever may see the gift, its photos by anyone (portals fetch them), a supplier's documents by staff and that
// supplier, 受領証明書 batches and portal exports by the managers only.

import { todayInJapan } from "../../../common/dates";
import type { Queryable } from "../../db/database";
import type { Principal } from "../../platform/auth/permissions";
import { AppError } from "../../platform/errors";
import type { FileOwner, FileOwnerKind, FilePurpose } from "../../platform/files/files";
import type { FileReadRule } from "../../platform/files/owners";
import { accessOf, type FurusatoAccess, furusatoOwner, visibleGift } from "./access";
import type { GiftRow, SupplierRow } from "./repository";

/** The furusato access of a user, or null when the module is closed to them (other partners, council members). */
async function accessOrNull(db: Queryable, user: Principal): Promise<FurusatoAccess | null> {
  try {
    return await accessOf(db, user);
  } catch (error) {
    if (error instanceof AppError && (error.status === 401 || error.status === 403)) return null;
    throw error;
  }
}

// Batches hold donors' names and addresses; exports are the managers' work: the managers only.
const managersOnly: FileReadRule = {
  async canRead(db: Queryable, user: Principal) {
    return (await accessOrNull(db, user))?.manager ?? false;
  },
};

export const furusatoFileOwners: readonly { kind: FileOwnerKind; rule: FileReadRule }[] = [
  {
    kind: "furusato.gift",
    rule: {
      isPublic: (file) => file.purpose === "image",
      async canRead(db, user, file) {
        const access = await accessOrNull(db, user);
        if (!access || !file.ownerId) return false;
        try {
          await visibleGift(db, access, file.ownerId, todayInJapan());
          return true;
        } catch (error) {
          if (error instanceof AppError && error.status === 404) return false;
          throw error;
        }
      },
    },
  },
  {
    kind: "furusato.supplier",
    rule: {
      async canRead(db, user, file) {
        const access = await accessOrNull(db, user);
        if (!access) return false;
        return access.supplier ? access.supplier.id === file.ownerId : true;
      },
    },
  },
  { kind: "furusato.certificate_batch", rule: managersOnly },
  { kind: "furusato.export", rule: managersOnly },
];

/** The owner of a file kept with a gift: the gift, in its supplier's organisation. */
export function giftFileOwner(gift: Pick<GiftRow, "id" | "supplier_organisation_id">, purpose: "evidence" | "image") {
  return { kind: "furusato.gift", id: gift.id, purpose, organisationId: gift.supplier_organisation_id } satisfies FileOwner;
}

export function supplierFileOwner(supplier: Pick<SupplierRow, "id" | "organisation_id">) {
  return {
    kind: "furusato.supplier",
    id: supplier.id,
    purpose: "supplier_document",
    organisationId: supplier.organisation_id,
  } satisfies FileOwner;
}

/** A batch's or an export's file belongs to the bureau that runs ふるさと納税 (the creator's organisation until it is set). */
export async function bureauFileOwner(
  db: Queryable,
  kind: "furusato.certificate_batch" | "furusato.export",
  id: string,
  purpose: FilePurpose,
): Promise<FileOwner & { id: string }> {
  const bureau = await furusatoOwner(db);
  return { kind, id, purpose, ...(bureau ? { organisationId: bureau.organisationId } : {}) };
}
