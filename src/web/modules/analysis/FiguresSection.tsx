// 年度別の数値 of a subject or peer: a table of the figures by year (grouped 収入・支出・職員・資産 with each revenue item's
// origin, then the activity measures; a linked figure marked with its source, an imported one as 取込), and for the
// bureau responsible the entry of a year (an empty field is not entered, 0 is 0; linked figures read-only) and the
// Excel/CSV import with its template (the file's years are replaced; all or nothing with a row-by-row report).
import { Badge, Button, Group, NumberInput, SimpleGrid, Stack, Text, TextInput, Title, VisuallyHidden } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { FIGURE_SECTION_LABELS, FIGURE_SECTIONS, type FigureItem, itemsOf } from "../../../common/analysis/figure-items";
import {
  deleteYearFigures,
  type FiguresImportResult,
  figuresTemplate,
  importSubjectFigures,
  putYearFigures,
  type SubjectFiguresView,
} from "../../../common/api/analysis-figures";
import { formatFiscalYear } from "../../../common/dates";
import { call, upload, urlFor } from "../../api/client";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { FiscalYearInput } from "../../ui/FiscalYear";
import { useFlash } from "../../ui/Flash";
import { ImportErrorTable, ImportRejectionSummary } from "../../ui/ImportRejection";
import { Loading } from "../../ui/Loading";
import { Section } from "../../ui/Section";
import { ImportFileInput, ImportOutcomeAlert, useImportFile } from "../../ui/TabularImport";
import { fm } from "./figure-messages";
import { figureKeys, useSubjectFigures } from "./figure-queries";

type Year = SubjectFiguresView["years"][number];
type Source = "entered" | "imported" | "linked";

const number = (v: number) => v.toLocaleString("ja-JP", { maximumFractionDigits: 2 });

function Cell({ value, source, unit }: { value: number | undefined; source: Source | undefined; unit: string }) {
  if (value === undefined)
    return (
      <Text span c="dimmed" size="sm">
        —<VisuallyHidden>{fm.notEntered}</VisuallyHidden>
      </Text>
    );
  return (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      <Text span size="sm" style={{ whiteSpace: "nowrap" }}>
        {number(value)}
        <Text span size="xs" c="dimmed">
          {unit}
        </Text>
      </Text>
      {source === "linked" && (
        <Badge size="xs" variant="light" color="grape">
          {fm.sourceLabels.linked}
        </Badge>
      )}
      {source === "imported" && (
        <Text span size="xs" c="dimmed">
          （{fm.sourceLabels.imported}）
        </Text>
      )}
    </Group>
  );
}

interface Row {
  key: string;
  label: string;
  unit: string;
  origin?: string;
  section?: string;
  value: (y: Year) => { value: number; source: Source } | undefined;
}

function rowsOf(view: SubjectFiguresView): { section: string; rows: Row[] }[] {
  const item = (i: FigureItem): Row => ({
    key: i.code,
    label: i.label,
    unit: i.unit,
    origin: i.origin,
    value: (y) => y.items.find((x) => x.code === i.code),
  });
  const has = (r: Row) => view.years.some((y) => r.value(y) !== undefined);
  return [
    ...FIGURE_SECTIONS.map((s) => ({ section: FIGURE_SECTION_LABELS[s], rows: itemsOf(s).map(item).filter(has) })),
    {
      section: fm.measuresSection,
      rows: view.measures
        .map((m) => ({ key: m.id, label: m.name, unit: m.unit, value: (y: Year) => y.measures.find((x) => x.measureId === m.id) }))
        .filter(has),
    },
  ].filter((g) => g.rows.length > 0);
}

