// /sdgs/station/consultations/$id 「相談」: one consultation with its follow-up and the matchings that came of it. The
// bureau's editors change it, mark its follow-up done or delete it.
import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { completeConsultationFollowUp, deleteConsultation } from "../../../common/api/sdgs-station";
import {
  CLIENT_KIND_LABELS,
  CONSULTATION_CHANNEL_LABELS,
  CONSULTATION_OUTCOME_LABELS,
  CONSULTATION_TOPIC_LABELS,
} from "../../../common/sdgs/labels";
import { sdgGoalLabel } from "../../../common/sdgs/sdg-goals";
import { call } from "../../api/client";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { DetailField } from "../../ui/DetailField";
import { DateText, DateTimeText, warekiOf } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { useFlash } from "../../ui/Flash";
import { InternalLink } from "../../ui/InternalLink";
import { Loading } from "../../ui/Loading";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { ConsultationFormDialog } from "./ConsultationFormDialog";
import { clientOf } from "./ConsultationsPage";
import { FollowUpBadge, MatchingStatusBadge, StationNav } from "./StationParts";
import { stm } from "./stationMessages";
import { stationKeys, useConsultation } from "./stationQueries";

const t = stm.consultation;

export function ConsultationPage({ id }: { id: string }) {
  const consultation = useConsultation(id);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const flash = useFlash();
  const [editing, setEditing] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  if (consultation.isPending) return <Loading />;
  if (consultation.error) return <ErrorAlert error={consultation.error} title={t.notFound} />;
  const c = consultation.data;
  const title = t.detailTitle(warekiOf(c.consultedOn));

  return (
    <>
      <PageHeader
        title={title}
        breadcrumbs={[
          { label: stm.station, href: "/sdgs/station" },
          { label: t.listTitle, href: "/sdgs/station/consultations" },
          { label: title },
        ]}
        badges={c.isSample ? <SampleBadge /> : undefined}
        actions={
          c.canManage ? (
            <Group gap="xs">
              <Button onClick={() => setEditing(true)}>{t.edit}</Button>
              <ConfirmButton
                variant="default"
                color="red"
                message={t.deleteConfirm}
                confirmColor="red"
                onConfirm={async () => {
                  try {
                    await call(deleteConsultation, { params: { id }, query: { version: c.version } });
                    await queryClient.invalidateQueries({ queryKey: stationKeys.all });
                    flash.show(t.deleted);
                    await navigate({ to: "/sdgs/station/consultations" as never });
                  } catch (error) {
                    setActionError(error);
                  }
                }}
              >
                {t.delete}
              </ConfirmButton>
            </Group>
          ) : null
        }
      />
      <StationNav />
      <Stack gap="md">
        <ErrorAlert error={actionError} conflictMessage={stm.conflict} />
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            <DetailField label={t.consultedOn}>
              <DateText iso={c.consultedOn} />
            </DetailField>
            <DetailField label={t.channel}>{CONSULTATION_CHANNEL_LABELS[c.channel]}</DetailField>
            <DetailField label={t.clientKind}>{CLIENT_KIND_LABELS[c.clientKind]}</DetailField>
            <DetailField label={t.client}>{clientOf(c)}</DetailField>
            <DetailField label={t.topic}>{CONSULTATION_TOPIC_LABELS[c.topic]}</DetailField>
            <DetailField label={t.outcome}>{CONSULTATION_OUTCOME_LABELS[c.outcome]}</DetailField>
            <DetailField label={t.staff}>{c.staffName ?? stm.dash}</DetailField>
            <DetailField label={t.updatedAt}>
              <DateTimeText timestamp={c.updatedAt} />
            </DetailField>
          </SimpleGrid>
          <Stack gap="sm" mt="md">
            <DetailField label={t.goals}>{c.sdgGoals.length ? c.sdgGoals.map(sdgGoalLabel).join("、") : stm.dash}</DetailField>
            <DetailField label={t.summary}>
              <Text style={{ whiteSpace: "pre-wrap" }}>{c.summary || stm.dash}</Text>
            </DetailField>
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t.followUp}
          </Title>
          <Group gap="md" align="center">
            <FollowUpBadge state={c.followUpState} />
            {c.followUpDue && (
              <Text size="sm">
                {t.followUpDue}: <DateText iso={c.followUpDue} />
              </Text>
            )}
            {c.canManage && (c.followUpState === "open" || c.followUpState === "overdue") && (
              <ConfirmButton
                size="xs"
                variant="default"
                message={t.followUpDoneConfirm}
                onConfirm={async () => {
                  try {
                    await call(completeConsultationFollowUp, { params: { id }, body: { version: c.version } });
                    await queryClient.invalidateQueries({ queryKey: stationKeys.all });
                    flash.show(t.followUpDoneSaved);
                  } catch (error) {
                    setActionError(error);
                  }
                }}
              >
                {t.followUpDone}
              </ConfirmButton>
            )}
          </Group>
          {c.followUp && (
            <Text mt="xs" style={{ whiteSpace: "pre-wrap" }}>
              {c.followUp}
            </Text>
          )}
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t.matchings}
          </Title>
          {c.matchings.length === 0 ? (
            <Text size="sm">{t.noMatchings}</Text>
          ) : (
            <Stack gap={6}>
              {c.matchings.map((m) => (
                <Group key={m.id} gap="sm">
                  <MatchingStatusBadge status={m.status} />
                  <InternalLink href={`/sdgs/station/matchings?open=${m.id}`}>{m.purpose}</InternalLink>
                </Group>
              ))}
            </Stack>
          )}
        </Paper>
      </Stack>
      {editing && <ConsultationFormDialog consultation={c} onClose={() => setEditing(false)} />}
    </>
  );
}
