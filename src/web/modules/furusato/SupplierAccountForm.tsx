// The supplier page's form to create the supplier's own login account (外部パートナー), for the module's managers.
import { Button, Group, Paper, PasswordInput, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useId } from "react";
import { createSupplierUser, type SupplierDetail } from "../../../common/api/furusato";
import { passwordProblem } from "../../../common/password-rules";
import { call } from "../../api/client";
import { PasswordRules } from "../../auth/PasswordRules";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { useFormSubmit } from "../../ui/useFormSubmit";
import { fm } from "./messages";

interface AccountValues {
  loginId: string;
  displayName: string;
  password: string;
}

function accountErrors(values: AccountValues): Record<string, string> {
  const errors: Record<string, string> = {};
  const loginId = values.loginId.trim().toLowerCase();
  if (!/^[a-z0-9._@-]{3,100}$/.test(loginId)) errors.loginId = fm.supplier.loginIdInvalid;
  if (!values.displayName.trim()) errors.displayName = fm.supplier.displayNameRequired;
  const problem = passwordProblem(values.password, loginId);
  if (problem) errors.password = problem;
  return errors;
}

export function SupplierAccountForm({ supplier }: { supplier: SupplierDetail }) {
  const rulesId = useId();
  const form = useForm<AccountValues>({
    initialValues: { loginId: "", displayName: supplier.contactName, password: "" },
    validate: accountErrors,
  });
  const { formRef, submit, save, status } = useFormSubmit(form, {
    send: (values) =>
      call(createSupplierUser, {
        params: { id: supplier.id },
        body: { loginId: values.loginId.trim(), displayName: values.displayName.trim(), password: values.password },
      }),
    saved: (_created, values) => {
      form.setValues({ loginId: "", password: "" });
      return fm.supplier.accountCreated(values.loginId.trim().toLowerCase());
    },
  });
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="account-heading">
      <Title order={2} id="account-heading" mb="xs" className="yk-section-title">
        {fm.supplier.accountHeading}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {fm.supplier.accountHelp}
      </Text>
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={save.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={fm.supplier.loginId}
              description={fm.supplier.loginIdDescription}
              {...form.getInputProps("loginId")}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              required
            />
            <TextInput label={fm.supplier.displayName} {...form.getInputProps("displayName")} maxLength={100} required />
            <PasswordInput
              label={fm.supplier.password}
              {...form.getInputProps("password")}
              autoComplete="new-password"
              aria-describedby={rulesId}
              required
            />
            <PasswordRules id={rulesId} password={form.values.password} loginId={form.values.loginId.trim()} />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={save.isPending}>
              {fm.supplier.accountCreate}
            </Button>
            <Text size="sm" role="status" aria-live="polite" fw={600}>
              {status}
            </Text>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
