// The dialogs of /admin/users: add or edit a user (values and checks in user-form-values.ts) and set a new password.
// After a failed check, here or on the server, the first input with an error takes the focus.
import { Button, Group, Modal, NativeSelect, PasswordInput, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type AdminUser, createUser, ROLE_LABELS, ROLES, resetUserPassword, updateUser } from "../../common/api/platform";
import { passwordProblem } from "../../common/password-rules";
import { call } from "../api/client";
import { PasswordRules } from "../auth/PasswordRules";
import { m } from "../messages";
import { useOrganisations } from "../modules/policy";
import { ErrorAlert } from "../ui/ErrorAlert";
import { fieldErrors } from "../ui/errors";
import { useFlash } from "../ui/Flash";
import { useFocusFirstInvalid } from "../ui/useFocusFirstInvalid";
import { organisationOptions } from "./organisationOptions";
import { createUserBody, type UserValues, updateUserBody, userErrors, userValues } from "./user-form-values";

function ModalActions({ onCancel, saving, submitLabel }: { onCancel: () => void; saving: boolean; submitLabel: string }) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {m.common.cancel}
      </Button>
      <Button type="submit" loading={saving}>
        {submitLabel}
      </Button>
    </Group>
  );
}

export function UserFormModal({
  user,
  opened,
  onClose,
  defaults,
}: {
  user: AdminUser | null;
  opened: boolean;
  onClose: () => void;
  /** a new user's preset values (a partner login of a given organisation) */
  defaults?: Partial<Pick<UserValues, "role" | "organisationId">>;
}) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const organisations = useOrganisations();
  const isNew = user === null;
  const form = useForm<UserValues>({
    initialValues: { ...userValues(user), ...(isNew ? defaults : {}) },
    validate: (values) => userErrors(values, isNew),
  });
  const { ref, focusFirstInvalid } = useFocusFirstInvalid();

  const save = useMutation({
    mutationFn: (values: UserValues) =>
      user
        ? call(updateUser, { params: { id: user.id }, body: updateUserBody(values) })
        : call(createUser, { body: createUserBody(values) }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ["admin", "users"] });
      queryClient.invalidateQueries({ queryKey: ["organisations"] });
      flash.show(user ? m.admin.userUpdated : m.admin.userCreated);
      onClose();
    },
    onError: (error) => {
      form.setErrors(fieldErrors(error));
      focusFirstInvalid();
    },
  });

  return (
    <Modal opened={opened} onClose={onClose} title={user ? `${m.admin.editUser}（${user.loginId}）` : m.admin.addUser} size="lg" centered>
      <form ref={ref} onSubmit={form.onSubmit((values) => save.mutate(values), focusFirstInvalid)} noValidate>
        <Stack>
          <ErrorAlert error={save.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={m.auth.loginId}
              disabled={!isNew}
              required={isNew}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              data-autofocus={isNew || undefined}
              {...form.getInputProps("loginId")}
            />
            <TextInput
              label={m.auth.displayName}
              required
              data-autofocus={isNew ? undefined : true}
              {...form.getInputProps("displayName")}
            />
            <TextInput label={m.admin.email} type="email" autoComplete="off" {...form.getInputProps("email")} />
            <NativeSelect
              label={m.admin.role}
              data={ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
              required
              {...form.getInputProps("role")}
            />
          </SimpleGrid>
          <NativeSelect
            label={m.admin.organisation}
            data={[{ value: "", label: m.admin.selectOrganisation }, ...organisationOptions(organisations.data?.items ?? [])]}
            required
            {...form.getInputProps("organisationId")}
          />
          {isNew && (
            <>
              <PasswordInput
                label={m.admin.initialPassword}
                autoComplete="new-password"
                required
                aria-describedby="user-password-rules"
                {...form.getInputProps("password")}
              />
              <PasswordRules id="user-password-rules" password={form.values.password} loginId={form.values.loginId.trim()} />
            </>
          )}
          <ModalActions onCancel={onClose} saving={save.isPending} submitLabel={m.common.save} />
        </Stack>
      </form>
    </Modal>
  );
}

export function ResetPasswordModal({ user, onClose }: { user: AdminUser; onClose: () => void }) {
  const flash = useFlash();
  const form = useForm({
    initialValues: { password: "" },
    validate: { password: (password) => passwordProblem(password, user.loginId) },
  });
  const { ref, focusFirstInvalid } = useFocusFirstInvalid();
  const reset = useMutation({
    mutationFn: (password: string) => call(resetUserPassword, { params: { id: user.id }, body: { password } }),
    onSuccess: () => {
      flash.show(m.admin.passwordReset);
      onClose();
    },
    onError: (caught) => {
      form.setErrors({ password: fieldErrors(caught).password ?? null });
      focusFirstInvalid();
    },
  });
  const passwordError = reset.error ? fieldErrors(reset.error).password : undefined;
  return (
    <Modal opened onClose={onClose} title={m.admin.resetPasswordTitle(user.displayName)} centered>
      <form ref={ref} onSubmit={form.onSubmit((values) => reset.mutate(values.password), focusFirstInvalid)} noValidate>
        <Stack>
          <Text size="sm">{m.admin.resetPasswordNote}</Text>
          {/* a message about the password shows under its input, not twice */}
          <ErrorAlert error={reset.error && !passwordError ? reset.error : null} />
          <PasswordInput
            label={m.auth.newPassword}
            autoComplete="new-password"
            required
            data-autofocus
            aria-describedby="reset-password-rules"
            {...form.getInputProps("password")}
          />
          <PasswordRules id="reset-password-rules" password={form.values.password} loginId={user.loginId} />
          <ModalActions onCancel={onClose} saving={reset.isPending} submitLabel={m.admin.resetPassword} />
        </Stack>
      </form>
    </Modal>
  );
}
