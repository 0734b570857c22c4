// /vision/declarations: Action宣言 — post a declaration (named or 匿名, division, linked strategy), see my own and
// their status; the vision bureau's managers also get the moderation queue (掲示する / 掲示しない with a note).
import { Anchor, Button, Group, Modal, NativeSelect, Paper, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { z } from "zod";
import {
  DECLARATION_MAX_CHARS,
  DECLARATION_STATUSES,
  type Declaration,
  type DeclarationStatus,
  moderateDeclaration,
  type moderatedDeclaration,
  postDeclaration,
  withdrawDeclaration,
} from "../../../common/api/vision-engagement";
import { call } from "../../api/client";
import { useCurrentUser } from "../../auth/session";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateTimeText } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrors } from "../../ui/errors";
import { useFlash } from "../../ui/Flash";
import { PageHeader } from "../../ui/PageHeader";
import { RadioFieldset } from "../../ui/RadioFieldset";
import { StatusBadge, type StatusTone } from "../../ui/StatusBadge";
import { Loading, SampleBadge, VisionNav } from "./components";
import { em } from "./engagementMessages";
import { useDeclarationOptions, useModerationList, useMyDeclarations, useOrganisationList } from "./engagementQueries";
import { useCurrentPlan } from "./queries";

type Moderated = z.infer<typeof moderatedDeclaration>;

const TONES: Record<DeclarationStatus, StatusTone> = { 承認待ち: "warning", 掲示中: "good", 非掲示: "neutral" };

export function DeclarationStatusBadge({ status }: { status: DeclarationStatus }) {
  return <StatusBadge label={status} tone={TONES[status]} size="sm" />;
}

const charCount = (text: string) => [...text].length;

export function DeclarationsPage() {
  const { plans, planId } = useCurrentPlan();
  const ready = !plans.isPending;
  const options = useDeclarationOptions(planId, ready);
  const mine = useMyDeclarations(planId, ready && !!options.data);
  const canModerate = options.data?.canModerate === true;
  return (
    <>
      <PageHeader
        title={em.declarations.title}
        subtitle={em.declarations.intro}
        actions={
          <>
            <Anchor href="/vision/board" target="_blank" rel="noopener">
              {em.declarations.board}
            </Anchor>
            <Anchor href="/public/vision/declarations" target="_blank" rel="noopener">
              {em.declarations.publicPage}
            </Anchor>
          </>
        }
      />
      <VisionNav />
      {options.isPending && ready ? <Loading /> : null}
      <ErrorAlert error={options.error ?? plans.error} />
      {options.data ? (
        <Stack gap="xl">
          <PostForm planId={options.data.planId} strategies={options.data.strategies} />
          <section aria-labelledby="declarations-mine">
            <Title order={2} size="h3" id="declarations-mine" mb="sm">
              {em.declarations.mine}
            </Title>
            <MyDeclarations rows={mine.data?.items} loading={mine.isPending} error={mine.error} planId={options.data.planId} />
          </section>
          {canModerate ? <ModerationQueue planId={options.data.planId} pending={options.data.pendingCount} /> : null}
        </Stack>
      ) : null}
    </>
  );
}

