// /vision/nodes/$id: one node of the plan tree — its details and roll-up grade in the chosen round, its indicators
// with their grades, the linked 局区方針の課題, its children, and the experts' council comments on it.
import { Button, Group, List, Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import { useMemo, useState } from "react";
import {
  type IndicatorGrade,
  type IndicatorSummary,
  type LinkedChallenge,
  NODE_KIND_LABELS,
  type NodeDetail,
  ROLLUP_METHOD_LABELS,
  type RollupTreeNode,
  type VisionTreeNode,
} from "../../../common/api/vision";
import type { Column } from "../../ui/DataTable";
import { DateText, DateTimeText, fiscalYearLabel } from "../../ui/dates";
import { AnchorLink, ButtonLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { Section, TableSection } from "../../ui/Section";
import {
  EarlierYearNote,
  EmptyState,
  Field,
  GradeBadge,
  Loading,
  PlanRecordError,
  RoundPicker,
  SampleBadge,
  VisionNav,
} from "./components";
import { vm } from "./messages";
import { ChallengeLinkModal, NodeFormModal, type NodeFormTarget, type ParentOption } from "./nodeEditors";
import { useNode, useNodeComments, usePlan, useRoundChoice, useRoundGrades } from "./queries";

export function NodePage({ id }: { id: string }) {
  const node = useNode(id);
  if (node.error) return <PlanRecordError title={vm.node.breadcrumb} error={node.error} />;
  if (!node.data) return <Loading />;
  return <NodeView node={node.data} />;
}

function findTreeNode(tree: readonly VisionTreeNode[] | undefined, id: string): VisionTreeNode | null {
  for (const n of tree ?? []) {
    if (n.id === id) return n;
    const found = findTreeNode(n.children, id);
    if (found) return found;
  }
  return null;
}

function findRollup(tree: readonly RollupTreeNode[] | undefined, id: string): RollupTreeNode | null {
  for (const n of tree ?? []) {
    if (n.nodeId === id) return n;
    const found = findRollup(n.children, id);
    if (found) return found;
  }
  return null;
}

function NodeView({ node }: { node: NodeDetail }) {
  const plan = usePlan(node.planId);
  const { rounds, round, choose } = useRoundChoice(node.planId);
  const grades = useRoundGrades(round?.id ?? null);
  const [editing, setEditing] = useState<NodeFormTarget | null>(null);
  const [linking, setLinking] = useState(false);
  const treeNode = useMemo(() => findTreeNode(plan.data?.tree, node.id), [plan.data, node.id]);
  const rollup = findRollup(grades.data?.tree, node.id);
  const gradeByIndicator = useMemo(() => new Map((grades.data?.indicators ?? []).map((g) => [g.indicatorId, g])), [grades.data]);

  const title = `${node.code} ${node.title}`;
  const breadcrumbs = [
    { label: vm.moduleName, href: "/vision" },
    { label: vm.plan.title, href: "/vision/plan" },
    ...node.path.map((p) => ({ label: `${p.code} ${p.title}`, href: `/vision/nodes/${p.id}` })),
    { label: node.title },
  ];

  function startEdit() {
    const parentKind = node.path[node.path.length - 1]?.kind;
    const parents: ParentOption[] = [];
    const visit = (list: readonly VisionTreeNode[]) => {
      for (const n of list) {
        if (n.kind === parentKind) parents.push({ id: n.id, planId: node.planId, kind: n.kind, code: n.code, title: n.title });
        visit(n.children);
      }
    };
    visit(plan.data?.tree ?? []);
    setEditing({ mode: "edit", node, parents });
  }

  return (
    <>
      <PageHeader
        title={title}
        documentTitle={node.title}
        breadcrumbs={breadcrumbs}
        badges={
          <>
            <Text span size="sm" fw={700} c="#495057">
              {NODE_KIND_LABELS[node.kind]}
            </Text>
            {node.isSample && <SampleBadge />}
          </>
        }
        actions={
          node.canManage ? (
            <Button variant="default" onClick={startEdit} disabled={!plan.data}>
              {vm.node.editNode}
            </Button>
          ) : undefined
        }
      />
      <VisionNav />
      <Stack gap="lg">
        <RoundPicker rounds={rounds.data?.items ?? []} value={round?.id ?? null} onChange={choose} />
        <Section id="node-details" title={vm.node.details}>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} mb="sm">
            <Field label={vm.node.owner}>{node.ownerOrganisationName ?? vm.plan.noOwner}</Field>
            <Field label={vm.node.rollup}>{ROLLUP_METHOD_LABELS[node.rollupMethod]}</Field>
            <Field label={vm.node.weight}>{vm.number(node.weight)}</Field>
            <Field label={vm.node.rollupGrade}>
              <Group gap="xs" data-testid="node-rollup" data-grade={rollup?.grade ?? ""} data-achievement={rollup?.achievement ?? ""}>
                <GradeBadge grade={rollup?.grade ?? null} size="sm" />
                <span>{vm.grade.achievement(rollup?.achievement ?? null)}</span>
              </Group>
            </Field>
          </SimpleGrid>
          <Text size="sm" className="yk-prewrap">
            {node.description || vm.node.noDescription}
          </Text>
        </Section>

        <IndicatorsSection node={node} gradeByIndicator={gradeByIndicator} />

        <Section
          id="node-challenges"
          title={vm.node.challengesHeading}
          actions={
            node.canManage && (
              <Button size="xs" variant="default" onClick={() => setLinking(true)}>
                {vm.node.linkChallenges}
              </Button>
            )
          }
        >
          <ChallengeList challenges={node.challenges} />
        </Section>

        <Section id="node-children" title={vm.node.childrenHeading}>
          {node.childCount === 0 ? (
            <EmptyState>{vm.node.childrenEmpty}</EmptyState>
          ) : !treeNode ? (
            <Loading />
          ) : (
            <List spacing={6} listStyleType="none" pl={0}>
              {treeNode.children.map((child) => {
                const r = findRollup(grades.data?.tree, child.id);
                return (
                  <List.Item key={child.id}>
                    <Group gap="xs" wrap="wrap">
                      <Text span size="xs" fw={700} c="#495057">
                        {NODE_KIND_LABELS[child.kind]}
                      </Text>
                      <AnchorLink to="/vision/nodes/$id" params={{ id: child.id }}>
                        {child.code} {child.title}
                      </AnchorLink>
                      <GradeBadge grade={r?.grade ?? null} size="xs" />
                      <Text span size="xs">
                        {vm.grade.achievement(r?.achievement ?? null)}
                      </Text>
                    </Group>
                  </List.Item>
                );
              })}
            </List>
          )}
        </Section>

        {round && <CommentsSection roundId={round.id} roundName={round.name} nodeId={node.id} />}
      </Stack>
      <NodeFormModal target={editing} onClose={() => setEditing(null)} />
      <ChallengeLinkModal nodeId={node.id} current={node.challenges} opened={linking} onClose={() => setLinking(false)} />
    </>
  );
}

export function ChallengeList({ challenges }: { challenges: readonly LinkedChallenge[] }) {
  if (challenges.length === 0) return <EmptyState>{vm.node.challengesEmpty}</EmptyState>;
  return (
    <List spacing={4}>
      {challenges.map((c) => (
        <List.Item key={c.id}>
          <AnchorLink to="/policy/challenges/$id" params={{ id: c.id }}>
            {c.code} {c.name}
          </AnchorLink>
          {c.ownerOrganisationName && (
            <Text span size="sm" c="dimmed">
              （{c.ownerOrganisationName}）
            </Text>
          )}
        </List.Item>
      ))}
    </List>
  );
}

function IndicatorsSection({ node, gradeByIndicator }: { node: NodeDetail; gradeByIndicator: Map<string, IndicatorGrade> }) {
  const columns: Column<IndicatorSummary>[] = [
    { key: "code", header: vm.indicator.code, nowrap: true, render: (i) => i.code },
    {
      key: "name",
      header: vm.indicator.name,
      rowHeader: true,
      render: (i) => (
        <AnchorLink to="/vision/indicators/$id" params={{ id: i.id }}>
          {i.name}
        </AnchorLink>
      ),
    },
    { key: "kind", header: vm.indicator.kind, nowrap: true, render: (i) => i.kind },
    {
      key: "target",
      header: vm.indicator.target,
      nowrap: true,
      render: (i) =>
        i.targetValue === null
          ? vm.dash
          : `${vm.valueWithUnit(i.targetValue, i.unit)}（${i.targetFiscalYear ? fiscalYearLabel(i.targetFiscalYear) : vm.dash}）`,
    },
    {
      key: "latest",
      header: vm.indicator.latest,
      nowrap: true,
      render: (i) =>
        i.latestActual ? (
          <span>
            {i.latestActual.value !== null ? vm.valueWithUnit(i.latestActual.value, i.unit) : (i.latestActual.statusRating ?? vm.dash)}
            <Text span size="xs" c="dimmed">
              {" "}
              <DateText iso={i.latestActual.asOf} western="title" />
            </Text>
          </span>
        ) : (
          vm.dash
        ),
    },
    {
      key: "grade",
      header: vm.public.grade,
      nowrap: true,
      render: (i) => {
        const g = gradeByIndicator.get(i.id);
        if (i.exclusion) return <GradeBadge grade={null} size="sm" label={`${vm.grade.excluded}（${i.exclusion}）`} />;
        return (
          <Group gap={4} wrap="nowrap">
            <GradeBadge grade={g?.grade ?? null} size="sm" />
            {g?.achievement !== null && g?.achievement !== undefined && (
              <Text span size="xs">
                {vm.percent(g.achievement)}
              </Text>
            )}
            <EarlierYearNote fiscalYear={g?.valueFiscalYear} />
          </Group>
        );
      },
    },
  ];
  return (
    <TableSection
      id="node-indicators"
      title={vm.node.indicatorsHeading}
      actions={
        node.canManage && (
          <ButtonLink to="/vision/indicators/new" search={{ nodeId: node.id }} size="xs" variant="default">
            {vm.node.addIndicator}
          </ButtonLink>
        )
      }
      caption={vm.node.indicatorsCaption}
      columns={columns}
      rows={node.indicators}
      rowKey={(i) => i.id}
      empty={vm.node.indicatorsEmpty}
    />
  );
}

function CommentsSection({ roundId, roundName, nodeId }: { roundId: string; roundName: string; nodeId: string }) {
  const comments = useNodeComments(roundId, nodeId);
  // The council's comments are shown to those the engagement side lets read them; others see nothing here.
  if (comments.error) return null;
  return (
    <Section id="node-comments" title={vm.node.commentsHeading} titleGap={0}>
      <Text size="sm" c="dimmed" mb="sm">
        {vm.node.commentsRound(roundName)}
      </Text>
      {comments.isPending ? (
        <Loading />
      ) : (comments.data?.items.length ?? 0) === 0 ? (
        <EmptyState>{vm.node.commentsEmpty}</EmptyState>
      ) : (
        <Stack gap="sm">
          {comments.data?.items.map((c) => (
            <Paper key={c.id} withBorder p="sm" component="article" aria-label={vm.node.by(c.memberName)}>
              <Group gap="xs" mb={4}>
                <Text size="sm" fw={600}>
                  {vm.node.by(c.memberName)}
                </Text>
                <Text size="xs" c="dimmed">
                  <DateTimeText timestamp={c.createdAt} />
                </Text>
              </Group>
              <Text size="sm" className="yk-prewrap">
                {c.body}
              </Text>
              <Text size="sm" mt={6}>
                <Text span fw={600}>
                  {vm.node.response}:
                </Text>{" "}
                {c.response ?? vm.node.noResponse}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
    </Section>
  );
}
