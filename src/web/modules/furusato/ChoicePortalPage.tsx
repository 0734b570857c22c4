// /furusato/portals/choice: adds a portal from the header file the portal gives out (ふるさとチョイス, ANA, …), or
// with ?code=… replaces an existing portal's columns by the portal's current header file. The file is read here, in
// the browser, by the same module as the server and the CLI (common/furusato/header-inspect.ts): CSV or TSV, quoted
// or not, UTF-8 (BOM or not) or CP932, title rows above the header. The detected format is shown; every column gets a
// suggested mapping (common/furusato/header-mapping.ts) that the clerk confirms or changes, and may be marked 必須.
// The template (same encoding, delimiter, quoting, title and header rows) is saved through savePortal, which checks it.
import { Alert, Button, Checkbox, Group, Input, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, type ReactNode, useId, useMemo, useRef, useState } from "react";
import { savePortal } from "../../../common/api/furusato";
import {
  DELIMITER_LABELS,
  ENCODING_LABELS,
  HeaderFileError,
  type HeaderInspection,
  inspectHeaderFile,
} from "../../../common/furusato/header-inspect";
import { type MappedValue, suggestColumn, templateFromHeader } from "../../../common/furusato/header-mapping";
import { call } from "../../api/client";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrors } from "../../ui/errors";
import { useFlash } from "../../ui/Flash";
import { ButtonLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { FurusatoNav } from "./components";
import { fm } from "./messages";
import {
  checkBasics,
  initialBasics,
  isBasicsField,
  type LimitField,
  type Portal,
  PortalBasicsFields,
  type PortalBasicsValue,
} from "./portalForm";
import { furusatoKeys, useFurusatoAccess, usePortals, useTemplateVocabulary } from "./queries";

const HEADER_ACCEPT = ".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain";
/** Enough bytes for any header (and its first sample rows); the rest of a large sample file is not read. */
const READ_BYTES = 1024 * 1024;
const MONO = 'ui-monospace, "BIZ UDGothic", Menlo, Consolas, monospace';
/** The server's rule for an export file name (portal-template.ts FILE_NAME). */
const FILE_NAME = /^(?!\.)[^\\/:*?"<>|\p{Cc}]{1,100}$/u;

interface HeaderFile {
  fileName: string;
  bytes: Uint8Array;
  inspection: HeaderInspection;
  /** header rows the clerk may choose from */
  rowChoices: number;
}

type Kind = "none" | "field" | "const" | "expr";
interface ColumnChoice {
  kind: Kind;
  field: string;
  constant: string;
  expr: string;
  required: boolean;
  /** where the first value came from, shown beside the select */
  note: string;
}
const NO_CHOICE: ColumnChoice = { kind: "none", field: "", constant: "", expr: "", required: false, note: "" };

function choiceOf(value: MappedValue | null, note: string, required: boolean): ColumnChoice {
  if (!value) return { ...NO_CHOICE, required };
  if ("field" in value) return { ...NO_CHOICE, kind: "field", field: value.field, note, required };
  if ("const" in value)
    return value.const === "" ? { ...NO_CHOICE, required } : { ...NO_CHOICE, kind: "const", constant: value.const, note, required };
  return { ...NO_CHOICE, kind: "expr", expr: value.expr, note, required };
}

/** First choices for a header: the portal's current setting for a column of the same name, else the suggestion. */
function initialChoices(columns: readonly string[], current: Portal | null): ColumnChoice[] {
  const existing = new Map<string, { value: MappedValue; required?: boolean }>();
  const template = current?.template as { columns?: { header: string; value: MappedValue; required?: boolean }[] } | undefined;
  for (const c of template?.columns ?? []) if (!existing.has(c.header)) existing.set(c.header, c);
  return columns.map((name) => {
    const kept = existing.get(name);
    if (kept) return choiceOf(kept.value, fm.choice.kept, kept.required === true);
    const suggestion = suggestColumn(name);
    // A portal marks required columns in the name (【必須】, ※); the clerk confirms.
    const required = /必須/u.test(name.normalize("NFKC"));
    return choiceOf(suggestion?.value ?? null, suggestion ? fm.choice.suggested(suggestion.label) : "", required);
  });
}

/** The select's value: "" (空欄で出力), "const", "expr" or "field:<path>". */
function selectValue(choice: ColumnChoice): string {
  if (choice.kind === "field") return `field:${choice.field}`;
  return choice.kind === "none" ? "" : choice.kind;
}

async function readBytes(file: File): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await file.slice(0, READ_BYTES).arrayBuffer());
  } catch {
    return null;
  }
}

