// The dialogs of an analysis: start one (subject page), its summary, a finding (viewpoint, text, assessment, the
// indicators it rests on), the options considered, the decision (option, text, 和暦 date, the body that decided) and
// its withdrawal with a reason. Dates are sent as typed: the server reads 和暦 and 西暦 alike.
import { MultiSelect, NativeSelect, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import {
  type AnalysisOption,
  ASSESSMENT_LABELS,
  ASSESSMENTS,
  type Assessment,
  OPTIONS,
  VIEWPOINT_LABELS,
  VIEWPOINTS,
  type Viewpoint,
} from "../../../common/analysis/labels";
import {
  addFinding,
  createReview,
  decideReview,
  type FindingView,
  putOptions,
  REVIEW_LIMITS,
  type ReviewDetail,
  updateFinding,
  updateReview,
  withdrawDecision,
} from "../../../common/api/analysis-reviews";
import { parseJapaneseDate, todayInJapan } from "../../../common/dates";
import { call } from "../../api/client";
import { warekiOf } from "../../ui/dates";
import { FiscalYearSelect, recentFiscalYears } from "../../ui/FiscalYear";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { RadioFieldset } from "../../ui/RadioFieldset";
import { ReviewDialog, useDialogSave } from "./ReviewDialog";
import { rvm } from "./review-messages";
import { reviewChanged, reviewKeys, useSubjectIndicators } from "./review-queries";

function useReviewSaved(onClose: () => void) {
  const queryClient = useQueryClient();
  return (message: string) => async (saved: ReviewDetail) => {
    await reviewChanged(queryClient, saved);
    onClose();
    return message;
  };
}

// ------------------------------------------------------------------ start

export function StartReviewDialog({
  subjectId,
  defaultFiscalYear,
  takenYears,
  onClose,
}: {
  subjectId: string;
  defaultFiscalYear: number | null;
  takenYears: number[];
  onClose: () => void;
}) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [fiscalYear, setFiscalYear] = useState<number | null>(defaultFiscalYear);
  const [summary, setSummary] = useState("");
  const years = recentFiscalYears(2015, [...(defaultFiscalYear ? [defaultFiscalYear] : []), 2028, 2027]);
  const { save, errors, setErrors } = useDialogSave(
    () => call(createReview, { body: { subjectId, fiscalYear, summary } }),
    async (saved) => {
      await queryClient.invalidateQueries({ queryKey: reviewKeys.all });
      void navigate({ to: `/analysis/reviews/${saved.id}` as never });
      return rvm.start.started(saved.fiscalYear);
    },
    onClose,
  );
  return (
    <ReviewDialog
      name="analysis-start"
      title={rvm.start.title}
      onClose={onClose}
      saving={save.isPending}
      error={save.error}
      submitLabel={rvm.start.submit}
      onSubmit={() => {
        if (fiscalYear !== null && takenYears.includes(fiscalYear)) {
          setErrors({ fiscalYear: rvm.start.exists(fiscalYear) });
          return;
        }
        save.mutate();
      }}
    >
      <FiscalYearSelect
        label={rvm.start.year}
        description={rvm.start.yearHelp}
        required
        value={fiscalYear}
        years={years}
        onChange={setFiscalYear}
        error={errors.fiscalYear}
      />
      <Textarea
        label={rvm.start.summary}
        autosize
        minRows={3}
        maxLength={REVIEW_LIMITS.summary}
        value={summary}
        onChange={(e) => setSummary(e.currentTarget.value)}
        error={errors.summary}
      />
    </ReviewDialog>
  );
}

// ------------------------------------------------------------------ summary

export function SummaryDialog({ review, onClose }: { review: ReviewDetail; onClose: () => void }) {
  const [summary, setSummary] = useState(review.summary);
  const saved = useReviewSaved(onClose);
  const { save, errors } = useDialogSave(
    () => call(updateReview, { params: { id: review.id }, body: { version: review.version, summary } }),
    saved(rvm.review.summarySaved),
    onClose,
  );
  return (
    <ReviewDialog
      name="analysis-summary"
      title={rvm.review.editSummary}
      onClose={onClose}
      saving={save.isPending}
      error={save.error}
      onSubmit={() => save.mutate()}
    >
      <Textarea
        label={rvm.review.summary}
        autosize
        minRows={5}
        maxLength={REVIEW_LIMITS.summary}
        value={summary}
        onChange={(e) => setSummary(e.currentTarget.value)}
        error={errors.summary}
      />
    </ReviewDialog>
  );
}

