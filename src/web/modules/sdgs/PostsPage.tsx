// /sdgs/station/posts 「イベント・お知らせ」: every post (drafts too), and the editor in which the bureau's editors write
// one; 「公開する」 puts it on the public page (/public/sdgs/station), 「公開をやめる」 takes it down.
import { Button, Group, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  createStationPost,
  deleteStationPost,
  POST_KIND_LABELS,
  POST_KINDS,
  type PostKind,
  publishStationPost,
  type StationPost,
  unpublishStationPost,
  updateStationPost,
} from "../../../common/api/sdgs-station";
import { parseJapaneseDate } from "../../../common/dates";
import { call } from "../../api/client";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateTimeText } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { useFlash } from "../../ui/Flash";
import { FormModal } from "../../ui/FormModal";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { StatusBadge } from "../../ui/StatusBadge";
import { useFormSubmit } from "../../ui/useFormSubmit";
import { useServerPaging } from "../../ui/useServerPaging";
import { dateInJapan, eventWhen, StationNav, timeInJapan } from "./StationParts";
import { stm } from "./stationMessages";
import { stationKeys, usePosts } from "./stationQueries";

const t = stm.post;

interface Values {
  kind: PostKind;
  title: string;
  body: string;
  startsOn: string;
  startsTime: string;
  endsOn: string;
  endsTime: string;
  place: string;
  url: string;
}

/** 令和8年12月15日 + 14:00 → 2026-12-15T14:00:00+09:00 (the time in Japan); null when the date is empty. */
function instant(dateText: string, time: string): string | null {
  if (!dateText.trim()) return null;
  const parsed = parseJapaneseDate(dateText);
  const hhmm = /^\d{1,2}:\d{2}$/.test(time.trim()) ? time.trim().padStart(5, "0") : "00:00";
  return parsed ? `${parsed.iso}T${hhmm}:00+09:00` : "invalid";
}

function PostDialog({ post, onClose }: { post?: StationPost; onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    initialValues: {
      kind: post?.kind ?? "event",
      title: post?.title ?? "",
      body: post?.body ?? "",
      startsOn: post?.startsAt ? dateInJapan(post.startsAt) : "",
      startsTime: post?.startsAt ? timeInJapan(post.startsAt) : "",
      endsOn: post?.endsAt ? dateInJapan(post.endsAt) : "",
      endsTime: post?.endsAt ? timeInJapan(post.endsAt) : "",
      place: post?.place ?? "",
      url: post?.url ?? "",
    },
  });
  const toBody = (v: Values) => {
    const event = v.kind === "event";
    return {
      kind: v.kind,
      title: v.title,
      body: v.body,
      startsAt: event ? instant(v.startsOn, v.startsTime) : null,
      endsAt: event ? instant(v.endsOn || (v.endsTime ? v.startsOn : ""), v.endsTime) : null,
      place: v.place,
      url: v.url,
    };
  };
  const { formRef, submit, save } = useFormSubmit(form, {
    send: (v) =>
      post
        ? call(updateStationPost, { params: { id: post.id }, body: { version: post.version, post: toBody(v) } })
        : call(createStationPost, { body: toBody(v) }),
    saved: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: stationKeys.all });
      onClose();
      return t.saved(saved.title);
    },
  });
  const event = form.values.kind === "event";
  return (
    <FormModal
      title={post ? t.editTitle : t.createTitle}
      onClose={onClose}
      formRef={formRef}
      onSubmit={submit}
      error={save.error}
      conflictMessage={stm.conflict}
      saving={save.isPending}
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NativeSelect
          label={t.kind}
          required
          data={POST_KINDS.map((k) => ({ value: k, label: POST_KIND_LABELS[k] }))}
          {...form.getInputProps("kind")}
        />
      </SimpleGrid>
      <TextInput label={t.postTitle} required data-autofocus {...form.getInputProps("title")} />
      <Textarea label={t.body} autosize minRows={4} maxRows={12} {...form.getInputProps("body")} />
      {event && (
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <JapaneseDateInput
            label={t.startsOn}
            required
            value={form.values.startsOn}
            onChange={(value) => form.setFieldValue("startsOn", value)}
            error={form.errors.startsAt as string | undefined}
          />
          <TextInput label={t.startsTime} description={t.timeHelp} {...form.getInputProps("startsTime")} />
          <JapaneseDateInput
            label={t.endsOn}
            value={form.values.endsOn}
            onChange={(value) => form.setFieldValue("endsOn", value)}
            error={form.errors.endsAt as string | undefined}
          />
          <TextInput label={t.endsTime} description={t.timeHelp} {...form.getInputProps("endsTime")} />
        </SimpleGrid>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t.place} {...form.getInputProps("place")} />
        <TextInput label={t.url} type="url" {...form.getInputProps("url")} />
      </SimpleGrid>
    </FormModal>
  );
}

