// /policy/import: paste or upload the policy text, or choose a Word file (read on the server into the same text)
// → 解析 (preview, nothing saved) → confirm → 保存.
import {
  Accordion,
  Alert,
  Button,
  Checkbox,
  FileButton,
  Group,
  List,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useRef, useState } from "react";
import type { ResponseOf } from "../../../common/api/contract";
import { importDocument, previewImport, previewImportDocx } from "../../../common/api/policy";
import { DOCUMENT_UPLOAD_MAX_BYTES, WORD_TYPES } from "../../../common/upload-limits";
import { call, upload } from "../../api/client";
import { useCurrentUser } from "../../auth/session";
import { fiscalYearLabel } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrors } from "../../ui/errors";
import { FiscalYearInput } from "../../ui/FiscalYear";
import { useFlash } from "../../ui/Flash";
import { PageHeader } from "../../ui/PageHeader";
import { ChallengeParts, OverviewMatrix, Paragraphs, ProgressBlock } from "./components";
import { pm } from "./messages";
import { policyKeys, useOrganisations } from "./queries";

type Preview = ResponseOf<typeof previewImport>;
type Issue = Preview["issues"][number];

const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** A Word file by its name or its first bytes (a .docx is a zip; an old .doc an OLE file, which the server explains). */
async function isWordFile(file: File): Promise<boolean> {
  if (WORD_TYPES.extensions.some((ext) => file.name.toLowerCase().endsWith(ext))) return true;
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  const starts = (...bytes: number[]) => bytes.every((byte, i) => head[i] === byte);
  return starts(0x50, 0x4b, 0x03, 0x04) || starts(0xd0, 0xcf, 0x11, 0xe0);
}

/** UTF-8 first; when that yields U+FFFD the file is read again as Shift_JIS (Excel / older Windows tools). */
export function decodeText(buffer: ArrayBuffer): { text: string; encoding: "utf-8" | "shift_jis" } {
  const utf8 = new TextDecoder("utf-8").decode(buffer);
  if (!utf8.includes("\uFFFD")) return { text: utf8, encoding: "utf-8" };
  return { text: new TextDecoder("shift_jis").decode(buffer), encoding: "shift_jis" };
}

function IssueList({ issues }: { issues: Issue[] }) {
  return (
    <List size="sm" spacing={4}>
      {issues.map((issue, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: issues have no identity
        <List.Item key={index}>
          {issue.line ? `${pm.import.line(issue.line)}: ` : ""}
          {issue.challengeCode ? pm.import.issueChallenge(issue.challengeCode) : ""}
          {issue.message}
        </List.Item>
      ))}
    </List>
  );
}

