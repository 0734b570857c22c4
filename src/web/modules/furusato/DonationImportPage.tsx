// /furusato/donations/import 「寄附データの取込」: choose a 取込設定, drop or choose a portal's file, upload; the import
// runs as a job (progress below), and its result is either the counts (新規・更新・変更なし, or "already imported") or
// the rows in error with the downloadable report and the 「未登録の値」 panel: each portal word the mapping does not
// know gets a select of the ledger's values and a 「対応づける」 button, and once all are mapped the same file can be
// sent again. Also the two sample files and the import history. Only managers import; other staff see the rest.
import {
  Alert,
  Anchor,
  Button,
  Group,
  Input,
  List,
  Loader,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type DragEvent, type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";
import {
  type DonationImportResultBody,
  donationImportResult,
  listDonationImports,
  mapUnknownValue,
  sampleDonationFile,
  startDonationImport,
} from "../../../common/api/furusato-ledger";
import { DONATION_FIELDS } from "../../../common/furusato/donation-mapping";
import { call, upload, urlFor } from "../../api/client";
import { m } from "../../messages";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateTimeText } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrors } from "../../ui/errors";
import { ImportErrorTable, ImportRejectionSummary } from "../../ui/ImportRejection";
import { ButtonLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { checkImportFile } from "../../ui/TabularImport";
import { JobProgress, useJob } from "../../ui/useJob";
import { FurusatoNav, formatNumber } from "./components";
import { lm } from "./ledgerMessages";
import { ledgerKeys, useMappings, useValueTargets } from "./ledgerQueries";
import { fm } from "./messages";
import { moneyKeys } from "./money-components";
import { useFurusatoAccess, usePortals } from "./queries";
import { shipmentKeys } from "./ShipmentsPage";

const t = lm.import;
const ACCEPT = ".csv,.tsv,.xlsx,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

type Failure = Extract<DonationImportResultBody, { ok: false }>;
type UnknownValue = Failure["unknownValues"][number];

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
  const baseId = useId();
  const inputId = `${baseId}-file`;
  const descriptionId = `${baseId}-file-description`;
  const errorId = `${baseId}-file-error`;
  const queryClient = useQueryClient();
  const mappings = useMappings();
  const items = mappings.data?.items ?? [];
  const [mappingId, setMappingId] = useState("");
  const [mappingError, setMappingError] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const mappingRef = useRef<HTMLSelectElement>(null);

  // With a single mapping there is nothing to choose.
  useEffect(() => {
    if (!mappingId && items.length === 1) setMappingId(items[0].id);
  }, [mappingId, items]);

  const start = useMutation({
    mutationFn: (input: { mappingId: string; file: File }) => upload(startDonationImport, { params: { id: input.mappingId } }, input.file),
    onSuccess: ({ jobId }, input) => onRun({ jobId, ...input }),
    onError: (error) => {
      const message = fieldErrors(error).file;
      if (message) {
        setFileError(message);
        inputRef.current?.focus();
      }
    },
  });

  function choose(chosen: File | null) {
    setFile(chosen);
    setFileError(chosen ? checkImportFile(chosen) : null);
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files;
    if (dropped.length === 0) return;
    if (inputRef.current) inputRef.current.files = dropped;
    choose(dropped[0]);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const problem = checkImportFile(file);
    setMappingError(mappingId ? null : t.mappingRequired);
    setFileError(problem);
    if (!mappingId) return mappingRef.current?.focus();
    if (problem || !file) return inputRef.current?.focus();
    onRun(null);
    start.reset();
    start.mutate({ mappingId, file });
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
    setFile(null);
    setFileError(null);
    if (inputRef.current) {
      inputRef.current.value = "";
      inputRef.current.focus();
    }
  }

  const selected = items.find((item) => item.id === mappingId);
  const describedBy = [descriptionId, fileError ? errorId : null].filter(Boolean).join(" ");
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
              value={mappingId}
              onChange={(e) => {
                setMappingId(e.currentTarget.value);
                setMappingError(null);
              }}
              data={[
                { value: "", label: t.mappingPlaceholder },
                ...items.map((item) => ({
                  value: item.id,
                  label: item.name.includes(item.portalName) ? item.name : `${item.name}（${item.portalName}）`,
                })),
              ]}
              description={selected ? t.mappingPortal(selected.portalName) : undefined}
              error={mappingError}
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
              <Input.Wrapper
                label={t.file}
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
                  accept={ACCEPT}
                  aria-describedby={describedBy}
                  aria-invalid={fileError ? true : undefined}
                  required
                  onChange={(event) => choose(event.currentTarget.files?.[0] ?? null)}
                />
              </Input.Wrapper>
              {dragging && (
                <Text size="sm" fw={600} mt="xs" aria-hidden="true">
                  {t.dropHere}
                </Text>
              )}
              {file && !fileError && (
                <Text size="sm" c="dimmed" mt="xs">
                  {m.tabularImport.fileChosen(file.name, `${formatNumber(Math.ceil(file.size / 1024))}KB`)}
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
  const job = useJob(run.jobId);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const handled = useRef(false);
  const status = job.data?.status;
  const finished = status === "succeeded" || status === "failed";
  const parsed = status === "succeeded" ? donationImportResult.safeParse(job.data?.result) : null;
  const result = parsed?.success ? parsed.data : null;
  const onFinishedRef = useRef(onFinished);
  onFinishedRef.current = onFinished;

  // When the job ends: refresh the lists once, and move focus to the outcome so that it is read out.
  useEffect(() => {
    if (!finished || handled.current) return;
    handled.current = true;
    onFinishedRef.current(result);
    requestAnimationFrame(() => headingRef.current?.focus());
  }, [finished, result]);

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
        <Alert color="red" variant="light" w="100%">
          {heading(t.failedHeading, "red.9")}
          <Text size="sm">{t.failedBody}</Text>
        </Alert>
        {another}
      </Stack>
    );
  }
  if (!result) {
    return (
      <Alert color="yellow" variant="light" styles={{ message: { color: "#5c3c00" } }}>
        {heading(t.unexpected)}
      </Alert>
    );
  }
  if (result.ok) {
    return (
      <Stack gap="xs" align="flex-start">
        {result.duplicate ? (
          <Alert color="yellow" variant="light" w="100%" styles={{ message: { color: "#5c3c00" } }}>
            {heading(t.duplicateHeading)}
            <Text size="sm">{t.duplicateBody}</Text>
          </Alert>
        ) : (
          <Alert color="green" variant="light" w="100%" styles={{ message: { color: "#1e5631" } }}>
            {heading(t.successHeading)}
            <Text size="sm" fw={600}>
              {t.successCounts(result.created, result.updated, result.unchanged)}
            </Text>
            <Text size="sm">{t.rowCount(result.rowCount)}</Text>
          </Alert>
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
        <Alert color="green" variant="light" styles={{ message: { color: "#1e5631" } }} role="status">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t.allMapped}</Text>
            {otherErrors && <Text size="sm">{t.otherErrorsRemain}</Text>}
            <Button onClick={onRetry} loading={retrying}>
              {t.retry}
            </Button>
          </Stack>
        </Alert>
      )}

      <ImportErrorTable errors={result.errors} texts={t} />
      <div>{another}</div>
    </Stack>
  );
}