export function PostsPage() {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const paging = useServerPaging<"startsAt">({ key: "startsAt", order: "desc" }, 50);
  const list = usePosts(paging.page, paging.pageSize);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<StationPost | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const canManage = list.data?.canManage ?? false;

  async function act(run: () => Promise<unknown>, message: string) {
    setActionError(null);
    try {
      await run();
      await queryClient.invalidateQueries({ queryKey: stationKeys.all });
      flash.show(message);
    } catch (error) {
      setActionError(error);
    }
  }

  const columns: Column<StationPost>[] = [
    {
      key: "title",
      header: t.postTitle,
      rowHeader: true,
      render: (p) => (
        <Group gap={6}>
          <span>{p.title}</span>
          {p.isSample && <SampleBadge />}
        </Group>
      ),
    },
    { key: "kind", header: t.kind, nowrap: true, render: (p) => POST_KIND_LABELS[p.kind] },
    { key: "when", header: t.when, render: (p) => (p.kind === "event" ? eventWhen(p.startsAt, p.endsAt) : stm.dash) },
    {
      key: "state",
      header: t.state,
      nowrap: true,
      render: (p) =>
        p.publishedAt ? (
          <Group gap={6} wrap="nowrap">
            <StatusBadge label={t.published} tone="good" size="sm" />
            <DateTimeText timestamp={p.publishedAt} />
          </Group>
        ) : (
          <StatusBadge label={t.draft} tone="neutral" size="sm" />
        ),
    },
    ...(canManage
      ? [
          {
            key: "actions",
            header: t.actions,
            nowrap: true,
            render: (p: StationPost) => (
              <Group gap={6} wrap="nowrap">
                <Button size="compact-sm" variant="default" onClick={() => setEditing(p)} aria-label={`${t.edit}: ${p.title}`}>
                  {t.edit}
                </Button>
                {p.publishedAt ? (
                  <ConfirmButton
                    size="compact-sm"
                    variant="default"
                    message={t.unpublishConfirm}
                    onConfirm={() =>
                      act(
                        () => call(unpublishStationPost, { params: { id: p.id }, body: { version: p.version } }),
                        t.unpublishedMessage(p.title),
                      )
                    }
                  >
                    {t.unpublish}
                  </ConfirmButton>
                ) : (
                  <ConfirmButton
                    size="compact-sm"
                    message={t.publishConfirm}
                    onConfirm={() =>
                      act(
                        () => call(publishStationPost, { params: { id: p.id }, body: { version: p.version } }),
                        t.publishedMessage(p.title),
                      )
                    }
                  >
                    {t.publish}
                  </ConfirmButton>
                )}
                <ConfirmButton
                  size="compact-sm"
                  variant="subtle"
                  color="red"
                  confirmColor="red"
                  message={t.deleteConfirm}
                  onConfirm={() => act(() => call(deleteStationPost, { params: { id: p.id }, query: { version: p.version } }), t.deleted)}
                >
                  {t.delete}
                </ConfirmButton>
              </Group>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <PageHeader
        title={t.title}
        breadcrumbs={[{ label: stm.station, href: "/sdgs/station" }, { label: t.title }]}
        subtitle={t.intro}
        actions={canManage ? <Button onClick={() => setCreating(true)}>{t.create}</Button> : null}
      />
      <StationNav />
      <Stack gap="md">
        <ErrorAlert error={actionError} conflictMessage={stm.conflict} />
        <DataTable
          caption={t.caption}
          columns={columns}
          rows={list.data?.items}
          rowKey={(p) => p.id}
          loading={list.isPending}
          error={list.error}
          empty={t.empty}
          minWidth={960}
          paging={paging.tableProps(list.data?.total ?? 0).paging}
        />
      </Stack>
      {creating && <PostDialog onClose={() => setCreating(false)} />}
      {editing && <PostDialog post={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
