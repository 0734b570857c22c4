// /policy/import: paste or upload the policy text, or choose a Word file (read on the server into the same text)
// → 解析 (preview, nothing saved; ImportPreview.tsx) → confirm → 保存 (ImportSaveForm.tsx).
import { Button, FileButton, Group, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useRef, useState } from "react";
import { importDocument, previewImport, previewImportDocx } from "../../../common/api/policy";
import { DOCUMENT_UPLOAD_MAX_BYTES, WORD_TYPES } from "../../../common/upload-limits";
import { call, upload } from "../../api/client";
import { useCurrentUser } from "../../auth/session";
import { fiscalYearLabel } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrors } from "../../ui/errors";
import { useFlash } from "../../ui/Flash";
import { PageHeader } from "../../ui/PageHeader";
import { useFocusFirstInvalid } from "../../ui/useFocusFirstInvalid";
import { ImportPreview, type Preview } from "./ImportPreview";
import { emptySaveValues, ImportSaveForm, type SaveValues, saveErrors } from "./ImportSaveForm";
import { decodeText, isWordFile, MAX_FILE_BYTES } from "./import-file";
import { pm } from "./messages";
import { policyKeys, useOrganisations } from "./queries";

export function ImportPage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const flash = useFlash();
  const organisations = useOrganisations();
  const bureaus = (organisations.data?.items ?? []).filter((org) => org.kind === "bureau");

  const textForm = useForm({
    initialValues: { text: "" },
    validate: { text: (text) => (text.trim() ? null : pm.import.textRequired) },
  });
  const text = textForm.values.text;
  const setTextError = (message: string | null) => textForm.setFieldError("text", message);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [fileNote, setFileNote] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ result: Preview; text: string } | null>(null);
  const saveForm = useForm<SaveValues>({ initialValues: emptySaveValues, validate: saveErrors });
  const { ref: saveFormRef, focusFirstInvalid } = useFocusFirstInvalid();
  const resultHeadingRef = useRef<HTMLHeadingElement>(null);
  // lets the same file be chosen again after it was edited (the input fires no change for the same name)
  const fileResetRef = useRef<() => void>(null);

  function showPreview(result: Preview, parsedText: string) {
    setPreview({ result, text: parsedText });
    const parsedBureau = result.document.bureauName;
    const match = bureaus.find((org) => org.name === parsedBureau) ?? bureaus.find((org) => org.id === user.bureauId);
    const current = saveForm.getValues();
    saveForm.setValues({
      organisationId: current.organisationId || match?.id || "",
      ...(result.suggestedFiscalYear !== null
        ? { fiscalYear: result.suggestedFiscalYear, fiscalYearText: fiscalYearLabel(result.suggestedFiscalYear) }
        : {}),
    });
    saveForm.clearErrors();
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
      textForm.setFieldValue("text", read);
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
      saveForm.setErrors(fieldErrors(error));
      focusFirstInvalid();
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
      textForm.setFieldValue("text", decoded);
      setPreview(null);
      setFileNote(pm.import.fileLoaded(file.name, encoding === "utf-8" ? pm.import.encodingUtf8 : pm.import.encodingSjis, decoded.length));
    } catch {
      setTextError(pm.import.fileUnreadable);
    }
  }

  const onParse = textForm.onSubmit(
    (values) => parse.mutate({ text: values.text }),
    () => textRef.current?.focus(),
  );

  const onSave = saveForm.onSubmit((values) => {
    if (!preview || values.fiscalYear === null) return;
    const { organisationId, fiscalYear, replaceExisting } = values;
    save.mutate({ text: preview.text, organisationId, fiscalYear, replaceExisting });
  }, focusFirstInvalid);

  function reset() {
    textForm.setValues({ text: "" });
    setPreview(null);
    setFileNote(null);
    setTextError(null);
    parse.reset();
    readWord.reset();
    save.reset();
    textRef.current?.focus();
  }

  const result = preview?.result;
  const stale = preview !== null && preview.text !== text;

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
                {...textForm.getInputProps("text")}
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

        {result && <ImportPreview result={result} stale={stale} headingRef={resultHeadingRef} />}
        {result && (
          <ImportSaveForm
            form={saveForm}
            formRef={saveFormRef}
            onSubmit={onSave}
            result={result}
            bureaus={bureaus}
            bureausLoaded={organisations.isSuccess}
            stale={stale}
            saving={save.isPending}
            error={save.error}
          />
        )}
      </Stack>
    </>
  );
}
