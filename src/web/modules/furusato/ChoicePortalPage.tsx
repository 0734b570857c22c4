// /furusato/portals/choice: adds a portal from the header file the portal gives out (ふるさとチョイス, ANA, …), or
// with ?code=… replaces an existing portal's columns by the portal's current header file. The file is read here, in
// the browser, by the same module as the server and the CLI (common/furusato/header-inspect.ts): CSV or TSV, quoted
// or not, UTF-8 (BOM or not) or CP932, title rows above the header. The detected format is shown; every column gets a
// suggested mapping (common/furusato/header-mapping.ts) that the clerk confirms or changes, and may be marked 必須.
// The template (same encoding, delimiter, quoting, title and header rows) is saved through savePortal, which checks it.
// The values and the work without the screen are in choice-portal-values.ts; the file part in ChoiceHeaderSection.tsx,
// the column table in ChoiceMappingSection.tsx.
import { Alert, Button, Group, Paper, Stack, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useRef, useState } from "react";
import { savePortal } from "../../../common/api/furusato";
import type { HeaderInspection } from "../../../common/furusato/header-inspect";
import { templateFromHeader } from "../../../common/furusato/header-mapping";
import { call } from "../../api/client";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrors } from "../../ui/errors";
import { useFlash } from "../../ui/Flash";
import { ButtonLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { ChoiceHeaderSection } from "./ChoiceHeaderSection";
import { ChoiceMappingSection } from "./ChoiceMappingSection";
import {
  type ChoicePortalValues,
  choicePortalValues,
  columnValues,
  FILE_NAME,
  type HeaderFile,
  initialChoices,
  inspect,
  readBytes,
  serverErrors,
} from "./choice-portal-values";
import { FurusatoNav } from "./components";
import { fm } from "./messages";
import { checkBasics, type LimitField, type Portal, PortalBasicsFields, type PortalBasicsValue } from "./portalForm";
import { furusatoKeys, useFurusatoAccess, usePortals } from "./queries";

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
  const [initialValues] = useState(() => choicePortalValues(current));
  const form = useForm<ChoicePortalValues>({ initialValues });
  const [header, setHeader] = useState<HeaderFile | null>(null);
  const [reading, setReading] = useState("");
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);

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
      // Field errors go under their inputs; a column's under its row; the file's under the file.
      form.setErrors(serverErrors(fieldErrors(error)));
      focusProblem();
    },
  });

  function applyInspection(fileName: string, bytes: Uint8Array, inspection: HeaderInspection) {
    setHeader({ fileName, bytes, inspection, rowChoices: Math.min(10, inspection.headerRow + inspection.sampleRows) });
    form.setFieldValue("choices", initialChoices(inspection.columns, current));
  }

  async function chooseFile(file: File | null) {
    form.clearFieldError("headerFile");
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
      form.setFieldError("headerFile", "error" in found ? found.error : fm.choice.fileUnreadable);
      return;
    }
    applyInspection(file.name, bytes, found);
    // A new portal's upload is named like the portal's own file unless the clerk changes it.
    const fileName = form.getValues().fileName;
    if (!current && (fileName === "" || fileName === header?.fileName) && FILE_NAME.test(file.name))
      form.setFieldValue("fileName", file.name);
  }

  function chooseHeaderRow(row: number) {
    if (!header) return;
    const found = inspect(header.bytes, row);
    if ("error" in found) {
      form.setFieldError("headerFile", found.error);
      return;
    }
    form.clearFieldError("headerFile");
    applyInspection(header.fileName, header.bytes, found);
  }

  const submit = form.onSubmit((values) => {
    save.reset();
    const checked = checkBasics(values.basics, { isNew: !current, existingCodes });
    const columns = columnValues(values.choices);
    const found: Record<string, string> = { ...checked.errors, ...columns.errors };
    if (!header) found.headerFile = String(form.errors.headerFile || fm.choice.fileRequired);
    if (!FILE_NAME.test(values.fileName.trim())) found.fileName = fm.choice.fileNameInvalid;
    form.setErrors(found);
    if (Object.keys(found).length > 0 || !checked.value || !header) {
      focusProblem();
      return;
    }
    const template = templateFromHeader(header.inspection, columns.values, {
      fileName: values.fileName.trim(),
      sourceFileName: header.fileName,
    });
    save.mutate({ ...checked.value, template });
  });

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={current ? fm.choice.replaceTitle(current.name) : fm.choice.title}>
      <Stack>
        <div ref={alertRef} tabIndex={-1} style={{ outline: "none" }}>
          <ErrorAlert error={save.error} />
        </div>
        {Object.keys(form.errors).length > 0 && !save.error && (
          <Alert color="red" variant="light" role="alert">
            {fm.choice.invalid}
          </Alert>
        )}

        <Paper withBorder p="lg" component="section" aria-labelledby="choice-basics-heading">
          <Stack>
            <Title order={2} id="choice-basics-heading" className="yk-section-title">
              {fm.choice.basicsHeading}
            </Title>
            <PortalBasicsFields
              value={form.values.basics}
              onChange={(update) => form.setFieldValue("basics", update)}
              // Every message here is a string (the browser's checks and the server's field errors).
              errors={form.errors as Record<string, string>}
              codeReadOnly={current !== null}
            />
          </Stack>
        </Paper>

        <ChoiceHeaderSection
          form={form}
          header={header}
          reading={reading}
          replacing={current !== null}
          onChooseFile={(file) => void chooseFile(file)}
          onChooseHeaderRow={chooseHeaderRow}
        />
        <ChoiceMappingSection form={form} inspection={header?.inspection} />

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