function inspect(bytes: Uint8Array, headerRow?: number): HeaderInspection | { error: string } {
  try {
    return inspectHeaderFile(bytes, { headerRow });
  } catch (error) {
    return { error: error instanceof HeaderFileError ? error.message : fm.choice.fileUnreadable };
  }
}

export function ChoicePortalPage({ code }: { code?: string }) {
  const access = useFurusatoAccess();
  const portals = usePortals();
  const current = code ? (portals.data?.items.find((p) => p.code === code) ?? null) : null;
  const title = code && current ? fm.choice.replaceTitle(current.name) : fm.choice.title;
  const breadcrumbs = [
    { label: fm.portals.title, href: "/furusato/portals" },
    { label: code ? fm.choice.replaceBreadcrumb : fm.choice.breadcrumb },
  ];
  return (
    <>
      <PageHeader title={title} subtitle={fm.choice.intro} breadcrumbs={breadcrumbs} />
      <FurusatoNav />
      <ErrorAlert error={access.error ?? portals.error} />
      {access.data &&
        (!access.data.manager ? (
          <Alert color="gray" variant="light">
            {fm.choice.forbidden}
          </Alert>
        ) : code && portals.data && !current ? (
          <Alert color="yellow" variant="light">
            {fm.choice.notFound(code)}
          </Alert>
        ) : (!code || current) && portals.data ? (
          <HeaderPortalForm key={code ?? ""} current={current} existingCodes={portals.data.items.map((p) => p.code)} />
        ) : null)}
    </>
  );
}

