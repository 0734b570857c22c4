// 寄附受付サイト (portals): read by everyone in the catalog, kept by its managers. A portal is data: its export template
// is checked when it is saved, so adding one needs no code change.
import type { Db } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import { NotFound } from "../../platform/errors";
import { accessOf, requireManager } from "./access";
import { exportRowFields, expressionFunctions, portalTemplateSchema } from "./portal-template";
import * as repo from "./repository";
import { choiceTemplateFromHeader } from "./shipped-templates";

type PortalInput = Omit<repo.StoredPortal, "code" | "template">;

export async function listPortals(db: Db, user: Principal | null) {
  await accessOf(db, user);
  return { items: await repo.findPortals(db) };
}

/** The fields and functions a template's expressions may use (the template editor's help). */
export async function templateVocabulary(db: Db, user: Principal | null) {
  await accessOf(db, user);
  return { fields: exportRowFields(), functions: expressionFunctions() };
}

export async function savePortal(db: Db, user: Principal | null, actor: Actor, code: string, input: PortalInput & { template: unknown }) {
  return savePortalAs(db, user, actor, code, () => ({ code, ...input, template: portalTemplateSchema.parse(input.template) }));
}

/** A ふるさとチョイス-style portal from the header line of its upload file and a mapping of its columns. */
export async function saveChoicePortal(
  db: Db,
  user: Principal | null,
  actor: Actor,
  code: string,
  input: PortalInput & { headerLine: string; mapping: Parameters<typeof choiceTemplateFromHeader>[1] },
) {
  const { headerLine, mapping, ...portal } = input;
  return savePortalAs(db, user, actor, code, () => ({ code, ...portal, template: choiceTemplateFromHeader(headerLine, mapping) }));
}

/** The portal is built (its template checked) once the caller is known to be a manager. */
async function savePortalAs(db: Db, user: Principal | null, actor: Actor, code: string, build: () => repo.StoredPortal) {
  return db.transaction(async (tx) => {
    requireManager(await accessOf(tx, user));
    const portal = build();
    const before = (await repo.findPortals(tx)).find((p) => p.code === code);
    await repo.upsertPortal(tx, portal);
    await recordAudit(tx, actor, {
      action: before ? "update" : "create",
      entityType: "furusato_portal",
      entityId: portal.code,
      summary: `寄附受付サイト「${portal.name}」を${before ? "変更" : "追加"}`,
      before,
      after: portal,
    });
    const saved = (await repo.findPortals(tx)).find((p) => p.code === code);
    if (!saved) throw new NotFound("寄附受付サイト");
    return saved;
  });
}
