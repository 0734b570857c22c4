import { describe, expect, it } from "vitest";
import { createUserBody, userErrors, userValues } from "./user-form-values";

describe("the user form of /admin/users", () => {
  it("asks a new user for a login ID, a name, an organisation and a password that follows the rules", () => {
    const errors = userErrors(userValues(null), true);
    expect(Object.keys(errors).sort()).toEqual(["displayName", "loginId", "organisationId", "password"]);
    expect(errors.loginId).toBe("ログインIDを入力してください。");
  });

  it("does not ask an existing user for a login ID or a password", () => {
    const values = { ...userValues(null), displayName: "山田 太郎", organisationId: "org-1", email: "yamada@example" };
    expect(userErrors(values, false)).toEqual({ email: "メールアドレスの形式が正しくありません。" });
  });

  it("sends the login ID in lower case, trimmed text and an empty e-mail as null", () => {
    const values = { ...userValues(null), loginId: " Yamada.T ", displayName: " 山田 太郎 ", organisationId: "org-1", password: "pw" };
    expect(createUserBody(values)).toEqual({
      loginId: "yamada.t",
      displayName: "山田 太郎",
      email: null,
      role: "viewer",
      organisationId: "org-1",
      password: "pw",
    });
  });
});
