// /zones 「特区 規制改革提案のパイプライン」: every state of the main line from top to bottom (one row each, its count
// and a card for each proposal in it: title, field, partners, days in the state, the round of a request), so that at
// 1280 px the sixteen states read without sideways scrolling; a strip of counts on top jumps to a state; the end states
// (取下げ・不採用・解消) folded away below; a link to the list (filters, sort, export).
import { Anchor, Box, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { useId, useState } from "react";
import type { PipelineColumn, PipelineItem } from "../../../common/api/zones";
import { PROPOSAL_FIELD_LABELS, PROPOSAL_FIELDS, type ProposalField } from "../../../common/zones/proposal-fields";
import { DateText } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { InternalLink } from "../../ui/InternalLink";
import { Loading } from "../../ui/Loading";
import { ButtonLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { StateBadge, ZonesNav } from "./components";
import { zm } from "./messages";
import { useCanManageZones, usePipeline } from "./queries";

const t = zm.pipeline;
/** Days in one state after which a card is marked as long-standing (a request unanswered for a quarter …). */
const LONG_DAYS = 90;

function ProposalCard({ item, column }: { item: PipelineItem; column: PipelineColumn }) {
  const long = !column.isEnd && item.daysInState >= LONG_DAYS;
  return (
    <Paper withBorder p="sm" radius="sm" component="article" aria-label={item.title} className="yk-zones-card">
      <Stack gap={4}>
        <InternalLink href={`/zones/proposals/${item.id}`} fw={600} size="sm" style={{ overflowWrap: "anywhere" }}>
          {item.title}
        </InternalLink>
        <Group gap={6} wrap="wrap">
          <Text size="xs" c="dimmed">
            {PROPOSAL_FIELD_LABELS[item.field]}
          </Text>
          {item.stateLabel !== column.label && <StateBadge state={column.state} label={item.stateLabel} size="xs" />}
          {item.isSample && <SampleBadge />}
        </Group>
        <Text size="xs">
          <span className="yk-visually-hidden">{t.partners}：</span>
          {item.partnerNames.length > 0 ? item.partnerNames.join("、") : t.noPartners}
        </Text>
        <Group gap={8} wrap="wrap">
          <Text size="sm" fw={700} c={long ? "#9b1c1c" : undefined}>
            {t.daysInState(item.daysInState)}
            {long && `（${t.long}）`}
          </Text>
          <Text size="xs" c="dimmed">
            {t.totalDays(item.totalDays)}
          </Text>
        </Group>
        <Text size="xs" c="dimmed">
          {t.since}：<DateText iso={item.stateSince} western="title" />
        </Text>
      </Stack>
    </Paper>
  );
}

function StateRow({ column }: { column: PipelineColumn }) {
  const headingId = `zones-state-${column.state}`;
  const empty = column.items.length === 0;
  return (
    <Box
      component="section"
      aria-labelledby={headingId}
      id={`state-${column.state}`}
      className="yk-zones-row"
      py={empty ? 6 : "sm"}
      style={{ borderTop: "1px solid var(--mantine-color-gray-3)", scrollMarginTop: 80 }}
    >
      <Group align="flex-start" gap="md" wrap="nowrap">
        <Box w={190} style={{ flex: "0 0 190px" }}>
          <Group gap={6} wrap="nowrap">
            <Title order={3} size="h5" id={headingId}>
              {column.label}
            </Title>
            <Text size="sm" fw={700} c={empty ? "dimmed" : undefined} aria-label={t.stateCount(column.label, column.items.length)}>
              {column.items.length}
            </Text>
          </Group>
        </Box>
        <Box style={{ flex: 1, minWidth: 0 }}>
          {empty ? (
            <Text size="xs" c="dimmed">
              {t.none}
            </Text>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
              {column.items.map((item) => (
                <ProposalCard key={item.id} item={item} column={column} />
              ))}
            </SimpleGrid>
          )}
        </Box>
      </Group>
    </Box>
  );
}

/** The counts of the main line in one strip: each state a link to its row. */
function Overview({ columns }: { columns: PipelineColumn[] }) {
  const id = useId();
  return (
    <nav aria-labelledby={id}>
      <Text id={id} size="sm" fw={700} mb={4}>
        {t.overview}
      </Text>
      <Text size="xs" c="dimmed" mb={6}>
        {t.overviewHelp}
      </Text>
      <Group gap={4} wrap="wrap" component="ol" className="yk-zones-strip" style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {columns.map((column, index) => (
          <Group key={column.state} component="li" gap={4} wrap="nowrap">
            {index > 0 && !column.isEnd && (
              <Text span aria-hidden="true" c="dimmed" size="xs">
                →
              </Text>
            )}
            <Anchor
              href={`#state-${column.state}`}
              size="sm"
              px={8}
              py={2}
              style={{
                border: "1px solid var(--mantine-color-gray-4)",
                borderRadius: 4,
                background: column.items.length > 0 ? "#e7eefc" : "transparent",
                color: column.items.length > 0 ? "#1c3f8f" : "#495057",
                fontWeight: column.items.length > 0 ? 700 : 400,
                whiteSpace: "nowrap",
              }}
            >
              {column.label} {column.items.length}
            </Anchor>
          </Group>
        ))}
      </Group>
    </nav>
  );
}

export function PipelinePage({ field }: { field?: ProposalField }) {
  const navigate = useNavigate();
  const pipeline = usePipeline(field);
  const { canManage } = useCanManageZones();
  const [showEnded, setShowEnded] = useState(false);
  const columns = pipeline.data?.columns ?? [];
  const main = columns.filter((column) => !column.isEnd);
  const ends = columns.filter((column) => column.isEnd);
  const activeCount = main.reduce((sum, column) => sum + column.items.length, 0);
  const endedCount = ends.reduce((sum, column) => sum + column.items.length, 0);

  return (
    <>
      <PageHeader
        title={t.title}
        breadcrumbs={[{ label: zm.crumbs.zones }]}
        subtitle={t.intro}
        actions={canManage ? <ButtonLink to="/zones/proposals/new">{zm.nav.create}</ButtonLink> : undefined}
      />
      <ZonesNav canManage={canManage} />
      <Stack gap="md">
        <Group gap="lg" align="flex-end" wrap="wrap">
          <NativeSelect
            label={t.field}
            value={field ?? ""}
            data={[{ value: "", label: t.allFields }, ...PROPOSAL_FIELDS.map((f) => ({ value: f, label: PROPOSAL_FIELD_LABELS[f] }))]}
            onChange={(event) =>
              navigate({ to: "/zones" as never, search: (event.currentTarget.value ? { field: event.currentTarget.value } : {}) as never })
            }
            w={220}
          />
          {pipeline.data && (
            <Group gap="md" wrap="wrap">
              <Text size="sm" fw={700} role="status">
                {t.active(activeCount)}・{t.ended(endedCount)}
              </Text>
              <Text size="sm" c="dimmed">
                {t.countedTo}：<DateText iso={pipeline.data.today} />
              </Text>
            </Group>
          )}
          <InternalLink href={field ? `/zones/proposals?field=${field}` : "/zones/proposals"} size="sm" fw={600}>
            {t.toList}
          </InternalLink>
        </Group>
        <ErrorAlert error={pipeline.error} />
        {pipeline.isPending && <Loading />}
        {pipeline.data && activeCount + endedCount === 0 && (
          <Text role="status" py="md">
            {t.empty}
          </Text>
        )}
        {pipeline.data && (
          <>
            <Overview columns={main} />
            <Paper withBorder p="md" component="section" aria-labelledby="zones-main-line">
              <Title order={2} id="zones-main-line" className="yk-section-title" mb="xs">
                {t.mainLine}
              </Title>
              <Box>
                {main.map((column) => (
                  <StateRow key={column.state} column={column} />
                ))}
              </Box>
            </Paper>
            <Paper withBorder p="md" component="section" aria-labelledby="zones-ended">
              <Group justify="space-between" wrap="wrap" gap="sm">
                <Title order={2} id="zones-ended" className="yk-section-title">
                  {t.endStates}
                </Title>
                <Group gap={6}>
                  {ends.map((column) => (
                    <StateBadge key={column.state} state={column.state} label={`${column.label} ${column.items.length}`} />
                  ))}
                </Group>
              </Group>
              <Text size="xs" c="dimmed" mt={4}>
                {t.endStatesHelp}
              </Text>
              <Button
                mt="sm"
                variant="default"
                size="compact-sm"
                aria-expanded={showEnded}
                aria-controls="zones-ended-rows"
                onClick={() => setShowEnded((shown) => !shown)}
                disabled={endedCount === 0}
              >
                {showEnded ? t.hideEnded : t.showEnded(endedCount)}
              </Button>
              <Box id="zones-ended-rows" hidden={!showEnded} mt="sm">
                {showEnded && ends.map((column) => <StateRow key={column.state} column={column} />)}
              </Box>
            </Paper>
          </>
        )}
      </Stack>
    </>
  );
}
