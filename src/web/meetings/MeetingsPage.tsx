// /meetings 「会議」: every meeting the caller may read — filters by kind, kind of record, 年度 and words, sorting,
// paging, CSV / Excel of what is shown — with the tab to the follow-ups.
import { Badge, Button, Group, NativeSelect, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useNavigate } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { exportMeetings, MEETING_SORTS, type MeetingSummary } from "../../common/api/meetings";
import { MEETING_KIND_LABELS, MEETING_KINDS, type MeetingKind } from "../../common/meetings/meeting-kinds";
import { urlFor } from "../api/client";
import { type Column, DataTable } from "../ui/DataTable";
import { FiscalYearSelect } from "../ui/FiscalYear";
import { InternalLink } from "../ui/InternalLink";
import { PageHeader } from "../ui/PageHeader";
import { SampleBadge } from "../ui/SampleBadge";
import { mtm } from "./messages";
import { kindShort, MeetingsTabs, MeetingWhen } from "./parts";
import { type MeetingSearch, useMeetings } from "./queries";

const t = mtm.list;

export function MeetingsPage({ search }: { search: MeetingSearch }) {
  const navigate = useNavigate();
  const setSearch = (next: Partial<MeetingSearch>) =>
    navigate({ to: "/meetings" as never, search: { ...search, page: undefined, ...next } as never, replace: true });
  const [text, setText] = useState(search.q ?? "");
  const [debounced] = useDebouncedValue(text.trim(), 300);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the typed words move the search
  useEffect(() => {
    if ((search.q ?? "") !== debounced) setSearch({ q: debounced || undefined });
  }, [debounced]);
  const list = useMeetings(search);
  const data = list.data;
  const { page: _page, ...filters } = search;
  const exportQuery = { ...filters };

  const columns: Column<MeetingSummary>[] = [
    { key: "held", header: t.heldOn, nowrap: true, render: (m) => <MeetingWhen {...m} /> },
    {
      key: "title",
      header: t.meeting,
      rowHeader: true,
      render: (m) => (
        <Stack gap={2}>
          <Group gap={6}>
            <InternalLink href={`/meetings/${m.id}`}>{m.title}</InternalLink>
            {m.isSample && <SampleBadge />}
          </Group>
          <Text size="xs" c="dimmed">
            {kindShort(m.kind)}
            {m.place ? `・${m.place}` : ""}
            {m.online ? "・オンライン" : ""}
          </Text>
        </Stack>
      ),
    },
    {
      key: "owner",
      header: t.owner,
      render: (m) => (
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {m.owner.kindLabel}
          </Text>
          {m.owner.title ? (
            <InternalLink href={m.owner.path ?? `/meetings/of/${m.owner.kind}/${m.owner.id}`} size="sm">
              {m.owner.title}
            </InternalLink>
          ) : (
            <Text size="sm">{m.owner.title ?? "—"}</Text>
          )}
        </Stack>
      ),
    },
    { key: "orgs", header: t.organisations, render: (m) => <Text size="sm">{m.organisations.join("、") || "—"}</Text> },
    {
      key: "followups",
      header: t.followups,
      nowrap: true,
      render: (m) =>
        m.openFollowups === 0 ? (
          "—"
        ) : (
          <Group gap={4}>
            <Text size="sm">未完了 {m.openFollowups}</Text>
            {m.overdueFollowups > 0 && (
              <Badge color="red" size="sm">
                期限切れ {m.overdueFollowups}
              </Badge>
            )}
          </Group>
        ),
    },
  ];

  return (
    <>
      <PageHeader title={t.title} subtitle={t.intro} breadcrumbs={[{ label: mtm.crumbs.meetings }]} />
      <MeetingsTabs active="meetings" />
      <Stack gap="md">
        <Group gap="md" align="flex-end" wrap="wrap">
          <NativeSelect
            label={t.kind}
            value={search.kind ?? ""}
            onChange={(e) => setSearch({ kind: (e.currentTarget.value || undefined) as MeetingKind | undefined })}
            data={[{ value: "", label: t.allKinds }, ...MEETING_KINDS.map((k) => ({ value: k, label: MEETING_KIND_LABELS[k] }))]}
            w={240}
          />
          <NativeSelect
            label={t.ownerKind}
            value={search.ownerKind ?? ""}
            onChange={(e) => setSearch({ ownerKind: e.currentTarget.value || undefined })}
            data={[{ value: "", label: t.allOwnerKinds }, ...(data?.ownerKinds ?? []).map((k) => ({ value: k.kind, label: k.label }))]}
            w={200}
          />
          <FiscalYearSelect
            label={t.fiscalYear}
            allLabel={t.allYears}
            value={search.fiscalYear ?? null}
            onChange={(fy) => setSearch({ fiscalYear: fy ?? undefined })}
            w={220}
          />
          <TextInput label={t.q} description={t.qHelp} value={text} onChange={(e) => setText(e.currentTarget.value)} w={260} />
          <NativeSelect
            label={t.sort}
            value={search.sort ?? "held_desc"}
            onChange={(e) => setSearch({ sort: e.currentTarget.value as MeetingSearch["sort"] })}
            data={MEETING_SORTS.map((s) => ({ value: s, label: t.sorts[s] }))}
            w={180}
          />
        </Group>
        <Group gap="xs">
          <Button
            component="a"
            variant="default"
            size="xs"
            href={urlFor(exportMeetings, { query: { ...exportQuery, format: "csv" } as never })}
            download
          >
            {t.csv}
          </Button>
          <Button
            component="a"
            variant="default"
            size="xs"
            href={urlFor(exportMeetings, { query: { ...exportQuery, format: "xlsx" } as never })}
            download
          >
            {t.xlsx}
          </Button>
        </Group>
        <DataTable
          caption={t.caption}
          columns={columns}
          rows={data?.items}
          rowKey={(m) => m.id}
          loading={list.isPending}
          error={list.error}
          empty={t.empty}
          minWidth={900}
          paging={
            data
              ? {
                  page: data.page,
                  pageSize: data.pageSize,
                  total: data.total,
                  onPageChange: (page) => setSearch({ page: page > 1 ? page : undefined }),
                }
              : undefined
          }
        />
      </Stack>
    </>
  );
}
