// The user form of /admin/users (UserFormModal): the values its inputs hold, the checks made before anything is sent
// (the same rules as the API: login ID pattern, the password rules, a display name and an organisation), and the bodies
// createUser / updateUser take.
import type { FormErrors } from "@mantine/form";
import type { BodyOf } from "../../common/api/contract";
import type { AdminUser, createUser, Role, updateUser } from "../../common/api/platform";
import { passwordProblem } from "../../common/password-rules";

const LOGIN_ID_RE = /^[a-z0-9._@-]{3,100}$/;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface UserValues {
  loginId: string;
  displayName: string;
  /** empty = none */
  email: string;
  role: Role;
  /** "" = not chosen yet */
  organisationId: string;
  /** the initial password (a new user only) */
  password: string;
}

export function userValues(user: AdminUser | null): UserValues {
  return {
    loginId: user?.loginId ?? "",
    displayName: user?.displayName ?? "",
    email: user?.email ?? "",
    role: user?.role ?? "viewer",
    organisationId: user?.organisationId ?? "",
    password: "",
  };
}

/** The login ID as stored: trimmed and lower case. */
const loginIdOf = (values: UserValues) => values.loginId.trim().toLowerCase();

/** The checks of the form; `isNew` adds the login ID and the initial password. */
export function userErrors(values: UserValues, isNew: boolean): FormErrors {
  const found: FormErrors = {};
  if (isNew) {
    const loginId = loginIdOf(values);
    if (!loginId) found.loginId = "ログインIDを入力してください。";
    else if (!LOGIN_ID_RE.test(loginId)) found.loginId = "ログインIDは3〜100文字の半角英数字と . _ @ - で入力してください。";
    const problem = passwordProblem(values.password, loginId);
    if (problem) found.password = problem;
  }
  if (!values.displayName.trim()) found.displayName = "氏名を入力してください。";
  if (values.email.trim() && !EMAIL_RE.test(values.email.trim())) found.email = "メールアドレスの形式が正しくありません。";
  if (!values.organisationId) found.organisationId = "所属を選んでください。";
  return found;
}

/** What both bodies share. */
function profileOf(values: UserValues) {
  return {
    displayName: values.displayName.trim(),
    email: values.email.trim() || null,
    role: values.role,
    organisationId: values.organisationId,
  };
}

export function updateUserBody(values: UserValues): BodyOf<typeof updateUser> {
  return profileOf(values);
}

export function createUserBody(values: UserValues): BodyOf<typeof createUser> {
  return { loginId: loginIdOf(values), ...profileOf(values), password: values.password };
}
