// Bulk registration from a CSV / TSV / Excel file: the expected columns, a template, the upload, the job's
// progress, and the outcome. The server applies a file all-or-nothing: either every row is registered, or none
// is and the bad rows are listed (the first 200 here, all of them in a downloadable report).
// The pieces another import screen reuses (furusato's 寄附データの取込) are exported: useImportFile + ImportFileInput
// (the file, its checks and its input), useImportOutcome (the job's end: result, callback once, focus) and
// ImportOutcomeAlert (the coloured outcome box).
import {
  Alert,
  type AlertProps,
  Anchor,
  Badge,
  Button,
  Group,
  Input,
  List,
  Loader,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, type RefObject, useEffect, useId, useRef, useState } from "react";
import type { z } from "zod";
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
const ACCEPT = ".csv,.tsv,.xlsx,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

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

/** The file an import form sends: the choice, its message (checked on choice and before sending), and the input. */
export function useImportFile() {
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  return {
    file,
    error,
    inputRef,
    choose(chosen: File | null) {
      setFile(chosen);
      setError(chosen ? checkImportFile(chosen) : null);
    },
    /** Before sending: the file if it can be sent, else null with its message shown. */
    validate(): File | null {
      const problem = checkImportFile(file);
      setError(problem);
      return problem ? null : file;
    },
    focus() {
      inputRef.current?.focus();
    },
    /** The server's message about the file (its field error "file"), shown on the input; false if it had none. */
    serverError(failure: unknown): boolean {
      const message = fieldErrors(failure).file;
      if (!message) return false;
      setError(message);
      inputRef.current?.focus();
      return true;
    },
    /** Empty the input for another file, and put the focus there. */
    clear() {
      setFile(null);
      setError(null);
      if (inputRef.current) {
        inputRef.current.value = "";
        inputRef.current.focus();
      }
    },
  };
}

export type ImportFile = ReturnType<typeof useImportFile>;

/** The file input of an import form: labelled, described, its message tied to it, CSV / TSV / Excel accepted. */
export function ImportFileInput({ file, label, description }: { file: ImportFile; label: string; description: string }) {
  const baseId = useId();
  const inputId = `${baseId}-file`;
  const descriptionId = `${baseId}-file-description`;
  const errorId = `${baseId}-file-error`;
  const describedBy = [descriptionId, file.error ? errorId : null].filter(Boolean).join(" ");
  return (
    <Input.Wrapper
      label={label}
      labelProps={{ htmlFor: inputId }}
      description={description}
      descriptionProps={{ id: descriptionId }}
      error={file.error}
      errorProps={{ id: errorId }}
      required
    >
      <input
        ref={file.inputRef}
        id={inputId}
        type="file"
        name="file"
        className="yk-file-input"
        accept={ACCEPT}
        aria-describedby={describedBy}
        aria-invalid={file.error ? true : undefined}
        required
        onChange={(event) => file.choose(event.currentTarget.files?.[0] ?? null)}
      />
    </Input.Wrapper>
  );
}

/**
 * The end of an import job: its status and result (read with the import's result schema); when it ends, `onFinished`
 * is called once per job and the focus moves to the outcome's heading (`headingRef`) so that it is read out.
 */
export function useImportOutcome<R>(jobId: string | null, resultSchema: z.ZodType<R>, onFinished: (result: R | null) => void) {
  const job = useJob(jobId);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const handled = useRef<Set<string>>(new Set());
  const onFinishedRef = useRef(onFinished);
  onFinishedRef.current = onFinished;
  const status = job.data?.status;
  const finished = status === "succeeded" || status === "failed";
  const parsed = status === "succeeded" ? resultSchema.safeParse(job.data?.result) : null;
  const result = parsed?.success ? parsed.data : null;

  useEffect(() => {
    if (!jobId || !finished || handled.current.has(jobId)) return;
    handled.current.add(jobId);
    onFinishedRef.current(result);
    requestAnimationFrame(() => headingRef.current?.focus());
  }, [jobId, finished, result]);

  return { status, finished, result, headingRef };
}

const OUTCOME_TONES = {
  failed: { color: "red", messageColor: undefined },
  warning: { color: "yellow", messageColor: "#5c3c00" },
  success: { color: "green", messageColor: "#1e5631" },
} as const;

/** The coloured box of an import's outcome (text colours darkened for contrast on the light backgrounds). */
export function ImportOutcomeAlert({
  tone,
  children,
  ...rest
}: { tone: keyof typeof OUTCOME_TONES; children: ReactNode } & Omit<AlertProps, "color" | "variant" | "children">) {
  const { color, messageColor } = OUTCOME_TONES[tone];
  return (
    <Alert color={color} variant="light" styles={messageColor ? { message: { color: messageColor } } : undefined} {...rest}>
      {children}
    </Alert>
  );
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
  const outcomeHeadingId = `${useId()}-outcome`;

  const kinds = useQuery(importKindsQuery);
  const info = kinds.data?.items.find((item) => item.kind === kind);

  const file = useImportFile();
  const [jobId, setJobId] = useState<string | null>(null);

  const start = useMutation({
    mutationFn: (chosen: File) => upload(startImport, { params: { kind } }, chosen),
    onSuccess: ({ jobId: started }) => setJobId(started),
    onError: (error) => file.serverError(error),
  });

  // When a job ends: tell the host page (once per job, only when rows were registered).
  const { status, finished, result, headingRef } = useImportOutcome(jobId, importJobResult, (ended) => {
    if (ended?.ok && !ended.duplicate) onImported?.(ended);
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const chosen = file.validate();
    if (!chosen) return file.focus();
    setJobId(null);
    start.reset();
    start.mutate(chosen);
  }

  function again() {
    setJobId(null);
    start.reset();
    file.clear();
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
          <ImportFileInput file={file} label={t.fileLabel} description={t.fileDescription} />
          {file.file && !file.error && (
            <Text size="sm" c="dimmed">
              {t.fileChosen(file.file.name, formatSize(file.file.size))}
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
            headingRef={headingRef}
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
      <ImportOutcomeAlert tone="failed">
        {heading(t.failedHeading, "red.9")}
        <Text size="sm">{t.failedBody}</Text>
      </ImportOutcomeAlert>
    );
  }
  if (unreadable || !result) {
    return <ImportOutcomeAlert tone="warning">{heading(t.unexpectedResult)}</ImportOutcomeAlert>;
  }
  if (result.ok) {
    return result.duplicate ? (
      <ImportOutcomeAlert tone="warning">
        {heading(t.duplicate)}
        <Text size="sm">{t.duplicateNote}</Text>
      </ImportOutcomeAlert>
    ) : (
      <ImportOutcomeAlert tone="success">
        {heading(t.successHeading)}
        <Text size="sm">{result.summary || t.successCount(result.count)}</Text>
      </ImportOutcomeAlert>
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
