// The file upload form shared by the ふるさと納税 pages (返礼品の画像・根拠資料, 事業者の提出書類): checks the file's type
// and size (and any text fields, such as 書類名) in the browser, uploads it, routes the server's field errors to the
// field (anything else to the ErrorAlert), announces progress in an aria-live status, and shows a flash when done.
import { Button, FileInput, Group, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useRef, useState } from "react";
import type { AcceptedTypes } from "../../../common/upload-limits";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrors } from "../../ui/errors";
import { useFlash } from "../../ui/Flash";

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
  const emptyValues = () => Object.fromEntries(fields.map((field) => [field.name, ""])) as Record<K, string>;
  const [values, setValues] = useState<Record<K, string>>(emptyValues);
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState("");
  const fieldRefs = useRef<Partial<Record<K, HTMLInputElement | null>>>({});
  const fileRef = useRef<HTMLButtonElement>(null);
  const focusField = (found: Record<string, string>) => {
    const field = fields.find((f) => found[f.name]);
    if (field) fieldRefs.current[field.name]?.focus();
    else if (found.file) fileRef.current?.focus();
  };
  const send = useMutation({
    mutationFn: (input: { file: File; values: Record<K, string> }) => upload(input.file, input.values),
    onMutate: (input) => setStatus(messages.uploading(input.file.name)),
    onSuccess: (result, input) => {
      onUploaded(result);
      setValues(emptyValues());
      setFile(null);
      const message = messages.uploaded(input.file, input.values);
      setStatus(message);
      flash.show(message);
    },
    onError: (error) => {
      setStatus("");
      const found = fieldErrors(error);
      setErrors(found);
      focusField(found);
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

  function submit(event: FormEvent) {
    event.preventDefault();
    if (clearStatusOnSubmit) setStatus("");
    const found: Record<string, string> = {};
    const trimmed = {} as Record<K, string>;
    for (const field of fields) {
      const value = values[field.name].trim();
      trimmed[field.name] = value;
      if (!value) found[field.name] = field.requiredMessage;
      else if (value.length > field.maxLength) found[field.name] = field.tooLongMessage;
    }
    if (!file) found.file = messages.chooseFile;
    else if (!fileTypeOk(file, accept)) found.file = messages.wrongType;
    else if (file.size > maxBytes) found.file = messages.tooLarge;
    setErrors(found);
    if (Object.keys(found).length > 0 || !file) {
      focusField(found);
      return;
    }
    send.mutate({ file, values: trimmed });
  }

  const inline = layout === "inline";
  const textInputs = fields.map((field) => (
    <TextInput
      key={field.name}
      ref={(element) => {
        fieldRefs.current[field.name] = element;
      }}
      label={field.label}
      description={field.description}
      value={values[field.name]}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setValues((current) => ({ ...current, [field.name]: value }));
        if (errors[field.name]) setErrors(({ [field.name]: _, ...rest }) => rest);
      }}
      error={errors[field.name] || undefined}
      maxLength={field.maxLength}
      required
    />
  ));
  const fileInput = (
    <FileInput
      ref={fileRef}
      label={messages.fileLabel}
      description={messages.fileHelp}
      placeholder={messages.placeholder}
      // FileInput shows its placeholder as text (not an input placeholder): it needs 4.5:1 like any text.
      styles={{ placeholder: { color: "var(--mantine-color-dimmed)" } }}
      accept={acceptAttribute(accept)}
      value={file}
      onChange={(chosen) => {
        setFile(chosen);
        if (errors.file) setErrors(({ file: _, ...rest }) => rest);
        setStatus("");
      }}
      error={errors.file || undefined}
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
    <form onSubmit={submit} noValidate aria-labelledby={headingId}>
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
