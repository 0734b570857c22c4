// /furusato/donations/import 「寄附データの取込」: choose a 取込設定, drop or choose a portal's file, upload; the import
// runs as a job (progress below), and its result is either the counts (新規・更新・変更なし, or "already imported") or
// the rows in error with the downloadable report and the 「未登録の値」 panel: each portal word the mapping does not
// know gets a select of the ledger's values and a 「対応づける」 button, and once all are mapped the same file can be
// sent again. Also the two sample files and the import history. Only managers import; other staff see the rest.
// The file input, its checks, the job's end and the outcome boxes are ui/TabularImport's own pieces.
import { Alert, Button, Group, Loader, NativeSelect, Paper, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type DragEvent, type FormEvent, type ReactNode, useEffect, useRef, useState } from "react";
import { type DonationImportResultBody, donationImportResult, startDonationImport } from "../../../common/api/furusato-ledger";
import { upload } from "../../api/client";
import { m } from "../../messages";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrors } from "../../ui/errors";
import { ImportErrorTable, ImportRejectionSummary } from "../../ui/ImportRejection";
import { ButtonLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { ImportFileInput, ImportOutcomeAlert, useImportFile, useImportOutcome } from "../../ui/TabularImport";
import { JobProgress } from "../../ui/useJob";
import { FurusatoNav, formatNumber } from "./components";
import { HistorySection, SamplesSection } from "./DonationImportHistory";
import { UnknownValuesPanel, unknownKey } from "./DonationUnknownValues";
import { lm } from "./ledgerMessages";
import { ledgerKeys, useMappings } from "./ledgerQueries";
import { fm } from "./messages";
import { moneyKeys } from "./money-components";
import { useFurusatoAccess } from "./queries";
import { shipmentKeys } from "./shipment-components";

const t = lm.import;

type Failure = Extract<DonationImportResultBody, { ok: false }>;

/** One upload: the job, and what it was started with (so that the same file can be sent again). */
interface Run {
  jobId: string;
  mappingId: string;
  file: File;
}

export function DonationImportPage() {
  const access = useFurusatoAccess();
  const manager = access.data?.manager === true;
  const [run, setRun] = useState<Run | null>(null);

  return (
    <>
      <PageHeader
        title={t.title}
        subtitle={t.intro}
        breadcrumbs={[
          { label: fm.moduleName, href: "/furusato" },
          { label: lm.list.title, href: "/furusato/donations" },
          { label: t.title },
        ]}
        actions={
          <ButtonLink to="/furusato/mappings" variant="default">
            {lm.mappings.title}
          </ButtonLink>
        }
      />
      <FurusatoNav />
      <Stack gap="lg">
        {access.isPending ? (
          <Loader aria-label={m.common.loading} />
        ) : access.error ? (
          <ErrorAlert error={access.error} />
        ) : manager ? (
          <ImportSection run={run} onRun={setRun} />
        ) : (
          <Alert color="yellow" variant="light" role="status" styles={{ message: { color: "#5c3c00" } }}>
            {t.forbidden}
          </Alert>
        )}
        <SamplesSection />
        <HistorySection />
      </Stack>
    </>
  );
}

// ------------------------------------------------------------------ the form, the job and its outcome

function ImportSection({ run, onRun }: { run: Run | null; onRun: (run: Run | null) => void }) {
  const queryClient = useQueryClient();
  const mappings = useMappings();
  const items = mappings.data?.items ?? [];
  const form = useForm({
    initialValues: { mappingId: "" },
    validate: { mappingId: (value) => (value ? null : t.mappingRequired) },
  });
  const mappingId = form.values.mappingId;
  const { setFieldValue } = form;
  const file = useImportFile();
  const [dragging, setDragging] = useState(false);
  const mappingRef = useRef<HTMLSelectElement>(null);

  // With a single mapping there is nothing to choose.
  useEffect(() => {
    if (!mappingId && items.length === 1) setFieldValue("mappingId", items[0].id);
  }, [mappingId, items, setFieldValue]);

  const start = useMutation({
    mutationFn: (input: { mappingId: string; file: File }) => upload(startDonationImport, { params: { id: input.mappingId } }, input.file),
    onSuccess: ({ jobId }, input) => onRun({ jobId, ...input }),
    onError: (error) => file.serverError(error),
  });

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files;
    if (dropped.length === 0) return;
    if (file.inputRef.current) file.inputRef.current.files = dropped;
    file.choose(dropped[0]);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    // Both fields report their problem at once; the focus goes to the first.
    const chosen = file.validate();
    if (form.validate().hasErrors) return mappingRef.current?.focus();
    if (!chosen) return file.focus();
    onRun(null);
    start.reset();
    start.mutate({ mappingId, file: chosen });
  }

  function retry() {
    if (!run) return;
    start.reset();
    const again = { mappingId: run.mappingId, file: run.file };
    onRun(null);
    start.mutate(again);
  }

  function chooseAnother() {
    onRun(null);
    start.reset();
    file.clear();
  }

  const selected = items.find((item) => item.id === mappingId);
  const busy = start.isPending;

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="import-form-heading">
      <Title order={2} id="import-form-heading" className="yk-section-title" mb="sm">
        {t.formHeading}
      </Title>
      {mappings.error ? (
        <ErrorAlert error={mappings.error} />
      ) : mappings.isPending ? (
        <Loader aria-label={m.common.loading} />
      ) : items.length === 0 ? (
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t.noMappings}</Text>
          <ButtonLink to="/furusato/mappings">{t.toMappings}</ButtonLink>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <NativeSelect
              ref={mappingRef}
              label={t.mapping}
              required
              {...form.getInputProps("mappingId")}
              data={[
                { value: "", label: t.mappingPlaceholder },
                ...items.map((item) => ({
                  value: item.id,
                  label: item.name.includes(item.portalName) ? item.name : `${item.name}（${item.portalName}）`,
                })),
              ]}
              description={selected ? t.mappingPortal(selected.portalName) : undefined}
              style={{ maxWidth: "40rem" }}
            />
            <Paper
              withBorder
              p="md"
              radius="md"
              onDragOver={(event) => {
                event.preventDefault();
                setDragging(true);
              }}
              onDragLeave={() => setDragging(false)}
              onDrop={onDrop}
              style={{
                borderStyle: "dashed",
                borderWidth: 2,
                borderColor: dragging ? "var(--mantine-color-blue-6)" : undefined,
                background: dragging ? "var(--mantine-color-blue-0)" : undefined,
                maxWidth: "40rem",
              }}
            >
              <ImportFileInput file={file} label={t.file} description={t.fileDescription} />
              {dragging && (
                <Text size="sm" fw={600} mt="xs" aria-hidden="true">
                  {t.dropHere}
                </Text>
              )}
              {file.file && !file.error && (
                <Text size="sm" c="dimmed" mt="xs">
                  {m.tabularImport.fileChosen(file.file.name, `${formatNumber(Math.ceil(file.file.size / 1024))}KB`)}
                </Text>
              )}
            </Paper>
            <Text size="sm">{m.tabularImport.allOrNothing}</Text>
            <ErrorAlert error={start.error && !fieldErrors(start.error).file ? start.error : null} />
            <Group>
              <Button type="submit" loading={busy}>
                {t.submit}
              </Button>
            </Group>
          </Stack>
        </form>
      )}

      <VisuallyHidden role="status" aria-live="polite">
        {start.isPending ? t.uploading : run ? t.started : ""}
      </VisuallyHidden>

      {run && (
        <Stack gap="sm" mt="lg">
          <JobProgress jobId={run.jobId} label={t.progress} />
          <Outcome
            key={run.jobId}
            run={run}
            onFinished={(result) => {
              if (result?.ok && !result.duplicate) {
                queryClient.invalidateQueries({ queryKey: ledgerKeys.donations });
                queryClient.invalidateQueries({ queryKey: ["furusato", "donation"] });
                // The new donations change the dashboard and the cost ledger, and bring new shipments to request.
                queryClient.invalidateQueries({ queryKey: moneyKeys.all });
                queryClient.invalidateQueries({ queryKey: shipmentKeys.all });
              }
              queryClient.invalidateQueries({ queryKey: ledgerKeys.imports });
              queryClient.invalidateQueries({ queryKey: ledgerKeys.mappings });
            }}
            onRetry={retry}
            retrying={busy}
            onChooseAnother={chooseAnother}
          />
        </Stack>
      )}
    </Paper>
  );
}