function HeaderPortalForm({ current, existingCodes }: { current: Portal | null; existingCodes: string[] }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const flash = useFlash();
  const vocabulary = useTemplateVocabulary();
  const [basics, setBasics] = useState(() => initialBasics(current));
  const [header, setHeader] = useState<HeaderFile | null>(null);
  const [reading, setReading] = useState("");
  const [choices, setChoices] = useState<ColumnChoice[]>([]);
  const currentFileName = (current?.template as { file?: { fileName?: string } } | undefined)?.file?.fileName ?? "";
  const [fileName, setFileName] = useState(currentFileName);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const fileId = useId();
  const fileDescriptionId = useId();
  const fileErrorId = useId();
  const fileStatusId = useId();
  const exprHelpId = useId();

  const fieldOptions = useMemo(
    () =>
      (vocabulary.data?.fields ?? [])
        // "gift.allergens.<品目>" is a pattern, not a field: it is written as an expression.
        .filter((f) => !f.path.includes("<"))
        .map((f) => ({ value: `field:${f.path}`, label: fm.choice.fieldOption(f.label, f.path) })),
    [vocabulary.data],
  );
  const selectData = [
    { value: "", label: fm.choice.leaveEmpty },
    { value: "const", label: fm.choice.constOption },
    { value: "expr", label: fm.choice.exprOption },
    ...(fieldOptions.length > 0 ? [{ group: fm.choice.fieldsGroup, items: fieldOptions }] : []),
  ];
  const exprHelp = fm.choice.exprHelp((vocabulary.data?.functions ?? []).map((f) => f.usage).join(fm.choice.usageSep));

  const focusProblem = () =>
    requestAnimationFrame(() => {
      const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
      if (invalid) invalid.focus();
      else alertRef.current?.focus();
    });

  const save = useMutation({
    mutationFn: ({ code, fieldLimits, ...body }: PortalBasicsValue & { template: unknown }) =>
      call(savePortal, {
        params: { code },
        // A blank limit means "no limit"; the contract's record type lists every key.
        body: { ...body, fieldLimits: fieldLimits as Record<LimitField, number> },
      }),
    onSuccess: (saved) => {
      queryClient.invalidateQueries({ queryKey: furusatoKeys.portals });
      queryClient.invalidateQueries({ queryKey: ["furusato", "gift"] });
      queryClient.invalidateQueries({ queryKey: ["furusato", "gifts"] });
      flash.show(fm.portals.saved(saved.name));
      navigate({ to: "/furusato/portals" });
    },
    onError: (error) => {
      // Field errors go under their inputs; a column's (columns.3.value…) under its row; the file's under the file.
      const found: Record<string, string> = {};
      for (const [key, message] of Object.entries(fieldErrors(error))) {
        const path = key.replace(/^template\./, "");
        const byIndex = /^columns\.(\d+)/.exec(path);
        if (isBasicsField(key)) found[key] = message;
        else if (byIndex) addColumnError(found, Number(byIndex[1]), message);
        else if (path === "file.fileName") found.fileName = message;
        else found.headerFile = found.headerFile ? `${found.headerFile}${fm.listSep}${message}` : message;
      }
      setErrors(found);
      focusProblem();
    },
  });

  function applyInspection(fileName: string, bytes: Uint8Array, inspection: HeaderInspection) {
    setHeader({ fileName, bytes, inspection, rowChoices: Math.min(10, inspection.headerRow + inspection.sampleRows) });
    setChoices(initialChoices(inspection.columns, current));
  }

  async function chooseFile(file: File | null) {
    setErrors(({ headerFile: _, ...rest }) => rest);
    if (!file) {
      setHeader(null);
      return;
    }
    setReading(fm.choice.reading(file.name));
    const bytes = await readBytes(file);
    setReading("");
    const found = bytes ? inspect(bytes) : { error: fm.choice.fileUnreadable };
    if (!bytes || "error" in found) {
      setHeader(null);
      setErrors((errs) => ({ ...errs, headerFile: "error" in found ? found.error : fm.choice.fileUnreadable }));
      return;
    }
    applyInspection(file.name, bytes, found);
    // A new portal's upload is named like the portal's own file unless the clerk changes it.
    if (!current && (fileName === "" || fileName === header?.fileName) && FILE_NAME.test(file.name)) setFileName(file.name);
  }

  function chooseHeaderRow(row: number) {
    if (!header) return;
    const found = inspect(header.bytes, row);
    if ("error" in found) {
      setErrors((errs) => ({ ...errs, headerFile: found.error }));
      return;
    }
    setErrors(({ headerFile: _, ...rest }) => rest);
    applyInspection(header.fileName, header.bytes, found);
  }

  function choose(index: number, update: Partial<ColumnChoice>) {
    setChoices((list) => list.map((c, i) => (i === index ? { ...c, ...update } : c)));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    save.reset();
    const checked = checkBasics(basics, { isNew: !current, existingCodes });
    const found = { ...checked.errors };
    if (!header) found.headerFile = errors.headerFile || fm.choice.fileRequired;
    if (!FILE_NAME.test(fileName.trim())) found.fileName = fm.choice.fileNameInvalid;
    const values = choices.map((choice, index): { value: MappedValue | null; required: boolean } => {
      const required = choice.required;
      if (choice.kind === "field") return { value: { field: choice.field }, required };
      if (choice.kind === "const") return { value: { const: choice.constant }, required };
      if (choice.kind === "expr") {
        if (choice.expr.trim() === "") found[`column.${index}`] = fm.choice.exprRequired;
        return { value: { expr: choice.expr.trim() }, required };
      }
      return { value: null, required };
    });
    setErrors(found);
    if (Object.keys(found).length > 0 || !checked.value || !header) return focusProblem();
    const template = templateFromHeader(header.inspection, values, { fileName: fileName.trim(), sourceFileName: header.fileName });
    save.mutate({ ...checked.value, template });
  }

  const mappedCount = choices.filter((c) => c.kind !== "none").length;
  const fileError = errors.headerFile;
  const inspection = header?.inspection;

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={current ? fm.choice.replaceTitle(current.name) : fm.choice.title}>
      <Stack>
        <div ref={alertRef} tabIndex={-1} style={{ outline: "none" }}>
          <ErrorAlert error={save.error} />
        </div>
        {Object.keys(errors).length > 0 && !save.error && (
          <Alert color="red" variant="light" role="alert">
            {fm.choice.invalid}
          </Alert>
        )}

        <Paper withBorder p="lg" component="section" aria-labelledby="choice-basics-heading">
          <Stack>
            <Title order={2} id="choice-basics-heading" className="yk-section-title">
              {fm.choice.basicsHeading}
            </Title>
            <PortalBasicsFields value={basics} onChange={setBasics} errors={errors} codeReadOnly={current !== null} />
          </Stack>
        </Paper>

        <Paper withBorder p="lg" component="section" aria-labelledby="choice-header-heading">
          <Stack>
            <Title order={2} id="choice-header-heading" className="yk-section-title">
              {fm.choice.headerHeading}
            </Title>
            {current && <Text size="sm">{fm.choice.replaceNote}</Text>}
            <Input.Wrapper
              label={fm.choice.fileLabel}
              labelProps={{ htmlFor: fileId }}
              description={fm.choice.fileDescription}
              descriptionProps={{ id: fileDescriptionId }}
              error={fileError || undefined}
              errorProps={{ id: fileErrorId }}
              required
            >
              <input
                id={fileId}
                type="file"
                name="headerFile"
                className="yk-file-input"
                accept={HEADER_ACCEPT}
                aria-describedby={[fileDescriptionId, fileError ? fileErrorId : null, header ? fileStatusId : null]
                  .filter(Boolean)
                  .join(" ")}
                aria-invalid={fileError ? true : undefined}
                required
                onChange={(event) => void chooseFile(event.currentTarget.files?.[0] ?? null)}
              />
            </Input.Wrapper>
            <Text id={fileStatusId} size="sm" role="status" aria-live="polite">
              {reading || (header ? fm.choice.fileRead(header.fileName, header.inspection.columns.length) : "")}
            </Text>
            {header && inspection && (
              <Table withTableBorder variant="vertical" layout="fixed">
                <Table.Caption style={{ captionSide: "top", textAlign: "left" }}>{fm.choice.detectedCaption}</Table.Caption>
                <Table.Tbody>
                  <DetectedRow label={fm.choice.encoding}>{ENCODING_LABELS[inspection.encoding]}</DetectedRow>
                  <DetectedRow label={fm.choice.delimiter}>{DELIMITER_LABELS[inspection.delimiter]}</DetectedRow>
                  <DetectedRow label={fm.choice.headerRow}>
                    <NativeSelect
                      aria-label={fm.choice.headerRow}
                      description={fm.choice.headerRowDescription}
                      data={Array.from({ length: header.rowChoices }, (_, i) => ({
                        value: String(i + 1),
                        label: fm.choice.headerRowValue(i + 1),
                      }))}
                      value={String(inspection.headerRow)}
                      onChange={(e) => chooseHeaderRow(Number(e.currentTarget.value))}
                      maw={360}
                    />
                    {inspection.sampleRows > 0 && (
                      <Text size="xs" c="dimmed">
                        {fm.choice.sampleRows(inspection.sampleRows)}
                      </Text>
                    )}
                  </DetectedRow>
                  <DetectedRow label={fm.choice.titleRows}>
                    {inspection.titleRows.length === 0
                      ? fm.choice.titleRowsNone
                      : fm.choice.titleRowsValue(
                          inspection.titleRows.length,
                          inspection.titleRows.map((r) => r.filter((c) => c.trim() !== "").join(" ") || "（空行）").join(" ／ "),
                        )}
                  </DetectedRow>
                  <DetectedRow label={fm.choice.quoting}>{inspection.quoted ? fm.choice.quotingAll : fm.choice.quotingMinimal}</DetectedRow>
                  <DetectedRow label={fm.choice.lineEnding}>{fm.choice.lineEndings[inspection.lineEnding]}</DetectedRow>
                  <DetectedRow label={fm.choice.columnCount}>{inspection.columns.length}</DetectedRow>
                </Table.Tbody>
              </Table>
            )}
            <TextInput
              label={fm.choice.fileNameLabel}
              description={fm.choice.fileNameDescription}
              value={fileName}
              onChange={(e) => setFileName(e.currentTarget.value)}
              error={errors.fileName || undefined}
              required
              maxLength={100}
              maw={420}
            />
          </Stack>
        </Paper>

        <Paper withBorder p="lg" component="section" aria-labelledby="choice-mapping-heading">
          <Stack>
            <Title order={2} id="choice-mapping-heading" className="yk-section-title">
              {fm.choice.mappingHeading}
            </Title>
            {!inspection ? (
              <Text size="sm" c="dimmed">
                {fm.choice.noFile}
              </Text>
            ) : (
              <>
                <Text size="sm">{fm.choice.mappingHelp}</Text>
                <Text size="xs" c="dimmed" id={exprHelpId}>
                  {exprHelp}
                </Text>
                <ErrorAlert error={vocabulary.error} />
                <Text size="sm" fw={600}>
                  {fm.choice.mappingSummary(mappedCount, inspection.columns.length, inspection.columns.length - mappedCount)}
                </Text>
                <Table.ScrollContainer minWidth={960}>
                  <Table withTableBorder striped verticalSpacing="xs">
                    <Table.Caption style={{ captionSide: "top", textAlign: "left" }}>{fm.choice.mappingCaption}</Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col" style={{ width: "4rem", textAlign: "right" }}>
                          {fm.choice.columnNumber}
                        </Table.Th>
                        <Table.Th scope="col">{fm.choice.columnName}</Table.Th>
                        <Table.Th scope="col">{fm.choice.mappingColumn}</Table.Th>
                        <Table.Th scope="col">{fm.choice.valueColumn}</Table.Th>
                        <Table.Th scope="col" style={{ width: "5rem" }}>
                          {fm.choice.requiredColumn}
                        </Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {inspection.columns.map((name, index) => {
                        const label = name.trim() || fm.choice.unnamed(index + 1);
                        const choice = choices[index] ?? NO_CHOICE;
                        const error = errors[`column.${index}`];
                        return (
                          // biome-ignore lint/suspicious/noArrayIndexKey: columns are identified by their position in the header
                          <Table.Tr key={index}>
                            <Table.Td style={{ textAlign: "right" }}>{index + 1}</Table.Td>
                            <Table.Th scope="row" style={{ fontWeight: 600, whiteSpace: "pre-line", minWidth: "11rem" }}>
                              {label}
                            </Table.Th>
                            <Table.Td style={{ minWidth: "16rem" }}>
                              <NativeSelect
                                aria-label={label}
                                data={selectData}
                                value={selectValue(choice)}
                                description={choice.note || undefined}
                                error={choice.kind === "field" || choice.kind === "none" ? error || undefined : undefined}
                                onChange={(e) => {
                                  const value = e.currentTarget.value;
                                  if (value.startsWith("field:"))
                                    choose(index, { kind: "field", field: value.slice("field:".length), note: "" });
                                  else choose(index, { kind: value === "const" || value === "expr" ? value : "none", note: "" });
                                  setErrors(({ [`column.${index}`]: _, ...rest }) => rest);
                                }}
                              />
                            </Table.Td>
                            <Table.Td style={{ minWidth: "18rem" }}>
                              {choice.kind === "const" && (
                                <TextInput
                                  label={fm.choice.constLabel(label)}
                                  labelProps={{ className: "yk-visually-hidden" }}
                                  value={choice.constant}
                                  onChange={(e) => choose(index, { constant: e.currentTarget.value })}
                                  error={error || undefined}
                                  maxLength={1000}
                                />
                              )}
                              {choice.kind === "expr" && (
                                <TextInput
                                  label={fm.choice.exprLabel(label)}
                                  labelProps={{ className: "yk-visually-hidden" }}
                                  aria-describedby={exprHelpId}
                                  value={choice.expr}
                                  onChange={(e) => choose(index, { expr: e.currentTarget.value })}
                                  error={error || undefined}
                                  maxLength={2000}
                                  spellCheck={false}
                                  autoCapitalize="none"
                                  styles={{ input: { fontFamily: MONO, fontSize: "0.85rem" } }}
                                />
                              )}
                              {choice.kind === "none" && (
                                <Text size="sm" c="dimmed" data-empty-column>
                                  {fm.choice.emptyNote}
                                </Text>
                              )}
                              {choice.kind === "field" && (
                                <Text size="sm" c="dimmed">
                                  {fm.dash}
                                </Text>
                              )}
                            </Table.Td>
                            <Table.Td>
                              <Checkbox
                                aria-label={fm.choice.requiredLabel(label)}
                                checked={choice.required}
                                onChange={(e) => choose(index, { required: e.currentTarget.checked })}
                              />
                            </Table.Td>
                          </Table.Tr>
                        );
                      })}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </>
            )}
          </Stack>
        </Paper>

        <Group justify="flex-end">
          <ButtonLink to="/furusato/portals" variant="default">
            {fm.cancel}
          </ButtonLink>
          <Button type="submit" loading={save.isPending}>
            {fm.choice.submit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DetectedRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" w={160}>
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

/** Joins the messages of one column (several server findings may name it). */
function addColumnError(found: Record<string, string>, index: number, message: string) {
  const key = `column.${index}`;
  found[key] = found[key] ? `${found[key]}${fm.listSep}${message}` : message;
}
