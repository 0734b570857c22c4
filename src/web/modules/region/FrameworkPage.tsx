// /region/frameworks/$id: one framework — its description, members (role, 全国地方公共団体コード, a link to the hub's
// 市町 page), agreements with their documents, its joint projects and its meetings. The bureau that runs 広域連携
// edits the framework, adds and removes members, and keeps the agreements and their documents.
import { Anchor, Button, Group, Stack, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  type Agreement,
  deleteAgreement,
  downloadAgreementFile,
  type FrameworkDetail,
  type FrameworkMember,
  removeFrameworkMember,
  uploadAgreementFile,
} from "../../../common/api/region-projects";
import { call, urlFor } from "../../api/client";
import { MeetingsSection } from "../../meetings/MeetingsSection";
import { ConfirmButton } from "../../ui/ConfirmButton";
import type { Column } from "../../ui/DataTable";
import { DateText } from "../../ui/dates";
import { useFlash } from "../../ui/Flash";
import { InternalLink } from "../../ui/InternalLink";
import { PageHeader } from "../../ui/PageHeader";
import { QueryBoundary } from "../../ui/QueryBoundary";
import { SampleBadge } from "../../ui/SampleBadge";
import { TableSection } from "../../ui/Section";
import { AgreementDialog, FrameworkDialog, MemberDialog } from "./FrameworkDialogs";
import { municipalityPath } from "./municipalityPaths";
import { pjm } from "./projectMessages";
import { ProjectStatusBadge, SingleFileUpload } from "./projectParts";
import { projectKeys, useFramework } from "./projectQueries";

const t = pjm.framework;

type Dialog = { kind: "edit" } | { kind: "member"; member?: FrameworkMember } | { kind: "agreement"; agreement?: Agreement } | null;

