// /setup?token=…: registers the first システム管理者 with the one-time link the server printed at first start.

import { Alert, Button, Loader, NativeSelect, Paper, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "@tanstack/react-router";
import type { ResponseOf } from "../../common/api/contract";
import { completeSetup, ORGANISATION_KIND_LABELS, setupStatus } from "../../common/api/platform";
import { passwordProblem } from "../../common/password-rules";
import { call } from "../api/client";
import { m } from "../messages";
import { ErrorAlert } from "../ui/ErrorAlert";
import { fieldErrors } from "../ui/errors";
import { AnchorLink } from "../ui/links";
import { PageHeader } from "../ui/PageHeader";
import { useFocusFirstInvalid } from "../ui/useFocusFirstInvalid";
import { PasswordRules } from "./PasswordRules";
import { applySession } from "./session";

const LOGIN_ID_RE = /^[a-z0-9._@-]{3,100}$/;

interface SetupValues {
  loginId: string;
  displayName: string;
  /** 所属: the city's own organisations only (the server offers and checks them); 政策局 is chosen beforehand. */
  organisationId: string;
  password: string;
  confirm: string;
}

const normalisedLoginId = (values: SetupValues) => values.loginId.trim().toLowerCase();

export function SetupPage({ token }: { token?: string }) {
  const status = useQuery({
    queryKey: ["setup-status", token],
    queryFn: () => call(setupStatus, { query: { token: token ?? "" } }),
    enabled: Boolean(token),
    retry: false,
  });

  let body: React.ReactNode;
  if (!token) {
    body = (
      <Alert color="red" role="alert">
        {m.auth.setupNoToken}
      </Alert>
    );
  } else if (status.isPending) {
    body = (
      <Stack align="center" role="status">
        <Loader size="sm" />
        <Text>{m.auth.setupChecking}</Text>
      </Stack>
    );
  } else if (status.error) {
    body = <ErrorAlert error={status.error} />;
  } else if (!status.data.valid) {
    body = (
      <Stack>
        <Alert color="red" role="alert">
          {m.auth.setupInvalid}
        </Alert>
        <AnchorLink to="/login">{m.auth.toLogin}</AnchorLink>
      </Stack>
    );
  } else {
    body = <SetupForm token={token} status={status.data} />;
  }

  return (
    <Paper withBorder p="xl" radius="md" maw={560} mx="auto">
      <PageHeader title={m.auth.setupTitle} documentTitle="初期設定" />
      {body}
    </Paper>
  );
}

function SetupForm({ token, status }: { token: string; status: ResponseOf<typeof setupStatus> }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const form = useForm<SetupValues>({
    initialValues: { loginId: "", displayName: "", organisationId: status.defaultOrganisationId ?? "", password: "", confirm: "" },
    validate: {
      loginId: (_value, values) => {
        const loginId = normalisedLoginId(values);
        if (!loginId) return "ログインIDを入力してください。";
        return LOGIN_ID_RE.test(loginId) ? null : "ログインIDは3〜100文字の半角英数字と . _ @ - で入力してください。";
      },
      displayName: (value) => (value.trim() ? null : "氏名を入力してください。"),
      password: (value, values) => passwordProblem(value, normalisedLoginId(values)),
      confirm: (value, values) => (value === values.password ? null : m.auth.passwordMismatch),
    },
  });
  const { ref, focusFirstInvalid } = useFocusFirstInvalid();

  const register = useMutation({
    mutationFn: (values: SetupValues) =>
      call(completeSetup, {
        body: {
          token,
          loginId: normalisedLoginId(values),
          displayName: values.displayName.trim(),
          password: values.password,
          ...(values.organisationId ? { organisationId: values.organisationId } : {}),
        },
      }),
    onSuccess: (state) => {
      applySession(queryClient, state);
      router.history.replace("/admin/users");
    },
    onError: (error) => {
      form.setErrors(fieldErrors(error));
      focusFirstInvalid();
    },
  });

  return (
    <form
      ref={ref}
      onSubmit={form.onSubmit(
        (values) => register.mutate(values),
        () => {
          register.reset();
          focusFirstInvalid();
        },
      )}
      noValidate
    >
      <Stack>
        <Text>{m.auth.setupIntro}</Text>
        <ErrorAlert error={register.error} />
        <TextInput
          label={m.auth.loginId}
          description="半角英数字と . _ @ - （3文字以上）"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          autoFocus
          {...form.getInputProps("loginId")}
        />
        <TextInput label={m.auth.displayName} autoComplete="name" required {...form.getInputProps("displayName")} />
        {status.organisations.length > 0 && (
          <NativeSelect
            label={m.auth.setupOrganisation}
            description={m.auth.setupOrganisationHelp}
            data={status.organisations.map((o) => ({
              value: o.id,
              label: `${"　".repeat(o.depth)}${o.name}（${ORGANISATION_KIND_LABELS[o.kind]}）`,
            }))}
            required
            {...form.getInputProps("organisationId")}
          />
        )}
        <PasswordInput
          label={m.auth.password}
          autoComplete="new-password"
          required
          aria-describedby="setup-password-rules"
          {...form.getInputProps("password")}
        />
        <PasswordRules id="setup-password-rules" password={form.values.password} loginId={form.values.loginId.trim()} />
        <PasswordInput label={m.auth.passwordConfirm} autoComplete="new-password" required {...form.getInputProps("confirm")} />
        <Button type="submit" loading={register.isPending} size="md">
          {m.auth.setupSubmit}
        </Button>
      </Stack>
    </form>
  );
}
