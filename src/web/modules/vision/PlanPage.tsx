// /vision/plan: 施策体系 — the tree ビジョン → 重点戦略 → 施策 → 事業 with owners, the roll-up grade of each node in
// the chosen round, expand / collapse (arrow keys move and open/close), and for the plan's managers: add, edit and
// delete nodes and link 局区方針の課題 to a measure.
import { Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type KeyboardEvent, useMemo, useState } from "react";
import { deleteNode, NODE_KIND_LABELS, type PlanDetail, type RollupTreeNode, type VisionTreeNode } from "../../../common/api/vision";
import { call } from "../../api/client";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { DateText, fiscalYearLabel } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { useFlash } from "../../ui/Flash";
import { AnchorLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { EmptyState, GradeBadge, Loading, PlanPicker, RoundPicker, SampleBadge, VisionNav } from "./components";
import { vm } from "./messages";
import { ChallengeLinkModal, childKindOf, NodeFormModal, type NodeFormTarget, type ParentOption } from "./nodeEditors";
import { invalidateVision, useCurrentPlan, usePlan, useRoundChoice, useRoundGrades } from "./queries";

const TREE_LIST = { listStyle: "none", padding: 0, margin: 0 } as const;
const breadcrumbs = [{ label: vm.moduleName, href: "/vision" }, { label: vm.plan.title }];

export function PlanPage() {
  const { plans, planId, choose } = useCurrentPlan();
  const plan = usePlan(planId);
  const { rounds, round, choose: chooseRound } = useRoundChoice(planId);
  const grades = useRoundGrades(round?.id ?? null);
  return (
    <>
      <PageHeader title={vm.plan.title} breadcrumbs={breadcrumbs} subtitle={vm.plan.intro} />
      <VisionNav />
      <Stack gap="md">
        <ErrorAlert error={plans.error ?? plan.error ?? rounds.error} />
        {plans.isPending && <Loading />}
        {plans.data && plans.data.items.length === 0 && <EmptyState>{vm.noPlan}</EmptyState>}
        <Group gap="md" align="flex-end" wrap="wrap">
          <PlanPicker plans={plans.data?.items ?? []} value={planId} onChange={choose} />
          {planId && <RoundPicker rounds={rounds.data?.items ?? []} value={round?.id ?? null} onChange={chooseRound} />}
        </Group>
        {plan.isPending && planId && <Loading />}
        {plan.data && <PlanTree plan={plan.data} rollup={grades.data?.tree} />}
      </Stack>
    </>
  );
}

function indexRollup(tree: readonly RollupTreeNode[] | undefined): Map<string, RollupTreeNode> {
  const map = new Map<string, RollupTreeNode>();
  const visit = (n: RollupTreeNode) => {
    map.set(n.nodeId, n);
    n.children.forEach(visit);
  };
  tree?.forEach(visit);
  return map;
}

function flatten(tree: readonly VisionTreeNode[]): VisionTreeNode[] {
  const out: VisionTreeNode[] = [];
  const visit = (n: VisionTreeNode) => {
    out.push(n);
    n.children.forEach(visit);
  };
  tree.forEach(visit);
  return out;
}

function PlanTree({ plan, rollup }: { plan: PlanDetail; rollup: RollupTreeNode[] | undefined }) {
  const all = useMemo(() => flatten(plan.tree), [plan.tree]);
  const rollups = useMemo(() => indexRollup(rollup), [rollup]);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(
    () => new Set(all.filter((n) => n.kind === "vision" || n.kind === "strategy").map((n) => n.id)),
  );
  const [editing, setEditing] = useState<NodeFormTarget | null>(null);
  const [linking, setLinking] = useState<VisionTreeNode | null>(null);

  const toggle = (id: string, open?: boolean) =>
    setExpanded((current) => {
      const next = new Set(current);
      const willOpen = open ?? !next.has(id);
      if (willOpen) next.add(id);
      else next.delete(id);
      return next;
    });

  const parentsOfKind = (kind: VisionTreeNode["kind"]): ParentOption[] =>
    all.filter((n) => n.kind === kind).map((n) => ({ id: n.id, planId: plan.id, kind: n.kind, code: n.code, title: n.title }));

  const actions: TreeActions = {
    canManage: plan.canManage,
    addChild: (node) => {
      // the new child shows under its parent, so open it
      toggle(node.id, true);
      setEditing({
        mode: "create",
        parent: { id: node.id, planId: plan.id, kind: node.kind, code: node.code, title: node.title },
        siblings: node.children.length,
      });
    },
    edit: (node) => {
      const parentKind = all.find((n) => n.id === node.parentId)?.kind;
      setEditing({ mode: "edit", node, parents: parentKind ? parentsOfKind(parentKind) : [] });
    },
    link: (node) => setLinking(node),
  };

  // Arrow keys move between the visible rows' titles; → opens (or goes to the first child), ← closes (or goes up).
  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const target = event.target as HTMLElement;
    if (!target.matches("[data-tree-item]")) return;
    const items = [...event.currentTarget.querySelectorAll<HTMLElement>("[data-tree-item]")];
    const index = items.indexOf(target);
    const id = target.dataset.treeItem ?? "";
    const node = all.find((n) => n.id === id);
    if (!node) return;
    const focus = (el: HTMLElement | undefined) => {
      if (!el) return;
      event.preventDefault();
      el.focus();
    };
    switch (event.key) {
      case "ArrowDown":
        focus(items[index + 1]);
        break;
      case "ArrowUp":
        focus(items[index - 1]);
        break;
      case "Home":
        focus(items[0]);
        break;
      case "End":
        focus(items[items.length - 1]);
        break;
      case "ArrowRight":
        if (node.children.length === 0) break;
        event.preventDefault();
        if (!expanded.has(id)) toggle(id, true);
        else focus(items[index + 1]);
        break;
      case "ArrowLeft":
        event.preventDefault();
        if (expanded.has(id) && node.children.length > 0) toggle(id, false);
        else if (node.parentId) focus(items.find((el) => el.dataset.treeItem === node.parentId));
        break;
    }
  }

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="plan-heading">
      <Group justify="space-between" align="flex-start" wrap="wrap" mb="sm">
        <Stack gap={2}>
          <Group gap="xs">
            <Title order={2} id="plan-heading" className="yk-section-title">
              {plan.name}
            </Title>
            {plan.isSample && <SampleBadge />}
          </Group>
          <Text size="sm" c="dimmed">
            {vm.plan.period(fiscalYearLabel(plan.firstFiscalYear), fiscalYearLabel(plan.lastFiscalYear))}
            {plan.adoptedOn && (
              <>
                {" ・ "}
                {vm.plan.adopted} <DateText iso={plan.adoptedOn} western="title" />
              </>
            )}
            {" ・ "}
            {vm.plan.indicatorCount(plan.indicatorCount)}
          </Text>
          {plan.cityImage && (
            <Text size="sm">
              <Text span fw={600}>
                {vm.plan.cityImage}:
              </Text>{" "}
              {plan.cityImage}
            </Text>
          )}
        </Stack>
        <Group gap="xs">
          <Button
            variant="default"
            size="xs"
            onClick={() => setExpanded(new Set(all.filter((n) => n.children.length > 0).map((n) => n.id)))}
          >
            {vm.plan.expandAll}
          </Button>
          <Button variant="default" size="xs" onClick={() => setExpanded(new Set())}>
            {vm.plan.collapseAll}
          </Button>
        </Group>
      </Group>
      {plan.tree.length === 0 ? (
        <EmptyState>{vm.plan.empty}</EmptyState>
      ) : (
        <ul className="yk-vision-tree" style={TREE_LIST} aria-label={vm.plan.treeLabel} onKeyDown={onKeyDown} data-testid="plan-tree">
          {plan.tree.map((node) => (
            <TreeRow key={node.id} node={node} depth={1} expanded={expanded} toggle={toggle} rollups={rollups} actions={actions} />
          ))}
        </ul>
      )}
      <NodeFormModal target={editing} onClose={() => setEditing(null)} />
      {linking && (
        <ChallengeLinkModal nodeId={linking.id} current={linking.challenges} opened={linking !== null} onClose={() => setLinking(null)} />
      )}
    </Paper>
  );
}

