// Password rules shared by the setup page, the user forms and the API (one place for the limits).
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** Returns a Japanese explanation of the first rule broken, or null when the password is acceptable. */
export function passwordProblem(password: string, loginId?: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `パスワードは${PASSWORD_MIN_LENGTH}文字以上にしてください。`;
  if (password.length > PASSWORD_MAX_LENGTH) return `パスワードは${PASSWORD_MAX_LENGTH}文字以内にしてください。`;
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) return "パスワードには英字と数字の両方を含めてください。";
  if (/^(.)\1+$/.test(password)) return "同じ文字の繰り返しはパスワードに使えません。";
  if (loginId && password.toLowerCase().includes(loginId.toLowerCase())) return "パスワードにログインIDを含めないでください。";
  return null;
}
