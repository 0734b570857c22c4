// /international/kintone 「kintone からの取込」: choose the app and an export, read it (preview: what was read, the
// mapping — saved, or suggested from the header — and what importing would do, with every row's errors); correct and
// save the mapping, read again; then import as a job (progress, then the counts or the refusal). Managers only.
import { Alert, Button, Group, Loader, NativeSelect, Paper, Radio, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import {
  type KintoneAppName,
  type KintoneMappingBody,
  type KintonePreview,
  kintoneImportResult,
  previewKintoneImport,
  saveKintoneMapping,
  startKintoneImport,
} from "../../../common/api/international-kintone";
import { call, upload } from "../../api/client";
import { count, m } from "../../messages";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { PageHeader } from "../../ui/PageHeader";
import { ImportFileInput, ImportOutcomeAlert, useImportFile, useImportOutcome } from "../../ui/TabularImport";
import { JobProgress } from "../../ui/useJob";
import { InternationalNav } from "./components";
import { km } from "./kintoneMessages";
import { im } from "./messages";
import { invalidateInternational, useInternationalAccess } from "./queries";

export function KintoneImportPage() {
  const access = useInternationalAccess();
  return (
    <>
      <PageHeader
        title={km.title}
        subtitle={km.intro}
        breadcrumbs={[{ label: im.moduleName, href: "/international" }, { label: km.title }]}
      />
      <InternationalNav />
      {access.isPending ? (
        <Loader aria-label={m.common.loading} />
      ) : access.error ? (
        <ErrorAlert error={access.error} />
      ) : access.data.manager ? (
        <ImportFlow />
      ) : (
        <Alert color="yellow" variant="light" role="status" styles={{ message: { color: "#5c3c00" } }}>
          {km.forbidden}
        </Alert>
      )}
    </>
  );
}

function ImportFlow() {
  const queryClient = useQueryClient();
  const [app, setApp] = useState<KintoneAppName>("projects");
  const file = useImportFile();
  const [preview, setPreview] = useState<KintonePreview | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);

  const read = useMutation({
    mutationFn: (input: { app: KintoneAppName; file: File }) => upload(previewKintoneImport, { params: { app: input.app } }, input.file),
    onSuccess: setPreview,
    onError: (error) => file.serverError(error),
  });
  const save = useMutation({
    mutationFn: async (mapping: KintoneMappingBody) => {
      await call(saveKintoneMapping, { params: { app }, body: mapping });
      return upload(previewKintoneImport, { params: { app } }, file.file as File);
    },
    onSuccess: setPreview,
  });
  const start = useMutation({
    mutationFn: () => upload(startKintoneImport, { params: { app } }, file.file as File),
    onSuccess: ({ jobId }) => setJobId(jobId),
  });
  const outcome = useImportOutcome(jobId, kintoneImportResult, () => invalidateInternational(queryClient));

  function submit(event: FormEvent) {
    event.preventDefault();
    const chosen = file.validate();
    if (!chosen) return file.focus();
    setPreview(null);
    setJobId(null);
    read.mutate({ app, file: chosen });
  }

  const importable = preview !== null && preview.mappingProblems.length === 0 && preview.errorCount === 0 && preview.records > 0;
  return (
    <Stack gap="lg">
      <Paper withBorder p="lg" component="section" aria-labelledby="kintone-file-heading">
        <Title order={2} id="kintone-file-heading" className="yk-section-title" mb="sm">
          {km.file}
        </Title>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Radio.Group
              label={km.app}
              value={app}
              onChange={(value) => {
                setApp(value as KintoneAppName);
                setPreview(null);
                setJobId(null);
              }}
            >
              <Group mt={4}>
                <Radio value="projects" label={km.apps.projects} />
                <Radio value="trips" label={km.apps.trips} />
              </Group>
            </Radio.Group>
            <ImportFileInput file={file} label={km.file} description={km.fileDescription} />
            <Group>
              <Button type="submit" loading={read.isPending}>
                {km.preview}
              </Button>
            </Group>
            {read.error && !file.error && <ErrorAlert error={read.error} />}
          </Stack>
        </form>
      </Paper>
      {preview && <ReadSummary preview={preview} />}
      {preview && (
        <MappingEditor
          key={JSON.stringify(preview.mapping)}
          preview={preview}
          saving={save.isPending}
          onSave={(mapping) => save.mutate(mapping)}
        />
      )}
      {save.error && <ErrorAlert error={save.error} />}
      {preview && <WhatImportDoes preview={preview} />}
      {importable && !jobId && (
        <Group>
          <Button onClick={() => start.mutate()} loading={start.isPending}>
            {km.importButton}
          </Button>
        </Group>
      )}
      {start.error && <ErrorAlert error={start.error} />}
      {jobId && <JobProgress jobId={jobId} label={km.importing} />}
      {outcome.finished && (
        <ImportOutcomeAlert tone={outcome.result?.ok ? "success" : "failed"} title={outcome.result?.ok ? km.title : km.rejected}>
          <Title order={3} ref={outcome.headingRef} tabIndex={-1} size="h5">
            {outcome.result?.ok ? km.done(outcome.result) : km.rejected}
          </Title>
          {outcome.result && !outcome.result.ok && <ErrorTable errors={outcome.result.errors} total={outcome.result.errorCount} />}
        </ImportOutcomeAlert>
      )}
    </Stack>
  );
}

