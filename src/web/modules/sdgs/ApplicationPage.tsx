// /sdgs/applications/$id 「申請」: one application for staff — the company (contacts for the bureau's managers only), the
// moves open to staff (差戻し asks for the reason shown to the company), the screening note, and tabs for 申請要件,
// チェックシート (self-check against the reviewers' mean per item, by domain, and the tier it points to), 目標, 証拠書類,
// 審査 (each reviewer's scores and hearing notes) and 経過.
import { Alert, Button, Group, Modal, Paper, SimpleGrid, Stack, Table, Tabs, Text, Textarea, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  type ApplicationDetail,
  downloadApplicationEvidence,
  moveApplication,
  type StaffMove,
  updateScreeningNote,
} from "../../../common/api/sdgs-screening";
import { APPLICATION_STATUS_LABELS } from "../../../common/sdgs/application-states";
import { APPLICATION_KIND_LABELS, COMPANY_SIZE_LABELS, INDUSTRY_LABELS, WARD_LABELS } from "../../../common/sdgs/labels";
import { call, urlFor } from "../../api/client";
import { DetailField } from "../../ui/DetailField";
import { DateText, DateTimeText } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { useFlash } from "../../ui/Flash";
import { Loading } from "../../ui/Loading";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { Section } from "../../ui/Section";
import { StatusBadge } from "../../ui/StatusBadge";
import { sm } from "./messages";
import { ApplicationStatusBadge, EligibilityTable, EvidenceTable, GoalsTable } from "./ScreeningParts";
import { scm } from "./screeningMessages";
import { screeningKeys, useApplication } from "./screeningQueries";

const d = scm.detail;

export function ApplicationPage({ id }: { id: string }) {
  const app = useApplication(id);
  if (app.isPending) return <Loading />;
  if (app.error) return <ErrorAlert error={app.error} />;
  return <ApplicationView app={app.data} />;
}

function ApplicationView({ app }: { app: ApplicationDetail }) {
  return (
    <>
      <PageHeader
        title={app.company.name}
        documentTitle={`${app.company.name}の申請`}
        subtitle={`${app.round.name}・${APPLICATION_KIND_LABELS[app.kind]}`}
        breadcrumbs={[
          { label: sm.moduleName, href: "/sdgs" },
          { label: scm.list.title, href: "/sdgs/applications" },
          { label: app.company.name },
        ]}
        badges={
          <Group gap="xs">
            <ApplicationStatusBadge status={app.status} />
            {app.isSample && <SampleBadge />}
          </Group>
        }
      />
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <CompanySection app={app} />
          <ScreeningSection app={app} />
        </SimpleGrid>
        <Tabs defaultValue="sheet" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="eligibility">{d.tabs.eligibility}</Tabs.Tab>
            <Tabs.Tab value="sheet">{d.tabs.sheet}</Tabs.Tab>
            <Tabs.Tab value="goals">{d.tabs.goals}</Tabs.Tab>
            <Tabs.Tab value="evidence">{`${d.tabs.evidence}（${app.evidence.length}）`}</Tabs.Tab>
            <Tabs.Tab value="review">{`${d.tabs.review}（${app.reviews.filter((r) => r.submittedAt).length}）`}</Tabs.Tab>
            <Tabs.Tab value="events">{d.tabs.events}</Tabs.Tab>
          </Tabs.List>
          <Paper withBorder p="lg" mt="xs">
            <Tabs.Panel value="eligibility">
              <Alert color={app.eligible ? "green" : "red"} mb="md">
                {app.eligible ? d.eligibleYes : d.eligibleNo}
              </Alert>
              <EligibilityTable rows={app.eligibility} />
            </Tabs.Panel>
            <Tabs.Panel value="sheet">
              <SheetPanel app={app} />
            </Tabs.Panel>
            <Tabs.Panel value="goals">
              <GoalsTable goals={app.goals} />
            </Tabs.Panel>
            <Tabs.Panel value="evidence">
              <EvidenceTable
                files={app.evidence}
                hrefOf={(fileId) => urlFor(downloadApplicationEvidence, { params: { id: app.id, fileId } })}
              />
            </Tabs.Panel>
            <Tabs.Panel value="review">
              <ReviewsPanel app={app} />
            </Tabs.Panel>
            <Tabs.Panel value="events">
              <EventsPanel app={app} />
            </Tabs.Panel>
          </Paper>
        </Tabs>
      </Stack>
    </>
  );
}

