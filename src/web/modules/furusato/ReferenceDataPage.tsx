// /admin/furusato-reference 「全国比較の参考データ」 (システム管理者): what the 全国比較 has loaded, and the upload of the
// 総務省 現況調査 files (one or more .xlsx) that a server job loads one file at a time, each all or nothing, with its
// progress and a line per file (what it loaded, or the row that stopped it). The CLI points here while the server
// holds the embedded database.
import { Button, Group, Input, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import {
  REFERENCE_ATTRIBUTION,
  REFERENCE_DATA_PAGE_TITLE,
  REFERENCE_UPLOAD_MAX_FILES,
  referenceLoadResult,
  referenceStatus,
  startReferenceLoad,
} from "../../../common/api/furusato-reference";
import { TABLE_UPLOAD_MAX_BYTES } from "../../../common/upload-limits";
import { call, upload } from "../../api/client";
import { DateTimeText, FiscalYearText } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { AnchorLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { JobProgress, useJob } from "../../ui/useJob";
import { formatNumber } from "./components";

// Japanese text of this page, in one place for review.
const rm = {
  title: REFERENCE_DATA_PAGE_TITLE,
  intro:
    "全国比較で使う総務省「ふるさと納税に関する現況調査結果」の Excel ファイルを読み込みます。年度別のファイル（R2_gain.xlsx など）はその年度の数値を、時系列のファイル（total_gain.xlsx）は年度別のファイルがない年度（平成20〜27年度）を置き換えます。",
  statusHeading: "読み込まれている数値",
  statusEmpty: "まだ読み込まれていません。",
  statusCaption: "年度ごとの読込状況",
  year: "年度",
  bodies: "団体数",
  unit: "単位",
  yen: "円",
  thousand: "千円（時系列）",
  costs: "費用の内訳",
  withCosts: "あり",
  withoutCosts: "なし",
  files: "読み込んだファイル",
  loadedAt: "最終読込日時",
  comparisonLink: "全国比較を開く",
  uploadHeading: "ファイルを読み込む",
  fileLabel: "総務省 現況調査の Excel ファイル（.xlsx、複数可）",
  fileHelp: `年度別のファイルを先に、または一緒に選んでください（時系列のファイルは団体名を年度別のファイルの団体コードに対応づけます）。1回に${REFERENCE_UPLOAD_MAX_FILES}ファイル、合計${TABLE_UPLOAD_MAX_BYTES / 1024 / 1024}MBまで。ファイルごとに、全件を読み込むか何も変えないかのどちらかです。`,
  chosen: (names: string[]) => `選んだファイル: ${names.join("、")}`,
  submit: "読み込む",
  noFile: "読み込むファイルを選んでください。",
  notXlsx: (name: string) => `${name} は Excel ファイル（.xlsx）ではありません。`,
  tooMany: `一度に選べるのは${REFERENCE_UPLOAD_MAX_FILES}ファイルまでです。`,
  tooLarge: `ファイルの合計が大きすぎます（上限 ${TABLE_UPLOAD_MAX_BYTES / 1024 / 1024}MB）。`,
  progress: "参考データの読み込み",
  resultHeading: "読み込みの結果",
  resultCaption: "ファイルごとの結果",
  file: "ファイル",
  outcome: "結果",
  detail: "内容",
  ok: "読み込みました",
  refused: "読み込みませんでした",
  allDone: (loaded: number, total: number) => `${total}ファイル中 ${loaded}ファイルを読み込みました。`,
};

const breadcrumbs = [{ label: "全国比較", href: "/furusato/comparison" }, { label: rm.title }];

function StatusSection() {
  const status = useQuery({ queryKey: ["furusato", "reference", "status"], queryFn: () => call(referenceStatus) });
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="reference-status-heading">
      <Title order={2} id="reference-status-heading" mb="sm" className="yk-section-title">
        {rm.statusHeading}
      </Title>
      <ErrorAlert error={status.error} />
      {status.data && !status.data.loaded && <Text size="sm">{rm.statusEmpty}</Text>}
      {status.data?.loaded && (
        <Stack gap="xs">
          <Table.ScrollContainer minWidth={640} type="native">
            <Table withTableBorder striped verticalSpacing="xs" className="yk-table">
              <caption className="yk-visually-hidden">{rm.statusCaption}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{rm.year}</Table.Th>
                  <Table.Th scope="col" style={{ textAlign: "right" }}>
                    {rm.bodies}
                  </Table.Th>
                  <Table.Th scope="col">{rm.unit}</Table.Th>
                  <Table.Th scope="col">{rm.costs}</Table.Th>
                  <Table.Th scope="col">{rm.files}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {status.data.years.map((y) => (
                  <Table.Tr key={y.fiscalYear}>
                    <Table.Th scope="row" style={{ whiteSpace: "nowrap" }}>
                      <FiscalYearText fy={y.fiscalYear} />
                    </Table.Th>
                    <Table.Td style={{ textAlign: "right" }}>{formatNumber(y.rows)}</Table.Td>
                    <Table.Td>{y.amountPrecision === "yen" ? rm.yen : rm.thousand}</Table.Td>
                    <Table.Td>{y.withCosts ? rm.withCosts : rm.withoutCosts}</Table.Td>
                    <Table.Td style={{ overflowWrap: "anywhere" }}>{y.sourceFiles.join("、")}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Text size="sm">
            {rm.loadedAt}: <DateTimeText timestamp={status.data.loadedAt} western="beside" />
          </Text>
        </Stack>
      )}
      <Group mt="sm">
        <AnchorLink to="/furusato/comparison">{rm.comparisonLink}</AnchorLink>
      </Group>
      <Text size="xs" c="dimmed" mt="xs">
        {REFERENCE_ATTRIBUTION}
      </Text>
    </Paper>
  );
}

function ResultTable({ result }: { result: unknown }) {
  const parsed = referenceLoadResult.safeParse(result);
  if (!parsed.success) return null;
  const loaded = parsed.data.files.filter((f) => f.ok).length;
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {rm.resultHeading}
      </Title>
      <Text size="sm" fw={600}>
        {rm.allDone(loaded, parsed.data.files.length)}
      </Text>
      <Table.ScrollContainer minWidth={640} type="native">
        <Table withTableBorder verticalSpacing="xs" className="yk-table">
          <caption className="yk-visually-hidden">{rm.resultCaption}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{rm.file}</Table.Th>
              <Table.Th scope="col">{rm.outcome}</Table.Th>
              <Table.Th scope="col">{rm.detail}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {parsed.data.files.map((f) => (
              <Table.Tr key={f.name}>
                <Table.Th scope="row" style={{ overflowWrap: "anywhere" }}>
                  {f.name}
                </Table.Th>
                <Table.Td style={{ whiteSpace: "nowrap", color: f.ok ? undefined : "var(--mantine-color-red-9)", fontWeight: 600 }}>
                  {f.ok ? rm.ok : rm.refused}
                </Table.Td>
                <Table.Td>{f.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** What is wrong with the chosen files, checked before sending: a count, .xlsx only, and the total size. */
function filesProblem(files: File[]): string | null {
  if (files.length === 0) return rm.noFile;
  if (files.length > REFERENCE_UPLOAD_MAX_FILES) return rm.tooMany;
  const notXlsx = files.find((f) => !f.name.toLowerCase().endsWith(".xlsx"));
  if (notXlsx) return rm.notXlsx(notXlsx.name);
  return files.reduce((n, f) => n + f.size, 0) > TABLE_UPLOAD_MAX_BYTES ? rm.tooLarge : null;
}

function UploadSection() {
  const queryClient = useQueryClient();
  const form = useForm<{ files: File[] }>({ initialValues: { files: [] }, validate: { files: filesProblem } });
  const files = form.values.files;
  const error = form.errors.files ?? null;
  const [requestError, setRequestError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJob(jobId);
  const finished = job.data?.status === "succeeded" || job.data?.status === "failed";
  const running = sending || (jobId !== null && !finished);
  const inputRef = useRef<HTMLInputElement>(null);
  const baseId = useId();
  const inputId = `${baseId}-file`;
  const descriptionId = `${baseId}-description`;
  const errorId = `${baseId}-error`;

  useEffect(() => {
    if (finished) queryClient.invalidateQueries({ queryKey: ["furusato", "reference"] });
  }, [finished, queryClient]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const invalid = form.validate().hasErrors;
    setRequestError(null);
    if (invalid) return inputRef.current?.focus();
    setSending(true);
    setJobId(null);
    try {
      const started = await upload(startReferenceLoad, {}, files);
      setJobId(started.jobId);
    } catch (failure) {
      setRequestError(failure);
    } finally {
      setSending(false);
    }
  }

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="reference-upload-heading">
      <Title order={2} id="reference-upload-heading" mb="sm" className="yk-section-title">
        {rm.uploadHeading}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={requestError} />
          <Input.Wrapper
            label={rm.fileLabel}
            labelProps={{ htmlFor: inputId }}
            description={rm.fileHelp}
            descriptionProps={{ id: descriptionId }}
            error={error}
            errorProps={{ id: errorId }}
            required
          >
            <input
              ref={inputRef}
              id={inputId}
              type="file"
              name="file"
              multiple
              className="yk-file-input"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby={error ? `${descriptionId} ${errorId}` : descriptionId}
              aria-invalid={error ? true : undefined}
              required
              onChange={(event) => form.setFieldValue("files", [...(event.currentTarget.files ?? [])])}
            />
          </Input.Wrapper>
          {files.length > 0 && !error && (
            <Text size="sm" c="dimmed">
              {rm.chosen(files.map((f) => f.name))}
            </Text>
          )}
          <Group>
            <Button type="submit" loading={running}>
              {rm.submit}
            </Button>
          </Group>
          {jobId && <JobProgress jobId={jobId} label={rm.progress} />}
          {finished && job.data?.result != null && <ResultTable result={job.data.result} />}
        </Stack>
      </form>
    </Paper>
  );
}

export function ReferenceDataPage() {
  return (
    <>
      <PageHeader title={rm.title} breadcrumbs={breadcrumbs} subtitle={rm.intro} />
      <Stack gap="lg">
        <UploadSection />
        <StatusSection />
      </Stack>
    </>
  );
}
