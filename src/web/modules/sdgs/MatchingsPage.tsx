// /sdgs/station/matchings 「マッチング」: the matching requests (年度・状況・キーワード in the URL), and the dialog in which
// the bureau's editors record a request or move it on (依頼受付 → 紹介済み → 協議中 → 成立・不成立, or 取下げ).
import { Button, Group, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { createMatching, type Matching, updateMatching } from "../../../common/api/sdgs-station";
import { todayInJapan } from "../../../common/dates";
import { MATCHING_STATUS_LABELS, MATCHING_STATUSES, type MatchingStatus } from "../../../common/sdgs/labels";
import { call } from "../../api/client";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateText } from "../../ui/dates";
import { FiscalYearSelect } from "../../ui/FiscalYear";
import { FormModal } from "../../ui/FormModal";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { useFormSubmit } from "../../ui/useFormSubmit";
import { useServerPaging } from "../../ui/useServerPaging";
import { GoalCheckboxes, MatchingStatusBadge, StationNav } from "./StationParts";
import { stm } from "./stationMessages";
import { type MatchingSearch, matchingSearch, stationKeys, useMatchings, useStationChoices } from "./stationQueries";

const t = stm.matching;

interface Values {
  requestedOn: string;
  requesterCompanyId: string;
  requesterLabel: string;
  partnerLabel: string;
  purpose: string;
  sdgGoals: number[];
  staffUserId: string;
  status: MatchingStatus;
  resultOn: string;
  resultNote: string;
}

function MatchingDialog({ matching, onClose }: { matching?: Matching; onClose: () => void }) {
  const queryClient = useQueryClient();
  const choices = useStationChoices();
  const form = useForm<Values>({
    initialValues: {
      requestedOn: matching?.requestedOn ?? todayInJapan(),
      requesterCompanyId: matching?.requesterCompanyId ?? "",
      requesterLabel: matching?.requesterCompanyId ? "" : (matching?.requesterLabel ?? ""),
      partnerLabel: matching?.partnerLabel ?? "",
      purpose: matching?.purpose ?? "",
      sdgGoals: matching?.sdgGoals ?? [],
      staffUserId: matching?.staffUserId ?? "",
      status: matching?.status ?? "requested",
      resultOn: matching?.resultOn ?? "",
      resultNote: matching?.resultNote ?? "",
    },
  });
  const base = (v: Values) => ({
    requestedOn: v.requestedOn,
    requesterCompanyId: v.requesterCompanyId || null,
    requesterLabel: v.requesterCompanyId ? "" : v.requesterLabel,
    partnerLabel: v.partnerLabel,
    purpose: v.purpose,
    sdgGoals: v.sdgGoals,
    consultationId: matching?.consultationId ?? null,
    staffUserId: v.staffUserId || null,
  });
  const { formRef, submit, save } = useFormSubmit(form, {
    send: (v) =>
      matching
        ? call(updateMatching, {
            params: { id: matching.id },
            body: {
              version: matching.version,
              matching: { ...base(v), status: v.status, resultOn: v.resultOn.trim() ? v.resultOn : null, resultNote: v.resultNote },
            },
          })
        : call(createMatching, { body: base(v) }),
    saved: async () => {
      await queryClient.invalidateQueries({ queryKey: stationKeys.all });
      onClose();
      return matching ? t.saved : t.created;
    },
  });
  const statuses = matching ? [matching.status, ...matching.nextStatuses] : [];
  const finished = matching !== undefined && matching.nextStatuses.length === 0;
  return (
    <FormModal
      title={matching ? t.editTitle : t.createTitle}
      onClose={onClose}
      formRef={formRef}
      onSubmit={submit}
      error={save.error}
      conflictMessage={stm.conflict}
      saving={save.isPending}
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <JapaneseDateInput
          label={t.requestedOn}
          required
          data-autofocus
          value={form.values.requestedOn}
          onChange={(value) => form.setFieldValue("requestedOn", value)}
          error={form.errors.requestedOn as string | undefined}
        />
        <NativeSelect
          label={t.requesterCompany}
          data={[
            { value: "", label: stm.consultation.companyNone },
            ...(choices.data?.companies ?? []).map((c) => ({ value: c.id, label: c.name })),
          ]}
          {...form.getInputProps("requesterCompanyId")}
        />
        <TextInput label={t.requesterLabel} disabled={!!form.values.requesterCompanyId} {...form.getInputProps("requesterLabel")} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t.partner} {...form.getInputProps("partnerLabel")} />
        <NativeSelect
          label={t.staff}
          data={[
            { value: "", label: stm.consultation.staffNone },
            ...(choices.data?.staff ?? []).map((s) => ({ value: s.id, label: `${s.name}（${s.organisationName}）` })),
          ]}
          {...form.getInputProps("staffUserId")}
        />
      </SimpleGrid>
      <Textarea label={t.purpose} required autosize minRows={2} maxRows={6} {...form.getInputProps("purpose")} />
      <GoalCheckboxes label={t.goals} value={form.values.sdgGoals} onChange={(goals) => form.setFieldValue("sdgGoals", goals)} />
      {matching && (
        <>
          {finished && (
            <Text size="sm" c="dimmed">
              {t.finished}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t.status}
              disabled={finished}
              data={statuses.map((s) => ({ value: s, label: MATCHING_STATUS_LABELS[s] }))}
              {...form.getInputProps("status")}
            />
            <JapaneseDateInput
              label={t.resultOn}
              description={t.resultHelp}
              value={form.values.resultOn}
              onChange={(value) => form.setFieldValue("resultOn", value)}
              error={form.errors.resultOn as string | undefined}
            />
          </SimpleGrid>
          <Textarea label={t.resultNote} autosize minRows={2} maxRows={5} {...form.getInputProps("resultNote")} />
        </>
      )}
    </FormModal>
  );
}

