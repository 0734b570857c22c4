// The password rules (src/common/password-rules.ts) listed beside the field, each ticked as it is met.
import { List, Text } from "@mantine/core";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../../common/password-rules";
import { m } from "../messages";

function ruleMet(id: string, password: string, loginId: string): boolean {
  switch (id) {
    case "length":
      return password.length >= PASSWORD_MIN_LENGTH && password.length <= PASSWORD_MAX_LENGTH;
    case "mix":
      return /[A-Za-z]/.test(password) && /[0-9]/.test(password);
    case "repeat":
      return password.length > 0 && !/^(.)\1+$/.test(password);
    case "loginId":
      return password.length > 0 && (!loginId || !password.toLowerCase().includes(loginId.toLowerCase()));
    default:
      return false;
  }
}

export function PasswordRules({ id, password, loginId = "" }: { id: string; password: string; loginId?: string }) {
  return (
    <div id={id}>
      <Text size="sm" fw={700} mb={4}>
        {m.auth.passwordRulesHeading}
      </Text>
      <List size="sm" spacing={2} listStyleType="none" pl={0}>
        {m.auth.passwordRules.map((rule) => {
          const met = ruleMet(rule.id, password, loginId);
          return (
            <List.Item key={rule.id} style={{ color: met ? "#1e5631" : "#495057" }}>
              <span aria-hidden="true">{met ? "✔ " : "・"}</span>
              {rule.text}
              <span className="yk-visually-hidden">（{met ? m.auth.ruleMet : m.auth.ruleNotMet}）</span>
            </List.Item>
          );
        })}
      </List>
    </div>
  );
}
