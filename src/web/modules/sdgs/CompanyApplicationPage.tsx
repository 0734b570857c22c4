// /sdgs/company/applications/$id: a company's application as a stepped form — 1 申請要件 (an ineligible answer shows the
// rule's reason at once and stops the later steps), 2 セルフチェック by domain (met or not, a note, evidence files per
// item), 3 自社の目標 (the round's minimum or more, SDGs goals 1–17 by name), 4 概要と宣言, 5 確認と提出 (the same
// checks as the server: common/sdgs/company-submission-checks.ts). The self score and the tier it reaches follow the
// answers live; 「下書き保存」 saves whatever is entered, 「提出」 saves and submits. A returned application shows the
// return reason at the top; once submitted, everything is read-only.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Stepper,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import {
  type CompanyApplication,
  deleteEvidence,
  downloadEvidence,
  EVIDENCE_FILES_MAX,
  type EvidenceFile,
  type GoalInput,
  saveCompanyApplication,
  submitCompanyApplication,
  uploadEvidence,
  withdrawCompanyApplication,
} from "../../../common/api/sdgs-company";
import { eligibilityGate, submissionProblems } from "../../../common/sdgs/company-submission-checks";
import { APPLICATION_KIND_LABELS } from "../../../common/sdgs/labels";
import { scoreSelfCheck, tierFor } from "../../../common/sdgs/scoring";
import { SDG_GOALS, sdgGoalLabel } from "../../../common/sdgs/sdg-goals";
import { ATTACHMENT_TYPES, DOCUMENT_UPLOAD_MAX_BYTES } from "../../../common/upload-limits";
import { call, upload, urlFor } from "../../api/client";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { DateText, DateTimeText } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { FileUploadForm } from "../../ui/FileUploadForm";
import { useFlash } from "../../ui/Flash";
import { Loading } from "../../ui/Loading";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { Section } from "../../ui/Section";
import { StatusBadge } from "../../ui/StatusBadge";
import { cm } from "./companyMessages";
import { companyKeys, useCompanyApplication } from "./companyQueries";

const t = cm.app;

/** A goal row as the form keeps it: numbers as text until saved. */
interface GoalRow {
  /** the row's key on this page (not saved) */
  rowKey: string;
  title: string;
  sdgGoals: number[];
  kpi: string;
  unit: string;
  baseline: string;
  baselineYear: string;
  target: string;
  targetYear: string;
}

let rowCounter = 0;
const emptyGoal = (): GoalRow => ({
  rowKey: `new-${++rowCounter}`,
  title: "",
  sdgGoals: [],
  kpi: "",
  unit: "",
  baseline: "",
  baselineYear: "",
  target: "",
  targetYear: "",
});

const numOrNull = (text: string): number | null => {
  const trimmed = text.normalize("NFKC").replace(/,/g, "").trim();
  if (trimmed === "") return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
};

interface Draft {
  eligibilityAnswers: Record<string, boolean>;
  answers: Record<string, { met: boolean; note: string }>;
  goals: GoalRow[];
  summary: string;
  declaration: boolean;
}

function draftOf(app: CompanyApplication): Draft {
  const goals: GoalRow[] = app.goals.map((g) => ({
    rowKey: g.id,
    title: g.title,
    sdgGoals: g.sdgGoals,
    kpi: g.kpi,
    unit: g.unit,
    baseline: g.baseline === null ? "" : String(g.baseline),
    baselineYear: g.baselineYear === null ? "" : String(g.baselineYear),
    target: String(g.target),
    targetYear: String(g.targetYear),
  }));
  while (goals.length < app.round.minGoals) goals.push(emptyGoal());
  return {
    eligibilityAnswers: { ...app.eligibilityAnswers },
    answers: Object.fromEntries(app.answers.map((a) => [a.itemId, { met: a.met, note: a.note }])),
    goals,
    summary: app.summary,
    declaration: false,
  };
}

const isBlank = (g: GoalRow) =>
  Object.entries(g).every(([k, v]) => k === "rowKey" || (k === "sdgGoals" ? (v as number[]).length === 0 : v === ""));

/** The goals as the API takes them (blank rows left out). */
function goalsForApi(goals: GoalRow[]): GoalInput[] {
  return goals
    .filter((g) => !isBlank(g))
    .map((g) => ({
      title: g.title,
      sdgGoals: g.sdgGoals,
      kpi: g.kpi,
      unit: g.unit,
      baseline: numOrNull(g.baseline),
      baselineYear: numOrNull(g.baselineYear),
      target: numOrNull(g.target) as number,
      targetYear: numOrNull(g.targetYear) as number,
    }));
}