function CompanySection({ app }: { app: ApplicationDetail }) {
  const c = app.company;
  return (
    <Section id="sdgs-application-company" title={d.company}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <DetailField label={d.corporateNumber}>{c.corporateNumber ?? scm.dash}</DetailField>
        <DetailField label={d.nameKana}>{c.nameKana || scm.dash}</DetailField>
        <DetailField label={d.address}>
          {[c.postalCode && `〒${c.postalCode}`, c.address].filter(Boolean).join(" ") || scm.dash}
        </DetailField>
        <DetailField label={d.ward}>{WARD_LABELS[c.ward]}</DetailField>
        <DetailField label={d.industry}>{INDUSTRY_LABELS[c.industry]}</DetailField>
        <DetailField label={d.size}>
          {COMPANY_SIZE_LABELS[c.size]}
          {c.employees !== null ? `（${d.employeesCount(c.employees)}）` : ""}
        </DetailField>
        <DetailField label={d.submittedAt}>{app.submittedAt ? <DateText iso={app.submittedAt.slice(0, 10)} /> : scm.dash}</DetailField>
        <DetailField label={d.submissionCount}>{d.submissionCountValue(app.submissionCount)}</DetailField>
        {c.contactsVisible ? (
          <>
            <DetailField label={d.contact}>{c.contactName || scm.dash}</DetailField>
            <DetailField label={d.contactEmail}>{c.contactEmail || scm.dash}</DetailField>
            <DetailField label={d.contactPhone}>{c.contactPhone || scm.dash}</DetailField>
          </>
        ) : (
          <DetailField label={d.contact}>
            <Text size="sm" c="dimmed">
              {d.contactsHidden}
            </Text>
          </DetailField>
        )}
      </SimpleGrid>
      {app.summary && (
        <Stack gap={4} mt="md">
          <Text fw={700} size="sm">
            {d.summary}
          </Text>
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {app.summary}
          </Text>
        </Stack>
      )}
    </Section>
  );
}

