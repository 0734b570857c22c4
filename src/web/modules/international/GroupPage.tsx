// /international/groups/$id: one working group — its member divisions; its meetings (date, agenda, attendees, minutes,
// decisions); its calls for ideas with each member division's state (提出済/未提出), the ideas and, for a member
// division's editor while the call is open, the form to send one; its actions (owner, due date in 和暦, status,
// overdue flag, the project it led to); and 「成果」: each adopted idea → action → project as one readable chain.
import { Badge, Button, Group, List, Paper, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import {
  ACTION_STATUS_LABELS,
  decideIdea,
  type GroupAction,
  type GroupDetail,
  IDEA_STATUS_LABELS,
  submitIdea,
} from "../../../common/api/international-groups";
import { call } from "../../api/client";
import type { Column } from "../../ui/DataTable";
import { DateText, FiscalYearText } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { useFlash } from "../../ui/Flash";
import { InternalLink } from "../../ui/InternalLink";
import { PageHeader } from "../../ui/PageHeader";
import { Section, TableSection } from "../../ui/Section";
import { StatusBadge, type StatusTone } from "../../ui/StatusBadge";
import { useFormSubmit } from "../../ui/useFormSubmit";
import { EmptyState, Field, InternationalNav, Loading, SampleBadge } from "./components";
import { ActionDialog, CallDialog, MeetingDialog, ProgressDialog } from "./GroupDialogs";
import { GroupFormDialog } from "./GroupFormDialog";
import { ActionOverdueBadge, GroupStatusBadge } from "./GroupsPage";
import { gm } from "./groupMessages";
import { groupKeys, useGroup } from "./groupQueries";
import { useInternationalAccess } from "./queries";

const t = gm.group;
type Meeting = GroupDetail["meetings"][number];
type IdeaCall = GroupDetail["calls"][number];
type Idea = IdeaCall["ideas"][number];

const IDEA_TONES: Record<Idea["status"], StatusTone> = { submitted: "neutral", adopted: "good", not_adopted: "warning" };

function ActionStatusBadge({ status }: { status: GroupAction["status"] }) {
  return <StatusBadge label={ACTION_STATUS_LABELS[status]} tone={status === "done" ? "good" : "done"} size="sm" />;
}

function ProjectLink({ id, name }: { id: string | null; name: string | null }) {
  if (!id || !name)
    return (
      <Text span c="dimmed" size="sm">
        {t.noProject}
      </Text>
    );
  return <InternalLink href={`/international/projects/${id}`}>{name}</InternalLink>;
}

type Dialog =
  | { kind: "group" }
  | { kind: "meeting"; meeting?: Meeting }
  | { kind: "call" }
  | { kind: "action" }
  | { kind: "progress"; action: GroupAction };

export function GroupPage({ id }: { id: string }) {
  const group = useGroup(id);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  if (group.error) return <ErrorAlert error={group.error} />;
  if (!group.data) return <Loading />;
  const g = group.data;
  const close = () => setDialog(null);
  return (
    <>
      <PageHeader
        title={g.theme}
        documentTitle={`${g.theme} | ${gm.navLabel}`}
        breadcrumbs={[
          { label: gm.moduleName, href: "/international" },
          { label: gm.list.title, href: "/international/groups" },
          { label: g.theme },
        ]}
        badges={
          <>
            <GroupStatusBadge status={g.status} />
            {g.isSample && <SampleBadge />}
            {g.overdueActions > 0 && <ActionOverdueBadge label={gm.list.overdueCount(g.overdueActions)} />}
          </>
        }
        subtitle={
          <Group gap="lg" wrap="wrap">
            <span>
              {t.fiscalYear}: <FiscalYearText fy={g.fiscalYear} />
            </span>
            <span>
              {t.lead}: {g.leadOrganisationName}
            </span>
          </Group>
        }
        actions={
          g.canManage ? (
            <Button variant="default" onClick={() => setDialog({ kind: "group" })}>
              {t.edit}
            </Button>
          ) : null
        }
      />
      <InternationalNav />
      <Stack gap="lg">
        <Section id="wg-members" title={t.membersHeading}>
          <Stack gap="sm">
            {g.description && <Field label={t.description}>{g.description}</Field>}
            <Group gap={6} wrap="wrap" aria-label={t.membersHeading} role="list">
              {g.members.map((m) => (
                <Badge
                  key={m.organisationId}
                  role="listitem"
                  variant="outline"
                  color="gray"
                  size="lg"
                  radius="sm"
                  styles={{ root: { color: "#343a40", textTransform: "none", fontWeight: 500 } }}
                >
                  {m.name}
                </Badge>
              ))}
            </Group>
          </Stack>
        </Section>
        <Outcomes group={g} />
        <Meetings group={g} onAdd={() => setDialog({ kind: "meeting" })} onEdit={(meeting) => setDialog({ kind: "meeting", meeting })} />
        <Calls group={g} onAdd={() => setDialog({ kind: "call" })} />
        <Actions group={g} onAdd={() => setDialog({ kind: "action" })} onUpdate={(action) => setDialog({ kind: "progress", action })} />
      </Stack>
      {dialog?.kind === "group" && <GroupFormDialog group={g} onClose={close} />}
      {dialog?.kind === "meeting" && <MeetingDialog group={g} meeting={dialog.meeting} onClose={close} />}
      {dialog?.kind === "call" && <CallDialog group={g} onClose={close} />}
      {dialog?.kind === "action" && <ActionDialog group={g} onClose={close} />}
      {dialog?.kind === "progress" && <ProgressDialog group={g} action={dialog.action} onClose={close} />}
    </>
  );
}

function Outcomes({ group }: { group: GroupDetail }) {
  return (
    <Section id="wg-outcomes" title={t.outcomesHeading}>
      <Text size="sm" c="dimmed" mb="sm">
        {t.outcomesIntro}
      </Text>
      {group.outcomes.length === 0 ? (
        <EmptyState>{t.noOutcomes}</EmptyState>
      ) : (
        <List spacing="sm" listStyleType="none" ml={0} pl={0}>
          {group.outcomes.map((o) => (
            <List.Item key={`${o.ideaTitle ?? ""}→${o.actionTitle}→${o.projectId ?? ""}`}>
              <Paper withBorder p="sm" radius="sm">
                <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
                  <Step label={t.ideaStep}>
                    <Text span fw={600}>
                      {o.ideaTitle ? `「${o.ideaTitle}」` : t.noIdea}
                    </Text>
                    {o.organisationName && <Text size="sm">{o.organisationName}</Text>}
                  </Step>
                  <Step label={t.actionStep} arrow>
                    <Text span fw={600}>
                      「{o.actionTitle}」
                    </Text>{" "}
                    <ActionStatusBadge status={o.actionStatus} />
                  </Step>
                  <Step label={t.projectStep} arrow>
                    <ProjectLink id={o.projectId} name={o.projectName} />
                  </Step>
                </SimpleGrid>
              </Paper>
            </List.Item>
          ))}
        </List>
      )}
    </Section>
  );
}

/** One link of the 成果 chain: its kind, and an arrow from the link before it. */
function Step({ label, arrow = false, children }: { label: string; arrow?: boolean; children: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      {arrow && (
        <Text aria-hidden="true" c="dimmed" fw={700}>
          →
        </Text>
      )}
      <div>
        <Text size="xs" fw={700} c="dimmed">
          {label}
        </Text>
        <div>{children}</div>
      </div>
    </Group>
  );
}

function Meetings({ group, onAdd, onEdit }: { group: GroupDetail; onAdd: () => void; onEdit: (m: Meeting) => void }) {
  const columns: Column<Meeting>[] = [
    { key: "heldOn", header: t.heldOn, nowrap: true, render: (m) => <DateText iso={m.heldOn} western="title" /> },
    { key: "title", header: t.meetingTitle, rowHeader: true, render: (m) => m.title },
    {
      key: "agenda",
      header: t.agenda,
      render: (m) => (
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
          {m.agenda || gm.none}
        </Text>
      ),
    },
    {
      key: "decisions",
      header: t.decisions,
      render: (m) => (
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
          {m.decisions || gm.none}
        </Text>
      ),
    },
  ];
  if (group.canManage)
    columns.push({
      key: "edit",
      header: "",
      nowrap: true,
      render: (m) => (
        <Button size="compact-sm" variant="default" onClick={() => onEdit(m)} aria-label={`${m.title}を${t.editMeeting}`}>
          {t.editMeeting}
        </Button>
      ),
    });
  return (
    <TableSection
      id="wg-meetings"
      title={t.meetingsHeading}
      actions={group.canManage ? <Button onClick={onAdd}>{t.addMeeting}</Button> : undefined}
      caption={t.meetingsCaption}
      columns={columns}
      rows={group.meetings}
      rowKey={(m) => m.id}
      empty={t.noMeetings}
      renderDetail={(m) => (
        <Stack gap="xs">
          <Field label={t.attendees}>{m.attendees || gm.none}</Field>
          <Field label={t.minutes}>{m.minutes || gm.none}</Field>
        </Stack>
      )}
      minWidth={720}
    />
  );
}

function Calls({ group, onAdd }: { group: GroupDetail; onAdd: () => void }) {
  return (
    <Section
      id="wg-calls"
      title={t.callsHeading}
      actions={group.canManage && group.status === "active" ? <Button onClick={onAdd}>{t.addCall}</Button> : undefined}
    >
      {group.calls.length === 0 ? (
        <EmptyState>{t.noCalls}</EmptyState>
      ) : (
        <Stack gap="md">
          {group.calls.map((c) => (
            <CallCard key={c.id} group={group} call={c} />
          ))}
        </Stack>
      )}
    </Section>
  );
}

function CallCard({ group, call: ideaCall }: { group: GroupDetail; call: IdeaCall }) {
  const meeting = group.meetings.find((m) => m.id === ideaCall.meetingId);
  const headingId = `wg-call-${ideaCall.id}`;
  return (
    <Paper withBorder p="md" radius="sm" component="article" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group gap="sm" wrap="wrap">
          <Title order={3} size="h4" id={headingId}>
            {ideaCall.title}
          </Title>
          <StatusBadge label={ideaCall.open ? gm.status.open : gm.status.closed} tone={ideaCall.open ? "good" : "neutral"} size="sm" />
        </Group>
        <Group gap="lg" wrap="wrap">
          <Text size="sm">
            {t.closesOn}: <DateText iso={ideaCall.closesOn} />
          </Text>
          {meeting && (
            <Text size="sm">
              {t.forMeeting}: {meeting.title}
            </Text>
          )}
        </Group>
        {ideaCall.question && (
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {ideaCall.question}
          </Text>
        )}
        <Table withTableBorder withColumnBorders striped={false} maw={520} fz="sm">
          <Table.Caption style={{ captionSide: "top", textAlign: "left" }}>{t.divisionsCaption(ideaCall.title)}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t.division}</Table.Th>
              <Table.Th scope="col">{t.submission}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ideaCall.divisions.map((d) => (
              <Table.Tr key={d.organisationId}>
                <Table.Th scope="row" fw={500}>
                  {d.name}
                </Table.Th>
                <Table.Td>
                  <StatusBadge
                    label={d.submitted ? gm.status.submitted : gm.status.notSubmitted}
                    tone={d.submitted ? "good" : "neutral"}
                    size="sm"
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Title order={4} size="h5">
          {t.ideasOf(ideaCall.ideas.length)}
        </Title>
        {ideaCall.ideas.length === 0 ? (
          <EmptyState>{t.noIdeas}</EmptyState>
        ) : (
          <Stack gap="xs">
            {ideaCall.ideas.map((idea) => (
              <IdeaRow key={idea.id} group={group} idea={idea} />
            ))}
          </Stack>
        )}
        {ideaCall.canSubmit && <IdeaForm group={group} call={ideaCall} />}
      </Stack>
    </Paper>
  );
}

function IdeaRow({ group, idea }: { group: GroupDetail; idea: Idea }) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const decide = useMutation({
    mutationFn: (status: Idea["status"]) => call(decideIdea, { params: { id: group.id, ideaId: idea.id }, body: { status } }),
    onSuccess: (detail, status) => {
      queryClient.setQueryData(groupKeys.group(group.id), detail);
      flash.show(t.decided(IDEA_STATUS_LABELS[status]));
    },
  });
  return (
    <Paper withBorder p="sm" radius="sm" bg="#fcfcfd">
      <Stack gap={4}>
        <Group gap="xs" wrap="wrap" justify="space-between">
          <Group gap="xs" wrap="wrap">
            <Text fw={700}>{idea.title}</Text>
            <StatusBadge label={IDEA_STATUS_LABELS[idea.status]} tone={IDEA_TONES[idea.status]} size="sm" />
          </Group>
          {group.canManage && (
            <Group gap={6}>
              {idea.status !== "adopted" && (
                <Button
                  size="compact-sm"
                  onClick={() => decide.mutate("adopted")}
                  loading={decide.isPending && decide.variables === "adopted"}
                  aria-label={`「${idea.title}」を${t.adopt}`}
                >
                  {t.adopt}
                </Button>
              )}
              {idea.status !== "not_adopted" && (
                <Button
                  size="compact-sm"
                  variant="default"
                  onClick={() => decide.mutate("not_adopted")}
                  loading={decide.isPending && decide.variables === "not_adopted"}
                  aria-label={`「${idea.title}」を${t.notAdopt}`}
                >
                  {t.notAdopt}
                </Button>
              )}
            </Group>
          )}
        </Group>
        <Text size="sm">
          {idea.organisationName}・{t.submittedBy(idea.submittedByName)}
        </Text>
        {idea.body && (
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {idea.body}
          </Text>
        )}
        {decide.error ? <ErrorAlert error={decide.error} /> : null}
      </Stack>
    </Paper>
  );
}

function IdeaForm({ group, call: ideaCall }: { group: GroupDetail; call: IdeaCall }) {
  const queryClient = useQueryClient();
  const access = useInternationalAccess();
  const form = useForm({
    initialValues: { title: "", body: "" },
    validate: { title: (v) => (v.trim() ? null : "アイデアを入力してください。") },
  });
  const { formRef, submit, save, status } = useFormSubmit(form, {
    send: (body) => call(submitIdea, { params: { id: group.id, callId: ideaCall.id }, body }),
    saved: (detail) => {
      queryClient.setQueryData(groupKeys.group(group.id), detail);
      form.reset();
      return t.submitted;
    },
  });
  const headingId = `wg-idea-form-${ideaCall.id}`;
  return (
    <Paper withBorder p="md" radius="sm" bg="#f6f9ff" component="section" aria-labelledby={headingId}>
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={4} size="h5" id={headingId}>
            {t.submitHeading(access.data?.organisationName ?? "")}
          </Title>
          <ErrorAlert error={save.error} />
          <TextInput label={t.ideaTitle} required {...form.getInputProps("title")} />
          <Textarea label={t.ideaBody} autosize minRows={3} maxRows={8} {...form.getInputProps("body")} />
          <Group justify="space-between">
            <Text size="sm" role="status">
              {status}
            </Text>
            <Button type="submit" loading={save.isPending}>
              {t.submit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function Actions({ group, onAdd, onUpdate }: { group: GroupDetail; onAdd: () => void; onUpdate: (a: GroupAction) => void }) {
  const columns: Column<GroupAction>[] = [
    {
      key: "title",
      header: t.actionTitle,
      rowHeader: true,
      render: (a) => (
        <Stack gap={2}>
          <Text fw={600} size="sm">
            {a.title}
          </Text>
          {a.ideaTitle && (
            <Text size="xs" c="dimmed">
              {t.fromIdea}: {a.ideaTitle}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: "owner",
      header: t.owner,
      render: (a) => (
        <span>
          {a.ownerOrganisationName}
          {a.ownerUserName ? `（${a.ownerUserName}）` : ""}
        </span>
      ),
    },
    {
      key: "due",
      header: t.dueOn,
      nowrap: true,
      render: (a) => (
        <Stack gap={2}>
          <DateText iso={a.dueOn} western="title" />
          {a.overdue && <ActionOverdueBadge />}
        </Stack>
      ),
    },
    {
      key: "status",
      header: t.actionStatus,
      nowrap: true,
      render: (a) => (
        <Stack gap={2}>
          <ActionStatusBadge status={a.status} />
          {a.doneOn && (
            <Text size="xs">
              {t.doneOn} <DateText iso={a.doneOn} western="title" />
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: "result",
      header: t.result,
      render: (a) => (
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
          {a.result || gm.none}
        </Text>
      ),
    },
    { key: "project", header: t.project, render: (a) => <ProjectLink id={a.projectId} name={a.projectName} /> },
    {
      key: "update",
      header: "",
      nowrap: true,
      render: (a) =>
        a.canUpdate ? (
          <Button size="compact-sm" variant="default" onClick={() => onUpdate(a)} aria-label={`「${a.title}」の${t.update}`}>
            {t.update}
          </Button>
        ) : null,
    },
  ];
  return (
    <TableSection
      id="wg-actions"
      title={t.actionsHeading}
      actions={group.canManage ? <Button onClick={onAdd}>{t.addAction}</Button> : undefined}
      caption={t.actionsCaption}
      columns={columns}
      rows={group.actions}
      rowKey={(a) => a.id}
      empty={t.noActions}
      minWidth={960}
    />
  );
}
