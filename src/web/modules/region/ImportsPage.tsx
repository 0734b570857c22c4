// /region/imports 「取込」: a 市町's open-data CSV in — the 市町 (a 市町 editor's own, fixed), the dataset and the file;
// the job's progress; the result (文字コード, 見出しの世代, 取り込んだ・更新・変わらず・保留, 読み飛ばした行 with their
// reasons, what was repaired); then the history of imports.
import { Alert, Button, FileInput, Group, List, NativeSelect, SimpleGrid, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { type ImportJobResult, type ImportSummary, startImport } from "../../../common/api/region-curation";
import { OPEN_DATA_TYPES, TABLE_UPLOAD_MAX_BYTES } from "../../../common/upload-limits";
import { upload } from "../../api/client";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateTimeText } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrors } from "../../ui/errors";
import { InternalLink } from "../../ui/InternalLink";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { Section } from "../../ui/Section";
import { useFocusFirstInvalid } from "../../ui/useFocusFirstInvalid";
import { JobProgress, useJob } from "../../ui/useJob";
import { cm } from "./curationMessages";
import { CurationNav, DATASET_OPTIONS, datasetLabel, Figure, MunicipalitySelect, useRegionCrumb } from "./curationParts";
import { IMPORTS_PAGE_SIZE, useCurationContext, useImport, useImports } from "./curationQueries";

const t = cm.imports;

interface UploadValues {
  municipalityCode: string;
  dataset: string;
  file: File | null;
}

const typeOk = (file: File) =>
  OPEN_DATA_TYPES.mimeTypes.includes(file.type) || OPEN_DATA_TYPES.extensions.some((ext) => file.name.toLowerCase().endsWith(ext));