function ReadSummary({ preview }: { preview: KintonePreview }) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="kintone-read-heading">
      <Title order={2} id="kintone-read-heading" className="yk-section-title" mb="sm">
        {km.readHeading}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        <Fact label={km.encoding} value={km.encodings[preview.encoding]} />
        <Fact label={km.headerKind} value={km.headerKinds[preview.headerKind]} />
        <Fact label={km.records} value={`${count(preview.records)}件`} />
        <Fact
          label={km.subtables}
          value={
            preview.subtables.length === 0
              ? km.noSubtables
              : preview.subtables.map((s) => km.subtableRows(s.name, s.rows, s.inferred)).join("、")
          }
        />
      </SimpleGrid>
    </Paper>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </div>
  );
}

/** One select per target field: the export's fields of the matching scope (main, or the chosen subtable). */
function MappingEditor({ preview, saving, onSave }: { preview: KintonePreview; saving: boolean; onSave: (m: KintoneMappingBody) => void }) {
  const [mapping, setMapping] = useState<KintoneMappingBody>(preview.mapping);
  const mainFields = [...new Set(preview.columns.filter((c) => c.subtable === null).map((c) => c.field))];
  const options = (fields: string[]) => [{ value: "", label: km.notImported }, ...fields.map((f) => ({ value: f, label: f }))];
  const setMain = (key: string, value: string) => setMapping({ ...mapping, main: { ...mapping.main, [key]: value || null } });
  const setTable = (key: string, source: string) =>
    setMapping({
      ...mapping,
      subtables: { ...mapping.subtables, [key]: { source: source || null, fields: mapping.subtables[key]?.fields ?? {} } },
    });
  const setTableField = (key: string, field: string, value: string) => {
    const current = mapping.subtables[key] ?? { source: null, fields: {} };
    setMapping({
      ...mapping,
      subtables: { ...mapping.subtables, [key]: { ...current, fields: { ...current.fields, [field]: value || null } } },
    });
  };
  const label = (text: string, required: boolean) => (required ? `${text}（${km.required}）` : text);
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="kintone-mapping-heading">
      <Title order={2} id="kintone-mapping-heading" className="yk-section-title" mb="xs">
        {km.mappingHeading}
      </Title>
      <Text size="sm" mb="sm">
        {preview.mappingSaved ? km.mappingSaved : km.mappingSuggested}
      </Text>
      {preview.mappingProblems.length > 0 && (
        <Alert color="red" title={km.mappingProblems} mb="sm" role="alert">
          <ul>
            {preview.mappingProblems.map((p) => (
              <li key={`${p.target}-${p.problem}`}>{p.problem}</li>
            ))}
          </ul>
        </Alert>
      )}
      <Title order={3} size="h5" mb="xs">
        {km.mainFields}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} mb="md">
        {preview.targets.main.map((t) => (
          <NativeSelect
            key={t.key}
            label={label(t.label, t.required)}
            value={mapping.main[t.key] ?? ""}
            onChange={(e) => setMain(t.key, e.currentTarget.value)}
            data={options(mainFields)}
          />
        ))}
      </SimpleGrid>
      {preview.targets.subtables.map((table) => {
        const chosen = mapping.subtables[table.key];
        const fields = preview.subtables.find((s) => s.name === chosen?.source)?.fields ?? [];
        return (
          <Stack key={table.key} gap="xs" mb="md">
            <Title order={3} size="h5">
              {table.label}
            </Title>
            <NativeSelect
              label={`${table.label}: ${km.sourceTable}`}
              value={chosen?.source ?? ""}
              onChange={(e) => setTable(table.key, e.currentTarget.value)}
              data={[{ value: "", label: km.noTable }, ...preview.subtables.map((s) => ({ value: s.name, label: s.name }))]}
              maw={360}
            />
            {chosen?.source && (
              <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
                {table.fields.map((f) => (
                  <NativeSelect
                    key={f.key}
                    label={label(`${table.label}・${f.label}`, f.required)}
                    value={chosen.fields[f.key] ?? ""}
                    onChange={(e) => setTableField(table.key, f.key, e.currentTarget.value)}
                    data={options(fields)}
                  />
                ))}
              </SimpleGrid>
            )}
          </Stack>
        );
      })}
      <SubtableCorrection preview={preview} mapping={mapping} onChange={setMapping} />
      <Button variant="default" onClick={() => onSave(mapping)} loading={saving}>
        {km.saveMapping}
      </Button>
    </Paper>
  );
}