function ItemEvidence({
  app,
  itemId,
  code,
  files,
  canEdit,
  onChange,
}: {
  app: CompanyApplication;
  itemId: string;
  code: string;
  files: EvidenceFile[];
  canEdit: boolean;
  onChange: () => void;
}) {
  const flash = useFlash();
  return (
    <Stack gap={4}>
      {files.map((file) => (
        <Group key={file.id} gap="xs">
          <Anchor href={urlFor(downloadEvidence, { params: { id: app.id, fileId: file.id } })} download size="sm">
            {file.name}
          </Anchor>
          {canEdit && (
            <ConfirmButton
              size="compact-xs"
              variant="subtle"
              color="red"
              title={t.evidenceDelete}
              message={`「${file.name}」を削除しますか。`}
              confirmLabel={t.evidenceDelete}
              confirmColor="red"
              onConfirm={async () => {
                await call(deleteEvidence, { params: { id: app.id, fileId: file.id } });
                flash.show(t.evidenceDeleted(file.name));
                onChange();
              }}
            >
              {t.evidenceDelete}
              <span className="yk-visually-hidden">{`「${file.name}」`}</span>
            </ConfirmButton>
          )}
        </Group>
      ))}
      {canEdit && (
        <FileUploadForm
          headingId={`evidence-${itemId}`}
          accept={ATTACHMENT_TYPES}
          maxBytes={DOCUMENT_UPLOAD_MAX_BYTES}
          limit={{ count: app.evidence.length, max: EVIDENCE_FILES_MAX, fullMessage: t.evidenceFull }}
          messages={{
            submit: t.evidenceHeading(code),
            fileLabel: t.evidenceFileLabel,
            fileHelp: t.evidenceHelp,
            placeholder: t.placeholder,
            chooseFile: t.chooseFile,
            wrongType: t.evidenceWrongType,
            tooLarge: t.evidenceTooLarge,
            uploading: t.uploading,
            uploaded: (file) => t.evidenceUploaded(file.name),
          }}
          clearStatusOnSubmit
          upload={(file) => upload(uploadEvidence, { params: { id: app.id }, query: { itemId } }, file)}
          onUploaded={onChange}
        />
      )}
    </Stack>
  );
}

