// /sdgs/rounds 「募集回と審査基準」: every round, newest first, with its 受付状況 (準備中 / 受付中 / 受付終了, from today
// in Japan) and its applications counted by status. The bureau's managers create a new round here: the dialog copies
// the latest round's rules (or the round they choose).
import { Button, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { createSdgsRound, ROUND_STATUS_LABELS, type RoundStatus, type RoundSummary } from "../../../common/api/sdgs-rounds";
import { parseJapaneseDate } from "../../../common/dates";
import { APPLICATION_STATUS_LABELS, APPLICATION_STATUSES } from "../../../common/sdgs/application-states";
import { call } from "../../api/client";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateText, FiscalYearText } from "../../ui/dates";
import { currentFiscalYear, FiscalYearSelect, recentFiscalYears } from "../../ui/FiscalYear";
import { FormModal } from "../../ui/FormModal";
import { InternalLink } from "../../ui/InternalLink";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { StatusBadge, type StatusTone } from "../../ui/StatusBadge";
import { useFormSubmit } from "../../ui/useFormSubmit";
import { rm } from "./roundMessages";
import { roundKeys, useIsSdgsManager, useRounds } from "./roundQueries";

const t = rm.list;
const TONES: Record<RoundStatus, StatusTone> = { preparing: "warning", open: "good", closed: "neutral" };

export function RoundStatusBadge({ status }: { status: RoundStatus }) {
  return <StatusBadge label={ROUND_STATUS_LABELS[status]} tone={TONES[status]} size="sm" />;
}

/** The statuses with applications, as 「下書き 2」「提出済み 1」 …. */
function breakdown(round: RoundSummary): string[] {
  return APPLICATION_STATUSES.filter((s) => round.counts[s] > 0).map((s) => `${APPLICATION_STATUS_LABELS[s]} ${round.counts[s]}`);
}

export function RoundsPage() {
  const rounds = useRounds();
  const manager = useIsSdgsManager();
  const [creating, setCreating] = useState(false);
  const items = rounds.data?.items ?? [];

  const columns: Column<RoundSummary>[] = [
    {
      key: "name",
      header: t.name,
      rowHeader: true,
      width: 220,
      render: (r) => (
        <Group gap={6} wrap="wrap">
          <InternalLink href={`/sdgs/rounds/${r.id}`} fw={600}>
            {r.name}
          </InternalLink>
          {r.isSample && <SampleBadge />}
        </Group>
      ),
    },
    { key: "fy", header: t.fiscalYear, nowrap: true, render: (r) => <FiscalYearText fy={r.fiscalYear} western="title" /> },
    {
      key: "period",
      header: t.period,
      render: (r) => (
        <span>
          <span style={{ whiteSpace: "nowrap" }}>
            <DateText iso={r.opensOn} western="title" /> {t.periodText}
          </span>{" "}
          <span style={{ whiteSpace: "nowrap" }}>
            <DateText iso={r.closesOn} western="title" />
          </span>
        </span>
      ),
    },
    { key: "committee", header: t.committee, nowrap: true, render: (r) => <DateText iso={r.committeePlannedOn} western="title" /> },
    { key: "status", header: t.status, nowrap: true, render: (r) => <RoundStatusBadge status={r.status} /> },
    { key: "applications", header: t.applications, align: "right", nowrap: true, render: (r) => rm.count(r.applicationCount) },
    {
      key: "breakdown",
      header: t.breakdown,
      render: (r) => {
        const parts = breakdown(r);
        if (parts.length === 0) return "—";
        return (
          <Text size="sm">
            {parts.map((part, i) => (
              <span key={part}>
                {i > 0 && "・"}
                <span style={{ whiteSpace: "nowrap" }}>{part}</span>
              </span>
            ))}
          </Text>
        );
      },
    },
  ];

  return (
    <>
      <PageHeader
        title={t.title}
        breadcrumbs={[{ label: rm.moduleName, href: "/sdgs" }, { label: t.title }]}
        subtitle={t.intro}
        actions={manager ? <Button onClick={() => setCreating(true)}>{t.create}</Button> : null}
      />
      <Stack gap="md">
        {rounds.data && (
          <Text size="sm" role="status">
            {t.total(items.length)}
          </Text>
        )}
        <DataTable
          caption={t.caption}
          columns={columns}
          rows={rounds.data?.items}
          rowKey={(r) => r.id}
          loading={rounds.isPending}
          error={rounds.error}
          empty={t.empty}
          minWidth={960}
        />
      </Stack>
      {creating && <CreateRoundDialog rounds={items} onClose={() => setCreating(false)} />}
    </>
  );
}