function UploadForm({
  municipalities,
  own,
  onStarted,
}: {
  municipalities: { code: string; name: string }[];
  own?: { code: string; name: string };
  onStarted: (jobId: string) => void;
}) {
  const { ref: formRef, focusFirstInvalid } = useFocusFirstInvalid();
  const form = useForm<UploadValues>({
    initialValues: { municipalityCode: own?.code ?? "", dataset: "", file: null },
    validate: {
      municipalityCode: (value) => (value ? null : t.chooseMunicipality),
      dataset: (value) => (value ? null : t.chooseDataset),
      file: (file) => (!file ? t.chooseFile : !typeOk(file) ? t.wrongType : file.size > TABLE_UPLOAD_MAX_BYTES ? t.tooLarge : null),
    },
  });
  const send = useMutation({
    mutationFn: (values: UploadValues) =>
      upload(startImport, {}, values.file as File, { municipalityCode: values.municipalityCode, dataset: values.dataset }),
    onSuccess: (started) => {
      onStarted(started.jobId);
      form.setFieldValue("file", null);
    },
    onError: (error) => {
      form.setErrors(fieldErrors(error));
      focusFirstInvalid();
    },
  });
  const serverFields = fieldErrors(send.error);
  const onField = Object.keys(serverFields).some((key) => key in form.values);
  return (
    <form
      ref={formRef}
      onSubmit={form.onSubmit((values) => send.mutate(values), focusFirstInvalid)}
      noValidate
      aria-labelledby="import-upload"
    >
      <Stack gap="sm">
        <ErrorAlert error={send.error && !onField ? send.error : null} />
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <MunicipalitySelect
            label={cm.municipality}
            municipalities={municipalities}
            value={form.values.municipalityCode}
            onChange={(code) => form.setFieldValue("municipalityCode", code)}
            fixed={own ? { code: own.code, name: t.municipalityFixed(own.name) } : undefined}
            error={form.errors.municipalityCode}
            required
          />
          <NativeSelect
            label={cm.dataset}
            data={[{ value: "", label: "選んでください" }, ...DATASET_OPTIONS]}
            required
            {...form.getInputProps("dataset")}
          />
          <FileInput
            label={t.file}
            description={t.fileHelp}
            placeholder={t.placeholder}
            styles={{ placeholder: { color: "var(--mantine-color-dimmed)" } }}
            accept={[...OPEN_DATA_TYPES.mimeTypes, ...OPEN_DATA_TYPES.extensions].join(",")}
            clearable
            required
            {...form.getInputProps("file")}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={send.isPending}>
            {t.submit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The finished job's result: the figures, the notices, and the skipped lines read from the import's record. */
function ImportResult({ result }: { result: ImportJobResult }) {
  const detail = useImport(result.ok ? result.importId : null);
  if (!result.ok)
    return (
      <Alert color="red" title={t.refused} role="alert">
        {result.message}
      </Alert>
    );
  return (
    <Stack gap="sm" aria-live="polite">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Text size="sm">
          {t.encoding}: <strong>{cm.encodings[result.encoding] ?? result.encoding}</strong>
        </Text>
        <Text size="sm">
          {t.generation}: <strong>{cm.generations[result.headerGeneration] ?? result.headerGeneration}</strong>
        </Text>
      </SimpleGrid>
      <Group gap="xl" wrap="wrap">
        <Figure label={t.rowsRead} value={result.rowsRead} />
        <Figure label={t.created} value={result.created} />
        <Figure label={t.updated} value={result.updated} />
        <Figure label={t.unchanged} value={result.unchanged} />
        <Figure label={t.held} value={result.problems} tone="warning" />
        <Figure label={t.skipped} value={result.skipped} />
      </Group>
      {detail.data && detail.data.skipped.length > 0 && (
        <div>
          <Text size="sm" fw={600}>
            {t.skipped}
          </Text>
          <List size="sm">
            {detail.data.skipped.slice(0, 20).map((line) => (
              <List.Item key={line.line}>
                {line.line}
                {cm.importDetail.line}: {line.reason}
              </List.Item>
            ))}
          </List>
        </div>
      )}
      {result.notices.length > 0 && (
        <div>
          <Text size="sm" fw={600}>
            {t.notices}
          </Text>
          <List size="sm">
            {result.notices.map((notice) => (
              <List.Item key={notice}>{notice}</List.Item>
            ))}
          </List>
          {result.noticeCount > result.notices.length && <Text size="sm">{t.noticeMore(result.noticeCount - result.notices.length)}</Text>}
        </div>
      )}
      <InternalLink href={`/region/imports/${result.importId}`}>{t.openDetail}</InternalLink>
    </Stack>
  );
}

function RunningImport({ jobId }: { jobId: string }) {
  const job = useJob(jobId);
  const queryClient = useQueryClient();
  const finished = job.data?.status === "succeeded" ? (job.data.result as ImportJobResult | null) : null;
  useEffect(() => {
    if (!finished) return;
    void queryClient.invalidateQueries({ queryKey: ["region", "curation"] });
  }, [finished, queryClient]);
  return (
    <Stack gap="md">
      <JobProgress jobId={jobId} label={t.progress} />
      {finished && <ImportResult result={finished} />}
    </Stack>
  );
}

export function ImportsPage() {
  const regionCrumb = useRegionCrumb();
  const context = useCurationContext();
  const [jobId, setJobId] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const history = useImports(page);
  const scope = context.data?.scope;
  const own = scope?.kind === "own" ? { code: scope.code, name: scope.name } : undefined;

  const columns: Column<ImportSummary>[] = [
    {
      key: "at",
      header: t.at,
      rowHeader: true,
      nowrap: true,
      render: (row) => (
        <Group gap={6} wrap="nowrap">
          <InternalLink href={`/region/imports/${row.id}`}>
            <DateTimeText timestamp={row.createdAt} />
          </InternalLink>
          {row.isSample && <SampleBadge />}
        </Group>
      ),
    },
    { key: "municipality", header: cm.municipality, nowrap: true, render: (row) => row.municipalityName },
    { key: "dataset", header: cm.dataset, nowrap: true, render: (row) => datasetLabel(row.dataset) },
    { key: "file", header: t.fileName, render: (row) => row.fileName },
    { key: "created", header: t.created, align: "right", render: (row) => row.createdCount.toLocaleString("ja-JP") },
    { key: "updated", header: t.updated, align: "right", render: (row) => row.updatedCount.toLocaleString("ja-JP") },
    { key: "unchanged", header: t.unchanged, align: "right", render: (row) => row.unchangedCount.toLocaleString("ja-JP") },
    { key: "held", header: t.held, align: "right", render: (row) => row.problemCount.toLocaleString("ja-JP") },
    { key: "skipped", header: t.skipped, align: "right", render: (row) => row.skippedCount.toLocaleString("ja-JP") },
    { key: "by", header: t.by, nowrap: true, render: (row) => row.createdByName ?? cm.sample },
  ];

  return (
    <>
      <PageHeader title={t.title} breadcrumbs={[regionCrumb, { label: t.title }]} subtitle={t.intro} />
      <CurationNav />
      <Stack gap="lg" mt="md">
        <Section id="import-upload" title={t.upload}>
          {scope?.kind === "none" ? (
            <Alert color="gray">{t.noPermission}</Alert>
          ) : context.data ? (
            <Stack gap="lg">
              <UploadForm municipalities={context.data.municipalities} own={own} onStarted={setJobId} />
              {jobId && <RunningImport key={jobId} jobId={jobId} />}
            </Stack>
          ) : (
            <ErrorAlert error={context.error} />
          )}
        </Section>
        <Section id="import-history" title={t.history}>
          <DataTable
            caption={t.history}
            captionHidden
            columns={columns}
            rows={history.data?.items}
            rowKey={(row) => row.id}
            loading={history.isPending}
            error={history.error}
            empty={t.historyEmpty}
            dense
            minWidth={1100}
            paging={{ page, pageSize: IMPORTS_PAGE_SIZE, total: history.data?.total ?? 0, onPageChange: setPage }}
          />
        </Section>
      </Stack>
    </>
  );
}
