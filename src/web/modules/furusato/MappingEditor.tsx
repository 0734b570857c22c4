// /furusato/mappings/$id: one 取込設定 — the heading row, for each ledger field the portal's column heading(s) (1–5,
// joined when several), the value maps that translate the portal's words, the values used when a column is absent,
// and the address prefixes that mean 市内在住. Checked in the browser with the API's own schema before saving; the
// save carries the version (409 when someone saved first: reload and edit again). Managers edit, other staff read.
// The values and their check are in mapping-form-values.ts; the column table in MappingColumnsSection.tsx, the value
// maps in MappingValueMaps.tsx.
import { Alert, Badge, Button, Group, List, Loader, NativeSelect, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { type MappingDetail, updateMapping } from "../../../common/api/furusato-ledger";
import { DONATION_STATUSES, PAYMENT_METHODS } from "../../../common/furusato/donation";
import type { DonationMappingConfig } from "../../../common/furusato/donation-mapping";
import { call } from "../../api/client";
import { m } from "../../messages";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { isConflict, isNotFound } from "../../ui/errors";
import { useFlash } from "../../ui/Flash";
import { PageHeader } from "../../ui/PageHeader";
import { FurusatoNav, SampleBadge } from "./components";
import { lm } from "./ledgerMessages";
import { ledgerKeys, useMapping } from "./ledgerQueries";
import { MappingColumnsSection } from "./MappingColumnsSection";
import { MappingSection, RemoveRowButton } from "./MappingParts";
import { MappingValueMapsSection } from "./MappingValueMaps";
import { checkMapping, type MappingFormApi, type MappingFormValues, mappingFormValues, textRow } from "./mapping-form-values";
import { fm } from "./messages";
import { useFurusatoAccess } from "./queries";

const t = lm.editor;
const MAX_PREFIXES = 10;

// ------------------------------------------------------------------ page

export function MappingEditorPage({ id }: { id: string }) {
  const mapping = useMapping(id);
  const access = useFurusatoAccess();
  const [generation, setGeneration] = useState(0);
  const crumbs = (current: string) => [
    { label: fm.moduleName, href: "/furusato" },
    { label: t.breadcrumb, href: "/furusato/mappings" },
    { label: current },
  ];

  if (mapping.error) {
    return (
      <>
        <PageHeader title={isNotFound(mapping.error) ? t.notFound : t.breadcrumb} breadcrumbs={crumbs(lm.dash)} />
        <FurusatoNav />
        <ErrorAlert error={mapping.error} />
      </>
    );
  }
  if (!mapping.data || access.isPending) return <Loader aria-label={m.common.loading} />;
  const detail = mapping.data;
  return (
    <>
      <PageHeader
        title={t.title(detail.name)}
        breadcrumbs={crumbs(detail.name)}
        badges={
          <>
            <Badge variant="outline" color="gray" radius="sm" styles={{ root: { color: "#343a40", textTransform: "none" } }}>
              {detail.portalName}
            </Badge>
            <Text span size="sm" c="dimmed">
              {t.version(detail.version)}・{t.importCount(detail.importCount)}
            </Text>
            {detail.isSample && <SampleBadge />}
          </>
        }
      />
      <FurusatoNav />
      <Editor
        key={`${detail.id}-${generation}`}
        detail={detail}
        canEdit={access.data?.manager === true}
        onReload={async () => {
          await mapping.refetch();
          setGeneration((n) => n + 1);
        }}
      />
    </>
  );
}

// ------------------------------------------------------------------ the form

function Editor({ detail, canEdit, onReload }: { detail: MappingDetail; canEdit: boolean; onReload: () => Promise<void> }) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const [initialValues] = useState(() => mappingFormValues(detail));
  const form = useForm<MappingFormValues>({ initialValues, validate: (values) => checkMapping(values).errors });
  const [version, setVersion] = useState(detail.version);
  const [reloading, setReloading] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const save = useMutation({
    mutationFn: (body: { name: string; config: DonationMappingConfig; version: number }) =>
      call(updateMapping, { params: { id: detail.id }, body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(ledgerKeys.mapping(saved.id), saved);
      queryClient.invalidateQueries({ queryKey: ledgerKeys.mappings, exact: true });
      setVersion(saved.version);
      form.setValues(mappingFormValues(saved));
      flash.show(t.saved);
    },
  });

  function focusFirstError() {
    requestAnimationFrame(() => {
      const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
      (invalid ?? formRef.current?.querySelector<HTMLElement>("#mapping-errors"))?.focus();
    });
  }

  const submit = form.onSubmit((values) => {
    const { value } = checkMapping(values);
    if (value) save.mutate({ ...value, version });
  }, focusFirstError);

  async function reload() {
    setReloading(true);
    try {
      await onReload();
    } finally {
      setReloading(false);
    }
  }

  const errors = form.errors;
  const errorCount = Object.keys(errors).length;
  const readOnly = !canEdit;

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={t.title(detail.name)}>
      <Stack gap="lg">
        {readOnly && (
          <Alert color="gray" variant="light" role="status">
            {t.readOnly}
          </Alert>
        )}
        {errorCount > 0 && (
          <Alert id="mapping-errors" tabIndex={-1} color="red" variant="light" role="alert" title={m.errors.heading}>
            {t.invalid}
            {errors.form && <Text size="sm">{errors.form}</Text>}
          </Alert>
        )}
        {save.error && isConflict(save.error) ? (
          <ErrorAlert error={save.error} conflictMessage={t.conflict}>
            <Button mt="sm" variant="default" onClick={reload} loading={reloading}>
              {t.reload}
            </Button>
          </ErrorAlert>
        ) : (
          <ErrorAlert error={save.error} />
        )}

        <Paper withBorder p="lg" component="section" aria-labelledby="mapping-basics-heading">
          <Title order={2} id="mapping-basics-heading" className="yk-section-title" mb="sm">
            {t.basicsHeading}
          </Title>
          <Group align="flex-start" gap="md" wrap="wrap">
            <TextInput
              label={t.name}
              required
              maxLength={100}
              readOnly={readOnly}
              {...form.getInputProps("name")}
              style={{ flex: "1 1 20rem", maxWidth: "32rem" }}
            />
            <TextInput label={t.portal} value={detail.portalName} readOnly style={{ flex: "0 1 16rem" }} />
            <TextInput
              label={t.headerRow}
              description={t.headerRowDescription}
              inputMode="numeric"
              required
              readOnly={readOnly}
              {...form.getInputProps("headerRow")}
              style={{ flex: "1 1 20rem", maxWidth: "28rem" }}
              inputWrapperOrder={["label", "input", "description", "error"]}
            />
          </Group>
        </Paper>

        <MappingColumnsSection form={form} readOnly={readOnly} />
        <MappingValueMapsSection form={form} readOnly={readOnly} />

        <Paper withBorder p="lg" component="section" aria-labelledby="mapping-defaults-heading">
          <Title order={2} id="mapping-defaults-heading" className="yk-section-title" mb="sm">
            {t.defaultsHeading}
          </Title>
          <Group gap="md" align="flex-start" wrap="wrap">
            <NativeSelect
              label={t.defaultPaymentMethod}
              disabled={readOnly}
              {...form.getInputProps("defaults.paymentMethod")}
              data={[{ value: "", label: t.defaultNone }, ...PAYMENT_METHODS.map((p) => ({ value: p, label: p }))]}
              style={{ flex: "0 1 16rem" }}
            />
            <NativeSelect
              label={t.defaultStatus}
              disabled={readOnly}
              {...form.getInputProps("defaults.status")}
              data={[{ value: "", label: t.defaultNone }, ...DONATION_STATUSES.map((s) => ({ value: s, label: s }))]}
              style={{ flex: "0 1 16rem" }}
            />
          </Group>
        </Paper>

        <PrefixesSection form={form} readOnly={readOnly} />

        {canEdit && (
          <Group className="yk-no-print">
            <Button type="submit" loading={save.isPending}>
              {t.save}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

function PrefixesSection({ form, readOnly }: { form: MappingFormApi; readOnly: boolean }) {
  const rows = form.values.prefixes;
  return (
    <MappingSection id="mapping-prefixes-heading" title={t.prefixesHeading} intro={t.prefixesIntro} introGap="sm">
      <Stack gap={6}>
        {rows.length === 0 && readOnly && (
          <Text size="sm" c="dimmed">
            {fm.none}
          </Text>
        )}
        <List listStyleType="none" pl={0} spacing={6}>
          {rows.map((row, index) => (
            <List.Item key={row.id}>
              <Group gap="xs" align="flex-start" wrap="nowrap">
                <TextInput
                  {...form.getInputProps(`prefixes.${index}.text`)}
                  aria-label={t.prefix(index + 1)}
                  readOnly={readOnly}
                  maxLength={50}
                  style={{ flex: "1 1 16rem", maxWidth: "24rem" }}
                />
                {!readOnly && (
                  <RemoveRowButton label={t.removePrefixFor(index + 1)} onClick={() => form.removeListItem("prefixes", index)}>
                    {fm.remove}
                  </RemoveRowButton>
                )}
              </Group>
            </List.Item>
          ))}
        </List>
        {!readOnly && rows.length < MAX_PREFIXES && (
          <div>
            <Button variant="default" size="compact-sm" onClick={() => form.insertListItem("prefixes", textRow())}>
              {t.addPrefix}
            </Button>
          </div>
        )}
      </Stack>
    </MappingSection>
  );
}
