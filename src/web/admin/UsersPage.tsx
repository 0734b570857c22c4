// /admin/users: 利用者の一覧 (search, role / organisation filters, sort, paging) with add / edit in a modal,
// 無効化, ロック解除 and パスワード再設定 (the dialogs are in UserFormModals.tsx).
import { Badge, Button, Group, Menu, NativeSelect, Paper, SimpleGrid, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  type AdminUser,
  listUsers,
  ROLE_LABELS,
  ROLES,
  type Role,
  type USER_SORTS,
  unlockUser,
  updateUser,
} from "../../common/api/platform";
import { call } from "../api/client";
import { useCurrentUser } from "../auth/session";
import { m } from "../messages";
import { organisationPath, useOrganisations } from "../modules/policy";
import { ConfirmButton } from "../ui/ConfirmButton";
import { type Column, DataTable } from "../ui/DataTable";
import { DateText, DateTimeText } from "../ui/dates";
import { useFlash } from "../ui/Flash";
import { PageHeader } from "../ui/PageHeader";
import { useServerPaging } from "../ui/useServerPaging";
import { organisationOptions } from "./organisationOptions";
import { ResetPasswordModal, UserFormModal } from "./UserFormModals";

type SortKey = (typeof USER_SORTS)[number];

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

export function UsersPage({ organisationId: initialOrganisationId, addPartner }: { organisationId?: string; addPartner?: boolean } = {}) {
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const flash = useFlash();
  const organisations = useOrganisations();
  const [q, setQ] = useState("");
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const [role, setRole] = useState<Role | "">("");
  const [organisationId, setOrganisationId] = useState(initialOrganisationId ?? "");
  const paging = useServerPaging<SortKey>({ key: "loginId", order: "asc" });
  const { sort, page, pageSize } = paging;
  const [editing, setEditing] = useState<AdminUser | null | "new">(addPartner && initialOrganisationId ? "new" : null);
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
              paging.firstPage();
            }}
          />
          <NativeSelect
            label={m.admin.role}
            value={role}
            onChange={(e) => {
              setRole(e.currentTarget.value as Role | "");
              paging.firstPage();
            }}
            data={[{ value: "", label: m.admin.allRoles }, ...ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))]}
          />
          <NativeSelect
            label={m.admin.organisation}
            value={organisationId}
            onChange={(e) => {
              setOrganisationId(e.currentTarget.value);
              paging.firstPage();
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
        {...paging.tableProps(users.data?.total ?? 0)}
        minWidth={960}
      />
      {editing !== null && (
        <UserFormModal
          key={editing === "new" ? "new" : editing.id}
          user={editing === "new" ? null : editing}
          defaults={addPartner && initialOrganisationId ? { role: "partner", organisationId: initialOrganisationId } : undefined}
          opened
          onClose={() => setEditing(null)}
        />
      )}
      {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
    </>
  );
}