function ScreeningSection({ app }: { app: ApplicationDetail }) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const [note, setNote] = useState(app.screeningNote);
  const [pending, setPending] = useState<{ move: StaffMove; label: string; needsComment: boolean } | null>(null);
  const [comment, setComment] = useState("");
  const saveNote = useMutation({
    mutationFn: () => call(updateScreeningNote, { params: { id: app.id }, body: { screeningNote: note, version: app.version } }),
    onSuccess: (next) => {
      queryClient.setQueryData(screeningKeys.one(app.id), next);
      flash.show(d.noteSaved);
    },
  });
  const move = useMutation({
    mutationFn: (m: StaffMove) => call(moveApplication, { params: { id: app.id }, body: { move: m, comment, version: app.version } }),
    onSuccess: (next, m) => {
      queryClient.setQueryData(screeningKeys.one(app.id), next);
      void queryClient.invalidateQueries({ queryKey: ["sdgs", "screening", "list"] });
      void queryClient.invalidateQueries({ queryKey: screeningKeys.waiting() });
      flash.show(d.moved(pending?.label ?? m));
      setPending(null);
      setComment("");
    },
  });
  return (
    <Section id="sdgs-application-screening" title={d.screeningSection}>
      <Stack gap="sm">
        {app.returnReason && app.status === "returned" && (
          <Alert color="red" title={d.returnReasonLabel}>
            {app.returnReason}
          </Alert>
        )}
        <Text fw={700} size="sm">
          {d.moves}
        </Text>
        {!app.canManage ? (
          <Text size="sm" c="dimmed">
            {d.readOnly}
          </Text>
        ) : app.moves.length === 0 ? (
          <Text size="sm" c="dimmed">
            {d.movesNone}
          </Text>
        ) : (
          <Group gap="xs">
            {app.moves.map((m) => (
              <Button
                key={m.move}
                variant={m.move === "return" ? "outline" : "filled"}
                color={m.move === "return" ? "red" : undefined}
                onClick={() => {
                  move.reset();
                  setComment("");
                  setPending(m);
                }}
              >
                {m.label}
              </Button>
            ))}
          </Group>
        )}
        {app.canManage ? (
          <>
            <Textarea
              label={d.screeningNote}
              description={d.screeningNoteHelp}
              autosize
              minRows={3}
              maxLength={4000}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
            <ErrorAlert error={saveNote.error} conflictMessage={d.conflict} />
            <Group>
              <Button
                variant="default"
                loading={saveNote.isPending}
                onClick={() => saveNote.mutate()}
                disabled={note === app.screeningNote}
              >
                {d.saveNote}
              </Button>
            </Group>
          </>
        ) : (
          <DetailField label={d.screeningNote}>{app.screeningNote || scm.dash}</DetailField>
        )}
      </Stack>
      <Modal
        opened={pending !== null}
        onClose={() => setPending(null)}
        title={pending?.needsComment ? d.returnTitle : pending?.label}
        centered
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (pending) move.mutate(pending.move);
          }}
          noValidate
        >
          <Stack>
            <ErrorAlert error={move.error} conflictMessage={d.conflict} />
            {pending && !pending.needsComment && <Text>{d.confirmBody(pending.label)}</Text>}
            <Textarea
              label={pending?.needsComment ? d.returnReason : d.comment}
              description={pending?.needsComment ? d.returnHelp : undefined}
              required={pending?.needsComment}
              autosize
              minRows={pending?.needsComment ? 4 : 2}
              maxLength={2000}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setPending(null)}>
                {d.cancel}
              </Button>
              <Button type="submit" color={pending?.needsComment ? "red" : undefined} loading={move.isPending}>
                {pending?.label ?? d.run}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Section>
  );
}

