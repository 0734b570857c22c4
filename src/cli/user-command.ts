// `yokogushi user create …`: creates a user from the command line (the password never appears in arguments).
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { ROLES, type Role } from "../common/api/platform";
import { loadConfig } from "../server/config";
import { openDatabase } from "../server/db/open";
import { createUser } from "../server/platform/admin/users";
import { SYSTEM_ACTOR } from "../server/platform/audit/audit";
import { AppError } from "../server/platform/errors";

function readPassword(): string {
  if (process.env.YOKOGUSHI_PASSWORD) return process.env.YOKOGUSHI_PASSWORD;
  if (process.stdin.isTTY) throw new Error("パスワードを環境変数 YOKOGUSHI_PASSWORD か標準入力で渡してください。");
  return readFileSync(0, "utf8").split(/\r?\n/)[0];
}

export async function runUserCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "create") {
    console.error("使い方: yokogushi user create --login ID --name 氏名 --role ROLE --org 組織コード");
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      login: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      org: { type: "string" },
      email: { type: "string" },
    },
  });
  if (!values.login || !values.name || !values.role || !values.org) {
    console.error("--login, --name, --role, --org はすべて必要です。");
    return 2;
  }
  if (!ROLES.includes(values.role as Role)) {
    console.error(`--role は ${ROLES.join(" / ")} のいずれかです。`);
    return 2;
  }
  const { db, close } = await openDatabase(loadConfig());
  try {
    const org = await db.query<{ id: string }>(
      "SELECT id FROM organisations WHERE code = $1 OR name = $1 ORDER BY code = $1 DESC LIMIT 1",
      [values.org],
    );
    if (!org.rows[0]) {
      console.error(`組織が見つかりません: ${values.org}`);
      return 1;
    }
    const user = await createUser(
      db,
      { ...SYSTEM_ACTOR, label: "CLI" },
      {
        loginId: values.login.toLowerCase(),
        displayName: values.name,
        email: values.email ?? null,
        role: values.role as Role,
        organisationId: org.rows[0].id,
        password: readPassword(),
      },
    );
    console.log(`利用者を作成しました: ${user.loginId}（${user.displayName}、${user.organisationName}）`);
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await close();
  }
}
