// /admin/users: 利用者の一覧 (search, role / organisation filters, sort, paging) with add / edit in a modal,
// 無効化, ロック解除 and パスワード再設定.
import { Badge, Button, Group, Menu, Modal, NativeSelect, Paper, PasswordInput, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import {
  type AdminUser,
  createUser,
  listUsers,
  ORGANISATION_KIND_LABELS,
  type Organisation,
  ROLE_LABELS,
  ROLES,
  type Role,
  resetUserPassword,
  type USER_SORTS,
  unlockUser,
  updateUser,
} from "../../common/api/platform";
import { passwordProblem } from "../../common/password-rules";
import { call } from "../api/client";
import { PasswordRules } from "../auth/PasswordRules";
import { useCurrentUser } from "../auth/session";
import { m } from "../messages";
import { organisationPath, useOrganisations } from "../modules/policy";
import { ConfirmButton } from "../ui/ConfirmButton";
import { type Column, DataTable, type SortState } from "../ui/DataTable";
import { DateText, DateTimeText } from "../ui/dates";
import { ErrorAlert } from "../ui/ErrorAlert";
import { fieldErrors } from "../ui/errors";
import { useFlash } from "../ui/Flash";
import { PageHeader } from "../ui/PageHeader";

type SortKey = (typeof USER_SORTS)[number];
const LOGIN_ID_RE = /^[a-z0-9._@-]{3,100}$/;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Organisations in tree order with their path, for selects ("政策局 › 企画課"). */
export function organisationOptions(organisations: readonly Organisation[]): { value: string; label: string }[] {
  const children = new Map<string | null, Organisation[]>();
  for (const org of organisations) {
    const list = children.get(org.parentId) ?? [];
    list.push(org);
    children.set(org.parentId, list);
  }
  const ids = new Set(organisations.map((o) => o.id));
  const roots = organisations.filter((o) => o.parentId === null || !ids.has(o.parentId));
  const out: { value: string; label: string }[] = [];
  const visit = (org: Organisation, depth: number) => {
    out.push({ value: org.id, label: `${"　".repeat(depth)}${org.name}（${ORGANISATION_KIND_LABELS[org.kind]}）` });
    for (const child of (children.get(org.id) ?? []).sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, "ja")))
      visit(child, depth + 1);
  };
  for (const root of roots.sort((a, b) => a.sortOrder - b.sortOrder)) visit(root, 0);
  return out;
}

type FormField = "loginId" | "displayName" | "email" | "role" | "organisationId" | "password";