interface TreeActions {
  canManage: boolean;
  addChild: (node: VisionTreeNode) => void;
  edit: (node: VisionTreeNode) => void;
  link: (node: VisionTreeNode) => void;
}

function TreeRow({
  node,
  depth,
  expanded,
  toggle,
  rollups,
  actions,
}: {
  node: VisionTreeNode;
  depth: number;
  expanded: ReadonlySet<string>;
  toggle: (id: string) => void;
  rollups: Map<string, RollupTreeNode>;
  actions: TreeActions;
}) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const open = expanded.has(node.id);
  const hasChildren = node.children.length > 0;
  const childListId = `vision-tree-children-${node.id}`;
  const rollup = rollups.get(node.id);
  const remove = useMutation({
    mutationFn: () => call(deleteNode, { params: { id: node.id } }),
    onSuccess: async () => {
      flash.show(vm.plan.deleted);
      await invalidateVision(queryClient);
    },
  });
  const childKind = childKindOf(node.kind);
  return (
    <li className="yk-vision-tree-item" data-kind={node.kind}>
      <div
        className="yk-vision-tree-row"
        style={{ paddingLeft: `${(depth - 1) * 1.5}rem`, paddingBlock: 6, borderBottom: "1px solid #e9ecef" }}
        data-testid={`plan-node-${node.code}`}
      >
        <Group gap="xs" wrap="nowrap" align="flex-start">
          {hasChildren ? (
            <Button
              variant="subtle"
              size="compact-sm"
              aria-expanded={open}
              aria-controls={open ? childListId : undefined}
              aria-label={`${open ? "閉じる" : "開く"}: ${node.title}`}
              onClick={() => toggle(node.id)}
            >
              <span aria-hidden="true">{open ? "▾" : "▸"}</span>
            </Button>
          ) : (
            <span style={{ display: "inline-block", width: 30 }} aria-hidden="true" />
          )}
          <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
            <Group gap="xs" wrap="wrap">
              <Text span size="xs" fw={700} c="#495057" style={{ border: "1px solid #adb5bd", borderRadius: 4, padding: "0 4px" }}>
                {NODE_KIND_LABELS[node.kind]}
              </Text>
              <AnchorLink to="/vision/nodes/$id" params={{ id: node.id }} fw={600} data-tree-item={node.id}>
                {node.code} {node.title}
              </AnchorLink>
              {node.isSample && <SampleBadge />}
            </Group>
            <Group gap="md" wrap="wrap">
              <Text size="xs" c="dimmed">
                {vm.plan.owner}: {node.ownerOrganisationName ?? vm.plan.noOwner}
              </Text>
              <Text size="xs" c="dimmed">
                {vm.plan.indicators(node.indicators.length)}
              </Text>
              {node.challenges.length > 0 && (
                <Text size="xs" c="dimmed">
                  {vm.plan.challenges(node.challenges.length)}
                </Text>
              )}
            </Group>
          </Stack>
          <Group
            gap="xs"
            wrap="nowrap"
            data-testid="node-rollup"
            data-grade={rollup?.grade ?? ""}
            data-achievement={rollup?.achievement ?? ""}
          >
            <GradeBadge grade={rollup?.grade ?? null} size="sm" />
            <Text size="xs" style={{ whiteSpace: "nowrap" }}>
              {vm.grade.achievement(rollup?.achievement ?? null)}
            </Text>
          </Group>
        </Group>
        {actions.canManage && (
          <Group gap={4} mt={4} ml={38} wrap="wrap" className="yk-no-print">
            {childKind && (
              <Button
                size="compact-xs"
                variant="light"
                onClick={() => actions.addChild(node)}
                aria-label={`${vm.plan.addChild}（${NODE_KIND_LABELS[childKind]}）: ${node.title}`}
              >
                {vm.plan.addChild}（{NODE_KIND_LABELS[childKind]}）
              </Button>
            )}
            <Button size="compact-xs" variant="default" onClick={() => actions.edit(node)} aria-label={`${vm.plan.edit}: ${node.title}`}>
              {vm.plan.edit}
            </Button>
            {(node.kind === "measure" || node.kind === "project") && (
              <Button
                size="compact-xs"
                variant="default"
                onClick={() => actions.link(node)}
                aria-label={`${vm.node.linkChallenges}: ${node.title}`}
              >
                {vm.node.linkChallenges}
              </Button>
            )}
            {node.kind !== "vision" && node.children.length === 0 && node.indicators.length === 0 && (
              <ConfirmButton
                size="compact-xs"
                variant="default"
                color="red"
                title={vm.plan.deleteTitle(node.title)}
                message={vm.plan.deleteMessage}
                confirmLabel={vm.plan.delete}
                confirmColor="red"
                onConfirm={() => remove.mutateAsync()}
                aria-label={`${vm.plan.delete}: ${node.title}`}
              >
                {vm.plan.delete}
              </ConfirmButton>
            )}
          </Group>
        )}
        {remove.error ? <ErrorAlert error={remove.error} /> : null}
      </div>
      {hasChildren && open && (
        <ul id={childListId} className="yk-vision-tree-children" style={TREE_LIST}>
          {node.children.map((child) => (
            <TreeRow
              key={child.id}
              node={child}
              depth={depth + 1}
              expanded={expanded}
              toggle={toggle}
              rollups={rollups}
              actions={actions}
            />
          ))}
        </ul>
      )}
    </li>
  );
}
