// /setup?token=…: registers the first システム管理者 with the one-time link the server printed at first start.

import { Alert, Button, Loader, NativeSelect, Paper, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "@tanstack/react-router";
import { type FormEvent, useRef, useState } from "react";
import { completeSetup, ORGANISATION_KIND_LABELS, setupStatus } from "../../common/api/platform";
import { passwordProblem } from "../../common/password-rules";
import { call } from "../api/client";
import { m } from "../messages";
import { ErrorAlert } from "../ui/ErrorAlert";
import { fieldErrors } from "../ui/errors";
import { AnchorLink } from "../ui/links";
import { PageHeader } from "../ui/PageHeader";
import { PasswordRules } from "./PasswordRules";
import { applySession } from "./session";

type Field = "loginId" | "displayName" | "password" | "confirm";
const LOGIN_ID_RE = /^[a-z0-9._@-]{3,100}$/;

export function SetupPage({ token }: { token?: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const status = useQuery({
    queryKey: ["setup-status", token],
    queryFn: () => call(setupStatus, { query: { token: token ?? "" } }),
    enabled: Boolean(token),
    retry: false,
  });
  const [values, setValues] = useState<Record<Field, string>>({ loginId: "", displayName: "", password: "", confirm: "" });
  // 所属: the city's own organisations only (the server offers and checks them); 政策局 is chosen beforehand.
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const chosenOrganisation = organisationId ?? status.data?.defaultOrganisationId ?? "";
  const organisationRef = useRef<HTMLSelectElement>(null);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const refs: Record<Field, React.RefObject<HTMLInputElement | null>> = {
    loginId: useRef<HTMLInputElement>(null),
    displayName: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
    confirm: useRef<HTMLInputElement>(null),
  };
  const set = (field: Field) => (event: React.ChangeEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value;
    setValues((current) => ({ ...current, [field]: value }));
  };

  function validate(): Partial<Record<Field, string>> {
    const found: Partial<Record<Field, string>> = {};
    const loginId = values.loginId.trim().toLowerCase();
    if (!loginId) found.loginId = "ログインIDを入力してください。";
    else if (!LOGIN_ID_RE.test(loginId)) found.loginId = "ログインIDは3〜100文字の半角英数字と . _ @ - で入力してください。";
    if (!values.displayName.trim()) found.displayName = "氏名を入力してください。";
    const problem = passwordProblem(values.password, loginId);
    if (problem) found.password = problem;
    if (values.password !== values.confirm) found.confirm = m.auth.passwordMismatch;
    return found;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    setError(null);
    const first = (["loginId", "displayName", "password", "confirm"] as const).find((key) => found[key]);
    if (first) return refs[first].current?.focus();
    setBusy(true);
    try {
      const state = await call(completeSetup, {
        body: {
          token: token ?? "",
          loginId: values.loginId.trim().toLowerCase(),
          displayName: values.displayName.trim(),
          password: values.password,
          ...(chosenOrganisation ? { organisationId: chosenOrganisation } : {}),
        },
      });
      applySession(queryClient, state);
      router.history.replace("/admin/users");
    } catch (caught) {
      const fields = fieldErrors(caught) as Partial<Record<Field, string>>;
      setErrors(fields);
      setError(caught);
      const firstServer = (["loginId", "displayName", "password"] as const).find((key) => fields[key]);
      if (firstServer) refs[firstServer].current?.focus();
      else if (fieldErrors(caught).organisationId) organisationRef.current?.focus();
    } finally {
      setBusy(false);
    }
  }

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
    body = (
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text>{m.auth.setupIntro}</Text>
          <ErrorAlert error={error} />
          <TextInput
            ref={refs.loginId}
            label={m.auth.loginId}
            description="半角英数字と . _ @ - （3文字以上）"
            value={values.loginId}
            onChange={set("loginId")}
            error={errors.loginId}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            autoFocus
          />
          <TextInput
            ref={refs.displayName}
            label={m.auth.displayName}
            value={values.displayName}
            onChange={set("displayName")}
            error={errors.displayName}
            autoComplete="name"
            required
          />
          {status.data.organisations.length > 0 && (
            <NativeSelect
              ref={organisationRef}
              label={m.auth.setupOrganisation}
              description={m.auth.setupOrganisationHelp}
              value={chosenOrganisation}
              onChange={(event) => setOrganisationId(event.currentTarget.value)}
              error={fieldErrors(error).organisationId}
              data={status.data.organisations.map((o) => ({
                value: o.id,
                label: `${"　".repeat(o.depth)}${o.name}（${ORGANISATION_KIND_LABELS[o.kind]}）`,
              }))}
              required
            />
          )}
          <PasswordInput
            ref={refs.password}
            label={m.auth.password}
            value={values.password}
            onChange={set("password")}
            error={errors.password}
            autoComplete="new-password"
            required
            aria-describedby="setup-password-rules"
          />
          <PasswordRules id="setup-password-rules" password={values.password} loginId={values.loginId.trim()} />
          <PasswordInput
            ref={refs.confirm}
            label={m.auth.passwordConfirm}
            value={values.confirm}
            onChange={set("confirm")}
            error={errors.confirm}
            autoComplete="new-password"
            required
          />
          <Button type="submit" loading={busy} size="md">
            {m.auth.setupSubmit}
          </Button>
        </Stack>
      </form>
    );
  }

  return (
    <Paper withBorder p="xl" radius="md" maw={560} mx="auto">
      <PageHeader title={m.auth.setupTitle} documentTitle="初期設定" />
      {body}
    </Paper>
  );
}
