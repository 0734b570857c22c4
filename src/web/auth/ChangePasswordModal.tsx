// パスワード変更 dialog (from the user menu). The server answers a new session; the CSRF token changes with it.
import { Button, Group, Modal, PasswordInput, Stack } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { changePassword } from "../../common/api/platform";
import { passwordProblem } from "../../common/password-rules";
import { call } from "../api/client";
import { m } from "../messages";
import { ErrorAlert } from "../ui/ErrorAlert";
import { fieldErrors } from "../ui/errors";
import { useFlash } from "../ui/Flash";
import { PasswordRules } from "./PasswordRules";
import { applySession } from "./session";

export function ChangePasswordModal({ opened, onClose, loginId }: { opened: boolean; onClose: () => void; loginId: string }) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [confirm, setConfirm] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const refs = {
    currentPassword: useRef<HTMLInputElement>(null),
    newPassword: useRef<HTMLInputElement>(null),
    confirm: useRef<HTMLInputElement>(null),
  };

  function reset() {
    setCurrent("");
    setNext("");
    setConfirm("");
    setErrors({});
    setError(null);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!current) found.currentPassword = "現在のパスワードを入力してください。";
    const problem = passwordProblem(next, loginId);
    if (problem) found.newPassword = problem;
    if (next !== confirm) found.confirm = m.auth.passwordMismatch;
    setErrors(found);
    setError(null);
    const first = (["currentPassword", "newPassword", "confirm"] as const).find((key) => found[key]);
    if (first) {
      refs[first].current?.focus();
      return;
    }
    setBusy(true);
    try {
      const state = await call(changePassword, { body: { currentPassword: current, newPassword: next } });
      applySession(queryClient, state);
      reset();
      onClose();
      flash.show(m.auth.passwordChanged);
    } catch (caught) {
      const fields = fieldErrors(caught);
      setErrors(fields);
      setError(caught);
      if (fields.currentPassword) refs.currentPassword.current?.focus();
      else if (fields.newPassword) refs.newPassword.current?.focus();
    } finally {
      setBusy(false);
    }
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
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={error} />
          <PasswordInput
            ref={refs.currentPassword}
            label={m.auth.currentPassword}
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={errors.currentPassword}
            autoComplete="current-password"
            required
            data-autofocus
          />
          <PasswordInput
            ref={refs.newPassword}
            label={m.auth.newPassword}
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
            error={errors.newPassword}
            autoComplete="new-password"
            required
            aria-describedby="change-password-rules"
          />
          <PasswordRules id="change-password-rules" password={next} loginId={loginId} />
          <PasswordInput
            ref={refs.confirm}
            label={m.auth.newPasswordConfirm}
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            error={errors.confirm}
            autoComplete="new-password"
            required
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={busy}>
              {m.common.cancel}
            </Button>
            <Button type="submit" loading={busy}>
              {m.auth.changePasswordSubmit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