// ------------------------------------------------------------------ findings

export function FindingDialog({
  review,
  finding,
  viewpoint,
  onClose,
}: {
  review: ReviewDetail;
  /** the finding edited; absent: a new one */
  finding?: FindingView;
  viewpoint?: Viewpoint;
  onClose: () => void;
}) {
  const indicators = useSubjectIndicators(review.subject.id);
  const [values, setValues] = useState({
    viewpoint: finding?.viewpoint ?? viewpoint ?? "necessity",
    body: finding?.body ?? "",
    assessment: (finding?.assessment ?? "") as Assessment | "",
    indicators: finding?.indicators ?? [],
  });
  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) => setValues((v) => ({ ...v, [key]: value }));
  const saved = useReviewSaved(onClose);
  const body = () => ({
    version: review.version,
    viewpoint: values.viewpoint,
    body: values.body,
    assessment: values.assessment || null,
    indicators: values.indicators,
  });
  const { save, errors, setErrors } = useDialogSave(
    () =>
      finding
        ? call(updateFinding, { params: { id: review.id, findingId: finding.id }, body: body() })
        : call(addFinding, { params: { id: review.id }, body: body() }),
    saved(rvm.findings.saved),
    onClose,
  );
  const known = indicators.data?.indicators ?? [];
  const data = [
    ...known.map((i) => ({ value: i.key, label: `${i.label}（${i.unit}）` })),
    // a key the subject no longer has stays choosable, so that saving does not drop it silently
    ...values.indicators.filter((key) => !known.some((i) => i.key === key)).map((key) => ({ value: key, label: key })),
  ];
  return (
    <ReviewDialog
      name="analysis-finding"
      title={finding ? rvm.findings.dialogEdit : rvm.findings.dialogAdd}
      onClose={onClose}
      saving={save.isPending}
      error={save.error}
      onSubmit={() => {
        if (!values.body.trim()) {
          setErrors({ body: rvm.errors.required(rvm.findings.body) });
          return;
        }
        save.mutate();
      }}
    >
      <NativeSelect
        label={rvm.findings.viewpoint}
        required
        value={values.viewpoint}
        data={VIEWPOINTS.map((v) => ({ value: v, label: VIEWPOINT_LABELS[v] }))}
        onChange={(e) => set("viewpoint", e.currentTarget.value as Viewpoint)}
        error={errors.viewpoint}
      />
      <Textarea
        label={rvm.findings.body}
        required
        autosize
        minRows={4}
        maxLength={REVIEW_LIMITS.findingBody}
        value={values.body}
        onChange={(e) => set("body", e.currentTarget.value)}
        error={errors.body}
      />
      <RadioFieldset
        legend={rvm.findings.assessment}
        name="analysis-finding-assessment"
        value={values.assessment}
        options={[
          { value: "", label: rvm.findings.assessmentNone },
          ...ASSESSMENTS.map((a) => ({ value: a, label: ASSESSMENT_LABELS[a] })),
        ]}
        onChange={(a) => set("assessment", a as Assessment | "")}
        error={errors.assessment}
      />
      <MultiSelect
        label={rvm.findings.indicators}
        description={indicators.isPending ? rvm.findings.indicatorsLoading : rvm.findings.indicatorsHelp}
        data={data}
        value={values.indicators}
        onChange={(keys) => set("indicators", keys)}
        searchable
        clearable
        maxValues={REVIEW_LIMITS.findingIndicators}
        error={errors.indicators}
      />
    </ReviewDialog>
  );
}

// ------------------------------------------------------------------ options

export function OptionsDialog({ review, onClose }: { review: ReviewDetail; onClose: () => void }) {
  const [texts, setTexts] = useState<Record<AnalysisOption, string>>(
    Object.fromEntries(review.options.map((o) => [o.option, o.assessment])) as Record<AnalysisOption, string>,
  );
  const saved = useReviewSaved(onClose);
  const { save, errors } = useDialogSave(
    () =>
      call(putOptions, {
        params: { id: review.id },
        body: { version: review.version, options: OPTIONS.map((option) => ({ option, assessment: texts[option] ?? "" })) },
      }),
    saved(rvm.options.saved),
    onClose,
  );
  return (
    <ReviewDialog
      name="analysis-options"
      title={rvm.options.edit}
      onClose={onClose}
      saving={save.isPending}
      error={save.error}
      onSubmit={() => save.mutate()}
    >
      <Text size="sm">{rvm.options.intro}</Text>
      {review.options.map((o) => (
        <Textarea
          key={o.option}
          label={rvm.options.field(o.label)}
          autosize
          minRows={2}
          maxLength={REVIEW_LIMITS.optionAssessment}
          value={texts[o.option] ?? ""}
          onChange={(e) => {
            const text = e.currentTarget.value;
            setTexts((t) => ({ ...t, [o.option]: text }));
          }}
          error={errors.options}
        />
      ))}
    </ReviewDialog>
  );
}

