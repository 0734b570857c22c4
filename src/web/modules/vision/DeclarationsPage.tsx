// /vision/declarations: Action宣言 — post a declaration (named or 匿名, division, linked strategy), see my own and
// their status; the vision bureau's managers also get the moderation queue (掲示する / 掲示しない with a note). The
// posting form is in DeclarationPostForm.tsx.
import { Anchor, Button, Group, Modal, NativeSelect, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { z } from "zod";
import {
  DECLARATION_STATUSES,
  type Declaration,
  type DeclarationStatus,
  moderateDeclaration,
  type moderatedDeclaration,
  withdrawDeclaration,
} from "../../../common/api/vision-engagement";
import { call } from "../../api/client";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateTimeText } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrors } from "../../ui/errors";
import { useFlash } from "../../ui/Flash";
import { PageHeader } from "../../ui/PageHeader";
import { StatusBadge, type StatusTone } from "../../ui/StatusBadge";
import { Loading, SampleBadge, VisionNav } from "./components";
import { DeclarationPostForm } from "./DeclarationPostForm";
import { DialogActions } from "./DialogActions";
import { em } from "./engagementMessages";
import { useDeclarationOptions, useModerationList, useMyDeclarations } from "./engagementQueries";
import { useCurrentPlan } from "./queries";

type Moderated = z.infer<typeof moderatedDeclaration>;

const TONES: Record<DeclarationStatus, StatusTone> = { 承認待ち: "warning", 掲示中: "good", 非掲示: "neutral" };

export function DeclarationStatusBadge({ status }: { status: DeclarationStatus }) {
  return <StatusBadge label={status} tone={TONES[status]} size="sm" />;
}

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
          <DeclarationPostForm planId={options.data.planId} strategies={options.data.strategies} />
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
  const form = useForm({ initialValues: { note: row.moderationNote } });
  const save = useMutation({
    mutationFn: (note: string) => call(moderateDeclaration, { params: { id: row.id }, body: { status, note: note.trim() } }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ["vision", "engagement"] });
      queryClient.invalidateQueries({ queryKey: ["public", "vision", "declarations"] });
      flash.show(em.declarations.moderated(status));
      onDone();
    },
    onError: (error) => form.setErrors(fieldErrors(error)),
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values.note))} noValidate>
      <Stack>
        <Paper withBorder p="sm" bg="gray.0">
          <Text>{row.body}</Text>
        </Paper>
        <ErrorAlert error={save.error} />
        <Textarea
          label={em.declarations.moderationNote}
          autosize
          minRows={2}
          maxLength={500}
          data-autofocus
          {...form.getInputProps("note")}
        />
        <DialogActions
          onCancel={onDone}
          saving={save.isPending}
          submitLabel={status === "掲示中" ? em.declarations.approve : em.declarations.hide}
        />
      </Stack>
    </form>
  );
}
