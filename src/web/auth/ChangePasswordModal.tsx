// パスワード変更 dialog (from the user menu). The server answers a new session; the CSRF token changes with it.
// After a failed check, here or on the server, the first input with an error takes the focus.
import { Button, Group, Modal, PasswordInput, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { changePassword } from "../../common/api/platform";
import { passwordProblem } from "../../common/password-rules";
import { call } from "../api/client";
import { m } from "../messages";
import { ErrorAlert } from "../ui/ErrorAlert";
import { fieldErrors } from "../ui/errors";
import { useFlash } from "../ui/Flash";
import { useFocusFirstInvalid } from "../ui/useFocusFirstInvalid";
import { PasswordRules } from "./PasswordRules";
import { applySession } from "./session";

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordModal({ opened, onClose, loginId }: { opened: boolean; onClose: () => void; loginId: string }) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const form = useForm<ChangePasswordValues>({
    initialValues: { currentPassword: "", newPassword: "", confirm: "" },
    validate: {
      currentPassword: (value) => (value ? null : "現在のパスワードを入力してください。"),
      newPassword: (value) => passwordProblem(value, loginId),
      confirm: (value, values) => (value === values.newPassword ? null : m.auth.passwordMismatch),
    },
  });
  const { ref, focusFirstInvalid } = useFocusFirstInvalid();

  const save = useMutation({
    mutationFn: (values: ChangePasswordValues) =>
      call(changePassword, { body: { currentPassword: values.currentPassword, newPassword: values.newPassword } }),
    onSuccess: (state) => {
      applySession(queryClient, state);
      reset();
      onClose();
      flash.show(m.auth.passwordChanged);
    },
    onError: (error) => {
      form.setErrors(fieldErrors(error));
      focusFirstInvalid();
    },
  });

  function reset() {
    form.reset();
    save.reset();
  }

  return (
    <Modal
      opened={opened}
      onClose={() => {
        reset();
        onClose();
      }}
      title={m.auth.changePasswordTitle}
      centered
    >
      <form
        ref={ref}
        onSubmit={form.onSubmit(
          (values) => save.mutate(values),
          () => {
            save.reset();
            focusFirstInvalid();
          },
        )}
        noValidate
      >
        <Stack>
          <ErrorAlert error={save.error} />
          <PasswordInput
            label={m.auth.currentPassword}
            autoComplete="current-password"
            required
            data-autofocus
            {...form.getInputProps("currentPassword")}
          />
          <PasswordInput
            label={m.auth.newPassword}
            autoComplete="new-password"
            required
            aria-describedby="change-password-rules"
            {...form.getInputProps("newPassword")}
          />
          <PasswordRules id="change-password-rules" password={form.values.newPassword} loginId={loginId} />
          <PasswordInput label={m.auth.newPasswordConfirm} autoComplete="new-password" required {...form.getInputProps("confirm")} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={save.isPending}>
              {m.common.cancel}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {m.auth.changePasswordSubmit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
