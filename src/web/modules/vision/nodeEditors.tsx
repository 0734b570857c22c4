// Editors of the plan tree used by 施策体系 and a node's page: add / edit a node (validated with the contract's
// schema, optimistic version → 409 explained) and link 局区方針の課題 to a node.
import { Button, Checkbox, Group, Modal, NativeSelect, ScrollArea, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDebouncedValue } from "@mantine/hooks";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  createNode,
  type LinkedChallenge,
  NODE_KIND_LABELS,
  ROLLUP_METHOD_LABELS,
  ROLLUP_METHODS,
  setNodeChallenges,
  updateNode,
} from "../../../common/api/vision";
import { organisationOptions } from "../../admin/organisationOptions";
import { call } from "../../api/client";
import { m } from "../../messages";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrors, isConflict } from "../../ui/errors";
import { useFlash } from "../../ui/Flash";
import { useFocusFirstInvalid } from "../../ui/useFocusFirstInvalid";
import { useOrganisations } from "../policy";
import { bodyOf } from "./components";
import { vm } from "./messages";
import { childKindOf, type NodeFormTarget, type NodeValues, nodeBody, nodeErrors, nodeValues } from "./node-form-values";
import { invalidateVision, useChallengeCandidates } from "./queries";

// the plan tree's pages import the node form's types from here, with the form
export { childKindOf, type NodeFormTarget, type ParentOption } from "./node-form-values";

/** Add a child under a node, or edit a node (its parent can move within the same level). */
export function NodeFormModal({ target, onClose }: { target: NodeFormTarget | null; onClose: () => void }) {
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      size="lg"
      title={
        target === null
          ? ""
          : target.mode === "create"
            ? vm.nodeForm.createTitle(NODE_KIND_LABELS[childKindOf(target.parent.kind) ?? "project"], target.parent.title)
            : vm.nodeForm.editTitle(target.node.title)
      }
    >
      {target && (
        <NodeForm
          key={target.mode === "edit" ? `${target.node.id}-${target.node.version}` : target.parent.id}
          target={target}
          onDone={onClose}
        />
      )}
    </Modal>
  );
}