interface CreateValues {
  name: string;
  fiscalYear: number | null;
  opensOn: string;
  closesOn: string;
  copyFromId: string;
}

const f = rm.create;

function CreateRoundDialog({ rounds, onClose }: { rounds: RoundSummary[]; onClose: () => void }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const latest = rounds[0];
  const form = useForm<CreateValues>({
    initialValues: {
      name: "",
      fiscalYear: latest ? latest.fiscalYear + 1 : currentFiscalYear(),
      opensOn: "",
      closesOn: "",
      copyFromId: latest?.id ?? "",
    },
    validate: (values) => {
      const errors: Record<string, string> = {};
      const parsed = createSdgsRound.body?.safeParse(toBody(values));
      if (parsed && !parsed.success) for (const issue of parsed.error.issues) errors[issue.path.map(String).join(".")] ??= issue.message;
      if (values.fiscalYear === null) errors.fiscalYear = f.choose;
      return errors;
    },
  });
  const { formRef, submit, save } = useFormSubmit(form, {
    send: (values) => call(createSdgsRound, { body: toBody(values) }),
    saved: async (created) => {
      await queryClient.invalidateQueries({ queryKey: roundKeys.all });
      onClose();
      await navigate({ to: `/sdgs/rounds/${created.id}` as never });
      return f.created(created.name);
    },
  });
  const source = rounds.find((r) => r.id === form.values.copyFromId);
  const years = recentFiscalYears(2019, [currentFiscalYear() + 1, currentFiscalYear() + 2]);
  return (
    <FormModal title={f.title} onClose={onClose} formRef={formRef} onSubmit={submit} error={save.error} saving={save.isPending} size="lg">
      <Text size="sm">{f.help(source?.name ?? null)}</Text>
      <TextInput label={f.name} description={f.nameHelp} required data-autofocus maxLength={100} {...form.getInputProps("name")} />
      <FiscalYearSelect
        label={f.fiscalYear}
        required
        allLabel={f.choose}
        years={years}
        value={form.values.fiscalYear}
        onChange={(fy) => form.setFieldValue("fiscalYear", fy)}
        error={form.errors.fiscalYear}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <JapaneseDateInput
          label={f.opensOn}
          required
          value={form.values.opensOn}
          onChange={(text) => form.setFieldValue("opensOn", text)}
          error={form.errors.opensOn as string | undefined}
        />
        <JapaneseDateInput
          label={f.closesOn}
          required
          value={form.values.closesOn}
          onChange={(text) => form.setFieldValue("closesOn", text)}
          error={form.errors.closesOn as string | undefined}
        />
      </SimpleGrid>
      {rounds.length > 0 && (
        <NativeSelect label={f.copyFrom} data={rounds.map((r) => ({ value: r.id, label: r.name }))} {...form.getInputProps("copyFromId")} />
      )}
    </FormModal>
  );
}

function toBody(values: CreateValues) {
  const iso = (text: string) => parseJapaneseDate(text)?.iso ?? text;
  return {
    name: values.name,
    fiscalYear: values.fiscalYear ?? 0,
    opensOn: iso(values.opensOn),
    closesOn: iso(values.closesOn),
    ...(values.copyFromId ? { copyFromId: values.copyFromId } : {}),
  };
}
