// 「相談を記録」/「相談の記録を変更」: a dialog over createConsultation / updateConsultation (the bureau's editors). The
// 相談者 fields follow the 区分: a company is picked from the registered companies (or typed when it is not one), an
// organisation or a school is typed, a citizen is never named (the field is not shown at all).
import { NativeSelect, SimpleGrid, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { type Consultation, createConsultation, updateConsultation } from "../../../common/api/sdgs-station";
import { todayInJapan } from "../../../common/dates";
import {
  CLIENT_KIND_LABELS,
  CLIENT_KINDS,
  type ClientKind,
  CONSULTATION_CHANNEL_LABELS,
  CONSULTATION_CHANNELS,
  CONSULTATION_OUTCOME_LABELS,
  CONSULTATION_OUTCOMES,
  CONSULTATION_TOPIC_LABELS,
  CONSULTATION_TOPICS,
} from "../../../common/sdgs/labels";
import { call } from "../../api/client";
import { FormModal } from "../../ui/FormModal";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { useFormSubmit } from "../../ui/useFormSubmit";
import { GoalCheckboxes } from "./StationParts";
import { stm } from "./stationMessages";
import { stationKeys, useStationChoices } from "./stationQueries";

const t = stm.consultation;

interface Values {
  consultedOn: string;
  channel: string;
  clientKind: ClientKind;
  companyId: string;
  clientLabel: string;
  topic: string;
  sdgGoals: number[];
  staffUserId: string;
  summary: string;
  outcome: string;
  followUp: string;
  followUpDue: string;
}

function toBody(v: Values) {
  return {
    consultedOn: v.consultedOn,
    channel: v.channel,
    clientKind: v.clientKind,
    companyId: v.clientKind === "company" && v.companyId ? v.companyId : null,
    clientLabel: v.clientKind === "citizen" ? "" : v.clientLabel,
    topic: v.topic,
    sdgGoals: v.sdgGoals,
    staffUserId: v.staffUserId || null,
    summary: v.summary,
    outcome: v.outcome,
    followUp: v.followUp,
    followUpDue: v.followUpDue.trim() ? v.followUpDue : null,
  } as never;
}

export function ConsultationFormDialog({ consultation, onClose }: { consultation?: Consultation; onClose: () => void }) {
  const queryClient = useQueryClient();
  const choices = useStationChoices();
  const form = useForm<Values>({
    initialValues: {
      consultedOn: consultation?.consultedOn ?? todayInJapan(),
      channel: consultation?.channel ?? "",
      clientKind: consultation?.clientKind ?? "company",
      companyId: consultation?.companyId ?? "",
      clientLabel: consultation?.clientLabel ?? "",
      topic: consultation?.topic ?? "",
      sdgGoals: consultation?.sdgGoals ?? [],
      staffUserId: consultation?.staffUserId ?? "",
      summary: consultation?.summary ?? "",
      outcome: consultation?.outcome ?? "",
      followUp: consultation?.followUp ?? "",
      followUpDue: consultation?.followUpDue ?? "",
    },
    validate: (values) => {
      const parsed = createConsultation.body?.safeParse(toBody(values));
      const errors: Record<string, string> = {};
      if (parsed && !parsed.success) for (const issue of parsed.error.issues) errors[issue.path.map(String).join(".")] ??= issue.message;
      return errors;
    },
  });
  const { formRef, submit, save } = useFormSubmit(form, {
    send: (values) =>
      consultation
        ? call(updateConsultation, {
            params: { id: consultation.id },
            body: { version: consultation.version, consultation: toBody(values) },
          })
        : call(createConsultation, { body: toBody(values) }),
    saved: async () => {
      await queryClient.invalidateQueries({ queryKey: stationKeys.all });
      onClose();
      return consultation ? t.saved : t.created;
    },
  });
  const kind = form.values.clientKind;
  const select = <K extends string>(codes: readonly K[], labels: Record<K, string>) => [
    { value: "", label: stm.choose },
    ...codes.map((c) => ({ value: c, label: labels[c] })),
  ];
  return (
    <FormModal
      title={consultation ? t.editTitle : t.createTitle}
      onClose={onClose}
      formRef={formRef}
      onSubmit={submit}
      error={save.error}
      conflictMessage={stm.conflict}
      saving={save.isPending}
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <JapaneseDateInput
          label={t.consultedOn}
          required
          data-autofocus
          value={form.values.consultedOn}
          onChange={(value) => form.setFieldValue("consultedOn", value)}
          error={form.errors.consultedOn as string | undefined}
        />
        <NativeSelect
          label={t.channel}
          required
          data={select(CONSULTATION_CHANNELS, CONSULTATION_CHANNEL_LABELS)}
          {...form.getInputProps("channel")}
        />
        <NativeSelect
          label={t.clientKind}
          required
          data={CLIENT_KINDS.map((c) => ({ value: c, label: CLIENT_KIND_LABELS[c] }))}
          {...form.getInputProps("clientKind")}
        />
      </SimpleGrid>
      {kind === "citizen" ? (
        <Text size="sm" c="dimmed">
          {t.citizenNote}
        </Text>
      ) : kind === "company" ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t.company}
            data={[{ value: "", label: t.companyNone }, ...(choices.data?.companies ?? []).map((c) => ({ value: c.id, label: c.name }))]}
            {...form.getInputProps("companyId")}
          />
          <TextInput label={t.clientLabelCompany} disabled={!!form.values.companyId} {...form.getInputProps("clientLabel")} />
        </SimpleGrid>
      ) : (
        <TextInput label={t.clientLabel} {...form.getInputProps("clientLabel")} />
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NativeSelect
          label={t.topic}
          required
          data={select(CONSULTATION_TOPICS, CONSULTATION_TOPIC_LABELS)}
          {...form.getInputProps("topic")}
        />
        <NativeSelect
          label={t.outcome}
          required
          data={select(CONSULTATION_OUTCOMES, CONSULTATION_OUTCOME_LABELS)}
          {...form.getInputProps("outcome")}
        />
        <NativeSelect
          label={t.staff}
          data={[
            { value: "", label: t.staffNone },
            ...(choices.data?.staff ?? []).map((s) => ({ value: s.id, label: `${s.name}（${s.organisationName}）` })),
          ]}
          {...form.getInputProps("staffUserId")}
        />
      </SimpleGrid>
      <Textarea label={t.summary} autosize minRows={3} maxRows={8} {...form.getInputProps("summary")} />
      <GoalCheckboxes
        label={t.goals}
        value={form.values.sdgGoals}
        onChange={(goals) => form.setFieldValue("sdgGoals", goals)}
        error={form.errors.sdgGoals as string | undefined}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Textarea label={t.followUp} autosize minRows={2} maxRows={5} {...form.getInputProps("followUp")} />
        <JapaneseDateInput
          label={t.followUpDue}
          value={form.values.followUpDue}
          onChange={(value) => form.setFieldValue("followUpDue", value)}
          error={form.errors.followUpDue as string | undefined}
        />
      </SimpleGrid>
    </FormModal>
  );
}
