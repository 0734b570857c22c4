// /sdgs/review/applications/$id 「採点」: the reviewer scores one application in review — for each check item, a score
// from 0 to its points beside the company's self-check and note, with an optional comment; the hearing date and
// notes and a general comment; 下書き保存 any number of times, 提出 once with every item scored. Only the reviewer's
// own review is shown; the company's contacts and other reviewers' scores never reach this page.
import { Alert, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Table, Tabs, Text, Textarea, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { downloadReviewEvidence, type ReviewApplication, saveMyReview, submitMyReview } from "../../../common/api/sdgs-screening";
import { parseJapaneseDate } from "../../../common/dates";
import { APPLICATION_KIND_LABELS, COMPANY_SIZE_LABELS, INDUSTRY_LABELS, WARD_LABELS } from "../../../common/sdgs/labels";
import { call, urlFor } from "../../api/client";
import { DetailField } from "../../ui/DetailField";
import { DateText, warekiOf } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { useFlash } from "../../ui/Flash";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { Loading } from "../../ui/Loading";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { Section } from "../../ui/Section";
import { StatusBadge } from "../../ui/StatusBadge";
import { EligibilityTable, EvidenceTable, GoalsTable } from "./ScreeningParts";
import { scm } from "./screeningMessages";
import { screeningKeys, useMyReview } from "./screeningQueries";

const t = scm.review;

export function ReviewPage({ id }: { id: string }) {
  const review = useMyReview(id);
  if (review.isPending) return <Loading />;
  if (review.error) return <ErrorAlert error={review.error} />;
  return <ReviewForm key={review.data.review?.version ?? 0} app={review.data} />;
}

interface Draft {
  scores: Record<string, { score: number | ""; comment: string }>;
  hearingOn: string;
  hearingNotes: string;
  comment: string;
}

function draftOf(app: ReviewApplication): Draft {
  const scores: Draft["scores"] = {};
  for (const item of app.items) {
    const s = app.review?.scores.find((x) => x.itemId === item.id);
    scores[item.id] = { score: s ? s.score : "", comment: s?.comment ?? "" };
  }
  return {
    scores,
    hearingOn: app.review?.hearingOn ? warekiOf(app.review.hearingOn) : "",
    hearingNotes: app.review?.hearingNotes ?? "",
    comment: app.review?.comment ?? "",
  };
}

function ReviewForm({ app }: { app: ReviewApplication }) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const [draft, setDraft] = useState<Draft>(() => draftOf(app));
  const submitted = !!app.review?.submittedAt;
  const total = Object.values(draft.scores).reduce((sum, s) => sum + (s.score === "" ? 0 : s.score), 0);
  const missing = app.items.filter((i) => draft.scores[i.id]?.score === "").length;

  const body = () => ({
    version: app.review?.version,
    hearingOn: draft.hearingOn.trim() ? draft.hearingOn : null,
    hearingNotes: draft.hearingNotes,
    comment: draft.comment,
    scores: app.items.flatMap((i) => {
      const s = draft.scores[i.id];
      return s && s.score !== "" ? [{ itemId: i.id, score: s.score, comment: s.comment }] : [];
    }),
  });
  const save = useMutation({
    mutationFn: () => call(saveMyReview, { params: { id: app.id }, body: body() }),
    onSuccess: (next) => {
      queryClient.setQueryData(screeningKeys.myReview(app.id), next);
      void queryClient.invalidateQueries({ queryKey: screeningKeys.myReviews() });
      flash.show(t.saved);
    },
  });
  const submit = useMutation({
    mutationFn: async () => {
      const saved = await call(saveMyReview, { params: { id: app.id }, body: body() });
      return call(submitMyReview, { params: { id: app.id }, body: { version: saved.review?.version ?? 0 } });
    },
    onSuccess: (next) => {
      queryClient.setQueryData(screeningKeys.myReview(app.id), next);
      void queryClient.invalidateQueries({ queryKey: screeningKeys.myReviews() });
      flash.show(t.submitted);
    },
  });
  const hearingInvalid = draft.hearingOn.trim() !== "" && parseJapaneseDate(draft.hearingOn) === null;

  return (
    <>
      <PageHeader
        title={app.companyName}
        documentTitle={`${app.companyName}の採点`}
        subtitle={t.pageIntro}
        breadcrumbs={[{ label: t.listTitle, href: "/sdgs/review" }, { label: app.companyName }]}
        badges={
          <Group gap="xs">
            <StatusBadge
              label={submitted ? scm.detail.reviewSubmitted : scm.detail.reviewDraft}
              tone={submitted ? "good" : "warning"}
              size="sm"
            />
            {app.isSample && <SampleBadge />}
          </Group>
        }
      />
      <Stack gap="lg">
        <Section id="review-company" title={t.companyFacts}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <DetailField label={scm.detail.round}>{`${app.roundName}・${APPLICATION_KIND_LABELS[app.kind]}`}</DetailField>
            <DetailField label={scm.detail.industry}>{INDUSTRY_LABELS[app.industry]}</DetailField>
            <DetailField label={scm.detail.ward}>{WARD_LABELS[app.ward]}</DetailField>
            <DetailField label={scm.detail.size}>
              {COMPANY_SIZE_LABELS[app.size]}
              {app.employees !== null ? `（${scm.detail.employeesCount(app.employees)}）` : ""}
            </DetailField>
            <DetailField label={scm.detail.submittedAt}>
              {app.submittedAt ? <DateText iso={app.submittedAt.slice(0, 10)} /> : scm.dash}
            </DetailField>
          </SimpleGrid>
          {app.summary && (
            <Stack gap={4} mt="md">
              <Text fw={700} size="sm">
                {t.summary}
              </Text>
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                {app.summary}
              </Text>
            </Stack>
          )}
        </Section>
        <Tabs defaultValue="goals">
          <Tabs.List>
            <Tabs.Tab value="goals">{t.goals}</Tabs.Tab>
            <Tabs.Tab value="evidence">{`${t.evidence}（${app.evidence.length}）`}</Tabs.Tab>
            <Tabs.Tab value="eligibility">{t.eligibility}</Tabs.Tab>
          </Tabs.List>
          <Paper withBorder p="lg" mt="xs">
            <Tabs.Panel value="goals">
              <GoalsTable goals={app.goals} />
            </Tabs.Panel>
            <Tabs.Panel value="evidence">
              <EvidenceTable files={app.evidence} hrefOf={(fileId) => urlFor(downloadReviewEvidence, { params: { id: app.id, fileId } })} />
            </Tabs.Panel>
            <Tabs.Panel value="eligibility">
              <EligibilityTable rows={app.eligibility} />
            </Tabs.Panel>
          </Paper>
        </Tabs>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
          noValidate
        >
          <Stack gap="lg">
            <Section id="review-scoring" title={t.scoring}>
              {submitted && (
                <Alert color="green" mb="sm">
                  {t.submittedNote}
                </Alert>
              )}
              <Table.ScrollContainer minWidth={980}>
                <Table withTableBorder striped verticalSpacing="sm">
                  <Table.Caption>{t.scoring}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{scm.detail.item}</Table.Th>
                      <Table.Th scope="col">{t.companyAnswer}</Table.Th>
                      <Table.Th scope="col" w={140}>
                        {t.score}
                      </Table.Th>
                      <Table.Th scope="col" w={260}>
                        {scm.detail.eventComment}
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {app.items.map((item) => {
                      const s = draft.scores[item.id];
                      const setScore = (next: Partial<{ score: number | ""; comment: string }>) =>
                        setDraft({ ...draft, scores: { ...draft.scores, [item.id]: { ...s, ...next } } });
                      return (
                        <Table.Tr key={item.id}>
                          <Table.Th scope="row" fw={400}>
                            <Text size="sm" fw={700} span>
                              {item.code}
                            </Text>{" "}
                            <Text size="xs" c="dimmed" span>
                              {item.domain}・{scm.detail.pointsHeader}
                              {item.points}点
                            </Text>
                            {item.required && (
                              <>
                                {" "}
                                <StatusBadge label={scm.detail.required} tone="danger" size="xs" />
                              </>
                            )}
                            <Text size="sm">{item.text}</Text>
                          </Table.Th>
                          <Table.Td>
                            <Text size="sm" fw={600}>
                              {item.met === null ? scm.detail.answerNone : item.met ? scm.detail.metYes : scm.detail.metNo}
                            </Text>
                            {item.note && <Text size="sm">{item.note}</Text>}
                          </Table.Td>
                          <Table.Td>
                            <NumberInput
                              aria-label={t.scoreLabel(item.code, item.points)}
                              min={0}
                              max={item.points}
                              clampBehavior="strict"
                              allowDecimal={false}
                              allowNegative={false}
                              disabled={submitted}
                              value={s?.score ?? ""}
                              onChange={(v) => setScore({ score: v === "" ? "" : Number(v) })}
                              rightSection={<Text size="xs">/ {item.points}</Text>}
                              rightSectionWidth={44}
                            />
                          </Table.Td>
                          <Table.Td>
                            <TextInput
                              aria-label={t.itemComment(item.code)}
                              maxLength={1000}
                              disabled={submitted}
                              value={s?.comment ?? ""}
                              onChange={(e) => setScore({ comment: e.currentTarget.value })}
                            />
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <Text fw={700} mt="sm" aria-live="polite">
                {t.total}: {scm.ofPoints(total, app.maxScore)}
              </Text>
            </Section>
            <Section id="review-hearing" title={t.hearing}>
              <Stack>
                <JapaneseDateInput
                  label={t.hearingOn}
                  value={draft.hearingOn}
                  disabled={submitted}
                  onChange={(value) => setDraft({ ...draft, hearingOn: value })}
                  maw={360}
                />
                <Textarea
                  label={t.hearingNotes}
                  autosize
                  minRows={4}
                  maxLength={8000}
                  disabled={submitted}
                  value={draft.hearingNotes}
                  onChange={(e) => setDraft({ ...draft, hearingNotes: e.currentTarget.value })}
                />
                <Textarea
                  label={t.comment}
                  autosize
                  minRows={3}
                  maxLength={4000}
                  disabled={submitted}
                  value={draft.comment}
                  onChange={(e) => setDraft({ ...draft, comment: e.currentTarget.value })}
                />
              </Stack>
            </Section>
            {!submitted && (
              <Paper withBorder p="md">
                <Stack gap="xs">
                  <ErrorAlert error={save.error ?? submit.error} conflictMessage={t.conflict} />
                  {missing > 0 && (
                    <Text size="sm" c="dimmed">
                      {t.missingScores(missing)}
                    </Text>
                  )}
                  <Group>
                    <Button type="submit" variant="default" loading={save.isPending} disabled={hearingInvalid}>
                      {t.saveDraft}
                    </Button>
                    <Button
                      disabled={missing > 0 || hearingInvalid}
                      loading={submit.isPending}
                      onClick={() => {
                        if (window.confirm(t.submitConfirm)) submit.mutate();
                      }}
                    >
                      {t.submit}
                    </Button>
                  </Group>
                </Stack>
              </Paper>
            )}
          </Stack>
        </form>
      </Stack>
    </>
  );
}
