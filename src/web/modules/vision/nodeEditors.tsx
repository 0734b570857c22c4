// Editors of the plan tree used by 施策体系 and a node's page: add / edit a node (validated with the contract's
// schema, optimistic version → 409 explained) and link 局区方針の課題 to a node.
import { Button, Checkbox, Group, Modal, NativeSelect, ScrollArea, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import {
  createNode,
  type LinkedChallenge,
  NODE_KIND_LABELS,
  type NodeKind,
  ROLLUP_METHOD_LABELS,
  ROLLUP_METHODS,
  setNodeChallenges,
  updateNode,
  type VisionNode,
} from "../../../common/api/vision";
import { japaneseErrorMap } from "../../../common/zod-japanese";
import { organisationOptions } from "../../admin/UsersPage";
import { call } from "../../api/client";
import { m } from "../../messages";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrors, isConflict } from "../../ui/errors";
import { useFlash } from "../../ui/Flash";
import { useOrganisations } from "../policy";
import { bodyOf, issuesToFields, numberText, parseNumberText } from "./components";
import { vm } from "./messages";
import { invalidateVision, useChallengeCandidates } from "./queries";

const CHILD_KIND: Record<NodeKind, NodeKind | null> = { vision: "strategy", strategy: "measure", measure: "project", project: null };
export function childKindOf(kind: NodeKind): "strategy" | "measure" | "project" | null {
  return CHILD_KIND[kind] as "strategy" | "measure" | "project" | null;
}

export interface ParentOption {
  id: string;
  planId: string;
  kind: NodeKind;
  code: string;
  title: string;
}

export type NodeFormTarget =
  | { mode: "create"; parent: ParentOption; siblings: number }
  | { mode: "edit"; node: VisionNode; parents: ParentOption[] };

interface FormState {
  code: string;
  title: string;
  description: string;
  ownerOrganisationId: string;
  rollupMethod: (typeof ROLLUP_METHODS)[number];
  weight: string;
  sortOrder: string;
  parentId: string;
}

function initial(target: NodeFormTarget): FormState {
  if (target.mode === "edit") {
    const n = target.node;
    return {
      code: n.code,
      title: n.title,
      description: n.description,
      ownerOrganisationId: n.ownerOrganisationId ?? "",
      rollupMethod: n.rollupMethod,
      weight: numberText(n.weight),
      sortOrder: String(n.sortOrder),
      parentId: n.parentId ?? "",
    };
  }
  return {
    code: "",
    title: "",
    description: "",
    ownerOrganisationId: "",
    rollupMethod: "average",
    weight: "1",
    sortOrder: String((target.siblings + 1) * 10),
    parentId: target.parent.id,
  };
}

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
  const [form, setForm] = useState<FormState>(() => initial(target));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [focusTick, setFocusTick] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (focusTick === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusTick]);

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    if (errors[key]) setErrors((e) => ({ ...e, [key]: "" }));
  };

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
      setErrors(fieldErrors(error));
      setFocusTick((n) => n + 1);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    const weight = parseNumberText(form.weight);
    const sortOrder = parseNumberText(form.sortOrder);
    if (weight === undefined || weight === null) found.weight = vm.nodeForm.numberInvalid;
    if (sortOrder === undefined || sortOrder === null) found.sortOrder = vm.nodeForm.numberInvalid;
    const common = {
      code: form.code,
      title: form.title,
      description: form.description,
      ownerOrganisationId: form.ownerOrganisationId || null,
      rollupMethod: form.rollupMethod,
      weight: weight ?? Number.NaN,
      sortOrder: sortOrder ?? Number.NaN,
    };
    const body =
      target.mode === "create"
        ? { parentId: target.parent.id, kind: childKindOf(target.parent.kind), ...common }
        : { version: target.node.version, parentId: form.parentId || null, ...common };
    const schema = target.mode === "create" ? bodyOf(createNode) : bodyOf(updateNode);
    const parsed = schema.safeParse(body, { error: japaneseErrorMap });
    if (!parsed.success) Object.assign(found, { ...issuesToFields(parsed.error.issues), ...found });
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFocusTick((n) => n + 1);
      return;
    }
    save.mutate(body);
  }

  const orgOptions = [{ value: "", label: vm.nodeForm.ownerNone }, ...organisationOptions(organisations.data?.items ?? [])];
  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ErrorAlert
          error={save.error}
          conflictMessage={vm.nodeForm.conflict}
          fieldLabels={{ code: vm.nodeForm.code, title: vm.nodeForm.title }}
        />
        {target.mode === "edit" && target.node.kind !== "vision" && target.parents.length > 0 && (
          <NativeSelect
            label={vm.nodeForm.parent}
            value={form.parentId}
            data={target.parents.map((p) => ({ value: p.id, label: `${p.code} ${p.title}` }))}
            onChange={(e) => set("parentId", e.currentTarget.value)}
            error={errors.parentId || undefined}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={vm.nodeForm.code}
            description={vm.nodeForm.codeHelp}
            required
            value={form.code}
            onChange={(e) => set("code", e.currentTarget.value)}
            error={errors.code || undefined}
            inputWrapperOrder={["label", "input", "description", "error"]}
          />
          <NativeSelect
            label={vm.nodeForm.owner}
            value={form.ownerOrganisationId}
            data={orgOptions}
            onChange={(e) => set("ownerOrganisationId", e.currentTarget.value)}
            error={errors.ownerOrganisationId || undefined}
          />
        </SimpleGrid>
        <TextInput
          label={vm.nodeForm.title}
          required
          value={form.title}
          onChange={(e) => set("title", e.currentTarget.value)}
          error={errors.title || undefined}
        />
        <Textarea
          label={vm.nodeForm.description}
          autosize
          minRows={2}
          value={form.description}
          onChange={(e) => set("description", e.currentTarget.value)}
          error={errors.description || undefined}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label={vm.nodeForm.rollupMethod}
            value={form.rollupMethod}
            data={ROLLUP_METHODS.map((r) => ({ value: r, label: ROLLUP_METHOD_LABELS[r] }))}
            onChange={(e) => set("rollupMethod", e.currentTarget.value as FormState["rollupMethod"])}
          />
          <TextInput
            label={vm.nodeForm.weight}
            description={vm.nodeForm.weightHelp}
            inputMode="decimal"
            value={form.weight}
            onChange={(e) => set("weight", e.currentTarget.value)}
            error={errors.weight || undefined}
            inputWrapperOrder={["label", "input", "description", "error"]}
          />
          <TextInput
            label={vm.nodeForm.sortOrder}
            inputMode="numeric"
            value={form.sortOrder}
            onChange={(e) => set("sortOrder", e.currentTarget.value)}
            error={errors.sortOrder || undefined}
          />
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
