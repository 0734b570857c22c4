// /sdgs/certifications/$id (staff): one certification — company, tier, validity, state on today's date, the
// committee's note, the company's goals, the yearly progress reports with their due dates (受理 for managers), the
// certifications before and after it, the 認証書 / 通知書 PDFs and, for the bureau's managers, 取消し.
import { Alert, Anchor, Button, Group, SimpleGrid, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { type CertificationDetail, noticePdf } from "../../../common/api/sdgs-certification";
import { APPLICATION_KIND_LABELS } from "../../../common/sdgs/labels";
import { urlFor } from "../../api/client";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { type Column, DataTable } from "../../ui/DataTable";
import { DetailField } from "../../ui/DetailField";
import { DateText, DateTimeText, fiscalYearLabel } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { useFlash } from "../../ui/Flash";
import { FormModal } from "../../ui/FormModal";
import { Loading } from "../../ui/Loading";
import { AnchorLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { Section } from "../../ui/Section";
import { StatusBadge } from "../../ui/StatusBadge";
import { CertificateDownloadLink } from "./CertificateDownloadLink";
import { cm, STATE_TONES } from "./certificationMessages";
import { useAcceptReport, useCertification, useRevoke } from "./certificationQueries";
import { sm } from "./messages";

type Report = CertificationDetail["reports"][number];
type Goal = CertificationDetail["goals"][number];
type Link = NonNullable<CertificationDetail["previous"]>;

export function CertificationPage({ id }: { id: string }) {
  const detail = useCertification(id);
  const [revoking, setRevoking] = useState(false);
  if (detail.isPending) return <Loading />;
  if (detail.error || !detail.data) return <ErrorAlert error={detail.error} />;
  const c = detail.data;
  const t = cm.detail;
  return (
    <>
      <PageHeader
        title={`${c.number}　${c.companyName}`}
        breadcrumbs={[{ label: sm.moduleName, href: "/sdgs" }, { label: cm.list.title, href: "/sdgs/certifications" }, { label: c.number }]}
        badges={
          <Group gap={6}>
            <StatusBadge label={cm.state(c.state)} tone={STATE_TONES[c.state]} />
            {c.isSample && <SampleBadge />}
          </Group>
        }
        actions={
          <Group gap="md">
            {c.status !== "revoked" && <CertificateDownloadLink certificationId={c.id} number={c.number} label={t.pdf} />}
            <Anchor href={urlFor(noticePdf, { params: { id: c.applicationId } })} target="_blank" rel="noopener" fw={600}>
              {t.notice}
            </Anchor>
            {c.canManage && c.status === "active" && (
              <Button color="red" variant="outline" onClick={() => setRevoking(true)}>
                {t.revoke}
              </Button>
            )}
          </Group>
        }
      />
      <Stack gap="lg">
        {c.status === "revoked" && (
          <Alert color="red" variant="light" title={t.revoked}>
            <DateTimeText timestamp={c.revokedAt} />　{c.revokeReason}
          </Alert>
        )}
        <Section id="overview" title="概要">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
            <DetailField label={t.company}>{c.companyName}</DetailField>
            <DetailField label={t.corporateNumber}>{c.corporateNumber ?? sm.dash}</DetailField>
            <DetailField label={t.tier}>{c.tierName}</DetailField>
            <DetailField label={t.validity}>
              <DateText iso={c.validFrom} western="title" />〜<DateText iso={c.validUntil} western="title" />
            </DetailField>
            <DetailField label={t.state}>{cm.state(c.state)}</DetailField>
            <DetailField label={t.round}>
              {c.roundName}（{APPLICATION_KIND_LABELS[c.applicationKind]}）
            </DetailField>
            <DetailField label={t.decidedOn}>
              <DateText iso={c.decidedOn} western="title" />
            </DetailField>
            <DetailField label={t.reason}>{c.decisionReason || sm.dash}</DetailField>
          </SimpleGrid>
        </Section>
        <ReportsSection c={c} />
        <GoalsSection goals={c.goals} />
        <HistorySection c={c} />
      </Stack>
      {revoking && <RevokeModal c={c} onClose={() => setRevoking(false)} />}
    </>
  );
}

function ReportsSection({ c }: { c: CertificationDetail }) {
  const t = cm.detail;
  const accept = useAcceptReport(c.id);
  const flash = useFlash();
  const columns: Column<Report>[] = [
    { key: "period", header: "期", rowHeader: true, nowrap: true, render: (r) => t.period(r.period) },
    { key: "due", header: t.dueOn, nowrap: true, render: (r) => <DateText iso={r.dueOn} western="title" /> },
    {
      key: "status",
      header: t.reportStatus,
      nowrap: true,
      render: (r) => (
        <StatusBadge
          label={r.overdue ? `${cm.reportStatus[r.status]}・期限超過` : cm.reportStatus[r.status]}
          tone={r.overdue ? "danger" : r.status === "accepted" ? "good" : r.status === "submitted" ? "warning" : "neutral"}
          size="sm"
        />
      ),
    },
    { key: "submitted", header: t.submittedAt, nowrap: true, render: (r) => <DateTimeText timestamp={r.submittedAt} /> },
    { key: "accepted", header: t.acceptedAt, nowrap: true, render: (r) => <DateTimeText timestamp={r.acceptedAt} /> },
    ...(c.canManage
      ? [
          {
            key: "accept",
            header: t.accept,
            nowrap: true,
            render: (r: Report) =>
              r.status === "submitted" && r.reportId && r.version !== null ? (
                <ConfirmButton
                  size="xs"
                  message={t.acceptConfirm}
                  onConfirm={() =>
                    accept
                      .mutateAsync({ id: r.reportId as string, version: r.version as number })
                      .then(() => flash.show("報告を受理しました。"))
                  }
                >
                  {t.accept}
                </ConfirmButton>
              ) : (
                sm.dash
              ),
          },
        ]
      : []),
  ];
  return (
    <Section id="reports" title={t.reports}>
      <ErrorAlert error={accept.error} />
      <DataTable
        caption={t.reports}
        captionHidden
        columns={columns}
        rows={c.reports}
        rowKey={(r) => String(r.period)}
        empty={t.reportsEmpty}
      />
    </Section>
  );
}

function GoalsSection({ goals }: { goals: Goal[] }) {
  const t = cm.detail;
  const columns: Column<Goal>[] = [
    { key: "title", header: t.goalTitle, rowHeader: true, render: (g) => g.title },
    { key: "kpi", header: t.kpi, render: (g) => `${g.kpi}${g.unit ? `（${g.unit}）` : ""}` },
    {
      key: "baseline",
      header: t.baseline,
      align: "right",
      nowrap: true,
      render: (g) => (g.baseline === null ? sm.dash : g.baseline.toLocaleString("ja-JP")),
    },
    {
      key: "target",
      header: t.target,
      align: "right",
      nowrap: true,
      render: (g) => `${g.target.toLocaleString("ja-JP")}（${fiscalYearLabel(g.targetYear)}）`,
    },
    { key: "sdgs", header: "SDGs", render: (g) => (g.sdgGoals.length ? g.sdgGoals.map((n) => `目標${n}`).join("・") : sm.dash) },
  ];
  return (
    <Section id="goals" title={t.goals}>
      <DataTable caption={t.goals} captionHidden columns={columns} rows={goals} rowKey={(g) => g.id} empty={t.goalsEmpty} />
    </Section>
  );
}

function HistorySection({ c }: { c: CertificationDetail }) {
  const t = cm.detail;
  const line = (label: string, link: Link) => (
    <DetailField label={label}>
      <AnchorLink to="/sdgs/certifications/$id" params={{ id: link.id }}>
        {link.number}
      </AnchorLink>
      {`　${link.tierName}　`}
      <DateText iso={link.validFrom} western="title" />〜<DateText iso={link.validUntil} western="title" />
    </DetailField>
  );
  return (
    <Section id="history" title={t.history}>
      <Stack gap="sm">
        {c.previous && line(t.previous, c.previous)}
        {c.next && line(t.next, c.next)}
        {!c.previous && !c.next && <Text size="sm">{t.historyEmpty}</Text>}
      </Stack>
    </Section>
  );
}

function RevokeModal({ c, onClose }: { c: CertificationDetail; onClose: () => void }) {
  const t = cm.detail;
  const [reason, setReason] = useState("");
  const revoke = useRevoke(c.id);
  const flash = useFlash();
  return (
    <FormModal
      title={`${t.revokeTitle}（${c.number}）`}
      onClose={onClose}
      size="lg"
      formRef={{ current: null }}
      error={revoke.error}
      conflictMessage={t.conflict}
      saving={revoke.isPending}
      onSubmit={(event) => {
        event.preventDefault();
        revoke.mutate(
          { reason, updatedAt: c.updatedAt },
          {
            onSuccess: () => {
              flash.show(t.revokedFlash);
              onClose();
            },
          },
        );
      }}
    >
      <Text size="sm" c="red.8">
        {t.revokeWarning}
      </Text>
      <Textarea label={t.revokeReason} required autosize minRows={3} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
    </FormModal>
  );
}
