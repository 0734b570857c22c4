// The vision module's unique constraints (migrations/*.sql), named for the 409 a duplicate answers with.
import type { UniqueConflict } from "../../platform/http/db-errors";

export const visionUniqueConflicts: Readonly<Record<string, UniqueConflict>> = {
  vision_nodes_plan_id_code_key: { label: "番号", field: "code", message: "同じ計画の中に同じ番号がすでに登録されています。" },
  vision_indicators_code_key: { label: "指標コード", field: "code" },
  vision_rounds_plan_id_name_key: { label: "評価回の名前", field: "name", message: "同じ計画に同じ名前の評価回がすでに登録されています。" },
  vision_council_members_user_id_key: {
    label: "利用者アカウント",
    field: "userId",
    message: "この利用者アカウントはすでに別の委員に結び付いています。",
  },
};