function SheetPanel({ app }: { app: ApplicationDetail }) {
  const submitted = app.reviews.filter((r) => r.submittedAt);
  const meanOf = (itemId: string): number | null => {
    const scores = submitted.flatMap((r) => r.scores.filter((s) => s.itemId === itemId).map((s) => s.score));
    return scores.length === 0 ? null : Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100;
  };
  const review = app.score.review;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <DetailField label={d.selfTotal}>{scm.ofPoints(app.score.self.score, app.score.self.max)}</DetailField>
        <DetailField label={d.reviewTotal}>{review ? scm.ofPoints(review.score, review.max) : scm.dash}</DetailField>
        <DetailField label={d.tierReason}>
          <Group gap={6}>
            {app.score.suggestedTierName && <StatusBadge label={app.score.suggestedTierName} tone="good" size="sm" />}
            <Text size="sm">{app.score.tierReason}</Text>
          </Group>
        </DetailField>
      </SimpleGrid>
      {!review && (
        <Text size="sm" c="dimmed">
          {d.noReview}
        </Text>
      )}
      <Table.ScrollContainer minWidth={480}>
        <Table withTableBorder>
          <Table.Caption>{d.byDomain}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{d.domain}</Table.Th>
              <Table.Th scope="col" ta="right">
                {d.met}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {d.reviewMean}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {app.score.self.byDomain.map((domain) => {
              const r = review?.byDomain.find((x) => x.domain === domain.domain);
              return (
                <Table.Tr key={domain.domain}>
                  <Table.Th scope="row">{domain.domain}</Table.Th>
                  <Table.Td ta="right">{scm.ofPoints(domain.score, domain.max)}</Table.Td>
                  <Table.Td ta="right">{r ? scm.ofPoints(r.score, r.max) : scm.dash}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Table.ScrollContainer minWidth={900}>
        <Table withTableBorder striped>
          <Table.Caption>{d.sheet}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{d.item}</Table.Th>
              <Table.Th scope="col">{d.domain}</Table.Th>
              <Table.Th scope="col" ta="right">
                {d.pointsHeader}
              </Table.Th>
              <Table.Th scope="col">{d.met}</Table.Th>
              <Table.Th scope="col">{d.note}</Table.Th>
              <Table.Th scope="col" ta="right">
                {d.reviewMean}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {app.items.map((item) => {
              const mean = meanOf(item.id);
              return (
                <Table.Tr key={item.id}>
                  <Table.Th scope="row" fw={400}>
                    <Text size="sm" fw={700} span>
                      {item.code}
                    </Text>{" "}
                    {item.text}
                    {item.required && (
                      <>
                        {" "}
                        <StatusBadge label={d.required} tone="danger" size="xs" />
                      </>
                    )}
                  </Table.Th>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{item.domain}</Table.Td>
                  <Table.Td ta="right">{item.points}</Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    {item.met === null ? d.answerNone : item.met ? `${d.metYes}（${item.points}点）` : d.metNo}
                  </Table.Td>
                  <Table.Td>{item.note || scm.dash}</Table.Td>
                  <Table.Td ta="right">{mean === null ? scm.dash : scm.points(mean)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function ReviewsPanel({ app }: { app: ApplicationDetail }) {
  if (app.reviews.length === 0) return <Text c="dimmed">{d.reviewsNone}</Text>;
  const codeOf = new Map(app.items.map((i) => [i.id, i]));
  return (
    <Stack gap="lg">
      {app.reviews.map((r) => (
        <Paper key={r.id} withBorder p="md" component="section" aria-labelledby={`review-${r.id}`}>
          <Group justify="space-between" mb="xs">
            <Title order={3} size="h4" id={`review-${r.id}`}>
              {r.reviewerName}
              {r.affiliation && (
                <Text span size="sm" c="dimmed" ml={6}>
                  {r.affiliation}
                </Text>
              )}
            </Title>
            <Group gap="xs">
              <StatusBadge label={r.submittedAt ? d.reviewSubmitted : d.reviewDraft} tone={r.submittedAt ? "good" : "neutral"} size="sm" />
              <Text size="sm" fw={700}>
                {d.reviewTotalLabel} {scm.points(r.total)}
              </Text>
            </Group>
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }} mb="sm">
            <DetailField label={d.hearingOn}>{r.hearingOn ? <DateText iso={r.hearingOn} /> : scm.dash}</DetailField>
            <DetailField label={d.reviewComment}>{r.comment || scm.dash}</DetailField>
          </SimpleGrid>
          <DetailField label={d.hearingNotes}>
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
              {r.hearingNotes || scm.dash}
            </Text>
          </DetailField>
          <Table.ScrollContainer minWidth={560} mt="sm">
            <Table withTableBorder>
              <Table.Caption>{`${r.reviewerName}の採点`}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{d.item}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {scm.review.score}
                  </Table.Th>
                  <Table.Th scope="col">{d.eventComment}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {app.items.map((item) => {
                  const s = r.scores.find((x) => x.itemId === item.id);
                  return (
                    <Table.Tr key={item.id}>
                      <Table.Th scope="row" fw={400}>
                        {codeOf.get(item.id)?.code} {item.text}
                      </Table.Th>
                      <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                        {s ? `${s.score} / ${item.points}` : scm.dash}
                      </Table.Td>
                      <Table.Td>{s?.comment || scm.dash}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ))}
    </Stack>
  );
}

function EventsPanel({ app }: { app: ApplicationDetail }) {
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table withTableBorder striped>
        <Table.Caption>{d.events}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{d.eventAt}</Table.Th>
            <Table.Th scope="col">{d.eventMove}</Table.Th>
            <Table.Th scope="col">{d.eventActor}</Table.Th>
            <Table.Th scope="col">{d.eventComment}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {app.events.map((e) => (
            <Table.Tr key={`${e.at}-${e.fromStatus}-${e.toStatus}`}>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                <DateTimeText timestamp={e.at} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                {e.fromStatus ? `${APPLICATION_STATUS_LABELS[e.fromStatus]} → ` : ""}
                {APPLICATION_STATUS_LABELS[e.toStatus]}
              </Table.Td>
              <Table.Td>{e.actorLabel}</Table.Td>
              <Table.Td>{e.comment || scm.dash}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