function UserFormModal({ user, opened, onClose }: { user: AdminUser | null; opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const organisations = useOrganisations();
  const [values, setValues] = useState<Record<FormField, string>>({
    loginId: user?.loginId ?? "",
    displayName: user?.displayName ?? "",
    email: user?.email ?? "",
    role: user?.role ?? "viewer",
    organisationId: user?.organisationId ?? "",
    password: "",
  });
  const [errors, setErrors] = useState<Partial<Record<FormField, string>>>({});
  const refs: Record<FormField, React.RefObject<HTMLInputElement | HTMLSelectElement | null>> = {
    loginId: useRef<HTMLInputElement>(null),
    displayName: useRef<HTMLInputElement>(null),
    email: useRef<HTMLInputElement>(null),
    role: useRef<HTMLSelectElement>(null),
    organisationId: useRef<HTMLSelectElement>(null),
    password: useRef<HTMLInputElement>(null),
  };
  const order: FormField[] = ["loginId", "displayName", "email", "role", "organisationId", "password"];
  const set = (field: FormField) => (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
    const value = event.currentTarget.value;
    setValues((current) => ({ ...current, [field]: value }));
  };

  const save = useMutation({
    mutationFn: async () => {
      const email = values.email.trim() || null;
      if (user) {
        return call(updateUser, {
          params: { id: user.id },
          body: { displayName: values.displayName.trim(), email, role: values.role as Role, organisationId: values.organisationId },
        });
      }
      return call(createUser, {
        body: {
          loginId: values.loginId.trim().toLowerCase(),
          displayName: values.displayName.trim(),
          email,
          role: values.role as Role,
          organisationId: values.organisationId,
          password: values.password,
        },
      });
    },
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ["admin", "users"] });
      queryClient.invalidateQueries({ queryKey: ["organisations"] });
      flash.show(user ? m.admin.userUpdated : m.admin.userCreated);
      onClose();
    },
    onError: (error) => {
      const fields = fieldErrors(error) as Partial<Record<FormField, string>>;
      setErrors(fields);
      const first = order.find((key) => fields[key]);
      if (first) refs[first].current?.focus();
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Partial<Record<FormField, string>> = {};
    if (!user) {
      const loginId = values.loginId.trim().toLowerCase();
      if (!loginId) found.loginId = "ログインIDを入力してください。";
      else if (!LOGIN_ID_RE.test(loginId)) found.loginId = "ログインIDは3〜100文字の半角英数字と . _ @ - で入力してください。";
      const problem = passwordProblem(values.password, loginId);
      if (problem) found.password = problem;
    }
    if (!values.displayName.trim()) found.displayName = "氏名を入力してください。";
    if (values.email.trim() && !EMAIL_RE.test(values.email.trim())) found.email = "メールアドレスの形式が正しくありません。";
    if (!values.organisationId) found.organisationId = "所属を選んでください。";
    setErrors(found);
    const first = order.find((key) => found[key]);
    if (first) return refs[first].current?.focus();
    save.mutate();
  }

  return (
    <Modal opened={opened} onClose={onClose} title={user ? `${m.admin.editUser}（${user.loginId}）` : m.admin.addUser} size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={save.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              ref={refs.loginId as React.RefObject<HTMLInputElement>}
              label={m.auth.loginId}
              value={values.loginId}
              onChange={set("loginId")}
              error={errors.loginId}
              disabled={Boolean(user)}
              required={!user}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              data-autofocus={!user || undefined}
            />
            <TextInput
              ref={refs.displayName as React.RefObject<HTMLInputElement>}
              label={m.auth.displayName}
              value={values.displayName}
              onChange={set("displayName")}
              error={errors.displayName}
              required
              data-autofocus={user ? true : undefined}
            />
            <TextInput
              ref={refs.email as React.RefObject<HTMLInputElement>}
              label={m.admin.email}
              type="email"
              value={values.email}
              onChange={set("email")}
              error={errors.email}
              autoComplete="off"
            />
            <NativeSelect
              ref={refs.role as React.RefObject<HTMLSelectElement>}
              label={m.admin.role}
              value={values.role}
              onChange={set("role")}
              error={errors.role}
              data={ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
              required
            />
          </SimpleGrid>
          <NativeSelect
            ref={refs.organisationId as React.RefObject<HTMLSelectElement>}
            label={m.admin.organisation}
            value={values.organisationId}
            onChange={set("organisationId")}
            error={errors.organisationId}
            data={[{ value: "", label: m.admin.selectOrganisation }, ...organisationOptions(organisations.data?.items ?? [])]}
            required
          />
          {!user && (
            <>
              <PasswordInput
                ref={refs.password as React.RefObject<HTMLInputElement>}
                label={m.admin.initialPassword}
                value={values.password}
                onChange={set("password")}
                error={errors.password}
                autoComplete="new-password"
                required
                aria-describedby="user-password-rules"
              />
              <PasswordRules id="user-password-rules" password={values.password} loginId={values.loginId.trim()} />
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {m.common.cancel}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {m.common.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ResetPasswordModal({ user, onClose }: { user: AdminUser; onClose: () => void }) {
  const flash = useFlash();
  const [password, setPassword] = useState("");
  const [error, setFieldError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const reset = useMutation({
    mutationFn: () => call(resetUserPassword, { params: { id: user.id }, body: { password } }),
    onSuccess: () => {
      flash.show(m.admin.passwordReset);
      onClose();
    },
    onError: (caught) => {
      setFieldError(fieldErrors(caught).password ?? null);
      inputRef.current?.focus();
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    const problem = passwordProblem(password, user.loginId);
    setFieldError(problem);
    if (problem) return inputRef.current?.focus();
    reset.mutate();
  }
  return (
    <Modal opened onClose={onClose} title={m.admin.resetPasswordTitle(user.displayName)} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{m.admin.resetPasswordNote}</Text>
          <ErrorAlert error={reset.error && !fieldErrors(reset.error).password ? reset.error : null} />
          <PasswordInput
            ref={inputRef}
            label={m.auth.newPassword}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={error}
            autoComplete="new-password"
            required
            data-autofocus
            aria-describedby="reset-password-rules"
          />
          <PasswordRules id="reset-password-rules" password={password} loginId={user.loginId} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {m.common.cancel}
            </Button>
            <Button type="submit" loading={reset.isPending}>
              {m.admin.resetPassword}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function UserStatus({ user }: { user: AdminUser }) {
  return (
    <Group gap={4} wrap="nowrap">
      {user.disabled ? (
        <Badge variant="outline" radius="sm" styles={{ root: { color: "#495057", borderColor: "#868e96", textTransform: "none" } }}>
          {m.admin.disabled}
        </Badge>
      ) : (
        <Badge
          variant="outline"
          radius="sm"
          styles={{ root: { color: "#1e5631", borderColor: "#8cc9a0", background: "#e6f4ea", textTransform: "none" } }}
        >
          {m.admin.active}
        </Badge>
      )}
      {user.locked && (
        <Badge
          variant="outline"
          radius="sm"
          styles={{ root: { color: "#9b1c1c", borderColor: "#eea4a4", background: "#fdecec", textTransform: "none" } }}
        >
          {m.admin.locked}
        </Badge>
      )}
    </Group>
  );
}

export function UsersPage() {
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const flash = useFlash();
  const organisations = useOrganisations();
  const [q, setQ] = useState("");
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const [role, setRole] = useState<Role | "">("");
  const [organisationId, setOrganisationId] = useState("");
  const [sort, setSort] = useState<SortState<SortKey>>({ key: "loginId", order: "asc" });
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [editing, setEditing] = useState<AdminUser | null | "new">(null);
  const [resetting, setResetting] = useState<AdminUser | null>(null);

  const query = {
    q: debouncedQ || undefined,
    role: role || undefined,
    organisationId: organisationId || undefined,
    sort: sort.key,
    order: sort.order,
    page,
    pageSize,
  };
  const users = useQuery({
    queryKey: ["admin", "users", query],
    queryFn: () => call(listUsers, { query }),
    placeholderData: keepPreviousData,
  });
  const all = organisations.data?.items ?? [];

  async function setDisabled(user: AdminUser, disabled: boolean) {
    await call(updateUser, { params: { id: user.id }, body: { disabled } });
    await queryClient.invalidateQueries({ queryKey: ["admin", "users"] });
    flash.show(m.admin.userUpdated);
  }
  async function unlock(user: AdminUser) {
    await call(unlockUser, { params: { id: user.id }, body: {} });
    await queryClient.invalidateQueries({ queryKey: ["admin", "users"] });
    flash.show(m.admin.unlocked);
  }

  const columns: Column<AdminUser, SortKey>[] = [
    { key: "loginId", header: m.auth.loginId, sortKey: "loginId", nowrap: true, render: (u) => u.loginId },
    {
      key: "displayName",
      header: m.auth.displayName,
      sortKey: "displayName",
      rowHeader: true,
      render: (u) => (
        <>
          {u.displayName}
          {u.isSample && (
            <Text span size="xs" ml={6} className="yk-muted">
              （{m.admin.sample}）
            </Text>
          )}
        </>
      ),
    },
    { key: "role", header: m.admin.role, sortKey: "role", nowrap: true, render: (u) => ROLE_LABELS[u.role] },
    {
      key: "organisation",
      header: m.admin.organisation,
      sortKey: "organisation",
      render: (u) => (all.length ? organisationPath(all, u.organisationId, "municipality") || u.organisationName : u.organisationName),
    },
    { key: "status", header: m.admin.status, render: (u) => <UserStatus user={u} /> },
    {
      key: "lastLoginAt",
      header: m.admin.lastLogin,
      sortKey: "lastLoginAt",
      nowrap: true,
      render: (u) => <DateTimeText timestamp={u.lastLoginAt} />,
    },
    {
      key: "createdAt",
      header: m.admin.createdAt,
      sortKey: "createdAt",
      nowrap: true,
      render: (u) => <DateText iso={u.createdAt.slice(0, 10)} western="title" />,
    },
    {
      key: "actions",
      header: m.admin.actions,
      nowrap: true,
      render: (u) => (
        <Group gap={4} wrap="nowrap">
          <Button size="compact-sm" variant="default" onClick={() => setEditing(u)} aria-label={`${u.displayName}を${m.common.edit}`}>
            {m.common.edit}
          </Button>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button size="compact-sm" variant="subtle" aria-label={`${u.displayName}のその他の操作`}>
                その他 ▾
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => setResetting(u)}>{m.admin.resetPassword}</Menu.Item>
            </Menu.Dropdown>
          </Menu>
          {u.locked && (
            <ConfirmButton
              size="compact-sm"
              variant="default"
              message={m.admin.unlockConfirm(u.displayName)}
              onConfirm={() => unlock(u)}
              aria-label={`${u.displayName}の${m.admin.unlock}`}
            >
              {m.admin.unlock}
            </ConfirmButton>
          )}
          {u.id !== me.id &&
            (u.disabled ? (
              <ConfirmButton
                size="compact-sm"
                variant="default"
                message={m.admin.enableConfirm(u.displayName)}
                onConfirm={() => setDisabled(u, false)}
                aria-label={`${u.displayName}を${m.admin.enable}`}
              >
                {m.admin.enable}
              </ConfirmButton>
            ) : (
              <ConfirmButton
                size="compact-sm"
                variant="subtle"
                color="red"
                c="#9b1c1c"
                confirmColor="red.9"
                message={m.admin.disableConfirm(u.displayName)}
                onConfirm={() => setDisabled(u, true)}
                aria-label={`${u.displayName}を${m.admin.disable}`}
              >
                {m.admin.disable}
              </ConfirmButton>
            ))}
        </Group>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={m.admin.usersTitle} actions={<Button onClick={() => setEditing("new")}>{m.admin.addUser}</Button>} />
      <Paper withBorder p="md" mb="md" component="section" aria-label="絞り込み">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={m.admin.userSearch}
            type="search"
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              setPage(1);
            }}
          />
          <NativeSelect
            label={m.admin.role}
            value={role}
            onChange={(e) => {
              setRole(e.currentTarget.value as Role | "");
              setPage(1);
            }}
            data={[{ value: "", label: m.admin.allRoles }, ...ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))]}
          />
          <NativeSelect
            label={m.admin.organisation}
            value={organisationId}
            onChange={(e) => {
              setOrganisationId(e.currentTarget.value);
              setPage(1);
            }}
            data={[{ value: "", label: m.admin.allOrganisations }, ...organisationOptions(all)]}
          />
        </SimpleGrid>
      </Paper>
      <DataTable
        caption={m.admin.usersCaption}
        columns={columns}
        rows={users.data?.items}
        rowKey={(u) => u.id}
        loading={users.isFetching}
        error={users.error}
        sort={sort}
        onSortChange={(next) => {
          setSort(next);
          setPage(1);
        }}
        paging={{
          page,
          pageSize,
          total: users.data?.total ?? 0,
          onPageChange: setPage,
          onPageSizeChange: (size) => {
            setPageSize(size);
            setPage(1);
          },
        }}
        minWidth={960}
      />
      {editing !== null && (
        <UserFormModal
          key={editing === "new" ? "new" : editing.id}
          user={editing === "new" ? null : editing}
          opened
          onClose={() => setEditing(null)}
        />
      )}
      {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
    </>
  );
}