function NodeForm({ target, onDone }: { target: NodeFormTarget; onDone: () => void }) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const organisations = useOrganisations();
  const form = useForm<NodeValues>({ initialValues: nodeValues(target), validate: (values) => nodeErrors(values, target) });
  const { ref, focusFirstInvalid } = useFocusFirstInvalid();

  const save = useMutation({
    mutationFn: async (body: Record<string, unknown>) => {
      if (target.mode === "create") {
        return call(createNode, { params: { id: target.parent.planId }, body: bodyOf(createNode).parse(body) });
      }
      return call(updateNode, { params: { id: target.node.id }, body: bodyOf(updateNode).parse(body) });
    },
    onSuccess: async () => {
      flash.show(target.mode === "create" ? vm.nodeForm.created : vm.nodeForm.updated);
      await invalidateVision(queryClient);
      onDone();
    },
    onError: (error) => {
      if (isConflict(error)) invalidateVision(queryClient);
      form.setErrors(fieldErrors(error));
      focusFirstInvalid();
    },
  });

  const orgOptions = [{ value: "", label: vm.nodeForm.ownerNone }, ...organisationOptions(organisations.data?.items ?? [])];
  return (
    <form ref={ref} onSubmit={form.onSubmit((values) => save.mutate(nodeBody(values, target)), focusFirstInvalid)} noValidate>
      <Stack gap="sm">
        <ErrorAlert
          error={save.error}
          conflictMessage={vm.nodeForm.conflict}
          fieldLabels={{ code: vm.nodeForm.code, title: vm.nodeForm.title }}
        />
        {target.mode === "edit" && target.node.kind !== "vision" && target.parents.length > 0 && (
          <NativeSelect
            label={vm.nodeForm.parent}
            data={target.parents.map((p) => ({ value: p.id, label: `${p.code} ${p.title}` }))}
            {...form.getInputProps("parentId")}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={vm.nodeForm.code}
            description={vm.nodeForm.codeHelp}
            required
            {...form.getInputProps("code")}
            inputWrapperOrder={["label", "input", "description", "error"]}
          />
          <NativeSelect label={vm.nodeForm.owner} data={orgOptions} {...form.getInputProps("ownerOrganisationId")} />
        </SimpleGrid>
        <TextInput label={vm.nodeForm.title} required {...form.getInputProps("title")} />
        <Textarea label={vm.nodeForm.description} autosize minRows={2} {...form.getInputProps("description")} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label={vm.nodeForm.rollupMethod}
            data={ROLLUP_METHODS.map((r) => ({ value: r, label: ROLLUP_METHOD_LABELS[r] }))}
            {...form.getInputProps("rollupMethod")}
          />
          <TextInput
            label={vm.nodeForm.weight}
            description={vm.nodeForm.weightHelp}
            inputMode="decimal"
            {...form.getInputProps("weight")}
            inputWrapperOrder={["label", "input", "description", "error"]}
          />
          <TextInput label={vm.nodeForm.sortOrder} inputMode="numeric" {...form.getInputProps("sortOrder")} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone} disabled={save.isPending}>
            {m.common.cancel}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {target.mode === "create" ? vm.nodeForm.submitCreate : vm.nodeForm.submitEdit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Replaces the 課題 linked to a node: search candidates, tick or untick, save the whole list. */
export function ChallengeLinkModal({
  nodeId,
  current,
  opened,
  onClose,
}: {
  nodeId: string;
  current: readonly LinkedChallenge[];
  opened: boolean;
  onClose: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} size="lg" title={vm.challengeLink.title}>
      {opened && <ChallengeLinker nodeId={nodeId} current={current} onDone={onClose} />}
    </Modal>
  );
}

function ChallengeLinker({ nodeId, current, onDone }: { nodeId: string; current: readonly LinkedChallenge[]; onDone: () => void }) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const [q, setQ] = useState("");
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const candidates = useChallengeCandidates(debounced, true);
  const [selected, setSelected] = useState<Map<string, LinkedChallenge>>(() => new Map(current.map((c) => [c.id, c])));
  const save = useMutation({
    mutationFn: () => call(setNodeChallenges, { params: { id: nodeId }, body: { challengeIds: [...selected.keys()] } }),
    onSuccess: async () => {
      flash.show(vm.challengeLink.saved);
      await invalidateVision(queryClient);
      onDone();
    },
  });
  const toggle = (c: LinkedChallenge) =>
    setSelected((s) => {
      const next = new Map(s);
      if (next.has(c.id)) next.delete(c.id);
      else next.set(c.id, c);
      return next;
    });
  // Selected ones first (so they can be unticked even when the search does not find them), then the candidates.
  const shown = [...selected.values(), ...(candidates.data?.items ?? []).filter((c) => !selected.has(c.id))];
  return (
    <Stack gap="sm">
      <Text size="sm">{vm.challengeLink.intro}</Text>
      <TextInput
        label={vm.challengeLink.search}
        placeholder={vm.challengeLink.searchPlaceholder}
        type="search"
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
      />
      <ErrorAlert error={candidates.error ?? save.error} />
      <Text size="sm" fw={600} aria-live="polite">
        {vm.challengeLink.selected(selected.size)}
      </Text>
      <ScrollArea.Autosize mah={360} type="auto">
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend className="yk-visually-hidden">{vm.challengeLink.candidates}</legend>
          <Stack gap={6}>
            {shown.length === 0 && !candidates.isPending && <Text c="dimmed">{vm.challengeLink.noCandidates}</Text>}
            {shown.map((c) => (
              <Checkbox
                key={c.id}
                checked={selected.has(c.id)}
                onChange={() => toggle(c)}
                label={`${c.code} ${c.name}${c.ownerOrganisationName ? `（${c.ownerOrganisationName}）` : ""}`}
              />
            ))}
          </Stack>
        </fieldset>
      </ScrollArea.Autosize>
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone} disabled={save.isPending}>
          {m.common.cancel}
        </Button>
        <Button onClick={() => save.mutate()} loading={save.isPending}>
          {vm.challengeLink.save}
        </Button>
      </Group>
    </Stack>
  );
}
