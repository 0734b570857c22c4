// /login: ログインID + パスワード. Errors (wrong password, lock-out) are shown as the API words them.
import { Alert, Button, Paper, PasswordInput, Stack, TextInput } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "@tanstack/react-router";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { login } from "../../common/api/platform";
import { call } from "../api/client";
import { m } from "../messages";
import { ErrorAlert } from "../ui/ErrorAlert";
import { fieldErrors } from "../ui/errors";
import { PageHeader } from "../ui/PageHeader";
import { applySession, safeNext, useSession } from "./session";

export function LoginPage({ next, expired }: { next?: string; expired?: boolean }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const session = useSession();
  const [loginId, setLoginId] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const loginIdRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (session.data?.user) router.history.replace(safeNext(next));
  }, [session.data?.user, next, router]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!loginId.trim()) found.loginId = "ログインIDを入力してください。";
    if (!password) found.password = "パスワードを入力してください。";
    setErrors(found);
    setError(null);
    if (found.loginId) return loginIdRef.current?.focus();
    if (found.password) return passwordRef.current?.focus();
    setBusy(true);
    try {
      const state = await call(login, { body: { loginId: loginId.trim(), password } });
      applySession(queryClient, state);
      router.history.replace(safeNext(next));
    } catch (caught) {
      setError(caught);
      setErrors(fieldErrors(caught));
      setPassword("");
      passwordRef.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="xl" radius="md" maw={440} mx="auto">
      <PageHeader title={m.auth.loginTitle} />
      <form onSubmit={submit} noValidate>
        <Stack>
          {expired && !error && (
            <Alert color="blue" variant="light" role="status">
              {m.auth.sessionExpired}
            </Alert>
          )}
          {session.data?.setupRequired && (
            <Alert color="blue" variant="light" role="status">
              {m.auth.setupNeeded}
            </Alert>
          )}
          <ErrorAlert error={error} />
          <TextInput
            ref={loginIdRef}
            label={m.auth.loginId}
            value={loginId}
            onChange={(e) => setLoginId(e.currentTarget.value)}
            error={errors.loginId}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            autoFocus
          />
          <PasswordInput
            ref={passwordRef}
            label={m.auth.password}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={errors.password}
            autoComplete="current-password"
            required
          />
          <Button type="submit" loading={busy} fullWidth size="md">
            {m.auth.loginSubmit}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