export function MatchingsPage({ search }: { search: MatchingSearch & { open?: string } }) {
  const navigate = useNavigate();
  const paging = useServerPaging<"requestedOn">({ key: "requestedOn", order: "desc" }, 50);
  const list = useMatchings(search, paging.page, paging.pageSize);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Matching | null>(null);
  const go = (next: MatchingSearch) => {
    paging.firstPage();
    navigate({ to: "/sdgs/station/matchings" as never, search: matchingSearch({ ...next }) as never });
  };
  const canManage = list.data?.canManage ?? false;
  const columns: Column<Matching>[] = [
    {
      key: "date",
      header: t.requestedOn,
      rowHeader: true,
      nowrap: true,
      render: (m) => (
        <Group gap={6} wrap="nowrap">
          <DateText iso={m.requestedOn} western="title" />
          {m.isSample && <SampleBadge />}
        </Group>
      ),
    },
    { key: "requester", header: t.requester, render: (m) => m.requesterLabel },
    { key: "partner", header: t.partner, render: (m) => m.partnerLabel || stm.dash },
    { key: "purpose", header: t.purpose, render: (m) => m.purpose },
    { key: "status", header: t.status, nowrap: true, render: (m) => <MatchingStatusBadge status={m.status} /> },
    {
      key: "result",
      header: t.resultOn,
      nowrap: true,
      render: (m) => (m.resultOn ? <DateText iso={m.resultOn} western="title" /> : stm.dash),
    },
    ...(canManage
      ? [
          {
            key: "edit",
            header: stm.post.actions,
            nowrap: true,
            render: (m: Matching) => (
              <Button size="compact-sm" variant="default" onClick={() => setEditing(m)} aria-label={`${t.edit}: ${m.requesterLabel}`}>
                {t.edit}
              </Button>
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
        <Group gap="md" align="flex-end" wrap="wrap">
          <FiscalYearSelect
            label={stm.consultation.fiscalYear}
            allLabel={stm.all}
            value={search.fiscalYear ?? null}
            onChange={(fy) => go({ ...search, fiscalYear: fy ?? undefined })}
            w={220}
          />
          <NativeSelect
            label={t.status}
            value={search.status ?? ""}
            data={[{ value: "", label: stm.all }, ...MATCHING_STATUSES.map((s) => ({ value: s, label: MATCHING_STATUS_LABELS[s] }))]}
            onChange={(e) => go({ ...search, status: (e.currentTarget.value || undefined) as MatchingStatus | undefined })}
            w={160}
          />
          {list.data && (
            <Text size="sm" role="status" pb={6}>
              {stm.count(list.data.total)}
            </Text>
          )}
        </Group>
        <DataTable
          caption={t.caption}
          columns={columns}
          rows={list.data?.items}
          rowKey={(m) => m.id}
          loading={list.isPending}
          error={list.error}
          empty={t.empty}
          minWidth={960}
          paging={paging.tableProps(list.data?.total ?? 0).paging}
        />
      </Stack>
      {creating && <MatchingDialog onClose={() => setCreating(false)} />}
      {editing && <MatchingDialog matching={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