function PostForm({ planId, strategies }: { planId: string; strategies: { id: string; code: string; title: string }[] }) {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const flash = useFlash();
  const organisations = useOrganisationList();
  const [body, setBody] = useState("");
  const [mode, setMode] = useState<"named" | "anonymous">("named");
  const [displayName, setDisplayName] = useState("");
  // null = not chosen: the server uses the user's own organisation (unless it is an external one).
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [strategyNodeId, setStrategyNodeId] = useState("");
  const [localError, setLocalError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () =>
      call(postDeclaration, {
        query: { planId },
        body: {
          body: body.trim(),
          anonymous: mode === "anonymous",
          displayName: mode === "named" && displayName.trim() ? displayName.trim() : undefined,
          organisationId: organisationId === null ? undefined : organisationId || null,
          strategyNodeId: strategyNodeId || null,
        },
      }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ["vision", "engagement"] });
      flash.show(em.declarations.posted);
      setBody("");
    },
  });
  const errors = fieldErrors(save.error);
  const n = charCount(body.trim());
  const over = n > DECLARATION_MAX_CHARS;
  function submit(event: FormEvent) {
    event.preventDefault();
    if (n === 0) return setLocalError(em.declarations.bodyRequired);
    if (over) return setLocalError(em.declarations.bodyTooLong);
    setLocalError(null);
    save.mutate();
  }
  const orgOptions = (organisations.data?.items ?? []).filter((o) => o.kind !== "external").map((o) => ({ value: o.id, label: o.name }));
  const shownOrganisation = organisationId ?? (orgOptions.some((o) => o.value === user.organisationId) ? user.organisationId : "");
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="declarations-post">
      <Title order={2} size="h3" id="declarations-post" mb="sm">
        {em.declarations.post}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={save.error} />
          <Textarea
            label={em.declarations.body}
            description={
              <span aria-live={over ? "polite" : "off"} style={over ? { color: "#9b1c1c", fontWeight: 700 } : undefined}>
                {over ? em.declarations.counterOver(n) : `${em.declarations.bodyHelp} ${em.declarations.counter(n)}`}
              </span>
            }
            value={body}
            onChange={(e) => {
              setBody(e.currentTarget.value);
              if (localError) setLocalError(null);
            }}
            autosize
            minRows={3}
            required
            error={localError ?? errors.body}
          />
          <RadioFieldset
            legend={em.declarations.nameMode}
            name="declaration-name-mode"
            value={mode}
            options={[
              { value: "named", label: em.declarations.named },
              { value: "anonymous", label: em.declarations.anonymous },
            ]}
            onChange={setMode}
          />
          {mode === "named" ? (
            <TextInput
              label={em.declarations.displayName}
              description={em.declarations.displayNameHelp}
              placeholder={user.displayName}
              value={displayName}
              onChange={(e) => setDisplayName(e.currentTarget.value)}
              maxLength={50}
              error={errors.displayName}
            />
          ) : null}
          <Group grow align="flex-start">
            <NativeSelect
              label={em.declarations.organisation}
              description={em.declarations.organisationHelp}
              value={shownOrganisation}
              data={[{ value: "", label: em.declarations.noOrganisation }, ...orgOptions]}
              onChange={(e) => setOrganisationId(e.currentTarget.value)}
              error={errors.organisationId}
            />
            <NativeSelect
              label={em.declarations.strategy}
              value={strategyNodeId}
              data={[
                { value: "", label: em.declarations.noStrategy },
                ...strategies.map((s) => ({ value: s.id, label: `${s.code} ${s.title}` })),
              ]}
              onChange={(e) => setStrategyNodeId(e.currentTarget.value)}
              error={errors.strategyNodeId}
            />
          </Group>
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {em.declarations.post}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function MyDeclarations({
  rows,
  loading,
  error,
  planId,
}: {
  rows: Declaration[] | undefined;
  loading: boolean;
  error: unknown;
  planId: string;
}) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const columns: Column<Declaration>[] = [
    { key: "date", header: em.declarations.postedAt, nowrap: true, render: (d) => <DateTimeText timestamp={d.createdAt} /> },
    { key: "body", header: em.declarations.body, rowHeader: true, render: (d) => d.body },
    { key: "name", header: em.declarations.shownAs, nowrap: true, render: (d) => d.displayName ?? em.declarations.anonymousLabel },
    { key: "strategy", header: em.declarations.strategy, render: (d) => (d.strategy ? `${d.strategy.code} ${d.strategy.title}` : em.dash) },
    { key: "status", header: em.declarations.status, nowrap: true, render: (d) => <DeclarationStatusBadge status={d.status} /> },
    { key: "note", header: em.declarations.note, render: (d) => d.moderationNote || em.dash },
    {
      key: "actions",
      header: em.declarations.withdraw,
      nowrap: true,
      render: (d) =>
        d.status === "承認待ち" ? (
          <ConfirmButton
            size="compact-sm"
            variant="default"
            color="red"
            message={em.declarations.withdrawConfirm}
            onConfirm={async () => {
              await call(withdrawDeclaration, { params: { id: d.id } });
              await queryClient.invalidateQueries({ queryKey: ["vision", "engagement"] });
              flash.show(em.declarations.withdrawn);
            }}
          >
            {em.declarations.withdraw}
          </ConfirmButton>
        ) : (
          em.dash
        ),
    },
  ];
  return (
    <DataTable
      caption={em.declarations.mineCaption}
      captionHidden
      columns={columns}
      rows={rows}
      rowKey={(d) => `${planId}-${d.id}`}
      loading={loading}
      error={error}
      empty={em.declarations.emptyMine}
      minWidth={860}
    />
  );
}

