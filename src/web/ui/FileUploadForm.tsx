// The file upload form shared by the pages that keep files with a record (返礼品の画像・根拠資料, 事業者の提出書類,
// 国際関連事業・海外出張の添付資料): checks the file's type and size (and any text fields, such as 書類名) in the
// browser, uploads it, routes the server's field errors to the field (anything else to the ErrorAlert), announces
// progress in an aria-live status, and shows a flash when done.
import { Button, FileInput, Group, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { type FormErrors, useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useState } from "react";
import type { AcceptedTypes } from "../../common/upload-limits";
import { ErrorAlert } from "./ErrorAlert";
import { fieldErrors } from "./errors";
import { useFlash } from "./Flash";
import { useFocusFirstInvalid } from "./useFocusFirstInvalid";

/** The file types a form accepts: MIME types, and extensions (with the dot, lower case) for files without one. */
export type { AcceptedTypes };

function acceptAttribute(types: AcceptedTypes): string {
  return [...types.mimeTypes, ...types.extensions].join(",");
}

function fileTypeOk(file: File, types: AcceptedTypes): boolean {
  if (types.mimeTypes.includes(file.type)) return true;
  const name = file.name.toLowerCase();
  return types.extensions.some((extension) => name.endsWith(extension));
}

/** A required text field sent with the file (its value trimmed); `name` is also the server's field-error key. */
export interface UploadTextField<K extends string> {
  name: K;
  label: string;
  description?: string;
  maxLength: number;
  requiredMessage: string;
  tooLongMessage: string;
}

export interface FileUploadMessages<K extends string> {
  /** The form's heading and its submit button. */
  submit: string;
  fileLabel: string;
  fileHelp: string;
  placeholder: string;
  chooseFile: string;
  wrongType: string;
  tooLarge: string;
  uploading: (fileName: string) => string;
  /** The status and flash after an upload. */
  uploaded: (file: File, values: Readonly<Record<K, string>>) => string;
}

export interface FileUploadFormProps<T, K extends string> {
  /** The id of the form's heading (which names the form). */
  headingId: string;
  /**
   * "inline": a small heading, the file field and the button on one line, the status below (a section's own list).
   * "grid": a larger heading, the fields in two columns, the button and the status below (under a table).
   */
  layout?: "inline" | "grid";
  accept: AcceptedTypes;
  maxBytes: number;
  /** With a limit, the form gives way to `fullMessage` once `count` reaches `max`. */
  limit?: { count: number; max: number; fullMessage: string };
  fields?: readonly UploadTextField<K>[];
  messages: FileUploadMessages<K>;
  /** Whether submitting clears the previous status first (otherwise it stays until the file changes or an upload starts). */
  clearStatusOnSubmit?: boolean;
  upload: (file: File, values: Readonly<Record<K, string>>) => Promise<T>;
  onUploaded: (result: T) => void;
}

/** The form's values: each text field by its name, and the chosen file. */
type UploadValues = Record<string, string | File | null> & { file: File | null };
const text = (values: UploadValues, name: string) => (typeof values[name] === "string" ? values[name] : "");

/** The browser's checks: each text field present and not too long; a file chosen, of an accepted type and size. */
function uploadErrors<K extends string>(
  values: UploadValues,
  {
    fields,
    accept,
    maxBytes,
    messages,
  }: { fields: readonly UploadTextField<K>[]; accept: AcceptedTypes; maxBytes: number; messages: FileUploadMessages<K> },
): FormErrors {
  const found: FormErrors = {};
  for (const field of fields) {
    const value = text(values, field.name).trim();
    if (!value) found[field.name] = field.requiredMessage;
    else if (value.length > field.maxLength) found[field.name] = field.tooLongMessage;
  }
  const file = values.file;
  if (!file) found.file = messages.chooseFile;
  else if (!fileTypeOk(file, accept)) found.file = messages.wrongType;
  else if (file.size > maxBytes) found.file = messages.tooLarge;
  return found;
}

export function FileUploadForm<T, K extends string = never>({
  headingId,
  layout = "inline",
  accept,
  maxBytes,
  limit,
  fields = [],
  messages,
  clearStatusOnSubmit = false,
  upload,
  onUploaded,
}: FileUploadFormProps<T, K>) {
  const flash = useFlash();
  const { ref: formRef, focusFirstInvalid } = useFocusFirstInvalid();
  const form = useForm<UploadValues>({
    initialValues: { ...Object.fromEntries(fields.map((field) => [field.name, ""])), file: null },
    validate: (values) => uploadErrors(values, { fields, accept, maxBytes, messages }),
  });
  const [status, setStatus] = useState("");
  const send = useMutation({
    mutationFn: (input: { file: File; values: Record<K, string> }) => upload(input.file, input.values),
    onMutate: (input) => setStatus(messages.uploading(input.file.name)),
    onSuccess: (result, input) => {
      onUploaded(result);
      form.reset();
      const message = messages.uploaded(input.file, input.values);
      setStatus(message);
      flash.show(message);
    },
    onError: (error) => {
      setStatus("");
      form.setErrors(fieldErrors(error));
      focusFirstInvalid();
    },
  });
  const serverFields = fieldErrors(send.error);
  const onFieldError = serverFields.file || fields.some((field) => serverFields[field.name]);

  if (limit && limit.count >= limit.max) {
    return (
      <Text size="sm" mt="md">
        {limit.fullMessage}
      </Text>
    );
  }

  const sendValid = form.onSubmit((values) => {
    const trimmed = Object.fromEntries(fields.map((field) => [field.name, text(values, field.name).trim()])) as Record<K, string>;
    if (values.file) send.mutate({ file: values.file, values: trimmed });
  }, focusFirstInvalid);
  function submit(event: FormEvent<HTMLFormElement>) {
    if (clearStatusOnSubmit) setStatus("");
    sendValid(event);
  }

  const inline = layout === "inline";
  const textInputs = fields.map((field) => (
    <TextInput
      key={field.name}
      label={field.label}
      description={field.description}
      {...form.getInputProps(field.name)}
      maxLength={field.maxLength}
      required
    />
  ));
  const fileInput = (
    <FileInput
      label={messages.fileLabel}
      description={messages.fileHelp}
      placeholder={messages.placeholder}
      // FileInput shows its placeholder as text (not an input placeholder): it needs 4.5:1 like any text.
      styles={{ placeholder: { color: "var(--mantine-color-dimmed)" } }}
      accept={acceptAttribute(accept)}
      {...form.getInputProps("file")}
      onChange={(chosen: File | null) => {
        form.setFieldValue("file", chosen);
        setStatus("");
      }}
      clearable
      required
      style={inline ? { flex: "1 1 20rem", maxWidth: "32rem" } : undefined}
    />
  );
  const button = (
    <Button type="submit" loading={send.isPending}>
      {messages.submit}
    </Button>
  );
  const statusText = (
    <Text size="sm" role="status" aria-live="polite" fw={600}>
      {status}
    </Text>
  );
  let body: ReactNode;
  if (inline) {
    body = (
      <>
        <Group align="flex-end" gap="sm" wrap="wrap">
          {textInputs}
          {fileInput}
          {button}
        </Group>
        {statusText}
      </>
    );
  } else {
    body = (
      <>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {textInputs}
          {fileInput}
        </SimpleGrid>
        <Group>
          {button}
          {statusText}
        </Group>
      </>
    );
  }
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby={headingId}>
      <Stack gap="sm" mt={inline ? "md" : "lg"}>
        <Title order={3} size={inline ? "h5" : "h4"} id={headingId}>
          {messages.submit}
        </Title>
        <ErrorAlert error={send.error && !onFieldError ? send.error : null} />
        {body}
      </Stack>
    </form>
  );
}
