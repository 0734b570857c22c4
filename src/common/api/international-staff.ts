// Contract of the 国際 module's staff look-up: the picker that names a trip's travellers (出張者) and a working-group
// action's owner (担当者) asks it for the city's active staff whose name or login id contains what was typed. It
// answers only what a picker shows — no e-mail, telephone or role — so any member of staff may call it.
import { z } from "zod";
import { defineContract } from "./contract";

/** The most people one look-up answers: a picker shows a short list and the caller types more to narrow it. */
export const STAFF_LOOKUP_LIMIT = 20;

export const staffMember = z.object({
  id: z.string(),
  displayName: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
});
export type StaffMember = z.infer<typeof staffMember>;

export const lookupStaff = defineContract({
  method: "get",
  path: "/api/international/staff",
  tag: "international",
  summary:
    "職員を氏名（ひらがな・カタカナ・全角半角を区別しない）かログインIDの一部で探す（出張者・担当者の選択用。在職中の市の職員だけ、最大20人。連絡先・権限は返しません）。organisationId でその課の職員に絞れます",
  allow: ["staff"],
  query: z
    .object({
      q: z.string().trim().max(100, "検索語は100文字以内です。").default(""),
      organisationId: z.uuid({ message: "IDの形式が正しくありません" }).optional(),
    })
    .strict(),
  response: z.object({ items: z.array(staffMember) }),
});
