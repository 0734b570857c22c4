// /admin/organisations: the organisation tree (自治体 → 局 → 部 → 課) with add, rename and move.
import {
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import {
  createOrganisation,
  ORGANISATION_KIND_LABELS,
  ORGANISATION_KINDS,
  type Organisation,
  type OrganisationKind,
  updateOrganisation,
} from "../../common/api/platform";
import { call } from "../api/client";
import { m } from "../messages";
import { useOrganisations } from "../modules/policy";
import { ErrorAlert } from "../ui/ErrorAlert";
import { fieldErrors } from "../ui/errors";
import { useFlash } from "../ui/Flash";
import { PageHeader } from "../ui/PageHeader";
import { TabularImport } from "../ui/TabularImport";
import { organisationOptions } from "./UsersPage";

const CHILD_KIND: Record<OrganisationKind, OrganisationKind> = {
  municipality: "bureau",
  bureau: "department",
  department: "division",
  division: "division",
  external: "external",
};

type Dialog = { mode: "add"; parent: Organisation | null } | { mode: "edit"; org: Organisation } | { mode: "move"; org: Organisation };

function descendantsOf(organisations: readonly Organisation[], id: string): Set<string> {
  const out = new Set<string>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const org of organisations) {
      if (org.parentId && out.has(org.parentId) && !out.has(org.id)) {
        out.add(org.id);
        grew = true;
      }
    }
  }
  return out;
}

