// /admin/organisations: the organisation tree (自治体 → 局 → 部 → 課) with add, rename and move (OrganisationDialog.tsx).
import { Badge, Button, Group, Loader, Paper, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ORGANISATION_KIND_LABELS, type Organisation } from "../../common/api/platform";
import { m } from "../messages";
import { useOrganisations } from "../modules/policy";
import { ErrorAlert } from "../ui/ErrorAlert";
import { PageHeader } from "../ui/PageHeader";
import { TabularImport } from "../ui/TabularImport";
import { type Dialog, OrganisationDialog } from "./OrganisationDialog";

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
