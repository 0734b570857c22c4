// The subject page's 比較団体 section: the subject's peers (to its page, kind, location); analysis managers add a
// registered peer, register a new one (linked in the same transaction) or take one off (the peer itself stays).
import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { SUBJECT_KIND_LABELS, SUBJECT_KINDS, type SubjectKind } from "../../../common/analysis/labels";
import { addPeer, createSubject, removePeer, type SubjectDetail } from "../../../common/api/analysis-subjects";
import { call } from "../../api/client";
import { ConfirmButton } from "../../ui/ConfirmButton";
import type { Column } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { useFlash } from "../../ui/Flash";
import { FormModal } from "../../ui/FormModal";
import { InternalLink } from "../../ui/InternalLink";
import { TableSection } from "../../ui/Section";
import { useFormSubmit } from "../../ui/useFormSubmit";
import { sm } from "./subject-messages";
import { subjectChanged, useAllPeers } from "./subject-queries";

const t = sm.peers;
type PeerRef = SubjectDetail["peers"][number];

function NewPeerDialog({ subject, onClose }: { subject: SubjectDetail; onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm<{ name: string; kind: SubjectKind | ""; location: string }>({
    initialValues: { name: "", kind: "", location: "" },
    validate: {
      name: (v) => (v.trim() ? null : `${sm.form.name}を入力してください。`),
      kind: (v) => (v ? null : "種別を選んでください。"),
    },
  });
  const { formRef, submit, save } = useFormSubmit(form, {
    send: (values) =>
      call(createSubject, {
        body: { role: "peer", name: values.name, kind: values.kind as SubjectKind, location: values.location, peerOf: subject.id },
      }),
    saved: async () => {
      // the new peer and this subject's list of peers both changed
      await queryClient.invalidateQueries({ queryKey: ["analysis"] });
      onClose();
      return t.created;
    },
  });
  return (
    <FormModal
      title={t.createTitle}
      onClose={onClose}
      size="lg"
      formRef={formRef}
      onSubmit={submit}
      error={save.error}
      saving={save.isPending}
    >
      <TextInput
        label={sm.form.name}
        description={sm.form.nameHelp}
        required
        maxLength={120}
        data-autofocus
        {...form.getInputProps("name")}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={sm.form.kind}
          required
          data={[{ value: "", label: sm.form.chooseKind }, ...SUBJECT_KINDS.map((k) => ({ value: k, label: SUBJECT_KIND_LABELS[k] }))]}
          {...form.getInputProps("kind")}
        />
        <TextInput label={sm.form.location} description={sm.form.locationHelp} maxLength={80} {...form.getInputProps("location")} />
      </SimpleGrid>
    </FormModal>
  );
}

function AddExisting({ subject }: { subject: SubjectDetail }) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const all = useAllPeers(true);
  const [peerId, setPeerId] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const linked = new Set(subject.peers.map((p) => p.id));
  const choices = (all.data?.items ?? []).filter((p) => !linked.has(p.id));
  async function add() {
    if (!peerId) return;
    setBusy(true);
    setError(null);
    try {
      await subjectChanged(queryClient, await call(addPeer, { params: { id: subject.id }, body: { peerId } }));
      setPeerId("");
      flash.show(t.added);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Stack gap="xs" mt="md">
      <ErrorAlert error={error} />
      <Group align="flex-end" gap="sm">
        <NativeSelect
          label={t.addExisting}
          value={peerId}
          onChange={(e) => setPeerId(e.currentTarget.value)}
          data={[
            { value: "", label: choices.length ? t.choose : t.noChoices },
            ...choices.map((p) => ({ value: p.id, label: p.location ? `${p.name}（${p.location}）` : p.name })),
          ]}
          w={360}
        />
        <Button variant="default" onClick={add} loading={busy} disabled={!peerId}>
          {t.add}
        </Button>
      </Group>
    </Stack>
  );
}

export function PeersSection({ subject }: { subject: SubjectDetail }) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const [creating, setCreating] = useState(false);
  const columns: Column<PeerRef>[] = [
    {
      key: "name",
      header: t.name,
      rowHeader: true,
      render: (p) => <InternalLink href={`/analysis/subjects/${p.id}`}>{p.name}</InternalLink>,
    },
    { key: "kind", header: t.kind, nowrap: true, render: (p) => p.kindLabel },
    { key: "location", header: t.location, render: (p) => p.location || sm.dash },
    ...(subject.canManage
      ? [
          {
            key: "actions",
            header: "",
            nowrap: true,
            render: (p: PeerRef) => (
              <ConfirmButton
                size="compact-sm"
                variant="subtle"
                color="red"
                title={t.removeTitle(p.name)}
                message={t.removeMessage}
                confirmLabel={t.remove}
                confirmColor="red"
                onConfirm={async () => {
                  await subjectChanged(queryClient, await call(removePeer, { params: { id: subject.id, peerId: p.id } }));
                  flash.show(t.removed);
                }}
              >
                {t.remove}
              </ConfirmButton>
            ),
          },
        ]
      : []),
  ];
  return (
    <TableSection
      id="analysis-peers"
      title={t.title}
      caption={t.caption}
      columns={columns}
      rows={subject.peers}
      rowKey={(p) => p.id}
      empty={t.none}
      minWidth={560}
      actions={
        subject.canManage ? (
          <Button size="compact-md" variant="default" onClick={() => setCreating(true)}>
            {t.createNew}
          </Button>
        ) : undefined
      }
    >
      {subject.canManage && <AddExisting subject={subject} />}
      {creating && <NewPeerDialog subject={subject} onClose={() => setCreating(false)} />}
    </TableSection>
  );
}
