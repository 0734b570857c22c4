// Route × role matrix rows of the 国際 module's テーマ別ワーキンググループ (see matrix-table.ts for the notation).
//
// The rules, as the module states them (group-service.ts):
// - every member of staff (A B D V) reads the groups;
// - the bureau that coordinates international work (政策局: B) and administrators (A) set groups up and record their
//   meetings, calls for ideas, decisions on ideas and actions;
// - an idea is sent by an editor of a member division, in that division's name: the sample FY2025 group's open call
//   counts 財政課 (D) among its members, while neither 政策局 itself (B) nor the administrators' organisation is one —
//   they are refused (403) even though they manage the group;
// - an action's progress is recorded by its owner division's editors and the managers: the action used here belongs
//   to 国際政策課, so 財政課's editor (D) is refused;
// - external logins and anonymous callers read nothing.
import type { Queryable } from "../db/database";
import type { MatrixIds, MatrixModule } from "./matrix-table";

const STAFF = "ABDV.......";
const MANAGERS = "AB.........";

async function one(db: Queryable, what: string, sql: string, params: unknown[] = []): Promise<string> {
  const { rows } = await db.query<{ id: string }>(sql, params);
  if (!rows[0]) throw new Error(`matrix-international-groups: the sample data has no ${what}`);
  return rows[0].id;
}

const group = (ids: MatrixIds) => ({ id: ids["intlGroups.group"] });
const groupBody = (ids: MatrixIds) => ({
  theme: "行列テストのワーキンググループ",
  description: "",
  fiscalYear: 2025,
  leadOrganisationId: ids["intlGroups.lead"],
  memberOrganisationIds: [ids["intlGroups.lead"]],
  status: "active",
});
const meetingBody = () => ({ heldOn: "2025-06-01", title: "行列テストの会議", agenda: "", attendees: "", minutes: "", decisions: "" });

export const internationalGroupsMatrix: MatrixModule = {
  name: "international-groups",
  collect: async (db) => {
    const groupId = await one(
      db,
      "FY2025 working group with an open call",
      `SELECT g.id FROM international_working_groups g
         JOIN international_wg_idea_calls c ON c.group_id = g.id
        WHERE g.status = 'active' AND c.closes_on >= CURRENT_DATE + 1
          AND EXISTS (SELECT 1 FROM international_wg_members m JOIN organisations o ON o.id = m.organisation_id
                       WHERE m.group_id = g.id AND o.code = 'zaisei-zaisei')
        ORDER BY g.fiscal_year DESC LIMIT 1`,
    );
    return {
      "intlGroups.group": groupId,
      "intlGroups.lead": await one(db, "国際政策課", "SELECT id FROM organisations WHERE code = 'seisaku-kokusai'"),
      "intlGroups.meeting": await one(db, "meeting", "SELECT id FROM international_wg_meetings WHERE group_id = $1 LIMIT 1", [groupId]),
      "intlGroups.call": await one(
        db,
        "open call",
        "SELECT id FROM international_wg_idea_calls WHERE group_id = $1 ORDER BY closes_on DESC LIMIT 1",
        [groupId],
      ),
      "intlGroups.idea": await one(
        db,
        "idea",
        `SELECT i.id FROM international_wg_ideas i JOIN international_wg_idea_calls c ON c.id = i.call_id
          WHERE c.group_id = $1 LIMIT 1`,
        [groupId],
      ),
      "intlGroups.action": await one(
        db,
        "action of 国際政策課",
        `SELECT a.id FROM international_wg_actions a JOIN organisations o ON o.id = a.owner_organisation_id
          WHERE a.group_id = $1 AND o.code = 'seisaku-kokusai' LIMIT 1`,
        [groupId],
      ),
    };
  },
  table: {
    "GET /api/international/groups": { who: STAFF, query: () => ({ fiscalYear: "2024" }) },
    "GET /api/international/groups/:id": { who: STAFF, params: group },
    "POST /api/international/groups": { who: MANAGERS, body: groupBody },
    "PUT /api/international/groups/:id": {
      who: MANAGERS,
      params: group,
      body: (ids) => ({ version: 1, group: groupBody(ids) }),
    },
    "POST /api/international/groups/:id/meetings": { who: MANAGERS, params: group, body: meetingBody },
    "PUT /api/international/groups/:id/meetings/:meetingId": {
      who: MANAGERS,
      params: (ids) => ({ id: ids["intlGroups.group"], meetingId: ids["intlGroups.meeting"] }),
      body: meetingBody,
    },
    "POST /api/international/groups/:id/calls": {
      who: MANAGERS,
      params: group,
      body: () => ({ title: "行列テストの募集", question: "", closesOn: "2099-03-31", meetingId: null }),
    },
    "POST /api/international/groups/:id/calls/:callId/ideas": {
      who: "..D........",
      params: (ids) => ({ id: ids["intlGroups.group"], callId: ids["intlGroups.call"] }),
      body: () => ({ title: "行列テストのアイデア", body: "" }),
    },
    "POST /api/international/groups/:id/ideas/:ideaId/decision": {
      who: MANAGERS,
      params: (ids) => ({ id: ids["intlGroups.group"], ideaId: ids["intlGroups.idea"] }),
      body: () => ({ status: "adopted" }),
    },
    "POST /api/international/groups/:id/actions": {
      who: MANAGERS,
      params: group,
      body: (ids) => ({
        title: "行列テストのアクション",
        ideaId: null,
        ownerOrganisationId: ids["intlGroups.lead"],
        ownerUserId: null,
        dueOn: "2099-03-31",
      }),
    },
    "PUT /api/international/groups/:id/actions/:actionId": {
      who: MANAGERS,
      params: (ids) => ({ id: ids["intlGroups.group"], actionId: ids["intlGroups.action"] }),
      body: () => ({ version: 1, status: "open", doneOn: null, result: "", projectId: null }),
    },
  },
};
