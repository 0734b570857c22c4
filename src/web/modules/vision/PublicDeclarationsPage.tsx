// /public/vision/declarations: the staff's Action宣言 for citizens (no sign-in) — 掲示中 only, filterable by strategy.
import { Group, NativeSelect, Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { m } from "../../messages";
import { DateText, splitTimestamp } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { PageHeader } from "../../ui/PageHeader";
import { Loading } from "./components";
import { declarationAuthor } from "./declarationAuthor";
import { em } from "./engagementMessages";
import { usePublicDeclarations } from "./engagementQueries";

export function PublicDeclarationsPage() {
  const [strategyId, setStrategyId] = useState<string>("");
  const list = usePublicDeclarations(strategyId || null);
  // The strategies come with every answer (the previous answer stays while a new filter loads).
  const strategies = list.data?.strategies ?? [];
  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={em.publicPage.title}
        breadcrumbs={[{ label: m.publicHome.title, href: "/public" }, { label: em.publicPage.title }]}
        subtitle={list.data?.planName ? `${list.data.planName} — ${em.publicPage.intro}` : em.publicPage.intro}
      />
      <Group justify="space-between" align="flex-end" mb="md">
        <NativeSelect
          label={em.publicPage.filter}
          value={strategyId}
          data={[{ value: "", label: em.publicPage.all }, ...strategies.map((s) => ({ value: s.id, label: s.title }))]}
          onChange={(e) => setStrategyId(e.currentTarget.value)}
          w={{ base: "100%", sm: 320 }}
        />
        {list.data ? (
          <Text role="status" size="sm">
            {em.publicPage.count(items.length)}
          </Text>
        ) : null}
      </Group>
      {list.isPending ? <Loading /> : null}
      <ErrorAlert error={list.error} />
      {list.data && items.length === 0 ? (
        <Text role="status" py="lg">
          {em.publicPage.empty}
        </Text>
      ) : null}
      <SimpleGrid
        cols={{ base: 1, sm: 2, lg: 3 }}
        component="ul"
        style={{ listStyle: "none", padding: 0, margin: 0 }}
        aria-label={em.publicPage.caption}
      >
        {items.map((d) => (
          <li key={d.id}>
            <Paper withBorder p="md" h="100%">
              <Stack gap="xs" h="100%" justify="space-between">
                {d.strategy ? (
                  <Text size="sm" fw={700} c="#1c3f8f">
                    {d.strategy.title}
                  </Text>
                ) : null}
                <Text size="lg" fw={600} style={{ wordBreak: "break-word" }}>
                  {d.body}
                </Text>
                <Group justify="space-between" gap="xs">
                  <Text size="sm">{declarationAuthor(d.organisationName, d.displayName, em.publicPage.anonymous)}</Text>
                  <Text size="xs" c="dimmed">
                    <DateText iso={splitTimestamp(d.postedAt)?.date} western="title" />
                  </Text>
                </Group>
              </Stack>
            </Paper>
          </li>
        ))}
      </SimpleGrid>
    </>
  );
}
