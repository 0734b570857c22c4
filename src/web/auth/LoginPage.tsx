// /login: ログインID + パスワード. Errors (wrong password, lock-out) are shown as the API words them; after one the
// password is cleared and takes the focus.
import { Alert, Button, Paper, PasswordInput, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "@tanstack/react-router";
import { useEffect, useRef } from "react";
import { login } from "../../common/api/platform";
import { call } from "../api/client";
import { m } from "../messages";
import { ErrorAlert } from "../ui/ErrorAlert";
import { fieldErrors } from "../ui/errors";
import { PageHeader } from "../ui/PageHeader";
import { useFocusFirstInvalid } from "../ui/useFocusFirstInvalid";
import { applySession, safeNext, useSession } from "./session";

interface LoginValues {
  loginId: string;
  password: string;
}

export function LoginPage({ next, expired }: { next?: string; expired?: boolean }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const session = useSession();
  const form = useForm<LoginValues>({
    initialValues: { loginId: "", password: "" },
    validate: {
      loginId: (value) => (value.trim() ? null : "ログインIDを入力してください。"),
      password: (value) => (value ? null : "パスワードを入力してください。"),
    },
  });
  const { ref, focusFirstInvalid } = useFocusFirstInvalid();
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (session.data?.user) router.history.replace(safeNext(next));
  }, [session.data?.user, next, router]);

  const signIn = useMutation({
    mutationFn: (values: LoginValues) => call(login, { body: { loginId: values.loginId.trim(), password: values.password } }),
    onSuccess: (state) => {
      applySession(queryClient, state);
      router.history.replace(safeNext(next));
    },
    onError: (error) => {
      form.setFieldValue("password", "");
      form.setErrors(fieldErrors(error));
      passwordRef.current?.focus();
    },
  });

  return (
    <Paper withBorder p="xl" radius="md" maw={440} mx="auto">
      <PageHeader title={m.auth.loginTitle} />
      <form
        ref={ref}
        onSubmit={form.onSubmit(
          (values) => signIn.mutate(values),
          () => {
            signIn.reset();
            focusFirstInvalid();
          },
        )}
        noValidate
      >
        <Stack>
          {expired && !signIn.error && (
            <Alert color="blue" variant="light" role="status">
              {m.auth.sessionExpired}
            </Alert>
          )}
          {session.data?.setupRequired && (
            <Alert color="blue" variant="light" role="status">
              {m.auth.setupNeeded}
            </Alert>
          )}
          <ErrorAlert error={signIn.error} />
          <TextInput
            label={m.auth.loginId}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            autoFocus
            {...form.getInputProps("loginId")}
          />
          <PasswordInput
            ref={passwordRef}
            label={m.auth.password}
            autoComplete="current-password"
            required
            {...form.getInputProps("password")}
          />
          <Button type="submit" loading={signIn.isPending} fullWidth size="md">
            {m.auth.loginSubmit}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
