// /sdgs/rounds/$id: one round's rules as staff read them — the period and 受付状況, the settings (validity, renewal
// window, rank-up, reports, minimum goals, 募集要項), the 申請要件, the check sheet by domain with points and 必須,
// and the tiers with the scores each covers. The bureau's managers edit, score all applications (一括採点) and delete
// a round without applications from here.
import { Alert, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { deleteSdgsRound, type RoundDetail, scoreSdgsRound } from "../../../common/api/sdgs-rounds";
import { sdgGoalLabel } from "../../../common/sdgs/sdg-goals";
import { call } from "../../api/client";
import { ConfirmButton } from "../../ui/ConfirmButton";
import type { Column } from "../../ui/DataTable";
import { DetailField } from "../../ui/DetailField";
import { DateText, FiscalYearText } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { useFlash } from "../../ui/Flash";
import { Loading } from "../../ui/Loading";
import { AnchorLink, ButtonLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { Section, TableSection } from "../../ui/Section";
import { RoundStatusBadge } from "./RoundsPage";
import { rm } from "./roundMessages";
import { roundKeys, useRound } from "./roundQueries";

const t = rm.detail;
type Item = RoundDetail["domains"][number]["items"][number];
type Rule = RoundDetail["eligibilityRules"][number];
type Tier = RoundDetail["tiers"][number];

const breadcrumbs = [
  { label: rm.moduleName, href: "/sdgs" },
  { label: rm.list.title, href: "/sdgs/rounds" },
];

export function RoundPage({ id }: { id: string }) {
  const round = useRound(id);
  if (round.error)
    return (
      <>
        <PageHeader title={rm.list.title} breadcrumbs={breadcrumbs} />
        <ErrorAlert error={round.error} />
      </>
    );
  if (!round.data) return <Loading />;
  return <RoundView round={round.data} />;
}

function RoundView({ round }: { round: RoundDetail }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const flash = useFlash();
  const requiredCount = round.domains.reduce((n, d) => n + d.items.filter((i) => i.required).length, 0);
  const tiers = [...round.tiers].sort((a, b) => a.rank - b.rank);

  const actions = round.canManage ? (
    <Group gap="sm">
      <ButtonLink to={`/sdgs/rounds/${round.id}/edit` as never}>{t.edit}</ButtonLink>
      <ConfirmButton
        variant="default"
        title={t.scoreTitle}
        message={t.scoreMessage}
        confirmLabel={t.score}
        onConfirm={async () => {
          const result = await call(scoreSdgsRound, { params: { id: round.id } });
          await queryClient.invalidateQueries({ queryKey: roundKeys.all });
          flash.show(t.scored(result.scored));
        }}
      >
        {t.score}
      </ConfirmButton>
      <ConfirmButton
        variant="default"
        color="red"
        title={t.deleteTitle}
        message={t.deleteMessage(round.name)}
        confirmLabel={t.delete}
        confirmColor="red"
        onConfirm={async () => {
          await call(deleteSdgsRound, { params: { id: round.id } });
          queryClient.removeQueries({ queryKey: roundKeys.round(round.id) });
          await queryClient.invalidateQueries({ queryKey: roundKeys.list() });
          flash.show(t.deleted(round.name));
          await navigate({ to: "/sdgs/rounds" as never });
        }}
      >
        {t.delete}
      </ConfirmButton>
    </Group>
  ) : null;

  const ruleColumns: Column<Rule>[] = [
    { key: "code", header: rm.detail.code, nowrap: true, render: (r) => <code>{r.code}</code> },
    { key: "question", header: t.question, rowHeader: true, render: (r) => r.question },
    { key: "answer", header: t.requiredAnswer, nowrap: true, render: (r) => (r.requiredAnswer ? t.yes : t.no) },
    { key: "reason", header: t.failureReason, render: (r) => r.failureReason },
  ];
  const itemColumns: Column<Item>[] = [
    { key: "code", header: t.code, nowrap: true, render: (i) => <code>{i.code}</code> },
    { key: "text", header: t.item, rowHeader: true, render: (i) => i.text },
    { key: "points", header: t.itemPoints, align: "right", nowrap: true, render: (i) => rm.points(i.points) },
    {
      key: "required",
      header: t.required,
      align: "center",
      nowrap: true,
      render: (i) => (i.required ? <strong>{t.requiredMark}</strong> : "—"),
    },
    { key: "evidence", header: t.evidence, align: "center", nowrap: true, render: (i) => (i.evidenceRequired ? t.evidenceMark : "—") },
    {
      key: "goals",
      header: t.goals,
      render: (i) => (i.sdgGoals.length ? <span title={i.sdgGoals.map(sdgGoalLabel).join("\n")}>{i.sdgGoals.join("・")}</span> : "—"),
    },
  ];
  const tierColumns: Column<Tier>[] = [
    { key: "rank", header: t.rank, align: "right", nowrap: true, render: (tier) => tier.rank },
    { key: "name", header: t.tierName, rowHeader: true, nowrap: true, render: (tier) => tier.name },
    { key: "min", header: t.minScore, align: "right", nowrap: true, render: (tier) => rm.points(tier.minScore) },
    {
      key: "range",
      header: t.range,
      render: (tier) => {
        const higher = tiers.find((x) => x.rank === tier.rank - 1);
        return t.threshold(tier.minScore, higher ? higher.minScore : null);
      },
    },
  ];

  return (
    <>
      <PageHeader
        title={round.name}
        breadcrumbs={[...breadcrumbs, { label: round.name }]}
        badges={
          <Group gap={6}>
            <RoundStatusBadge status={round.status} />
            {round.isSample && <SampleBadge />}
          </Group>
        }
        actions={actions}
      />
      <Stack gap="lg">
        {round.rulesLocked && (
          <Alert color="yellow" variant="light" role="status" className="yk-alert">
            {t.locked}
          </Alert>
        )}
        <Section id="sdgs-round-settings" title={t.settings}>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="md">
            <DetailField label={rm.list.fiscalYear}>
              <FiscalYearText fy={round.fiscalYear} />
            </DetailField>
            <DetailField label={t.period}>
              <span style={{ whiteSpace: "nowrap" }}>
                <DateText iso={round.opensOn} /> {rm.list.periodText}
              </span>{" "}
              <span style={{ whiteSpace: "nowrap" }}>
                <DateText iso={round.closesOn} />
              </span>
            </DetailField>
            <DetailField label={t.committee}>
              <DateText iso={round.committeePlannedOn} />
            </DetailField>
            <DetailField label={t.copiedFrom}>
              {round.copiedFromId && round.copiedFromName ? (
                <AnchorLink to={`/sdgs/rounds/${round.copiedFromId}` as never}>{round.copiedFromName}</AnchorLink>
              ) : (
                "—"
              )}
            </DetailField>
            <DetailField label={t.validityYears}>{t.years(round.validityYears)}</DetailField>
            <DetailField label={t.renewalWindowDays}>{t.daysBefore(round.renewalWindowDays)}</DetailField>
            <DetailField label={t.rankUpAfterMonths}>
              {round.rankUpAfterMonths === null ? t.rankUpNone : t.monthsAfter(round.rankUpAfterMonths)}
            </DetailField>
            <DetailField label={t.reportIntervalMonths}>{t.everyMonths(round.reportIntervalMonths)}</DetailField>
            <DetailField label={t.minGoals}>{t.goalsAtLeast(round.minGoals)}</DetailField>
          </SimpleGrid>
          <Stack mt="md">
            <DetailField label={t.guidance}>{round.guidance || t.noGuidance}</DetailField>
          </Stack>
        </Section>

        <TableSection
          id="sdgs-round-eligibility"
          title={t.eligibility}
          caption={t.eligibilityCaption}
          columns={ruleColumns}
          rows={round.eligibilityRules}
          rowKey={(r) => r.id}
          empty={t.noEligibility}
          minWidth={760}
        >
          <Text size="sm" c="dimmed" mt="xs">
            {t.eligibilityHelp}
          </Text>
        </TableSection>

        <Section id="sdgs-round-checksheet" title={`${t.checkSheet}　${t.checkSheetTotal(round.totalPoints, requiredCount)}`}>
          <Stack gap="lg">
            {round.domains.length === 0 && <Text c="dimmed">{t.noItems}</Text>}
            {round.domains.map((domain) => (
              <TableSection
                key={domain.id}
                id={`sdgs-domain-${domain.id}`}
                title={t.domainHeading(domain.name, domain.points)}
                caption={t.domainCaption(domain.name)}
                columns={itemColumns}
                rows={domain.items}
                rowKey={(i) => i.id}
                empty={t.noItems}
                minWidth={760}
              />
            ))}
          </Stack>
        </Section>

        <TableSection
          id="sdgs-round-tiers"
          title={t.tiers}
          caption={t.tierCaption}
          columns={tierColumns}
          rows={tiers}
          rowKey={(tier) => tier.id}
          empty={t.noTiers}
          minWidth={480}
        >
          <Text size="sm" c="dimmed" mt="xs">
            {t.tiersHelp}
          </Text>
        </TableSection>
      </Stack>
    </>
  );
}
