// /analysis/subjects/$id 「分析対象・比較団体」: the overview (kind, 外郭団体／政策連携団体, lead division and 局, the city's
// stake and role, purpose, founding year and analysis year in 和暦, the linked source), its facilities, activity
// measures and peers (or, for a peer, the subjects it is compared with), then the figures, the indicators and the
// analyses (the other parts' sections).
import { Alert, Badge, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { LINKED_SOURCE_INFO } from "../../../common/analysis/figure-items";
import { SUBJECT_ROLE_LABELS } from "../../../common/analysis/labels";
import { deleteSubject, foundedYearLabel, type SubjectDetail } from "../../../common/api/analysis-subjects";
import { call } from "../../api/client";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { DetailField } from "../../ui/DetailField";
import { DateTimeText, FiscalYearText } from "../../ui/dates";
import { isNotFound } from "../../ui/errors";
import { useFlash } from "../../ui/Flash";
import { InternalLink } from "../../ui/InternalLink";
import { ButtonLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { QueryBoundary } from "../../ui/QueryBoundary";
import { SampleBadge } from "../../ui/SampleBadge";
import { Section } from "../../ui/Section";
import { FacilitiesSection } from "./FacilitiesSection";
import { FiguresSection } from "./FiguresSection";
import { IndicatorsSection } from "./IndicatorsSection";
import { MeasuresSection } from "./MeasuresSection";
import { PeersSection } from "./PeersSection";
import { ReviewsSection } from "./ReviewsSection";
import { AnalysisNav } from "./SubjectNav";
import { sm } from "./subject-messages";
import { subjectKeys, useSubject } from "./subject-queries";

const t = sm.subject;

function Written({ value }: { value: string }) {
  return value.trim() ? value : <span className="yk-muted">{t.empty}</span>;
}

function Actions({ subject }: { subject: SubjectDetail }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const flash = useFlash();
  if (!subject.canManage) return null;
  return (
    <>
      <ButtonLink to={`/analysis/subjects/${subject.id}/edit` as never} variant="default">
        {t.edit}
      </ButtonLink>
      <ConfirmButton
        variant="default"
        color="red"
        title={t.deleteTitle(subject.name)}
        message={t.deleteMessage}
        confirmLabel={t.deleteConfirm}
        confirmColor="red"
        onConfirm={async () => {
          await call(deleteSubject, { params: { id: subject.id }, query: { version: subject.version } });
          queryClient.removeQueries({ queryKey: subjectKeys.subject(subject.id) });
          await queryClient.invalidateQueries({ queryKey: subjectKeys.all });
          flash.show(t.deleted(subject.name));
          await navigate({ to: (subject.role === "peer" ? "/analysis/peers" : "/analysis") as never });
        }}
      >
        {t.delete}
      </ConfirmButton>
    </>
  );
}

function Overview({ subject }: { subject: SubjectDetail }) {
  const isSubject = subject.role === "subject";
  return (
    <Section id="analysis-overview" title={t.overview}>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          <DetailField label={t.role}>{SUBJECT_ROLE_LABELS[subject.role]}</DetailField>
          <DetailField label={t.kind}>{subject.kindLabel}</DetailField>
          <DetailField label={t.affiliate}>{subject.affiliateLabel ?? t.notAffiliate}</DetailField>
          {isSubject && (
            <DetailField label={t.analysisYear}>
              {subject.analysisFiscalYear !== null ? <FiscalYearText fy={subject.analysisFiscalYear} /> : sm.dash}
            </DetailField>
          )}
          {isSubject ? (
            <DetailField label={t.lead}>
              {subject.leadOrganisationName ?? sm.dash}
              {subject.bureauName && subject.bureauName !== subject.leadOrganisationName && (
                <Text size="xs" c="dimmed">
                  {t.bureau}：{subject.bureauName}
                </Text>
              )}
            </DetailField>
          ) : (
            <DetailField label={t.location}>{subject.location || sm.dash}</DetailField>
          )}
          <DetailField label={t.stake}>{subject.cityStakePercent !== null ? t.stakeValue(subject.cityStakePercent) : sm.dash}</DetailField>
          <DetailField label={t.founded}>{subject.foundedYear !== null ? foundedYearLabel(subject.foundedYear) : sm.dash}</DetailField>
          {isSubject && (
            <DetailField label={t.linkedSource}>
              {subject.linkedSource ? LINKED_SOURCE_INFO[subject.linkedSource].label : t.noLinked}
            </DetailField>
          )}
          <DetailField label={t.updatedAt}>
            <DateTimeText timestamp={subject.updatedAt} />
          </DetailField>
        </SimpleGrid>
        <DetailField label={t.cityRole}>
          <Written value={subject.cityRole} />
        </DetailField>
        <DetailField label={t.purpose}>
          <Written value={subject.purpose} />
        </DetailField>
        {subject.note.trim() && <DetailField label={t.note}>{subject.note}</DetailField>}
        {!isSubject && (
          <DetailField label={t.peerOf}>
            {subject.peerOf.length ? (
              <Group gap="sm">
                {subject.peerOf.map((s) => (
                  <InternalLink key={s.id} href={`/analysis/subjects/${s.id}`}>
                    {s.name}
                  </InternalLink>
                ))}
              </Group>
            ) : (
              sm.peersPage.notLinked
            )}
          </DetailField>
        )}
      </Stack>
    </Section>
  );
}

export function SubjectPage({ id }: { id: string }) {
  const query = useSubject(id);
  const crumbs = [{ label: sm.crumbs.home, href: "/analysis" }];
  if (isNotFound(query.error))
    return (
      <>
        <PageHeader title={t.breadcrumb} breadcrumbs={crumbs} />
        <Alert color="gray" role="status">
          {t.notFound}
        </Alert>
      </>
    );
  return (
    <QueryBoundary query={query} title={t.breadcrumb}>
      {(subject) => (
        <>
          <PageHeader
            title={subject.name}
            breadcrumbs={[
              ...crumbs,
              ...(subject.role === "peer" ? [{ label: sm.crumbs.peers, href: "/analysis/peers" }] : []),
              { label: subject.name },
            ]}
            badges={
              <>
                <Badge variant="light" size="lg" style={{ textTransform: "none" }}>
                  {subject.kindLabel}
                </Badge>
                {subject.affiliateLabel && (
                  <Badge variant="light" color="grape" size="lg" style={{ textTransform: "none" }}>
                    {subject.affiliateLabel}
                  </Badge>
                )}
                {subject.isSample && <SampleBadge />}
              </>
            }
            subtitle={subject.shortName || undefined}
            actions={<Actions subject={subject} />}
          />
          <AnalysisNav canManage={subject.canManage} peer={subject.role === "peer"} />
          {!subject.canManage && (
            <Text size="sm" c="dimmed" mb="md">
              {t.readOnly}
            </Text>
          )}
          <Stack gap="lg">
            <Overview subject={subject} />
            <FacilitiesSection subject={subject} />
            <MeasuresSection subject={subject} />
            {subject.role === "subject" && <PeersSection subject={subject} />}
            <FiguresSection subjectId={subject.id} canManage={subject.canManage} />
            <IndicatorsSection subjectId={subject.id} subjectName={subject.name} />
            {subject.role === "subject" && <ReviewsSection subjectId={subject.id} canManage={subject.canManage} />}
          </Stack>
        </>
      )}
    </QueryBoundary>
  );
}
