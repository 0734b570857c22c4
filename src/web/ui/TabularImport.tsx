// Bulk registration from a CSV / TSV / Excel file: the expected columns, a template, the upload, the job's
// progress, and the outcome. The server applies a file all-or-nothing: either every row is registered, or none
// is and the bad rows are listed (the first 200 here, all of them in a downloadable report).
import { Alert, Anchor, Badge, Button, Group, Input, List, Loader, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, type RefObject, useEffect, useId, useRef, useState } from "react";
import { type ImportJobResult, importJobResult, importTemplate, listImportKinds, startImport } from "../../common/api/platform";
import { TABLE_UPLOAD_MAX_BYTES } from "../../common/upload-limits";
import { call, upload, urlFor } from "../api/client";
import { m } from "../messages";
import { ErrorAlert } from "./ErrorAlert";
import { fieldErrors } from "./errors";
import { ImportErrorTable, ImportRejectionSummary } from "./ImportRejection";
import { JobProgress, useJob } from "./useJob";

export const MAX_IMPORT_BYTES = TABLE_UPLOAD_MAX_BYTES;
const ACCEPTED_EXTENSIONS = [".csv", ".tsv", ".xlsx"];

const t = m.tabularImport;

export const importKindsQuery = {
  queryKey: ["importKinds"] as const,
  queryFn: () => call(listImportKinds),
  staleTime: 5 * 60_000,
};

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes}B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)}KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)}MB`;
}

/** The client-side check before anything is sent: type by extension, not empty, at most 20MB. */
export function checkImportFile(file: File | null): string | null {
  if (!file) return t.fileRequired;
  const name = file.name.toLowerCase();
  if (!ACCEPTED_EXTENSIONS.some((ext) => name.endsWith(ext))) return t.fileWrongType;
  if (file.size === 0) return t.fileEmpty;
  if (file.size > MAX_IMPORT_BYTES) return t.fileTooLarge((file.size / (1024 * 1024)).toFixed(1));
  return null;
}

interface TabularImportProps {
  /** the import kind, e.g. "organisations" */
  kind: string;
  /** called once after rows were actually registered (not for a duplicate file) */
  onImported?: (result: Extract<ImportJobResult, { ok: true }>) => void;
  /** level of the component's own headings (the host section's heading is one above) */
  headingLevel?: 3 | 4;
}

export function TabularImport({ kind, onImported, headingLevel = 3 }: TabularImportProps) {
  const baseId = useId();
  const inputId = `${baseId}-file`;
  const descriptionId = `${baseId}-file-description`;
  const errorId = `${baseId}-file-error`;
  const outcomeHeadingId = `${baseId}-outcome`;

  const kinds = useQuery(importKindsQuery);
  const info = kinds.data?.items.find((item) => item.kind === kind);

  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const outcomeRef = useRef<HTMLHeadingElement>(null);
  const handled = useRef<Set<string>>(new Set());
  const onImportedRef = useRef(onImported);
  onImportedRef.current = onImported;

  const start = useMutation({
    mutationFn: (chosen: File) => upload(startImport, { params: { kind } }, chosen),
    onSuccess: ({ jobId: started }) => setJobId(started),
    onError: (error) => {
      const message = fieldErrors(error).file;
      if (message) {
        setFileError(message);
        inputRef.current?.focus();
      }
    },
  });

  const job = useJob(jobId);
  const status = job.data?.status;
  const finished = status === "succeeded" || status === "failed";
  const parsed = status === "succeeded" ? importJobResult.safeParse(job.data?.result) : null;
  const result = parsed?.success ? parsed.data : null;

  // When a job ends: tell the host page (once per job) and move focus to the outcome so it is read out.
  useEffect(() => {
    if (!jobId || !finished || handled.current.has(jobId)) return;
    handled.current.add(jobId);
    if (result?.ok && !result.duplicate) onImportedRef.current?.(result);
    requestAnimationFrame(() => outcomeRef.current?.focus());
  }, [jobId, finished, result]);

  function choose(chosen: File | null) {
    setFile(chosen);
    setFileError(chosen ? checkImportFile(chosen) : null);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const problem = checkImportFile(file);
    setFileError(problem);
    if (problem || !file) {
      inputRef.current?.focus();
      return;
    }
    setJobId(null);
    start.reset();
    start.mutate(file);
  }

  function again() {
    setJobId(null);
    setFile(null);
    setFileError(null);
    start.reset();
    if (inputRef.current) {
      inputRef.current.value = "";
      inputRef.current.focus();
    }
  }

  if (kinds.isPending) {
    return (
      <Group role="status" gap="xs">
        <Loader size="sm" />
        <Text>{m.common.loading}</Text>
      </Group>
    );
  }
  if (kinds.error) return <ErrorAlert error={kinds.error} />;
  if (!info) return <Text>{t.notAllowed}</Text>;

  const busy = start.isPending || (jobId !== null && !finished);
  const describedBy = [descriptionId, fileError ? errorId : null].filter(Boolean).join(" ");

  return (
    <Stack gap="md">
      <div>
        <Title order={headingLevel} size="h5" mb={4}>
          {t.columnsHeading}
        </Title>
        <Text size="sm" mb="xs">
          {t.columnsHelp}
        </Text>
        <List size="sm" spacing={2} aria-label={t.columnsCaption(info.label)}>
          {info.columns.map((column) => (
            <List.Item key={column.label}>
              <Group gap={6} wrap="nowrap" component="span">
                <span>{column.label}</span>
                {column.required ? (
                  <Badge size="xs" color="red" variant="light" radius="sm" styles={{ root: { color: "#8a1c1c" } }}>
                    {t.requiredMark}
                  </Badge>
                ) : (
                  <Text span size="xs" c="dimmed">
                    （{t.optionalMark}）
                  </Text>
                )}
              </Group>
            </List.Item>
          ))}
        </List>
        <Group gap="xs" mt="xs" align="baseline">
          <Anchor href={urlFor(importTemplate, { params: { kind } })} download size="sm">
            {t.template}
          </Anchor>
          <Text size="xs" c="dimmed">
            {t.templateNote}
          </Text>
        </Group>
      </div>

      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Input.Wrapper
            label={t.fileLabel}
            labelProps={{ htmlFor: inputId }}
            description={t.fileDescription}
            descriptionProps={{ id: descriptionId }}
            error={fileError}
            errorProps={{ id: errorId }}
            required
          >
            <input
              ref={inputRef}
              id={inputId}
              type="file"
              name="file"
              className="yk-file-input"
              accept=".csv,.tsv,.xlsx,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby={describedBy}
              aria-invalid={fileError ? true : undefined}
              required
              onChange={(event) => choose(event.currentTarget.files?.[0] ?? null)}
            />
          </Input.Wrapper>
          {file && !fileError && (
            <Text size="sm" c="dimmed">
              {t.fileChosen(file.name, formatSize(file.size))}
            </Text>
          )}
          <Text size="sm">{t.allOrNothing}</Text>
          <ErrorAlert error={start.error && !fieldErrors(start.error).file ? start.error : null} />
          <Group>
            <Button type="submit" loading={start.isPending} disabled={busy}>
              {t.submit}
            </Button>
          </Group>
        </Stack>
      </form>

      <VisuallyHidden role="status" aria-live="polite">
        {start.isPending ? t.uploading : jobId && !finished ? t.started : ""}
      </VisuallyHidden>

      {jobId && <JobProgress jobId={jobId} label={t.progressLabel} />}

      {jobId && finished && (
        <section aria-labelledby={outcomeHeadingId}>
          <Outcome
            headingId={outcomeHeadingId}
            headingRef={outcomeRef}
            headingLevel={headingLevel}
            failed={status === "failed"}
            result={result}
            unreadable={status === "succeeded" && !result}
          />
          <Button variant="subtle" size="compact-sm" mt="xs" onClick={again}>
            {t.again}
          </Button>
        </section>
      )}
    </Stack>
  );
}

interface OutcomeProps {
  headingId: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  headingLevel: 3 | 4;
  failed: boolean;
  result: ImportJobResult | null;
  unreadable: boolean;
}

function Outcome({ headingId, headingRef, headingLevel, failed, result, unreadable }: OutcomeProps) {
  const heading = (text: string, color?: string) => (
    <Title order={headingLevel} size="h5" id={headingId} ref={headingRef} tabIndex={-1} c={color} mb={4}>
      {text}
    </Title>
  );

  if (failed) {
    // JobProgress already shows the job's own error message.
    return (
      <Alert color="red" variant="light">
        {heading(t.failedHeading, "red.9")}
        <Text size="sm">{t.failedBody}</Text>
      </Alert>
    );
  }
  if (unreadable || !result) {
    return (
      <Alert color="yellow" variant="light" styles={{ message: { color: "#5c3c00" } }}>
        {heading(t.unexpectedResult)}
      </Alert>
    );
  }
  if (result.ok) {
    return result.duplicate ? (
      <Alert color="yellow" variant="light" styles={{ message: { color: "#5c3c00" } }}>
        {heading(t.duplicate)}
        <Text size="sm">{t.duplicateNote}</Text>
      </Alert>
    ) : (
      <Alert color="green" variant="light" styles={{ message: { color: "#1e5631" } }}>
        {heading(t.successHeading)}
        <Text size="sm">{result.summary || t.successCount(result.count)}</Text>
      </Alert>
    );
  }

  return (
    <Stack gap="sm">
      <ImportRejectionSummary
        heading={heading}
        errors={result.errors}
        errorCount={result.errorCount}
        reportFileId={result.reportFileId}
        texts={t}
      />
      <ImportErrorTable errors={result.errors} texts={t} />
    </Stack>
  );
}