interface OutcomeProps {
  run: Run;
  onFinished: (result: DonationImportResultBody | null) => void;
  onRetry: () => void;
  retrying: boolean;
  onChooseAnother: () => void;
}

function Outcome({ run, onFinished, onRetry, retrying, onChooseAnother }: OutcomeProps) {
  // When the job ends: refresh the lists once, and move focus to the outcome so that it is read out.
  const { status, finished, result, headingRef } = useImportOutcome(run.jobId, donationImportResult, onFinished);

  if (!finished) return null;

  const heading = (text: string, color?: string) => (
    <Title order={3} size="h5" ref={headingRef} tabIndex={-1} c={color} mb={4}>
      {text}
    </Title>
  );
  const another = (
    <Button variant="subtle" size="compact-sm" onClick={onChooseAnother}>
      {t.chooseAnother}
    </Button>
  );

  if (status === "failed") {
    return (
      <Stack gap="xs" align="flex-start">
        <ImportOutcomeAlert tone="failed" w="100%">
          {heading(t.failedHeading, "red.9")}
          <Text size="sm">{t.failedBody}</Text>
        </ImportOutcomeAlert>
        {another}
      </Stack>
    );
  }
  if (!result) {
    return <ImportOutcomeAlert tone="warning">{heading(t.unexpected)}</ImportOutcomeAlert>;
  }
  if (result.ok) {
    return (
      <Stack gap="xs" align="flex-start">
        {result.duplicate ? (
          <ImportOutcomeAlert tone="warning" w="100%">
            {heading(t.duplicateHeading)}
            <Text size="sm">{t.duplicateBody}</Text>
          </ImportOutcomeAlert>
        ) : (
          <ImportOutcomeAlert tone="success" w="100%">
            {heading(t.successHeading)}
            <Text size="sm" fw={600}>
              {t.successCounts(result.created, result.updated, result.unchanged)}
            </Text>
            <Text size="sm">{t.rowCount(result.rowCount)}</Text>
          </ImportOutcomeAlert>
        )}
        <Group gap="sm">
          <ButtonLink to="/furusato/donations" variant="light">
            {t.toLedger}
          </ButtonLink>
          {another}
        </Group>
      </Stack>
    );
  }
  return <Rejected result={result} run={run} heading={heading} onRetry={onRetry} retrying={retrying} another={another} />;
}