export function ImportPage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const flash = useFlash();
  const organisations = useOrganisations();
  const bureaus = (organisations.data?.items ?? []).filter((org) => org.kind === "bureau");

  const [text, setText] = useState("");
  const [textError, setTextError] = useState<string | null>(null);
  const [fileNote, setFileNote] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ result: Preview; text: string } | null>(null);
  const [organisationId, setOrganisationId] = useState("");
  const [fiscalYearText, setFiscalYearText] = useState("");
  const [fiscalYear, setFiscalYear] = useState<number | null>(null);
  const [replaceExisting, setReplaceExisting] = useState(false);
  const [saveErrors, setSaveErrors] = useState<Record<string, string>>({});
  const textRef = useRef<HTMLTextAreaElement>(null);
  const bureauRef = useRef<HTMLSelectElement>(null);
  const fiscalRef = useRef<HTMLInputElement>(null);
  const resultHeadingRef = useRef<HTMLHeadingElement>(null);
  // lets the same file be chosen again after it was edited (the input fires no change for the same name)
  const fileResetRef = useRef<() => void>(null);

  function showPreview(result: Preview, parsedText: string) {
    setPreview({ result, text: parsedText });
    const parsedBureau = result.document.bureauName;
    const match = bureaus.find((org) => org.name === parsedBureau) ?? bureaus.find((org) => org.id === user.bureauId);
    setOrganisationId((current) => current || match?.id || "");
    if (result.suggestedFiscalYear !== null) {
      setFiscalYear(result.suggestedFiscalYear);
      setFiscalYearText(fiscalYearLabel(result.suggestedFiscalYear));
    }
    setSaveErrors({});
    requestAnimationFrame(() => resultHeadingRef.current?.focus());
  }

  const parse = useMutation({
    mutationFn: (body: { text: string }) => call(previewImport, { body }),
    onSuccess: (result, body) => showPreview(result, body.text),
    onError: (error) => setTextError(fieldErrors(error).text ?? null),
  });

  // A Word file is read on the server into the same text (shown in the text box) and previewed at once.
  const readWord = useMutation({
    mutationFn: (file: File) => upload(previewImportDocx, {}, file),
    onSuccess: ({ text: read, ...result }, file) => {
      setText(read);
      setFileNote(pm.import.wordLoaded(file.name, read.length));
      showPreview(result, read);
    },
  });

  const save = useMutation({
    mutationFn: (body: { text: string; organisationId: string; fiscalYear: number; replaceExisting: boolean }) =>
      call(importDocument, { body }),
    onSuccess: (result) => {
      queryClient.invalidateQueries({ queryKey: policyKeys.all });
      flash.show(pm.import.saved(result.challengeCount));
      navigate({ to: "/policy/documents/$id", params: { id: result.documentId } });
    },
    onError: (error) => {
      const fields = fieldErrors(error);
      setSaveErrors(fields);
      if (fields.organisationId) bureauRef.current?.focus();
      else if (fields.fiscalYear) fiscalRef.current?.focus();
    },
  });

  async function onFile(file: File | null) {
    setFileNote(null);
    setTextError(null);
    readWord.reset();
    fileResetRef.current?.();
    if (!file) return;
    if (await isWordFile(file)) {
      if (file.size > DOCUMENT_UPLOAD_MAX_BYTES) {
        setTextError(pm.import.wordTooLarge);
        return;
      }
      setPreview(null);
      readWord.mutate(file);
      return;
    }
    if (file.size > MAX_FILE_BYTES) {
      setTextError(pm.import.fileTooLarge);
      return;
    }
    try {
      const { text: decoded, encoding } = decodeText(await file.arrayBuffer());
      setText(decoded);
      setPreview(null);
      setFileNote(pm.import.fileLoaded(file.name, encoding === "utf-8" ? pm.import.encodingUtf8 : pm.import.encodingSjis, decoded.length));
    } catch {
      setTextError(pm.import.fileUnreadable);
    }
  }

  function onParse(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) {
      setTextError(pm.import.textRequired);
      textRef.current?.focus();
      return;
    }
    setTextError(null);
    parse.mutate({ text });
  }

  function onSave(event: FormEvent) {
    event.preventDefault();
    if (!preview) return;
    const found: Record<string, string> = {};
    if (!organisationId) found.organisationId = pm.import.bureauRequired;
    if (fiscalYear === null) found.fiscalYear = pm.import.fiscalYearRequired;
    setSaveErrors(found);
    if (found.organisationId) return bureauRef.current?.focus();
    if (found.fiscalYear || fiscalYear === null) return fiscalRef.current?.focus();
    save.mutate({ text: preview.text, organisationId, fiscalYear, replaceExisting });
  }

  function reset() {
    setText("");
    setPreview(null);
    setFileNote(null);
    setTextError(null);
    parse.reset();
    readWord.reset();
    save.reset();
    textRef.current?.focus();
  }

  const result = preview?.result;
  const errors = result?.issues.filter((issue) => issue.severity === "error") ?? [];
  const warnings = result?.issues.filter((issue) => issue.severity === "warning") ?? [];
  const stale = preview !== null && preview.text !== text;
  const selectedBureau = bureaus.find((org) => org.id === organisationId);

  return (
    <>
      <PageHeader
        title={pm.import.title}
        subtitle={pm.import.intro}
        breadcrumbs={[{ label: pm.moduleName, href: "/policy" }, { label: pm.import.title }]}
      />
      <Stack gap="lg">
        <Paper withBorder p="lg" component="section" aria-labelledby="import-step-input">
          <Title order={2} id="import-step-input" mb="sm" className="yk-section-title">
            {pm.import.stepInput}
          </Title>
          <form onSubmit={onParse} noValidate>
            <Stack>
              <Group gap="sm">
                <FileButton
                  onChange={onFile}
                  resetRef={fileResetRef}
                  accept={[".txt", "text/plain", ...WORD_TYPES.extensions, ...WORD_TYPES.mimeTypes].join(",")}
                >
                  {(props) => (
                    <Button variant="default" {...props} loading={readWord.isPending} aria-describedby="import-file-description">
                      {pm.import.fileLabel}
                    </Button>
                  )}
                </FileButton>
                <Text size="sm" c="dimmed" id="import-file-description">
                  {pm.import.fileDescription}
                </Text>
              </Group>
              {readWord.isPending && readWord.variables && (
                <Text size="sm" role="status">
                  {pm.import.wordReading(readWord.variables.name)}
                </Text>
              )}
              {fileNote && (
                <Text size="sm" role="status">
                  {fileNote}
                </Text>
              )}
              <ErrorAlert error={readWord.error} title={pm.import.wordError} />
              <Textarea
                ref={textRef}
                label={pm.import.textLabel}
                description={pm.import.textDescription}
                value={text}
                onChange={(e) => {
                  setText(e.currentTarget.value);
                  setTextError(null);
                }}
                error={textError}
                autosize
                minRows={10}
                maxRows={24}
                spellCheck={false}
                styles={{ input: { fontFamily: "inherit", lineHeight: 1.6 } }}
              />
              <ErrorAlert error={parse.error && !fieldErrors(parse.error).text ? parse.error : null} />
              <Group>
                <Button type="submit" loading={parse.isPending}>
                  {pm.import.parse}
                </Button>
                {(preview || text) && (
                  <Button variant="subtle" onClick={reset}>
                    {pm.import.reset}
                  </Button>
                )}
              </Group>
            </Stack>
          </form>
        </Paper>

        {result && (
          <Paper withBorder p="lg" component="section" aria-labelledby="import-step-confirm">
            <Title order={2} id="import-step-confirm" mb="sm" className="yk-section-title" tabIndex={-1} ref={resultHeadingRef}>
              {pm.import.stepConfirm}
            </Title>
            <Stack gap="md">
              {stale && (
                <Alert color="yellow" variant="light" role="alert" styles={{ message: { color: "#5c3c00" } }}>
                  {pm.import.changedSinceParse}
                </Alert>
              )}
              {errors.length > 0 && (
                <Alert color="red" variant="light" title={pm.import.errorsHeading(errors.length)} role="alert">
                  <Text size="sm" mb={4}>
                    {pm.import.errorsHelp}
                  </Text>
                  <IssueList issues={errors} />
                </Alert>
              )}
              {warnings.length > 0 && (
                <Alert
                  color="yellow"
                  variant="light"
                  title={pm.import.warningsHeading(warnings.length)}
                  styles={{ title: { color: "#5c3c00" } }}
                >
                  <Text size="sm" mb={4}>
                    {pm.import.warningsHelp}
                  </Text>
                  <IssueList issues={warnings} />
                </Alert>
              )}
              {errors.length === 0 && warnings.length === 0 && (
                <Alert color="green" variant="light" role="status" styles={{ message: { color: "#1e5631" } }}>
                  {pm.import.noIssues}
                </Alert>
              )}

              <SimpleGrid cols={{ base: 1, md: 3 }} component="dl" style={{ margin: 0 }}>
                <div>
                  <Text component="dt" size="sm" fw={700}>
                    {pm.import.bureauParsed}
                  </Text>
                  <Text component="dd" m={0}>
                    {result.document.bureauName || "—"}
                  </Text>
                </div>
                <div>
                  <Text component="dt" size="sm" fw={700}>
                    {pm.import.docTitle}
                  </Text>
                  <Text component="dd" m={0}>
                    {result.document.title || "—"}
                  </Text>
                </div>
                <div>
                  <Text component="dt" size="sm" fw={700}>
                    {pm.import.overviewTitle}
                  </Text>
                  <Text component="dd" m={0}>
                    {result.document.overviewTitle || "—"}
                  </Text>
                </div>
              </SimpleGrid>

              <div>
                <Title order={3} mb="xs">
                  {pm.import.overview}
                </Title>
                <OverviewMatrix
                  audience="preview"
                  document={{
                    ...result.document,
                    challenges: result.document.challenges.map((challenge) => ({
                      id: challenge.code,
                      code: challenge.code,
                      number: challenge.number,
                      latestProgress: challenge.progress.at(-1) ?? null,
                    })),
                  }}
                />
              </div>

              <div>
                <Title order={3} mb="xs">
                  {result.document.missionHeading || pm.import.mission}
                </Title>
                <Paragraphs text={result.document.mission} empty="—" />
              </div>

              <div>
                <Title order={3} mb="xs">
                  {pm.import.challenges(result.document.challenges.length)}
                </Title>
                <Accordion multiple variant="contained" chevronPosition="left">
                  {result.document.challenges.map((challenge) => (
                    <Accordion.Item key={challenge.code} value={challenge.code}>
                      <Accordion.Control>{pm.challengeTitle(challenge.code, challenge.name)}</Accordion.Control>
                      <Accordion.Panel>
                        <ChallengeParts challenge={challenge} headingLevel={4} />
                        <Text fw={700} mt="md">
                          {pm.challenge.parts.progress}
                        </Text>
                        <Stack gap="sm" mt={4} ml="lg">
                          {challenge.progress.map((entry) => (
                            <ProgressBlock key={entry.asOf + entry.asOfLabel} entry={entry} />
                          ))}
                        </Stack>
                      </Accordion.Panel>
                    </Accordion.Item>
                  ))}
                </Accordion>
              </div>
            </Stack>
          </Paper>
        )}

        {result && (
          <Paper withBorder p="lg" component="section" aria-labelledby="import-step-save">
            <Title order={2} id="import-step-save" mb="sm" className="yk-section-title">
              {pm.import.stepSave}
            </Title>
            <form onSubmit={onSave} noValidate>
              <Stack>
                {bureaus.length === 0 && organisations.isSuccess && (
                  <Alert color="yellow" variant="light" styles={{ message: { color: "#5c3c00" } }}>
                    {pm.import.noBureaus}
                  </Alert>
                )}
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <NativeSelect
                    ref={bureauRef}
                    label={pm.import.bureau}
                    required
                    value={organisationId}
                    onChange={(e) => setOrganisationId(e.currentTarget.value)}
                    data={[
                      { value: "", label: pm.import.bureauPlaceholder },
                      ...bureaus.map((org) => ({ value: org.id, label: org.name })),
                    ]}
                    error={saveErrors.organisationId}
                    description={
                      selectedBureau && result.document.bureauName && selectedBureau.name !== result.document.bureauName
                        ? pm.import.bureauMismatch(result.document.bureauName)
                        : undefined
                    }
                  />
                  <FiscalYearInput
                    ref={fiscalRef}
                    label={pm.import.fiscalYear}
                    required
                    value={fiscalYearText}
                    onChange={(value, fy) => {
                      setFiscalYearText(value);
                      setFiscalYear(fy);
                    }}
                    error={saveErrors.fiscalYear}
                  />
                </SimpleGrid>
                <Checkbox
                  label={pm.import.replaceExisting}
                  checked={replaceExisting}
                  onChange={(e) => setReplaceExisting(e.currentTarget.checked)}
                />
                <ErrorAlert error={save.error} />
                {!result.canImport && (
                  <Text c="red.9" role="alert">
                    {pm.import.cannotSave}
                  </Text>
                )}
                <Group>
                  <Button type="submit" loading={save.isPending} disabled={!result.canImport || stale}>
                    {pm.import.save}
                  </Button>
                </Group>
              </Stack>
            </form>
          </Paper>
        )}
      </Stack>
    </>
  );
}