function ModerationQueue({ planId, pending }: { planId: string; pending: number }) {
  const [status, setStatus] = useState<DeclarationStatus | "">("承認待ち");
  const list = useModerationList(planId, status || null, true);
  const [deciding, setDeciding] = useState<{ row: Moderated; status: "掲示中" | "非掲示" } | null>(null);
  const columns: Column<Moderated>[] = [
    { key: "date", header: em.declarations.postedAt, nowrap: true, render: (d) => <DateTimeText timestamp={d.createdAt} /> },
    {
      key: "body",
      header: em.declarations.body,
      rowHeader: true,
      render: (d) => (
        <Group gap={6}>
          <span>{d.body}</span>
          {d.isSample ? <SampleBadge /> : null}
        </Group>
      ),
    },
    { key: "author", header: em.declarations.author, nowrap: true, render: (d) => d.authorLabel ?? em.dash },
    { key: "name", header: em.declarations.shownAs, nowrap: true, render: (d) => d.displayName ?? em.declarations.anonymousLabel },
    { key: "org", header: em.declarations.organisation, render: (d) => d.organisationName ?? em.dash },
    { key: "strategy", header: em.declarations.strategy, render: (d) => (d.strategy ? d.strategy.title : em.dash) },
    { key: "status", header: em.declarations.status, nowrap: true, render: (d) => <DeclarationStatusBadge status={d.status} /> },
    {
      key: "actions",
      header: em.declarations.moderation,
      nowrap: true,
      render: (d) => (
        <Group gap={6} wrap="nowrap">
          {d.status !== "掲示中" ? (
            <Button
              size="compact-sm"
              onClick={() => setDeciding({ row: d, status: "掲示中" })}
              aria-label={`${em.declarations.approve}（${d.body.slice(0, 20)}）`}
            >
              {em.declarations.approve}
            </Button>
          ) : null}
          {d.status !== "非掲示" ? (
            <Button
              size="compact-sm"
              variant="default"
              onClick={() => setDeciding({ row: d, status: "非掲示" })}
              aria-label={`${em.declarations.hide}（${d.body.slice(0, 20)}）`}
            >
              {em.declarations.hide}
            </Button>
          ) : null}
        </Group>
      ),
    },
  ];
  return (
    <section aria-labelledby="declarations-moderation">
      <Group justify="space-between" align="flex-end" mb="sm">
        <div>
          <Title order={2} size="h3" id="declarations-moderation">
            {em.declarations.moderation}
          </Title>
          <Text size="sm">{em.declarations.pending(pending)}</Text>
        </div>
        <NativeSelect
          label={em.declarations.statusFilter}
          value={status}
          data={[{ value: "", label: em.publicPage.all }, ...DECLARATION_STATUSES.map((s) => ({ value: s, label: s }))]}
          onChange={(e) => setStatus(e.currentTarget.value as DeclarationStatus | "")}
        />
      </Group>
      <DataTable
        caption={em.declarations.moderationCaption}
        captionHidden
        columns={columns}
        rows={list.data?.items}
        rowKey={(d) => d.id}
        loading={list.isPending}
        error={list.error}
        empty={em.declarations.emptyQueue}
        minWidth={1000}
      />
      <Modal
        opened={deciding !== null}
        onClose={() => setDeciding(null)}
        title={deciding ? em.declarations.moderateTitle(deciding.status) : ""}
      >
        {deciding ? <ModerationForm row={deciding.row} status={deciding.status} onDone={() => setDeciding(null)} /> : null}
      </Modal>
    </section>
  );
}

function ModerationForm({ row, status, onDone }: { row: Moderated; status: "掲示中" | "非掲示"; onDone: () => void }) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const [note, setNote] = useState(row.moderationNote);
  const save = useMutation({
    mutationFn: () => call(moderateDeclaration, { params: { id: row.id }, body: { status, note: note.trim() } }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ["vision", "engagement"] });
      queryClient.invalidateQueries({ queryKey: ["public", "vision", "declarations"] });
      flash.show(em.declarations.moderated(status));
      onDone();
    },
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
      noValidate
    >
      <Stack>
        <Paper withBorder p="sm" bg="gray.0">
          <Text>{row.body}</Text>
        </Paper>
        <ErrorAlert error={save.error} />
        <Textarea
          label={em.declarations.moderationNote}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={500}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone} disabled={save.isPending}>
            {em.cancel}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {status === "掲示中" ? em.declarations.approve : em.declarations.hide}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