// ------------------------------------------------------------------ 未登録の値

const unknownKey = (u: Pick<UnknownValue, "field" | "value">) => `${u.field}\u0000${u.value}`;
function UnknownValuesPanel({
  mappingId,
  values,
  mapped,
  onMapped,
}: {
  mappingId: string;
  values: UnknownValue[];
  mapped: ReadonlySet<string>;
  onMapped: (key: string) => void;
}) {
  const targets = useValueTargets(values.map((v) => v.field));
  const [announcement, setAnnouncement] = useState("");
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="unknown-values-heading">
      <Title order={3} size="h5" id="unknown-values-heading" mb={4}>
        {t.unknownHeading}
      </Title>
      <Text size="sm" mb="sm">
        {t.unknownIntro}
      </Text>
      {targets.loading ? (
        <Loader size="sm" aria-label={m.common.loading} />
      ) : (
        <Table.ScrollContainer minWidth={720} type="native">
          <Table withTableBorder verticalSpacing="xs" className="yk-table">
            <caption className="yk-visually-hidden">{t.unknownCaption}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t.unknownField}</Table.Th>
                <Table.Th scope="col">{t.unknownValue}</Table.Th>
                <Table.Th scope="col" style={{ textAlign: "right" }}>
                  {t.unknownCount}
                </Table.Th>
                <Table.Th scope="col" style={{ textAlign: "right" }}>
                  {t.unknownFirstRow}
                </Table.Th>
                <Table.Th scope="col">{t.unknownTargetColumn}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {values.map((value) => (
                <UnknownValueRow
                  key={unknownKey(value)}
                  mappingId={mappingId}
                  value={value}
                  options={targets.options(value.field)}
                  done={mapped.has(unknownKey(value))}
                  onMapped={(label) => {
                    onMapped(unknownKey(value));
                    setAnnouncement(t.mappedStatus(DONATION_FIELDS[value.field], value.value, label));
                  }}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
    </Paper>
  );
}

function UnknownValueRow({
  mappingId,
  value,
  options,
  done,
  onMapped,
}: {
  mappingId: string;
  value: UnknownValue;
  options: { value: string; label: string }[];
  done: boolean;
  onMapped: (label: string) => void;
}) {
  const queryClient = useQueryClient();
  const [target, setTarget] = useState("");
  const [error, setError] = useState<string | null>(null);
  const fieldName = DONATION_FIELDS[value.field];
  const map = useMutation({
    mutationFn: () => call(mapUnknownValue, { params: { id: mappingId }, body: { field: value.field, value: value.value, target } }),
    onSuccess: (detail) => {
      queryClient.setQueryData(ledgerKeys.mapping(detail.id), detail);
      queryClient.invalidateQueries({ queryKey: ledgerKeys.mappings, exact: true });
      onMapped(options.find((o) => o.value === target)?.label ?? target);
    },
  });

  function submit() {
    if (!target) {
      setError(t.unknownChooseFirst);
      return;
    }
    setError(null);
    map.mutate();
  }

  return (
    <Table.Tr>
      <Table.Td>{fieldName}</Table.Td>
      <Table.Th scope="row" style={{ fontWeight: 600 }}>
        {value.value}
      </Table.Th>
      <Table.Td style={{ textAlign: "right" }}>{lm.count(value.count)}</Table.Td>
      <Table.Td style={{ textAlign: "right" }}>{t.rowNumber(value.firstRow)}</Table.Td>
      <Table.Td>
        {done ? (
          <Text size="sm" fw={600} c="#1e5631">
            {`✓ ${t.mapped}（${options.find((o) => o.value === target)?.label ?? target}）`}
          </Text>
        ) : (
          <Stack gap={4}>
            <Group gap="xs" align="flex-start" wrap="nowrap">
              <NativeSelect
                aria-label={t.unknownTarget(fieldName, value.value)}
                value={target}
                onChange={(e) => {
                  setTarget(e.currentTarget.value);
                  setError(null);
                }}
                data={[{ value: "", label: t.unknownChoose }, ...options]}
                error={error}
                style={{ flex: "1 1 14rem", minWidth: "12rem" }}
              />
              <Button onClick={submit} loading={map.isPending} variant="light">
                {t.mapButton}
              </Button>
            </Group>
            <ErrorAlert error={map.error} />
          </Stack>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

// ------------------------------------------------------------------ samples and history

function SamplesSection() {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="import-samples-heading">
      <Title order={2} id="import-samples-heading" className="yk-section-title" mb="xs">
        {t.samplesHeading}
      </Title>
      <Text size="sm" mb="xs">
        {t.samplesIntro}
      </Text>
      <List size="sm" spacing={4}>
        <List.Item>
          <Anchor href={urlFor(sampleDonationFile, { params: { key: "rakuten-order" } })} download>
            {t.sampleRakuten}
          </Anchor>
        </List.Item>
        <List.Item>
          <Anchor href={urlFor(sampleDonationFile, { params: { key: "generic" } })} download>
            {t.sampleGeneric}
          </Anchor>
        </List.Item>
      </List>
    </Paper>
  );
}

type ImportRow = Awaited<ReturnType<typeof fetchImports>>["items"][number];
const fetchImports = (page: number, pageSize: number) => call(listDonationImports, { query: { page, pageSize } });

function HistorySection() {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const portals = usePortals();
  const portalNames = new Map((portals.data?.items ?? []).map((p) => [p.code, p.name]));
  const imports = useQuery({
    queryKey: ledgerKeys.importList(page, pageSize),
    queryFn: () => fetchImports(page, pageSize),
    placeholderData: keepPreviousData,
  });
  const columns: Column<ImportRow>[] = [
    { key: "at", header: t.at, nowrap: true, render: (i) => <DateTimeText timestamp={i.createdAt} /> },
    { key: "file", header: t.fileName, rowHeader: true, render: (i) => <span style={{ wordBreak: "break-all" }}>{i.fileName}</span> },
    { key: "mapping", header: t.mapping, render: (i) => i.mappingName },
    { key: "portal", header: lm.list.portal, render: (i) => portalNames.get(i.portalCode) ?? i.portalCode },
    { key: "rows", header: t.rows, align: "right", nowrap: true, render: (i) => formatNumber(i.rowCount) },
    { key: "created", header: t.created, align: "right", nowrap: true, render: (i) => formatNumber(i.created) },
    { key: "updated", header: t.updated, align: "right", nowrap: true, render: (i) => formatNumber(i.updated) },
    { key: "unchanged", header: t.unchanged, align: "right", nowrap: true, render: (i) => formatNumber(i.unchanged) },
    { key: "by", header: t.by, render: (i) => i.createdBy },
  ];
  return (
    <section aria-labelledby="import-history-heading">
      <Title order={2} id="import-history-heading" className="yk-section-title" mb="sm">
        {t.historyHeading}
      </Title>
      <DataTable
        caption={t.historyCaption}
        captionHidden
        columns={columns}
        rows={imports.data?.items}
        rowKey={(i) => i.id}
        loading={imports.isFetching && !imports.data}
        error={imports.error}
        empty={t.historyEmpty}
        paging={{
          page,
          pageSize,
          total: imports.data?.total ?? 0,
          onPageChange: setPage,
          onPageSizeChange: (size) => {
            setPageSize(size);
            setPage(1);
          },
        }}
        minWidth={960}
      />
    </section>
  );
}