function FrameworkView({ framework }: { framework: FrameworkDetail }) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const [dialog, setDialog] = useState<Dialog>(null);
  const manage = framework.canManage;
  const refresh = async (next?: FrameworkDetail) => {
    if (next) queryClient.setQueryData(projectKeys.framework(framework.id), next);
    await queryClient.invalidateQueries({ queryKey: projectKeys.all });
  };

  const memberColumns: Column<FrameworkMember>[] = [
    {
      key: "name",
      header: t.memberName,
      rowHeader: true,
      render: (m) => (
        <Group gap={6}>
          {m.municipalityCode ? <InternalLink href={municipalityPath(m.municipalityCode)}>{m.name}</InternalLink> : m.name}
          {m.isSample && <SampleBadge />}
        </Group>
      ),
    },
    { key: "code", header: t.code, nowrap: true, render: (m) => m.localGovernmentCode },
    { key: "role", header: t.role, nowrap: true, render: (m) => pjm.roles[m.role] },
    { key: "joined", header: t.joinedOn, nowrap: true, render: (m) => <DateText iso={m.joinedOn} western="title" /> },
    { key: "projects", header: t.projectCount, align: "right", nowrap: true, render: (m) => pjm.count(m.projectCount) },
    ...(manage
      ? [
          {
            key: "actions",
            header: "操作",
            nowrap: true,
            render: (m: FrameworkMember) => (
              <Group gap={4} wrap="nowrap">
                <Button
                  size="compact-xs"
                  variant="default"
                  onClick={() => setDialog({ kind: "member", member: m })}
                  aria-label={`${m.name}を${t.editMember}`}
                >
                  {t.editMember}
                </Button>
                <ConfirmButton
                  size="compact-xs"
                  variant="default"
                  color="red"
                  aria-label={`${m.name}を${t.removeMember}`}
                  title={t.removeMember}
                  message={t.removeConfirm(m.name)}
                  onConfirm={async () => {
                    await refresh(await call(removeFrameworkMember, { params: { id: framework.id, memberId: m.id } }));
                    flash.show(t.removed(m.name));
                  }}
                >
                  {t.removeMember}
                </ConfirmButton>
              </Group>
            ),
          },
        ]
      : []),
  ];

  const agreementColumns: Column<Agreement>[] = [
    { key: "signed", header: t.signedOn, nowrap: true, render: (a) => <DateText iso={a.signedOn} /> },
    {
      key: "title",
      header: t.agreementTitle,
      rowHeader: true,
      render: (a) => (
        <Stack gap={2}>
          <Group gap={6}>
            <Text size="sm" fw={600}>
              {a.title}
            </Text>
            {a.isSample && <SampleBadge />}
          </Group>
          {a.note && (
            <Text size="xs" c="dimmed">
              {a.note}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: "file",
      header: t.file,
      render: (a) => (
        <Stack gap={4}>
          {a.file ? (
            <Anchor href={urlFor(downloadAgreementFile, { params: { id: framework.id, agreementId: a.id } })} download size="sm">
              {a.file.name}
            </Anchor>
          ) : (
            <Text size="sm" c="dimmed">
              {t.noFile}
            </Text>
          )}
          {manage && (
            <SingleFileUpload
              contract={uploadAgreementFile}
              params={{ id: framework.id, agreementId: a.id }}
              label={t.uploadLabel(a.title)}
              onUploaded={() => refresh()}
            />
          )}
        </Stack>
      ),
    },
    ...(manage
      ? [
          {
            key: "actions",
            header: "操作",
            nowrap: true,
            render: (a: Agreement) => (
              <Group gap={4} wrap="nowrap">
                <Button
                  size="compact-xs"
                  variant="default"
                  onClick={() => setDialog({ kind: "agreement", agreement: a })}
                  aria-label={`${a.title}を${t.editAgreement}`}
                >
                  {t.editAgreement}
                </Button>
                <ConfirmButton
                  size="compact-xs"
                  variant="default"
                  color="red"
                  aria-label={`${a.title}を${t.deleteAgreement}`}
                  title={t.deleteAgreement}
                  message={t.deleteAgreementConfirm(a.title)}
                  onConfirm={async () => refresh(await call(deleteAgreement, { params: { id: framework.id, agreementId: a.id } }))}
                >
                  {t.deleteAgreement}
                </ConfirmButton>
              </Group>
            ),
          },
        ]
      : []),
  ];

  type P = FrameworkDetail["projects"][number];
  const projectColumns: Column<P>[] = [
    {
      key: "name",
      header: pjm.projects.name,
      rowHeader: true,
      render: (p) => (
        <Group gap={6}>
          <InternalLink href={`/region/projects/${p.id}`}>{p.name}</InternalLink>
          {p.isSample && <SampleBadge />}
        </Group>
      ),
    },
    { key: "status", header: t.status, nowrap: true, render: (p) => <ProjectStatusBadge status={p.status} /> },
    { key: "since", header: t.since, nowrap: true, render: (p) => <DateText iso={p.statusSince} western="title" /> },
    { key: "lead", header: t.lead, nowrap: true, render: (p) => p.leadName ?? pjm.dash },
  ];

  return (
    <>
      <PageHeader
        title={framework.name}
        breadcrumbs={[
          { label: pjm.crumbs.region, href: "/region" },
          { label: pjm.crumbs.frameworks, href: "/region/frameworks" },
          { label: framework.name },
        ]}
        badges={
          <>
            <Text size="sm">{pjm.kinds[framework.kind]}</Text>
            {framework.startedOn && (
              <Text size="sm">
                {t.startedOn}: <DateText iso={framework.startedOn} />
              </Text>
            )}
            {framework.isSample && <SampleBadge />}
          </>
        }
        subtitle={framework.description}
        actions={manage ? <Button onClick={() => setDialog({ kind: "edit" })}>{t.edit}</Button> : undefined}
      />
      <Stack gap="lg">
        <TableSection
          id="framework-members"
          title={`${t.membersTitle}（${framework.members.length}）`}
          caption={t.membersCaption}
          columns={memberColumns}
          rows={framework.members}
          rowKey={(m) => m.id}
          empty={t.membersEmpty}
          minWidth={720}
          actions={
            manage ? (
              <Button size="xs" onClick={() => setDialog({ kind: "member" })}>
                {t.addMember}
              </Button>
            ) : undefined
          }
        />
        <TableSection
          id="framework-agreements"
          title={t.agreementsTitle}
          caption={t.agreementsCaption}
          columns={agreementColumns}
          rows={framework.agreements}
          rowKey={(a) => a.id}
          empty={t.agreementsEmpty}
          minWidth={820}
          actions={
            manage ? (
              <Button size="xs" onClick={() => setDialog({ kind: "agreement" })}>
                {t.addAgreement}
              </Button>
            ) : undefined
          }
        />
        <TableSection
          id="framework-projects"
          title={t.projectsTitle}
          caption={t.projectsCaption}
          columns={projectColumns}
          rows={framework.projects}
          rowKey={(p) => p.id}
          empty={t.projectsEmpty}
          minWidth={640}
          actions={<InternalLink href={`/region/projects?frameworkId=${framework.id}`}>{pjm.crumbs.projects}</InternalLink>}
        />
        <MeetingsSection ownerKind="region.framework" ownerId={framework.id} />
      </Stack>
      {dialog?.kind === "edit" && <FrameworkDialog framework={framework} onClose={() => setDialog(null)} />}
      {dialog?.kind === "member" && <MemberDialog framework={framework} member={dialog.member} onClose={() => setDialog(null)} />}
      {dialog?.kind === "agreement" && (
        <AgreementDialog framework={framework} agreement={dialog.agreement} onClose={() => setDialog(null)} />
      )}
    </>
  );
}

export function FrameworkPage({ id }: { id: string }) {
  const query = useFramework(id);
  return (
    <QueryBoundary query={query} title={pjm.crumbs.frameworks}>
      {(framework) => <FrameworkView framework={framework} />}
    </QueryBoundary>
  );
}