function ApplicationForm({
  app,
  step,
  setStep,
}: {
  app: CompanyApplication;
  /** kept by the page, so that a save (a new version, a fresh form) stays on the same step */
  step: number;
  setStep: (update: (step: number) => number) => void;
}) {
  const client = useQueryClient();
  const flash = useFlash();
  const [draft, setDraft] = useState<Draft>(() => draftOf(app));
  const canEdit = app.canEdit;
  const refresh = () => client.invalidateQueries({ queryKey: companyKeys.application(app.id) });

  const items = useMemo(() => app.domains.flatMap((d) => d.items.map((i) => ({ ...i, domain: d.name }))), [app]);
  const self = scoreSelfCheck(
    items,
    new Set(
      Object.entries(draft.answers)
        .filter(([, a]) => a.met)
        .map(([id]) => id),
    ),
  );
  const tier = tierFor(self, app.tiers);
  const gate = eligibilityGate(app.eligibilityRules, draft.eligibilityAnswers);
  const gateOpen = gate.answeredAll && gate.failures.length === 0;
  const problems = submissionProblems({
    eligibilityRules: app.eligibilityRules,
    eligibilityAnswers: draft.eligibilityAnswers,
    items,
    answers: Object.entries(draft.answers).map(([itemId, a]) => ({ itemId, met: a.met })),
    itemsWithEvidence: new Set(app.evidence.map((f) => f.itemId).filter((x): x is string => !!x)),
    goals: goalsForApi(draft.goals),
    minGoals: app.round.minGoals,
    summary: draft.summary,
    declaration: draft.declaration,
  });

  const body = (version: number) => ({
    version,
    eligibilityAnswers: draft.eligibilityAnswers,
    summary: draft.summary,
    answers: Object.entries(draft.answers).map(([itemId, a]) => ({ itemId, met: a.met, note: a.note })),
    goals: goalsForApi(draft.goals),
  });
  const save = useMutation({
    mutationFn: () => call(saveCompanyApplication, { params: { id: app.id }, body: body(app.version) }),
    onSuccess: (data) => {
      client.setQueryData(companyKeys.application(app.id), data);
      flash.show(t.saved);
    },
  });
  const submit = useMutation({
    mutationFn: async () => {
      const saved = await call(saveCompanyApplication, { params: { id: app.id }, body: body(app.version) });
      client.setQueryData(companyKeys.application(app.id), saved);
      return call(submitCompanyApplication, { params: { id: app.id }, body: { version: saved.version, declaration: draft.declaration } });
    },
    onSuccess: async (data) => {
      client.setQueryData(companyKeys.application(app.id), data);
      await client.invalidateQueries({ queryKey: companyKeys.applications });
      flash.show(t.submitted);
    },
  });
  const withdraw = useMutation({
    mutationFn: () => call(withdrawCompanyApplication, { params: { id: app.id }, body: { version: app.version } }),
    onSuccess: (data) => {
      client.setQueryData(companyKeys.application(app.id), data);
      client.invalidateQueries({ queryKey: companyKeys.all });
      flash.show(t.withdrawn);
    },
  });

  const setGoal = (index: number, patch: Partial<GoalRow>) =>
    setDraft((d) => ({ ...d, goals: d.goals.map((g, i) => (i === index ? { ...g, ...patch } : g)) }));

  const stepper = (
    <Stepper
      active={step}
      onStepClick={(n) => (n === 0 || gateOpen || !canEdit ? setStep(() => n) : undefined)}
      size="sm"
      allowNextStepsSelect={false}
    >
      {t.steps.map((name, n) => (
        <Stepper.Step key={name} label={t.stepLabel(n + 1, name)} allowStepSelect={n === 0 || gateOpen || !canEdit} />
      ))}
    </Stepper>
  );

  const scoreBox = (
    <Paper withBorder p="sm" aria-live="polite">
      <Group gap="lg">
        <Text fw={700}>
          {t.score}: {t.scoreOf(self.score, self.max)}
        </Text>
        {tier.tier ? <StatusBadge label={t.tierReached(tier.tier.name)} tone="good" /> : <StatusBadge label={t.noTier} tone="warning" />}
        <Text size="xs" c="dimmed">
          {tier.reason}
        </Text>
      </Group>
      <Group gap="md" mt={4}>
        {self.byDomain.map((d) => (
          <Text key={d.domain} size="xs">
            {d.domain} {d.score}/{d.max}
          </Text>
        ))}
      </Group>
    </Paper>
  );

  const eligibilityStep = (
    <Stack gap="sm">
      <Text size="sm">{t.eligibilityIntro}</Text>
      {app.eligibilityRules.map((rule) => (
        <Radio.Group
          key={rule.code}
          label={rule.question}
          value={draft.eligibilityAnswers[rule.code] === undefined ? "" : String(draft.eligibilityAnswers[rule.code])}
          onChange={(v) => setDraft((d) => ({ ...d, eligibilityAnswers: { ...d.eligibilityAnswers, [rule.code]: v === "true" } }))}
        >
          <Group gap="md" mt={4}>
            <Radio value="true" label={t.yes} disabled={!canEdit} />
            <Radio value="false" label={t.no} disabled={!canEdit} />
          </Group>
        </Radio.Group>
      ))}
      {gate.failures.length > 0 ? (
        <Alert color="red" title={t.ineligibleTitle} role="alert">
          <List size="sm">
            {gate.failures.map((f) => (
              <List.Item key={f.code}>{f.reason}</List.Item>
            ))}
          </List>
        </Alert>
      ) : (
        !gate.answeredAll && (
          <Text size="sm" c="dimmed">
            {t.gateNote}
          </Text>
        )
      )}
    </Stack>
  );

  const selfCheckStep = (
    <Stack gap="md">
      {scoreBox}
      {app.domains.map((domain) => (
        <Section key={domain.id} id={`domain-${domain.id}`} title={domain.name}>
          <Stack gap="md">
            {domain.items.map((item) => {
              const answer = draft.answers[item.id];
              const files = app.evidence.filter((f) => f.itemId === item.id);
              return (
                <Paper key={item.id} withBorder p="sm">
                  <Group gap="xs" mb={4}>
                    <Badge variant="light" color="gray">
                      {item.code}
                    </Badge>
                    <Text size="sm" c="dimmed">
                      {t.points(item.points)}
                    </Text>
                    {item.required && <StatusBadge label={t.required} tone="danger" size="xs" />}
                    {item.evidenceRequired && <StatusBadge label={t.evidenceRequired} tone="warning" size="xs" />}
                  </Group>
                  <Radio.Group
                    label={item.text}
                    value={answer === undefined ? "" : String(answer.met)}
                    onChange={(v) =>
                      setDraft((d) => ({
                        ...d,
                        answers: { ...d.answers, [item.id]: { met: v === "true", note: d.answers[item.id]?.note ?? "" } },
                      }))
                    }
                  >
                    <Group gap="md" mt={4}>
                      <Radio value="true" label={t.met} disabled={!canEdit} />
                      <Radio value="false" label={t.notMet} disabled={!canEdit} />
                    </Group>
                  </Radio.Group>
                  <TextInput
                    mt="xs"
                    size="xs"
                    label={t.note}
                    value={answer?.note ?? ""}
                    readOnly={!canEdit}
                    maxLength={2000}
                    onChange={(e) => {
                      const note = e.currentTarget.value;
                      setDraft((d) => ({ ...d, answers: { ...d.answers, [item.id]: { met: d.answers[item.id]?.met ?? false, note } } }));
                    }}
                  />
                  {(answer?.met || files.length > 0) && (
                    <ItemEvidence app={app} itemId={item.id} code={item.code} files={files} canEdit={canEdit} onChange={refresh} />
                  )}
                </Paper>
              );
            })}
          </Stack>
        </Section>
      ))}
    </Stack>
  );

  const goalsStep = (
    <Stack gap="md">
      <Text size="sm">{t.goalsIntro(app.round.minGoals)}</Text>
      {draft.goals.map((goal, index) => (
        <Paper key={goal.rowKey} withBorder p="md" component="fieldset" aria-label={t.goal(index + 1)}>
          <Group justify="space-between" mb="xs">
            <Title order={3} size="h5">
              {t.goal(index + 1)}
            </Title>
            {canEdit && draft.goals.length > 1 && (
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                onClick={() => setDraft((d) => ({ ...d, goals: d.goals.filter((_, i) => i !== index) }))}
              >
                {t.removeGoal}
              </Button>
            )}
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t.goalTitle}
              value={goal.title}
              readOnly={!canEdit}
              maxLength={200}
              onChange={(e) => setGoal(index, { title: e.currentTarget.value })}
            />
            <TextInput
              label={t.kpi}
              value={goal.kpi}
              readOnly={!canEdit}
              maxLength={200}
              onChange={(e) => setGoal(index, { kpi: e.currentTarget.value })}
            />
            <TextInput
              label={t.unit}
              value={goal.unit}
              readOnly={!canEdit}
              maxLength={20}
              onChange={(e) => setGoal(index, { unit: e.currentTarget.value })}
            />
            <div />
            <TextInput
              label={t.baseline}
              inputMode="decimal"
              value={goal.baseline}
              readOnly={!canEdit}
              onChange={(e) => setGoal(index, { baseline: e.currentTarget.value })}
            />
            <TextInput
              label={t.baselineYear}
              inputMode="numeric"
              value={goal.baselineYear}
              readOnly={!canEdit}
              onChange={(e) => setGoal(index, { baselineYear: e.currentTarget.value })}
            />
            <TextInput
              label={t.target}
              inputMode="decimal"
              value={goal.target}
              readOnly={!canEdit}
              onChange={(e) => setGoal(index, { target: e.currentTarget.value })}
            />
            <TextInput
              label={t.targetYear}
              inputMode="numeric"
              value={goal.targetYear}
              readOnly={!canEdit}
              onChange={(e) => setGoal(index, { targetYear: e.currentTarget.value })}
            />
          </SimpleGrid>
          <Checkbox.Group
            mt="sm"
            label={t.sdgs}
            value={goal.sdgGoals.map(String)}
            onChange={(values) => setGoal(index, { sdgGoals: values.map(Number).sort((a, b) => a - b) })}
          >
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} mt={4} spacing={4}>
              {SDG_GOALS.map((name, n) => (
                <Checkbox key={name} value={String(n + 1)} label={sdgGoalLabel(n + 1)} size="xs" disabled={!canEdit} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
        </Paper>
      ))}
      {canEdit && draft.goals.length < 20 && (
        <Group>
          <Button variant="light" onClick={() => setDraft((d) => ({ ...d, goals: [...d.goals, emptyGoal()] }))}>
            {t.addGoal}
          </Button>
        </Group>
      )}
    </Stack>
  );

  const summaryStep = (
    <Stack gap="md">
      <Textarea
        label={t.summary}
        description={t.summaryHint}
        value={draft.summary}
        readOnly={!canEdit}
        maxLength={4000}
        autosize
        minRows={6}
        onChange={(e) => {
          const summary = e.currentTarget.value;
          setDraft((d) => ({ ...d, summary }));
        }}
      />
      {canEdit ? (
        <Checkbox
          label={t.declaration}
          checked={draft.declaration}
          onChange={(e) => {
            const declaration = e.currentTarget.checked;
            setDraft((d) => ({ ...d, declaration }));
          }}
        />
      ) : (
        app.declaredAt && (
          <Text size="sm">
            {t.declaration}（<DateTimeText timestamp={app.declaredAt} />）
          </Text>
        )
      )}
    </Stack>
  );

  const reviewStep = (
    <Stack gap="md">
      {scoreBox}
      {canEdit &&
        (problems.length > 0 ? (
          <Alert color="yellow" title={t.problemsTitle}>
            <Text size="sm" mb="xs">
              {t.reviewIntro}
            </Text>
            <List size="sm">
              {problems.map((p) => (
                <List.Item key={`${p.field}-${p.message}`}>{p.message}</List.Item>
              ))}
            </List>
          </Alert>
        ) : (
          <Alert color="green">{t.readyToSubmit}</Alert>
        ))}
      <Section id="application-history" title={t.history}>
        {app.history.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t.historyEmpty}
          </Text>
        ) : (
          <List size="sm">
            {app.history.map((e) => (
              <List.Item key={`${e.at}-${e.toStatus}`}>
                <DateTimeText timestamp={e.at} /> {e.toLabel}（{e.actorLabel}）{e.comment ? `: ${e.comment}` : ""}
              </List.Item>
            ))}
          </List>
        )}
      </Section>
    </Stack>
  );

  const steps = [eligibilityStep, selfCheckStep, goalsStep, summaryStep, reviewStep];
  const mayGoOn = step === 0 ? gateOpen || !canEdit : true;

  return (
    <Stack gap="lg">
      {app.status === "returned" && app.returnReason && (
        <Alert color="orange" variant="filled" title={t.returnedTitle} role="alert">
          {app.returnReason}
        </Alert>
      )}
      {!canEdit && <Alert color="blue">{t.readOnly}</Alert>}
      {stepper}
      <Paper withBorder p="lg">
        {steps[step]}
      </Paper>
      {(save.error || submit.error || withdraw.error) && <ErrorAlert error={save.error ?? submit.error ?? withdraw.error} />}
      <Group justify="space-between">
        <Group>
          <Button variant="default" disabled={step === 0} onClick={() => setStep((s) => s - 1)}>
            {t.back}
          </Button>
          {step < steps.length - 1 && (
            <Button variant="light" disabled={!mayGoOn} onClick={() => setStep((s) => s + 1)}>
              {t.next}
            </Button>
          )}
        </Group>
        <Group>
          {app.canWithdraw && (
            <ConfirmButton
              variant="subtle"
              color="red"
              title={t.withdrawTitle}
              message={t.withdrawMessage}
              confirmLabel={t.withdraw}
              confirmColor="red"
              onConfirm={() => withdraw.mutateAsync()}
            >
              {t.withdraw}
            </ConfirmButton>
          )}
          {canEdit && (
            <Button variant="default" loading={save.isPending} onClick={() => save.mutate()}>
              {t.saveDraft}
            </Button>
          )}
          {canEdit && step === steps.length - 1 && (
            <Button loading={submit.isPending} disabled={problems.length > 0} onClick={() => submit.mutate()}>
              {t.submit}
            </Button>
          )}
        </Group>
      </Group>
    </Stack>
  );
}