// ------------------------------------------------------------------ decision

export function DecisionDialog({ review, onClose }: { review: ReviewDetail; onClose: () => void }) {
  const assessed = review.options.filter((o) => o.assessment.trim());
  const [values, setValues] = useState({
    chosenOption: (assessed[0]?.option ?? "") as AnalysisOption | "",
    decision: "",
    decidedOn: warekiOf(todayInJapan()),
    decidedBy: rvm.decision.bodyDefault,
  });
  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) => setValues((v) => ({ ...v, [key]: value }));
  const saved = useReviewSaved(onClose);
  const { save, errors, setErrors } = useDialogSave(
    () =>
      call(decideReview, {
        params: { id: review.id },
        body: { version: review.version, ...values, chosenOption: values.chosenOption as AnalysisOption },
      }),
    saved(rvm.decision.recorded),
    onClose,
  );
  function submit() {
    const found: Record<string, string> = {};
    if (!values.chosenOption) found.chosenOption = rvm.errors.required(rvm.decision.option);
    if (!values.decision.trim()) found.decision = rvm.errors.required(rvm.decision.text);
    if (!parseJapaneseDate(values.decidedOn)) found.decidedOn = rvm.errors.dateInvalid;
    if (!values.decidedBy.trim()) found.decidedBy = rvm.errors.required(rvm.decision.body);
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate();
  }
  return (
    <ReviewDialog
      name="analysis-decision"
      title={rvm.decision.record}
      onClose={onClose}
      saving={save.isPending}
      error={save.error}
      submitLabel={rvm.decision.record}
      onSubmit={submit}
    >
      <Text size="sm">{rvm.decision.recordHelp}</Text>
      <RadioFieldset
        legend={rvm.decision.option}
        name="analysis-decision-option"
        value={values.chosenOption}
        options={review.options.map((o) => ({
          value: o.option,
          label: o.assessment.trim() ? o.label : `${o.label}${rvm.decision.notAssessedHint}`,
        }))}
        onChange={(option) => set("chosenOption", option as AnalysisOption)}
        error={errors.chosenOption}
      />
      <Textarea
        label={rvm.decision.text}
        required
        autosize
        minRows={3}
        maxLength={REVIEW_LIMITS.decision}
        value={values.decision}
        onChange={(e) => set("decision", e.currentTarget.value)}
        error={errors.decision}
      />
      <JapaneseDateInput
        label={rvm.decision.date}
        required
        value={values.decidedOn}
        onChange={(text) => set("decidedOn", text)}
        error={errors.decidedOn}
        description={rvm.decision.dateHelp}
      />
      <TextInput
        label={rvm.decision.body}
        description={rvm.decision.bodyHelp}
        required
        maxLength={REVIEW_LIMITS.decidedBy}
        value={values.decidedBy}
        onChange={(e) => set("decidedBy", e.currentTarget.value)}
        error={errors.decidedBy}
      />
    </ReviewDialog>
  );
}

export function WithdrawDialog({ review, onClose }: { review: ReviewDetail; onClose: () => void }) {
  const [reason, setReason] = useState("");
  const saved = useReviewSaved(onClose);
  const { save, errors, setErrors } = useDialogSave(
    () => call(withdrawDecision, { params: { id: review.id }, body: { version: review.version, reason } }),
    saved(rvm.decision.withdrawn),
    onClose,
  );
  return (
    <ReviewDialog
      name="analysis-withdraw"
      title={rvm.decision.withdrawTitle}
      onClose={onClose}
      saving={save.isPending}
      error={save.error}
      submitLabel={rvm.decision.withdrawSubmit}
      onSubmit={() => {
        if (!reason.trim()) {
          setErrors({ reason: rvm.errors.required(rvm.decision.reason) });
          return;
        }
        save.mutate();
      }}
    >
      <Stack gap="xs">
        <Text size="sm">{rvm.decision.withdrawHelp}</Text>
        <Textarea
          label={rvm.decision.reason}
          required
          autosize
          minRows={3}
          maxLength={REVIEW_LIMITS.withdrawReason}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
        />
      </Stack>
    </ReviewDialog>
  );
}