/**
 * Where the header does not name the subtables (no `表.項目` headers), they were worked out from the lines; the clerk
 * may move a column to another subtable or to the main fields. Only those columns are offered.
 */
function SubtableCorrection({
  preview,
  mapping,
  onChange,
}: {
  preview: KintonePreview;
  mapping: KintoneMappingBody;
  onChange: (m: KintoneMappingBody) => void;
}) {
  const inferred = new Set(preview.subtables.filter((s) => s.inferred).map((s) => s.name));
  const columns = preview.columns.filter((c) => (c.subtable !== null && inferred.has(c.subtable)) || c.header in mapping.subtableOf);
  if (columns.length === 0) return null;
  const MAIN = "__main__";
  const choices = [{ value: MAIN, label: km.mainFields }, ...preview.subtables.map((s) => ({ value: s.name, label: s.name }))];
  return (
    <Stack gap="xs" mb="md">
      <Title order={3} size="h5">
        {km.correctionHeading}
      </Title>
      <Text size="sm">{km.correctionIntro}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
        {columns.map((c) => {
          const chosen = c.header in mapping.subtableOf ? mapping.subtableOf[c.header] : c.subtable;
          return (
            <NativeSelect
              key={c.header}
              label={km.correctionColumn(c.header)}
              value={chosen ?? MAIN}
              onChange={(e) => {
                const value = e.currentTarget.value;
                onChange({ ...mapping, subtableOf: { ...mapping.subtableOf, [c.header]: value === MAIN ? null : value } });
              }}
              data={choices}
            />
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}

function WhatImportDoes({ preview }: { preview: KintonePreview }) {
  if (preview.mappingProblems.length > 0) return null;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="kintone-result-heading">
      <Title order={2} id="kintone-result-heading" className="yk-section-title" mb="xs">
        {km.resultHeading}
      </Title>
      {preview.errorCount > 0 ? (
        <Alert color="red" title={km.errorsHeading(preview.errorCount)} role="alert">
          <Text size="sm" mb="sm">
            {km.errorsIntro}
          </Text>
          <ErrorTable errors={preview.errors} total={preview.errorCount} />
        </Alert>
      ) : (
        <Text fw={600} mb="sm">
          {km.counts(preview.counts)}
        </Text>
      )}
      {preview.rows.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Caption>{km.rowsCaption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{km.colRow}</Table.Th>
                <Table.Th>{km.colKey}</Table.Th>
                <Table.Th>{km.colTitle}</Table.Th>
                <Table.Th>{km.colAction}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.rows.map((r) => (
                <Table.Tr key={r.key}>
                  <Table.Td>{count(r.row)}</Table.Td>
                  <Table.Td>{r.key}</Table.Td>
                  <Table.Td>{r.title}</Table.Td>
                  <Table.Td>{km.actions[r.action]}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

function ErrorTable({ errors, total }: { errors: { row: number; column: string | null; message: string }[]; total: number }) {
  return (
    <>
      <Table.ScrollContainer minWidth={560}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{km.colRow}</Table.Th>
              <Table.Th>{km.colColumn}</Table.Th>
              <Table.Th>{km.colMessage}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {errors.map((e) => (
              <Table.Tr key={`${e.row}-${e.column}-${e.message}`}>
                <Table.Td>{count(e.row)}</Table.Td>
                <Table.Td>{e.column ?? "—"}</Table.Td>
                <Table.Td>{e.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {total > errors.length && <Text size="sm">{km.errorsMore(errors.length, total)}</Text>}
    </>
  );
}