export function CompanyApplicationPage({ id }: { id: string }) {
  const app = useCompanyApplication(id);
  const [step, setStep] = useState(0);
  const data = app.data;
  const title = data ? t.titleOf(data.round.name, APPLICATION_KIND_LABELS[data.kind]) : "申請";
  return (
    <>
      <PageHeader
        title={title}
        breadcrumbs={[{ label: cm.home.title, href: "/sdgs/company" }, { label: title }]}
        badges={
          data && (
            <Group gap="xs">
              <StatusBadge label={data.statusLabel} tone={data.status === "returned" ? "warning" : data.canEdit ? "neutral" : "done"} />
              {data.isSample && <SampleBadge />}
            </Group>
          )
        }
        subtitle={
          data && (
            <>
              {cm.home.period}: <DateText iso={data.round.opensOn} western="title" />〜
              <DateText iso={data.round.closesOn} western="title" />
              {data.previousCertificationNumber && ` ／ ${t.previousCertification}: ${data.previousCertificationNumber}`}
            </>
          )
        }
      />
      {app.error ? (
        <ErrorAlert error={app.error} />
      ) : !data ? (
        <Loading />
      ) : (
        <ApplicationForm key={data.version} app={data} step={step} setStep={setStep} />
      )}
    </>
  );
}