function FiguresTable({ view, onEdit }: { view: SubjectFiguresView; onEdit?: (fy: number) => void }) {
  const captionId = useId();
  const groups = rowsOf(view);
  if (groups.length === 0) return <Text>{fm.noFigures}</Text>;
  return (
    <div style={{ overflowX: "auto" }}>
      <table
        className="yk-table"
        aria-labelledby={captionId}
        data-testid="figures-table"
        style={{ borderCollapse: "collapse", minWidth: 480 }}
      >
        <caption id={captionId} style={{ textAlign: "left", fontSize: 13, paddingBottom: 4 }}>
          {fm.figuresTableCaption(view.subject.name)}
        </caption>
        <thead>
          <tr>
            <th scope="col" style={{ textAlign: "left", padding: "4px 8px" }}>
              {fm.itemColumn}
            </th>
            {view.years.map((y) => (
              <th scope="col" key={y.fiscalYear} style={{ textAlign: "right", padding: "4px 8px", whiteSpace: "nowrap" }}>
                {formatFiscalYear(y.fiscalYear)}
                {onEdit && (
                  <Button
                    variant="subtle"
                    size="compact-xs"
                    ml={4}
                    onClick={() => onEdit(y.fiscalYear)}
                    aria-label={`${formatFiscalYear(y.fiscalYear)}を${fm.edit}`}
                  >
                    {fm.edit}
                  </Button>
                )}
              </th>
            ))}
          </tr>
        </thead>
        {groups.map((g) => (
          <tbody key={g.section}>
            <tr>
              <th
                scope="rowgroup"
                colSpan={view.years.length + 1}
                style={{ textAlign: "left", padding: "8px 8px 2px", background: "#f1f3f5" }}
              >
                {g.section}
              </th>
            </tr>
            {g.rows.map((r) => (
              <tr key={r.key} style={{ borderTop: "1px solid #e9ecef" }}>
                <th scope="row" style={{ textAlign: "left", fontWeight: 400, padding: "4px 8px", whiteSpace: "nowrap" }}>
                  {r.label}
                  {r.origin && (
                    <Badge
                      ml={6}
                      size="xs"
                      variant="outline"
                      color={r.origin === "city" ? "blue.9" : r.origin === "own" ? "teal.9" : "gray.8"}
                    >
                      {fm.originLabels[r.origin]}
                    </Badge>
                  )}
                </th>
                {view.years.map((y) => {
                  const v = r.value(y);
                  return (
                    <td key={y.fiscalYear} style={{ padding: "4px 8px", textAlign: "right" }}>
                      <Cell value={v?.value} source={v?.source} unit={r.unit} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

type Draft = Record<string, number | "">;

function draftOf(view: SubjectFiguresView, fy: number): Draft {
  const year = view.years.find((y) => y.fiscalYear === fy);
  const draft: Draft = {};
  for (const i of year?.items ?? []) if (i.source !== "linked") draft[i.code] = i.value;
  for (const m of year?.measures ?? []) if (m.source !== "linked") draft[m.measureId] = m.value;
  return draft;
}

function YearForm({ view, fiscalYear, onClose }: { view: SubjectFiguresView; fiscalYear: number; onClose: () => void }) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const year = view.years.find((y) => y.fiscalYear === fiscalYear);
  const [draft, setDraft] = useState<Draft>(() => draftOf(view, fiscalYear));
  const linkedLabel = view.subject.linkedSourceLabel ?? "";
  const refresh = () => queryClient.invalidateQueries({ queryKey: figureKeys.figures(view.subject.id) });
  const refreshAll = () => queryClient.invalidateQueries({ queryKey: ["analysis"] });
  const save = useMutation({
    mutationFn: () => {
      const items: Record<string, number | null> = {};
      const measures: Record<string, number | null> = {};
      for (const s of FIGURE_SECTIONS)
        for (const i of itemsOf(s))
          if (!view.linkedItems.includes(i.code))
            items[i.code] = draft[i.code] === "" || draft[i.code] === undefined ? null : Number(draft[i.code]);
      for (const m of view.measures.filter((m) => !m.linkedFigure))
        measures[m.id] = draft[m.id] === "" || draft[m.id] === undefined ? null : Number(draft[m.id]);
      return call(putYearFigures, {
        params: { id: view.subject.id, fiscalYear },
        body: { stamp: year?.stamp ?? "", items, measures },
      });
    },
    onSuccess: async () => {
      flash.show(fm.saved(fiscalYear));
      await refreshAll();
      onClose();
    },
  });
  const linkedValue = (code: string) => year?.items.find((i) => i.code === code && i.source === "linked")?.value;

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }

  const field = (key: string, label: string, unit: string) => (
    <NumberInput
      key={key}
      label={label}
      value={draft[key] ?? ""}
      onChange={(v) => setDraft((d) => ({ ...d, [key]: typeof v === "number" ? v : v === "" ? "" : Number(v) }))}
      min={0}
      thousandSeparator=","
      rightSection={<Text size="xs">{unit}</Text>}
      rightSectionWidth={unit.length > 1 ? 48 : 32}
      allowNegative={false}
    />
  );

  return (
    <form onSubmit={submit} noValidate aria-labelledby="analysis-year-form">
      <Stack gap="md" p="md" style={{ border: "1px solid var(--mantine-color-blue-3)", borderRadius: 8 }}>
        <Title order={3} size="h4" id="analysis-year-form">
          {fm.entryFor(fiscalYear)}
        </Title>
        <Text size="sm">{fm.entryHelp}</Text>
        {FIGURE_SECTIONS.map((s) => (
          <fieldset key={s} style={{ border: "none", padding: 0, margin: 0 }}>
            <legend>
              <Text fw={600}>{FIGURE_SECTION_LABELS[s]}</Text>
            </legend>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
              {itemsOf(s).map((i) =>
                view.linkedItems.includes(i.code) ? (
                  <TextInput
                    key={i.code}
                    label={i.label}
                    readOnly
                    value={linkedValue(i.code) === undefined ? fm.notEntered : `${number(linkedValue(i.code) as number)}${i.unit}`}
                    description={fm.readOnlyLinked(linkedLabel)}
                  />
                ) : (
                  field(i.code, i.origin === "own" ? `${i.label}（${fm.originLabels.own}）` : i.label, i.unit)
                ),
              )}
            </SimpleGrid>
          </fieldset>
        ))}
        {view.measures.length > 0 && (
          <fieldset style={{ border: "none", padding: 0, margin: 0 }}>
            <legend>
              <Text fw={600}>{fm.measuresSection}</Text>
            </legend>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
              {view.measures.map((m) =>
                m.linkedFigure ? (
                  <TextInput
                    key={m.id}
                    label={m.name}
                    readOnly
                    value={(() => {
                      const v = year?.measures.find((x) => x.measureId === m.id)?.value;
                      return v === undefined ? fm.notEntered : `${number(v)}${m.unit}`;
                    })()}
                    description={fm.readOnlyLinked(linkedLabel)}
                  />
                ) : (
                  field(m.id, m.name, m.unit)
                ),
              )}
            </SimpleGrid>
          </fieldset>
        )}
        <ErrorAlert error={save.error} />
        <Group justify="space-between">
          <Group>
            <Button type="submit" loading={save.isPending}>
              {fm.save}
            </Button>
            <Button variant="default" onClick={onClose}>
              {fm.cancel}
            </Button>
          </Group>
          {year && year.stamp !== "0@" && (
            <ConfirmButton
              color="red"
              variant="light"
              title={fm.deleteYearTitle(fiscalYear)}
              message={fm.deleteYearMessage(fiscalYear)}
              confirmLabel={fm.deleteYear}
              confirmColor="red"
              onConfirm={async () => {
                await call(deleteYearFigures, { params: { id: view.subject.id, fiscalYear }, query: { stamp: year.stamp } });
                flash.show(fm.deleted(fiscalYear));
                await refresh();
                await refreshAll();
                onClose();
              }}
            >
              {fm.deleteYear}
            </ConfirmButton>
          )}
        </Group>
      </Stack>
    </form>
  );
}

function OpenYear({ onOpen }: { onOpen: (fy: number) => void }) {
  const [text, setText] = useState("");
  const [fy, setFy] = useState<number | null>(null);
  return (
    <Group align="flex-start" gap="sm">
      <FiscalYearInput
        label={fm.entryYear}
        value={text}
        onChange={(t, parsed) => {
          setText(t);
          setFy(parsed);
        }}
        w={260}
      />
      <Button mt={25} variant="light" disabled={fy === null} onClick={() => fy !== null && onOpen(fy)}>
        {fm.openYear}
      </Button>
    </Group>
  );
}

function ImportPanel({ subjectId }: { subjectId: string }) {
  const queryClient = useQueryClient();
  const file = useImportFile();
  const headingId = useId();
  const [result, setResult] = useState<FiguresImportResult | null>(null);
  const run = useMutation({
    mutationFn: (chosen: File) => upload(importSubjectFigures, { params: { id: subjectId } }, chosen),
    onSuccess: async (r) => {
      setResult(r);
      if (r.ok) await queryClient.invalidateQueries({ queryKey: ["analysis"] });
    },
    onError: (error) => file.serverError(error),
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    const chosen = file.validate();
    if (!chosen) return file.focus();
    setResult(null);
    run.mutate(chosen);
  }
  const heading = (text: string, color?: string) => (
    <Title order={4} size="h5" id={headingId} c={color} mb={4}>
      {text}
    </Title>
  );
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {fm.importHeading}
      </Title>
      <Text size="sm">{fm.importIntro}</Text>
      <Text size="sm" fw={600}>
        {fm.importReplaces}
      </Text>
      <Text size="sm">{fm.importAllOrNothing}</Text>
      <a href={urlFor(figuresTemplate, { params: { id: subjectId } })} download style={{ fontSize: 14 }}>
        {fm.template}
      </a>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ImportFileInput file={file} label={fm.fileLabel} description={fm.fileDescription} />
          <ErrorAlert error={run.error && !file.error ? run.error : null} />
          <Group>
            <Button type="submit" loading={run.isPending}>
              {fm.importSubmit}
            </Button>
          </Group>
        </Stack>
      </form>
      <div role="status" aria-live="polite">
        {result?.ok && (
          <ImportOutcomeAlert tone="success">
            {heading(fm.importDoneHeading)}
            <Text size="sm">{fm.importDone(result.summary)}</Text>
          </ImportOutcomeAlert>
        )}
      </div>
      {result && !result.ok && (
        <Stack gap="sm">
          <ImportRejectionSummary
            heading={heading}
            errors={result.errors}
            errorCount={result.errorCount}
            reportFileId={result.reportFileId}
            texts={fm}
          />
          <ImportErrorTable errors={result.errors} texts={fm} />
        </Stack>
      )}
    </Stack>
  );
}

export function FiguresSection({ subjectId, canManage }: { subjectId: string; canManage?: boolean }) {
  const query = useSubjectFigures(subjectId);
  const [editing, setEditing] = useState<number | null>(null);
  const view = query.data;
  const manage = (canManage ?? true) && !!view?.canManage;
  return (
    <Section id="analysis-figures" title={fm.figuresHeading}>
      <Stack gap="md">
        <Text size="sm">{fm.figuresIntro}</Text>
        {query.error && <ErrorAlert error={query.error} />}
        {!view && !query.error && <Loading />}
        {view && (
          <>
            {view.subject.linkedSourceLabel && (
              <Text size="sm" c="grape.9">
                {fm.linkedNote(view.subject.linkedSourceLabel, view.linkedYearsRule ?? "")}
              </Text>
            )}
            <FiguresTable view={view} onEdit={manage ? setEditing : undefined} />
            {manage && (
              <>
                <Title order={3} size="h4">
                  {fm.entryHeading}
                </Title>
                {editing === null ? (
                  <OpenYear onOpen={setEditing} />
                ) : (
                  <YearForm key={editing} view={view} fiscalYear={editing} onClose={() => setEditing(null)} />
                )}
                <ImportPanel subjectId={subjectId} />
              </>
            )}
          </>
        )}
      </Stack>
    </Section>
  );
}
