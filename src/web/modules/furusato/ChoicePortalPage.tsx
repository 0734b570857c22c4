// /furusato/portals/choice: adds a ふるさとチョイス type portal. The portal supplies the header line of its upload
// file (TSV); the city reads it here (in the browser), maps each column it wants filled to a field, a constant or an
// expression, and the server builds the export template from it (saveChoicePortal). Unmapped columns stay empty.
import { Alert, Button, Group, Input, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useId, useMemo, useRef, useState } from "react";
import { saveChoicePortal } from "../../../common/api/furusato";
import { call } from "../../api/client";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrors } from "../../ui/errors";
import { useFlash } from "../../ui/Flash";
import { ButtonLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { FurusatoNav } from "./components";
import { fm } from "./messages";
import { checkBasics, initialBasics, isBasicsField, type LimitField, PortalBasicsFields, type PortalBasicsValue } from "./portalForm";
import { furusatoKeys, useFurusatoAccess, usePortals, useTemplateVocabulary } from "./queries";

const HEADER_ACCEPT = ".tsv,.txt,.csv,text/tab-separated-values,text/plain,text/csv";
/** The contract's limit on headerLine. */
const MAX_HEADER_CHARS = 20_000;
/** Enough bytes for any header line; the rest of a large file is not read. */
const READ_BYTES = 1024 * 1024;
const MONO = 'ui-monospace, "BIZ UDGothic", Menlo, Consolas, monospace';

interface HeaderFile {
  fileName: string;
  /** the first line as supplied, with its line ending (the server takes CRLF/LF from it) */
  headerLine: string;
  columns: string[];
  encoding: "UTF-8" | "Shift_JIS";
  lineEnding: "crlf" | "lf" | "none";
}

/** The first line of a text, with its line ending (a bare CR ends the line but is not kept). */
function firstLine(text: string): string {
  const match = /^[^\r\n]*(\r\n|\n)?/.exec(text);
  return match ? match[0] : "";
}

/** Reads the header file as UTF-8, or as Shift_JIS when UTF-8 does not fit (U+FFFD in the header line). */
async function readHeaderFile(file: File): Promise<HeaderFile | { error: string }> {
  let bytes: ArrayBuffer;
  try {
    bytes = await file.slice(0, READ_BYTES).arrayBuffer();
  } catch {
    return { error: fm.choice.fileUnreadable };
  }
  let encoding: HeaderFile["encoding"] = "UTF-8";
  let line = firstLine(new TextDecoder("utf-8").decode(bytes));
  if (line.includes("\uFFFD")) {
    try {
      line = firstLine(new TextDecoder("shift_jis").decode(bytes));
      encoding = "Shift_JIS";
    } catch {
      return { error: fm.choice.fileUnreadable };
    }
  }
  line = line.replace(/^\uFEFF/, "");
  const header = line.replace(/\r?\n$/, "");
  if (header.trim() === "") return { error: fm.choice.fileEmpty };
  if (line.length > MAX_HEADER_CHARS) return { error: fm.choice.fileTooLong };
  return {
    fileName: file.name,
    headerLine: line,
    columns: header.split("\t"),
    encoding,
    lineEnding: line.endsWith("\r\n") ? "crlf" : line.endsWith("\n") ? "lf" : "none",
  };
}

type Kind = "none" | "field" | "const" | "expr";
interface ColumnChoice {
  kind: Kind;
  field: string;
  constant: string;
  expr: string;
}
type ColumnValue = { field: string } | { const: string } | { expr: string };
const NO_CHOICE: ColumnChoice = { kind: "none", field: "", constant: "", expr: "" };

/** The select's value: "" (空欄のまま), "const", "expr" or "field:<path>". */
function selectValue(choice: ColumnChoice): string {
  if (choice.kind === "field") return `field:${choice.field}`;
  return choice.kind === "none" ? "" : choice.kind;
}

export function ChoicePortalPage() {
  const access = useFurusatoAccess();
  const breadcrumbs = [{ label: fm.portals.title, href: "/furusato/portals" }, { label: fm.choice.breadcrumb }];
  return (
    <>
      <PageHeader title={fm.choice.title} subtitle={fm.choice.intro} breadcrumbs={breadcrumbs} />
      <FurusatoNav />
      <ErrorAlert error={access.error} />
      {access.data &&
        (access.data.manager ? (
          <ChoicePortalForm />
        ) : (
          <Alert color="gray" variant="light">
            {fm.choice.forbidden}
          </Alert>
        ))}
    </>
  );
}

function ChoicePortalForm() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const flash = useFlash();
  const portals = usePortals();
  const vocabulary = useTemplateVocabulary();
  const [basics, setBasics] = useState(() => initialBasics(null));
  const [header, setHeader] = useState<HeaderFile | null>(null);
  const [reading, setReading] = useState("");
  const [choices, setChoices] = useState<Record<string, ColumnChoice>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const fileId = useId();
  const fileDescriptionId = useId();
  const fileErrorId = useId();
  const fileStatusId = useId();

  // Columns that appear more than once cannot be mapped (the server refuses them).
  const duplicates = useMemo(() => {
    const counts = new Map<string, number>();
    for (const name of header?.columns ?? []) counts.set(name, (counts.get(name) ?? 0) + 1);
    return new Set([...counts].filter(([, n]) => n > 1).map(([name]) => name));
  }, [header]);

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
    mutationFn: ({ code, fieldLimits, ...body }: PortalBasicsValue & { headerLine: string; mapping: Record<string, ColumnValue> }) =>
      call(saveChoicePortal, {
        params: { code },
        body: {
          ...body,
          // A blank limit means "no limit"; the contract's record type lists every key.
          fieldLimits: fieldLimits as Record<LimitField, number>,
        },
      }),
    onSuccess: (saved) => {
      queryClient.invalidateQueries({ queryKey: furusatoKeys.portals });
      queryClient.invalidateQueries({ queryKey: ["furusato", "gift"] });
      queryClient.invalidateQueries({ queryKey: ["furusato", "gifts"] });
      flash.show(fm.portals.saved(saved.name));
      navigate({ to: "/furusato/portals" });
    },
    onError: (error) => {
      // Field errors go under their inputs; a column's (columns.3.value…, mapping.<列名>…) under its row.
      const found: Record<string, string> = {};
      const columns = header?.columns ?? [];
      for (const [key, message] of Object.entries(fieldErrors(error))) {
        if (isBasicsField(key) || key === "headerLine") found[key] = message;
        const byIndex = /^(?:template\.)?columns\.(\d+)/.exec(key);
        if (byIndex) addColumnError(found, Number(byIndex[1]), message);
        if (key.startsWith("mapping.")) {
          const name = key.slice("mapping.".length).replace(/\.(field|const|expr)$/, "");
          const index = columns.indexOf(name);
          if (index >= 0) addColumnError(found, index, message);
        }
      }
      setErrors(found);
      focusProblem();
    },
  });

  async function chooseFile(file: File | null) {
    setErrors(({ headerLine: _, ...rest }) => rest);
    if (!file) {
      setHeader(null);
      return;
    }
    setReading(fm.choice.reading(file.name));
    const read = await readHeaderFile(file);
    setReading("");
    if ("error" in read) {
      setHeader(null);
      setErrors((current) => ({ ...current, headerLine: read.error }));
      return;
    }
    // Choices made for a column of the same name are kept when another file is read.
    setHeader(read);
  }

  function choose(name: string, update: Partial<ColumnChoice>) {
    setChoices((current) => ({ ...current, [name]: { ...(current[name] ?? NO_CHOICE), ...update } }));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    save.reset();
    const checked = checkBasics(basics, { isNew: true, existingCodes: (portals.data?.items ?? []).map((p) => p.code) });
    const found = { ...checked.errors };
    if (!header) found.headerLine = errors.headerLine || fm.choice.fileRequired;
    const mapping: Record<string, ColumnValue> = {};
    header?.columns.forEach((name, index) => {
      const choice = choices[name];
      if (!choice || choice.kind === "none" || duplicates.has(name)) return;
      if (choice.kind === "field") mapping[name] = { field: choice.field };
      else if (choice.kind === "const") mapping[name] = { const: choice.constant };
      else if (choice.expr.trim() === "") found[`column.${index}`] = fm.choice.exprRequired;
      else mapping[name] = { expr: choice.expr.trim() };
    });
    setErrors(found);
    if (Object.keys(found).length > 0 || !checked.value || !header) return focusProblem();
    save.mutate({ ...checked.value, headerLine: header.headerLine, mapping });
  }

  const mappedCount = header
    ? header.columns.filter((name) => !duplicates.has(name) && (choices[name]?.kind ?? "none") !== "none").length
    : 0;
  const fileError = errors.headerLine;

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={fm.choice.title}>
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
            <PortalBasicsFields value={basics} onChange={setBasics} errors={errors} codeReadOnly={false} />
          </Stack>
        </Paper>

        <Paper withBorder p="lg" component="section" aria-labelledby="choice-header-heading">
          <Stack>
            <Title order={2} id="choice-header-heading" className="yk-section-title">
              {fm.choice.headerHeading}
            </Title>
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
              {reading ||
                (header
                  ? fm.choice.fileRead(header.fileName, header.columns.length, header.encoding, fm.choice.lineEndings[header.lineEnding])
                  : "")}
            </Text>
            {header && header.columns.length === 1 && (
              <Alert color="yellow" variant="light">
                {fm.choice.noTabs}
              </Alert>
            )}
          </Stack>
        </Paper>

        <Paper withBorder p="lg" component="section" aria-labelledby="choice-mapping-heading">
          <Stack>
            <Title order={2} id="choice-mapping-heading" className="yk-section-title">
              {fm.choice.mappingHeading}
            </Title>
            {!header ? (
              <Text size="sm" c="dimmed">
                {fm.choice.noFile}
              </Text>
            ) : (
              <>
                <Text size="sm">{fm.choice.mappingHelp}</Text>
                <ErrorAlert error={vocabulary.error} />
                <Text size="sm" fw={600}>
                  {fm.choice.mappingSummary(mappedCount, header.columns.length)}
                </Text>
                <Table.ScrollContainer minWidth={720}>
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
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {header.columns.map((name, index) => {
                        const label = name || fm.choice.unnamed(index + 1);
                        const choice = choices[name] ?? NO_CHOICE;
                        const duplicate = duplicates.has(name);
                        const error = errors[`column.${index}`];
                        return (
                          // biome-ignore lint/suspicious/noArrayIndexKey: columns are identified by their position in the header
                          <Table.Tr key={index}>
                            <Table.Td style={{ textAlign: "right" }}>{index + 1}</Table.Td>
                            <Table.Th scope="row" style={{ fontWeight: 600 }}>
                              {label}
                            </Table.Th>
                            <Table.Td style={{ minWidth: "16rem" }}>
                              <NativeSelect
                                aria-label={label}
                                data={selectData}
                                value={duplicate ? "" : selectValue(choice)}
                                disabled={duplicate}
                                description={duplicate ? fm.choice.duplicate : undefined}
                                error={choice.kind === "field" || choice.kind === "none" ? error || undefined : undefined}
                                onChange={(e) => {
                                  const value = e.currentTarget.value;
                                  if (value.startsWith("field:")) choose(name, { kind: "field", field: value.slice("field:".length) });
                                  else choose(name, { kind: value === "const" || value === "expr" ? value : "none" });
                                  setErrors(({ [`column.${index}`]: _, ...rest }) => rest);
                                }}
                              />
                            </Table.Td>
                            <Table.Td style={{ minWidth: "18rem" }}>
                              {choice.kind === "const" && !duplicate && (
                                <TextInput
                                  label={fm.choice.constLabel(label)}
                                  labelProps={{ className: "yk-visually-hidden" }}
                                  value={choice.constant}
                                  onChange={(e) => choose(name, { constant: e.currentTarget.value })}
                                  error={error || undefined}
                                  maxLength={1000}
                                />
                              )}
                              {choice.kind === "expr" && !duplicate && (
                                <TextInput
                                  label={fm.choice.exprLabel(label)}
                                  labelProps={{ className: "yk-visually-hidden" }}
                                  description={exprHelp}
                                  value={choice.expr}
                                  onChange={(e) => choose(name, { expr: e.currentTarget.value })}
                                  error={error || undefined}
                                  maxLength={2000}
                                  spellCheck={false}
                                  autoCapitalize="none"
                                  styles={{ input: { fontFamily: MONO, fontSize: "0.85rem" } }}
                                />
                              )}
                              {(choice.kind === "none" || choice.kind === "field" || duplicate) && (
                                <Text size="sm" c="dimmed">
                                  {fm.dash}
                                </Text>
                              )}
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

/** Joins the messages of one column (several server findings may name it). */
function addColumnError(found: Record<string, string>, index: number, message: string) {
  const key = `column.${index}`;
  found[key] = found[key] ? `${found[key]}${fm.listSep}${message}` : message;
}