function OrganisationDialog({
  dialog,
  organisations,
  onClose,
}: {
  dialog: Dialog;
  organisations: readonly Organisation[];
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const org = dialog.mode === "add" ? null : dialog.org;
  const [name, setName] = useState(org?.name ?? "");
  const [kind, setKind] = useState<OrganisationKind>(
    org?.kind ?? (dialog.mode === "add" && dialog.parent ? CHILD_KIND[dialog.parent.kind] : "municipality"),
  );
  const [code, setCode] = useState(org?.code ?? "");
  const [sortOrder, setSortOrder] = useState<number>(org?.sortOrder ?? 0);
  const [parentId, setParentId] = useState(org?.parentId ?? "");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const nameRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const parentRef = useRef<HTMLSelectElement>(null);

  const save = useMutation({
    mutationFn: async () => {
      if (dialog.mode === "add") {
        return call(createOrganisation, {
          body: { parentId: dialog.parent?.id ?? null, kind, name: name.trim(), code: code.trim() || null, sortOrder },
        });
      }
      if (dialog.mode === "move") return call(updateOrganisation, { params: { id: dialog.org.id }, body: { parentId: parentId || null } });
      return call(updateOrganisation, {
        params: { id: dialog.org.id },
        body: { name: name.trim(), kind, code: code.trim() || null, sortOrder },
      });
    },
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ["organisations"] });
      flash.show(m.admin.orgSaved);
      onClose();
    },
    onError: (error) => {
      const fields = fieldErrors(error);
      setErrors(fields);
      if (fields.name) nameRef.current?.focus();
      else if (fields.code) codeRef.current?.focus();
      else if (fields.parentId) parentRef.current?.focus();
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (dialog.mode !== "move") {
      const found: Record<string, string> = {};
      if (!name.trim()) found.name = "組織名を入力してください。";
      if (code.trim() && !/^[A-Za-z0-9_-]{1,40}$/.test(code.trim()))
        found.code = "組織コードは半角英数字・_・- で40文字以内にしてください。";
      setErrors(found);
      if (found.name) return nameRef.current?.focus();
      if (found.code) return codeRef.current?.focus();
    }
    save.mutate();
  }

  const title =
    dialog.mode === "add"
      ? m.admin.orgAddTitle(dialog.parent?.name ?? null)
      : dialog.mode === "edit"
        ? m.admin.orgEditTitle(dialog.org.name)
        : m.admin.orgMoveTitle(dialog.org.name);
  const excluded = dialog.mode === "move" ? descendantsOf(organisations, dialog.org.id) : new Set<string>();

  return (
    <Modal opened onClose={onClose} title={title} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={save.error} />
          {dialog.mode === "move" ? (
            <NativeSelect
              ref={parentRef}
              label={m.admin.orgParent}
              description={m.admin.orgMoveHelp}
              value={parentId}
              onChange={(e) => setParentId(e.currentTarget.value)}
              data={[
                { value: "", label: m.admin.orgTopLevel },
                ...organisationOptions(organisations).filter((option) => !excluded.has(option.value)),
              ]}
              error={errors.parentId}
              data-autofocus
            />
          ) : (
            <>
              <TextInput
                ref={nameRef}
                label={m.admin.orgName}
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                error={errors.name}
                required
                data-autofocus
              />
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <NativeSelect
                  label={m.admin.orgKind}
                  value={kind}
                  onChange={(e) => setKind(e.currentTarget.value as OrganisationKind)}
                  data={ORGANISATION_KINDS.map((k) => ({ value: k, label: ORGANISATION_KIND_LABELS[k] }))}
                  error={errors.kind}
                />
                <TextInput
                  ref={codeRef}
                  label={m.admin.orgCode}
                  value={code}
                  onChange={(e) => setCode(e.currentTarget.value)}
                  error={errors.code}
                  autoComplete="off"
                />
                <NumberInput
                  label={m.admin.orgSortOrder}
                  value={sortOrder}
                  onChange={(v) => setSortOrder(typeof v === "number" ? v : Number(v) || 0)}
                  min={0}
                  max={100000}
                  error={errors.sortOrder}
                />
              </SimpleGrid>
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

function TreeNode({
  org,
  childrenOf,
  onAction,
}: {
  org: Organisation;
  childrenOf: (id: string) => Organisation[];
  onAction: (dialog: Dialog) => void;
}) {
  const children = childrenOf(org.id);
  const headingId = `org-${org.id}`;
  return (
    <li className="yk-org-node">
      <div className="yk-org-row">
        <Group gap="xs" wrap="wrap" style={{ flex: 1, minWidth: 0 }}>
          <Badge
            variant="outline"
            radius="sm"
            size="sm"
            styles={{ root: { color: "#1c3f8f", borderColor: "#97b1e6", background: "#e7eefc", textTransform: "none" } }}
          >
            {ORGANISATION_KIND_LABELS[org.kind]}
          </Badge>
          <Text fw={600} id={headingId}>
            {org.name}
          </Text>
          {org.code && (
            <Text size="sm" c="dimmed">
              [{org.code}]
            </Text>
          )}
          <Text size="sm" c="dimmed">
            {m.admin.orgUsers(org.userCount)}
          </Text>
          {org.isSample && (
            <Text size="xs" className="yk-muted">
              （{m.admin.sample}）
            </Text>
          )}
        </Group>
        <Group gap={4} wrap="nowrap">
          <Button
            size="compact-sm"
            variant="subtle"
            onClick={() => onAction({ mode: "add", parent: org })}
            aria-label={`「${org.name}」に${m.admin.addChildOrg}`}
          >
            {m.admin.addChildOrg}
          </Button>
          <Button
            size="compact-sm"
            variant="subtle"
            onClick={() => onAction({ mode: "edit", org })}
            aria-label={`「${org.name}」の${m.admin.renameOrg}`}
          >
            {m.admin.renameOrg}
          </Button>
          <Button
            size="compact-sm"
            variant="subtle"
            onClick={() => onAction({ mode: "move", org })}
            aria-label={`「${org.name}」を${m.admin.moveOrg}`}
          >
            {m.admin.moveOrg}
          </Button>
        </Group>
      </div>
      {children.length > 0 && (
        <ul className="yk-org-tree">
          {children.map((child) => (
            <TreeNode key={child.id} org={child} childrenOf={childrenOf} onAction={onAction} />
          ))}
        </ul>
      )}
    </li>
  );
}

export function OrganisationsPage() {
  const organisations = useOrganisations();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const all = organisations.data?.items ?? [];
  const ids = new Set(all.map((o) => o.id));
  const sorted = (list: Organisation[]) => list.sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, "ja"));
  const childrenOf = (id: string) => sorted(all.filter((o) => o.parentId === id));
  const roots = sorted(all.filter((o) => o.parentId === null || !ids.has(o.parentId)));

  return (
    <>
      <PageHeader
        title={m.admin.orgsTitle}
        subtitle={m.admin.orgsIntro}
        actions={<Button onClick={() => setDialog({ mode: "add", parent: null })}>{m.admin.addRootOrg}</Button>}
      />
      <ErrorAlert error={organisations.error} />
      <Paper withBorder p="md">
        {organisations.isPending ? (
          <Group role="status" gap="xs">
            <Loader size="sm" />
            <Text>{m.common.loading}</Text>
          </Group>
        ) : roots.length === 0 ? (
          <Text>{m.admin.orgEmpty}</Text>
        ) : (
          <ul className="yk-org-tree yk-org-root" aria-label={m.admin.orgsTitle}>
            {roots.map((org) => (
              <TreeNode key={org.id} org={org} childrenOf={childrenOf} onAction={setDialog} />
            ))}
          </ul>
        )}
      </Paper>
      <Paper withBorder p="md" mt="lg" component="section" aria-labelledby="org-bulk-heading">
        <Title order={2} id="org-bulk-heading" mb="xs" className="yk-section-title">
          {m.admin.orgBulkTitle}
        </Title>
        <Text size="sm" mb="md">
          {m.admin.orgBulkIntro}
        </Text>
        <TabularImport
          kind="organisations"
          // The outcome (with its summary) is shown and focused by TabularImport itself; only refresh the tree.
          onImported={() => queryClient.invalidateQueries({ queryKey: ["organisations"] })}
        />
      </Paper>
      {dialog && <OrganisationDialog dialog={dialog} organisations={all} onClose={() => setDialog(null)} />}
    </>
  );
}
