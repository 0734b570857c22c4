// The dialogs of /vision/outreach: recording or editing an event (values and checks in outreach-event-values.ts), and
// the vision bureau's feeding of a year's count (or attendance) to the linked indicator, with a preview first.
import { NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  createOutreach,
  feedOutreach,
  OUTREACH_KINDS,
  type OutreachEvent,
  previewOutreachFeed,
  updateOutreach,
} from "../../../common/api/vision-engagement";
import { call } from "../../api/client";
import { DateText, fiscalYearLabel } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrors } from "../../ui/errors";
import { currentFiscalYear, FiscalYearSelect } from "../../ui/FiscalYear";
import { useFlash } from "../../ui/Flash";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { RadioFieldset } from "../../ui/RadioFieldset";
import { Loading } from "./components";
import { DialogActions } from "./DialogActions";
import { em } from "./engagementMessages";
import { useOrganisationList, type useOutreach } from "./engagementQueries";
import { type EventBody, type EventValues, eventBody, eventErrors, eventValues } from "./outreach-event-values";

export type Outreach = NonNullable<ReturnType<typeof useOutreach>["data"]>;

export function EventForm({
  planId,
  event,
  indicators,
  recordOrganisationIds,
  onDone,
}: {
  planId: string;
  event: OutreachEvent | null;
  indicators: Outreach["indicators"];
  /** null: any organisation (the vision bureau); else only these, and one must be chosen */
  recordOrganisationIds: string[] | null;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const organisations = useOrganisationList();
  const form = useForm<EventValues>({
    initialValues: eventValues(event, recordOrganisationIds?.[0] ?? ""),
    validate: eventErrors,
  });
  const save = useMutation({
    mutationFn: (body: EventBody) =>
      event ? call(updateOutreach, { params: { id: event.id }, body }) : call(createOutreach, { query: { planId }, body }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ["vision", "engagement", "outreach"] });
      flash.show(em.outreach.saved);
      onDone();
    },
    onError: (error) => form.setErrors(fieldErrors(error)),
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(eventBody(values)))} noValidate>
      <Stack>
        <ErrorAlert error={save.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={em.outreach.kind}
            data={OUTREACH_KINDS.map((k) => ({ value: k, label: k }))}
            required
            data-autofocus
            {...form.getInputProps("kind")}
          />
          <JapaneseDateInput
            label={em.outreach.heldOn}
            value={form.values.heldOn}
            onChange={(text) => form.setFieldValue("heldOn", text)}
            required
            error={form.errors.heldOn ? String(form.errors.heldOn) : undefined}
          />
        </SimpleGrid>
        <TextInput label={em.outreach.eventTitle} maxLength={200} required {...form.getInputProps("title")} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={em.outreach.audience} maxLength={200} {...form.getInputProps("audience")} />
          <TextInput
            label={em.outreach.attendance}
            description={em.outreach.attendanceHelp}
            inputMode="numeric"
            {...form.getInputProps("attendance")}
          />
        </SimpleGrid>
        <NativeSelect
          label={em.outreach.organisation}
          data={[
            ...(recordOrganisationIds === null ? [{ value: "", label: em.outreach.noOrganisation }] : []),
            ...(organisations.data?.items ?? [])
              .filter((o) => (recordOrganisationIds === null ? o.kind !== "external" : recordOrganisationIds.includes(o.id)))
              .map((o) => ({ value: o.id, label: o.name })),
          ]}
          required={recordOrganisationIds !== null}
          {...form.getInputProps("organisationId")}
        />
        <NativeSelect
          label={em.outreach.indicator}
          description={em.outreach.indicatorHelp}
          data={[{ value: "", label: em.outreach.noIndicator }, ...indicators.map((i) => ({ value: i.id, label: `${i.code} ${i.name}` }))]}
          {...form.getInputProps("indicatorId")}
        />
        <Textarea label={em.outreach.note} autosize minRows={2} maxLength={2000} {...form.getInputProps("note")} />
        <DialogActions onCancel={onDone} saving={save.isPending} submitLabel={em.save} />
      </Stack>
    </form>
  );
}

interface FeedValues {
  indicatorId: string;
  fiscalYear: number | null;
  measure: "count" | "attendance";
}

export function FeedForm({ outreach, onDone }: { outreach: Outreach; onDone: () => void }) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const form = useForm<FeedValues>({
    initialValues: { indicatorId: outreach.indicators[0]?.id ?? "", fiscalYear: currentFiscalYear() - 1, measure: "count" },
  });
  const { indicatorId, fiscalYear, measure } = form.values;
  // the preview follows the choices as they change
  const input = indicatorId && fiscalYear ? { indicatorId, fiscalYear, measure } : null;
  const preview = useQuery({
    queryKey: ["vision", "engagement", "outreach-feed", input],
    queryFn: () => call(previewOutreachFeed, { query: input ?? { indicatorId: "", fiscalYear: 0, measure } }),
    enabled: input !== null,
    retry: false,
  });
  const save = useMutation({
    mutationFn: () => call(feedOutreach, { body: input ?? { indicatorId: "", fiscalYear: 0, measure } }),
    onSuccess: (result) => {
      // The actual changes grades and the dashboard: refresh everything of the module.
      queryClient.invalidateQueries({ queryKey: ["vision"] });
      flash.show(em.outreach.fed(result.value));
      onDone();
    },
  });
  if (outreach.indicators.length === 0) return <Text role="status">{em.outreach.noIndicators}</Text>;
  const p = preview.data;
  return (
    <form onSubmit={form.onSubmit(() => save.mutate())} noValidate>
      <Stack>
        <Text size="sm">{em.outreach.feedIntro}</Text>
        <ErrorAlert error={save.error} />
        <NativeSelect
          label={em.outreach.indicator}
          data={outreach.indicators.map((i) => ({ value: i.id, label: `${i.code} ${i.name}` }))}
          data-autofocus
          {...form.getInputProps("indicatorId")}
        />
        <FiscalYearSelect
          label={em.outreach.fiscalYear}
          value={fiscalYear}
          onChange={(fy) => form.setFieldValue("fiscalYear", fy)}
          years={[...new Set([...outreach.summary.map((s) => s.fiscalYear), currentFiscalYear(), currentFiscalYear() - 1])].sort(
            (a, b) => b - a,
          )}
        />
        <RadioFieldset
          legend={em.outreach.feedMeasure}
          name="outreach-feed-measure"
          value={measure}
          options={[
            { value: "count", label: em.outreach.measureCount },
            { value: "attendance", label: em.outreach.measureAttendance },
          ]}
          onChange={(value) => form.setFieldValue("measure", value)}
        />
        <Paper withBorder p="sm" bg="gray.0" aria-live="polite">
          {preview.isFetching && !p ? <Loading /> : null}
          <ErrorAlert error={preview.error} />
          {p ? (
            <Stack gap={4}>
              <Text fw={700}>{em.outreach.feedPreview(p.eventCount, p.value, p.indicator.unit)}</Text>
              <Text size="sm">{em.outreach.feedCurrent(p.currentValue, p.indicator.unit)}</Text>
              <Text size="sm">
                {em.outreach.feedAsOf}：<DateText iso={p.asOf} />（{fiscalYearLabel(p.fiscalYear)}）
              </Text>
            </Stack>
          ) : null}
        </Paper>
        <DialogActions onCancel={onDone} saving={save.isPending} submitLabel={em.outreach.feedSubmit} disabled={!p || p.eventCount === 0} />
      </Stack>
    </form>
  );
}