function Rejected({
  result,
  run,
  heading,
  onRetry,
  retrying,
  another,
}: {
  result: Failure;
  run: Run;
  heading: (text: string, color?: string) => ReactNode;
  onRetry: () => void;
  retrying: boolean;
  another: ReactNode;
}) {
  const [mapped, setMapped] = useState<ReadonlySet<string>>(new Set());
  const total = Math.max(result.errorCount, result.errors.length);
  const unknownKeys = result.unknownValues.map(unknownKey);
  const allMapped = unknownKeys.length > 0 && unknownKeys.every((key) => mapped.has(key));
  const unknownRows = result.unknownValues.reduce((n, u) => n + u.count, 0);
  const otherErrors = total > unknownRows;

  return (
    <Stack gap="md">
      <ImportRejectionSummary
        heading={heading}
        errors={result.errors}
        errorCount={result.errorCount}
        reportFileId={result.reportFileId}
        texts={t}
      />

      {result.unknownValues.length > 0 && (
        <UnknownValuesPanel
          mappingId={run.mappingId}
          values={result.unknownValues}
          mapped={mapped}
          onMapped={(key) => setMapped((current) => new Set([...current, key]))}
        />
      )}

      {allMapped && (
        <ImportOutcomeAlert tone="success" role="status">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t.allMapped}</Text>
            {otherErrors && <Text size="sm">{t.otherErrorsRemain}</Text>}
            <Button onClick={onRetry} loading={retrying}>
              {t.retry}
            </Button>
          </Stack>
        </ImportOutcomeAlert>
      )}

      <ImportErrorTable errors={result.errors} texts={t} />
      <div>{another}</div>
    </Stack>
  );
}
