// /furusato/mappings/$id: one 取込設定 — the heading row, for each ledger field the portal's column heading(s) (1–5,
// joined when several), the value maps that translate the portal's words, the values used when a column is absent,
// and the address prefixes that mean 市内在住. Checked in the browser with the API's own schema before saving; the
// save carries the version (409 when someone saved first: reload and edit again). Managers edit, other staff read.
import { Alert, Badge, Button, Group, List, Loader, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useRef, useState } from "react";
import { type MappingDetail, updateMapping } from "../../../common/api/furusato-ledger";
import { DONATION_STATUSES, PAYMENT_METHODS } from "../../../common/furusato/donation";
import {
  DONATION_FIELDS,
  type DonationField,
  type DonationMappingConfig,
  donationMappingConfigSchema,
  MAPPED_FIELDS,
  type MappedField,
  REQUIRED_FIELDS,
} from "../../../common/furusato/donation-mapping";
import { japaneseErrorMap, toNumberInput } from "../../../common/zod-japanese";
import { call } from "../../api/client";
import { m } from "../../messages";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { isConflict, isNotFound } from "../../ui/errors";
import { useFlash } from "../../ui/Flash";
import { PageHeader } from "../../ui/PageHeader";
import { StatusBadge } from "../../ui/StatusBadge";
import { FurusatoNav, SampleBadge } from "./components";
import { lm } from "./ledgerMessages";
import { FLAG_FIELDS, ledgerKeys, type TargetOption, useMapping, useValueTargets } from "./ledgerQueries";
import { fm } from "./messages";
import { useFurusatoAccess } from "./queries";

const t = lm.editor;
const FIELDS = Object.keys(DONATION_FIELDS) as DonationField[];
const MAX_HEADINGS = 5;
const MAX_PREFIXES = 10;

let lastId = 0;
const newId = () => {
  lastId += 1;
  return lastId;
};

interface TextRow {
  id: number;
  text: string;
}
interface ValueRow {
  id: number;
  source: string;
  target: string;
}
interface Draft {
  name: string;
  headerRow: string;
  columns: Record<DonationField, TextRow[]>;
  valueMaps: Record<MappedField, ValueRow[]>;
  defaults: { paymentMethod: string; status: string };
  prefixes: TextRow[];
}

function draftOf(detail: MappingDetail): Draft {
  const { config } = detail;
  return {
    name: detail.name,
    headerRow: String(config.headerRow),
    columns: Object.fromEntries(
      FIELDS.map((field) => [field, (config.columns[field] ?? []).map((text) => ({ id: newId(), text }))]),
    ) as Draft["columns"],
    valueMaps: Object.fromEntries(
      MAPPED_FIELDS.map((field) => [
        field,
        Object.entries((config.valueMaps[field] ?? {}) as Record<string, string | boolean>).map(([source, target]) => ({
          id: newId(),
          source,
          target: String(target),
        })),
      ]),
    ) as Draft["valueMaps"],
    defaults: { paymentMethod: config.defaults.paymentMethod ?? "", status: config.defaults.status ?? "" },
    prefixes: config.residentAddressPrefixes.map((text) => ({ id: newId(), text })),
  };
}

/** Error keys: name, headerRow, columns.<field>, columns.<field>.<rowId>, values.<rowId>.source|target, prefix.<rowId>, form. */
type Errors = Record<string, string>;

/**
 * The draft as the API's body, its config checked with the API's own schema (donationMappingConfigSchema) and the
 * name with the same limits. Blank rows are left out; a field whose headings are all blank is not imported.
 */
function check(
  draft: Draft,
  version: number,
): { body: { name: string; config: DonationMappingConfig; version: number } | null; errors: Errors } {
  const errors: Errors = {};
  const headerRow = toNumberInput(draft.headerRow.trim());
  if (typeof headerRow !== "number" || !Number.isInteger(headerRow)) errors.headerRow = t.headerRowInvalid;

  const columns: Partial<Record<DonationField, string[]>> = {};
  const headingIds: Partial<Record<DonationField, number[]>> = {};
  for (const field of FIELDS) {
    const rows = draft.columns[field];
    if (rows.every((row) => row.text.trim() === "")) continue;
    // Keep blank rows among filled ones so that the schema's issue index is the row's index.
    columns[field] = rows.map((row) => row.text.trim());
    headingIds[field] = rows.map((row) => row.id);
  }

  const valueMaps: Record<string, Record<string, string | boolean>> = {};
  for (const field of MAPPED_FIELDS) {
    const map: Record<string, string | boolean> = {};
    for (const row of draft.valueMaps[field]) {
      const source = row.source.trim();
      if (source === "" && row.target === "") continue;
      if (source === "") errors[`values.${row.id}.source`] = t.sourceRequired;
      else if (source in map) errors[`values.${row.id}.source`] = t.duplicateSource;
      if (row.target === "") errors[`values.${row.id}.target`] = t.targetRequired;
      if (source !== "" && row.target !== "") map[source] = FLAG_FIELDS.includes(field) ? row.target === "true" : row.target;
    }
    if (Object.keys(map).length > 0) valueMaps[field] = map;
  }

  const prefixes = draft.prefixes.filter((row) => row.text.trim() !== "");
  const name = draft.name.trim();
  if (name === "") errors.name = t.nameRequired;
  else if (name.length > 100) errors.name = t.nameTooLong;
  const config = {
    headerRow: typeof headerRow === "number" ? headerRow : 1,
    columns,
    valueMaps,
    defaults: {
      ...(draft.defaults.paymentMethod ? { paymentMethod: draft.defaults.paymentMethod } : {}),
      ...(draft.defaults.status ? { status: draft.defaults.status } : {}),
    },
    residentAddressPrefixes: prefixes.map((row) => row.text.trim()),
  };
  const parsed = donationMappingConfigSchema.safeParse(config, { error: japaneseErrorMap });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [section, key, index] = issue.path;
      let errorKey = "form";
      if (section === "headerRow") errorKey = "headerRow";
      else if (section === "columns" && typeof key === "string") {
        const id = typeof index === "number" ? headingIds[key as DonationField]?.[index] : undefined;
        errorKey = id !== undefined ? `columns.${key}.${id}` : `columns.${key}`;
      } else if (section === "valueMaps" && typeof key === "string" && typeof index === "string") {
        const row = draft.valueMaps[key as MappedField]?.find((r) => r.source.trim() === index);
        if (row) errorKey = `values.${row.id}.target`;
      } else if (section === "residentAddressPrefixes" && typeof key === "number") {
        const row = prefixes[key];
        if (row) errorKey = `prefix.${row.id}`;
      }
      errors[errorKey] ??= issue.message;
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { body: null, errors };
  return { body: { name, config: parsed.data, version }, errors };
}

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
  const [draft, setDraft] = useState<Draft>(() => draftOf(detail));
  const [version, setVersion] = useState(detail.version);
  const [errors, setErrors] = useState<Errors>({});
  const [reloading, setReloading] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const targets = useValueTargets(MAPPED_FIELDS);

  const save = useMutation({
    mutationFn: (body: { name: string; config: DonationMappingConfig; version: number }) =>
      call(updateMapping, { params: { id: detail.id }, body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(ledgerKeys.mapping(saved.id), saved);
      queryClient.invalidateQueries({ queryKey: ledgerKeys.mappings, exact: true });
      setVersion(saved.version);
      setDraft(draftOf(saved));
      flash.show(t.saved);
    },
  });

  function focusFirstError() {
    requestAnimationFrame(() => {
      const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
      (invalid ?? formRef.current?.querySelector<HTMLElement>("#mapping-errors"))?.focus();
    });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const { body, errors: found } = check(draft, version);
    setErrors(found);
    if (!body) return focusFirstError();
    save.mutate(body);
  }

  const clearError = (key: string) => {
    if (errors[key]) setErrors(({ [key]: _, ...rest }) => rest);
  };
  const update = (change: (current: Draft) => Draft) => setDraft(change);

  async function reload() {
    setReloading(true);
    try {
      await onReload();
    } finally {
      setReloading(false);
    }
  }

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
              value={draft.name}
              onChange={(e) => {
                const name = e.currentTarget.value;
                update((d) => ({ ...d, name }));
                clearError("name");
              }}
              error={errors.name}
              style={{ flex: "1 1 20rem", maxWidth: "32rem" }}
            />
            <TextInput label={t.portal} value={detail.portalName} readOnly style={{ flex: "0 1 16rem" }} />
            <TextInput
              label={t.headerRow}
              description={t.headerRowDescription}
              inputMode="numeric"
              required
              readOnly={readOnly}
              value={draft.headerRow}
              onChange={(e) => {
                const headerRow = e.currentTarget.value;
                update((d) => ({ ...d, headerRow }));
                clearError("headerRow");
              }}
              error={errors.headerRow}
              style={{ flex: "1 1 20rem", maxWidth: "28rem" }}
              inputWrapperOrder={["label", "input", "description", "error"]}
            />
          </Group>
        </Paper>

        <ColumnsSection draft={draft} update={update} errors={errors} clearError={clearError} readOnly={readOnly} />

        <Paper withBorder p="lg" component="section" aria-labelledby="mapping-values-heading">
          <Title order={2} id="mapping-values-heading" className="yk-section-title" mb={4}>
            {t.valueMapsHeading}
          </Title>
          <Text size="sm" mb="md">
            {t.valueMapsIntro}
          </Text>
          {targets.loading ? (
            <Loader size="sm" aria-label={m.common.loading} />
          ) : (
            <Stack gap="lg">
              {MAPPED_FIELDS.map((field) => (
                <ValueMap
                  key={field}
                  field={field}
                  rows={draft.valueMaps[field]}
                  options={targets.options(field)}
                  onChange={(rows) => update((d) => ({ ...d, valueMaps: { ...d.valueMaps, [field]: rows } }))}
                  errors={errors}
                  clearError={clearError}
                  readOnly={readOnly}
                />
              ))}
            </Stack>
          )}
        </Paper>

        <Paper withBorder p="lg" component="section" aria-labelledby="mapping-defaults-heading">
          <Title order={2} id="mapping-defaults-heading" className="yk-section-title" mb="sm">
            {t.defaultsHeading}
          </Title>
          <Group gap="md" align="flex-start" wrap="wrap">
            <NativeSelect
              label={t.defaultPaymentMethod}
              disabled={readOnly}
              value={draft.defaults.paymentMethod}
              onChange={(e) => {
                const paymentMethod = e.currentTarget.value;
                update((d) => ({ ...d, defaults: { ...d.defaults, paymentMethod } }));
              }}
              data={[{ value: "", label: t.defaultNone }, ...PAYMENT_METHODS.map((p) => ({ value: p, label: p }))]}
              style={{ flex: "0 1 16rem" }}
            />
            <NativeSelect
              label={t.defaultStatus}
              disabled={readOnly}
              value={draft.defaults.status}
              onChange={(e) => {
                const status = e.currentTarget.value;
                update((d) => ({ ...d, defaults: { ...d.defaults, status } }));
              }}
              data={[{ value: "", label: t.defaultNone }, ...DONATION_STATUSES.map((s) => ({ value: s, label: s }))]}
              style={{ flex: "0 1 16rem" }}
            />
          </Group>
        </Paper>

        <PrefixesSection draft={draft} update={update} errors={errors} clearError={clearError} readOnly={readOnly} />

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

interface SectionProps {
  draft: Draft;
  update: (change: (current: Draft) => Draft) => void;
  errors: Errors;
  clearError: (key: string) => void;
  readOnly: boolean;
}

function RequiredBadge() {
  return <StatusBadge label={t.required} tone="danger" size="xs" />;
}

function ColumnsSection({ draft, update, errors, clearError, readOnly }: SectionProps) {
  const setRows = (field: DonationField, rows: TextRow[]) => update((d) => ({ ...d, columns: { ...d.columns, [field]: rows } }));
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="mapping-columns-heading">
      <Title order={2} id="mapping-columns-heading" className="yk-section-title" mb={4}>
        {t.columnsHeading}
      </Title>
      <Text size="sm" mb="md">
        {t.columnsIntro}
      </Text>
      <Table.ScrollContainer minWidth={640} type="native">
        <Table withTableBorder verticalSpacing="xs" className="yk-table">
          <caption className="yk-visually-hidden">{t.columnsCaption}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" style={{ width: "16rem" }}>
                {t.field}
              </Table.Th>
              <Table.Th scope="col">{t.headings}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {FIELDS.map((field) => {
              const label = DONATION_FIELDS[field];
              const rows = draft.columns[field];
              const fieldError = errors[`columns.${field}`];
              return (
                <Table.Tr key={field}>
                  <Table.Th scope="row" style={{ verticalAlign: "top", fontWeight: 600 }}>
                    <Group gap={6} wrap="nowrap">
                      <span>{label}</span>
                      {REQUIRED_FIELDS.includes(field) && <RequiredBadge />}
                    </Group>
                  </Table.Th>
                  <Table.Td>
                    <Stack gap={6}>
                      {rows.length === 0 && (
                        <Text size="sm" c="dimmed">
                          {t.notMapped}
                        </Text>
                      )}
                      {rows.map((row, index) => {
                        const key = `columns.${field}.${row.id}`;
                        return (
                          <Group key={row.id} gap="xs" align="flex-start" wrap="nowrap">
                            <TextInput
                              aria-label={t.heading(label, index + 1)}
                              readOnly={readOnly}
                              maxLength={100}
                              value={row.text}
                              onChange={(e) => {
                                const text = e.currentTarget.value;
                                setRows(
                                  field,
                                  rows.map((r) => (r.id === row.id ? { ...r, text } : r)),
                                );
                                clearError(key);
                                clearError(`columns.${field}`);
                              }}
                              error={errors[key]}
                              style={{ flex: "1 1 16rem", maxWidth: "24rem" }}
                            />
                            {!readOnly && (
                              <Button
                                variant="subtle"
                                color="red"
                                c="red.9"
                                size="compact-sm"
                                mt={6}
                                aria-label={t.removeHeadingFor(label, index + 1)}
                                onClick={() => {
                                  setRows(
                                    field,
                                    rows.filter((r) => r.id !== row.id),
                                  );
                                  clearError(key);
                                }}
                              >
                                {t.removeHeading}
                              </Button>
                            )}
                          </Group>
                        );
                      })}
                      {fieldError && (
                        <Text size="sm" c="#9b1c1c" role="alert">
                          {fieldError}
                        </Text>
                      )}
                      {!readOnly && rows.length < MAX_HEADINGS && (
                        <div>
                          <Button
                            variant="default"
                            size="compact-sm"
                            aria-label={rows.length === 0 ? t.setColumnFor(label) : t.addHeadingFor(label)}
                            onClick={() => {
                              setRows(field, [...rows, { id: newId(), text: "" }]);
                              clearError(`columns.${field}`);
                            }}
                          >
                            {rows.length === 0 ? t.setColumn : t.addHeading}
                          </Button>
                        </div>
                      )}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function ValueMap({
  field,
  rows,
  options,
  onChange,
  errors,
  clearError,
  readOnly,
}: {
  field: MappedField;
  rows: ValueRow[];
  options: TargetOption[];
  onChange: (rows: ValueRow[]) => void;
  errors: Errors;
  clearError: (key: string) => void;
  readOnly: boolean;
}) {
  const label = DONATION_FIELDS[field];
  const headingId = `mapping-values-${field}`;
  const optionsFor = (value: string): TargetOption[] =>
    value && !options.some((o) => o.value === value) ? [...options, { value, label: value }] : options;
  let body: ReactNode;
  if (rows.length === 0) {
    body = (
      <Text size="sm" c="dimmed">
        {t.noValues}
      </Text>
    );
  } else {
    body = (
      <Table.ScrollContainer minWidth={560} type="native">
        <Table withTableBorder verticalSpacing={4} className="yk-table">
          <caption className="yk-visually-hidden">{t.valueMapCaption(label)}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t.source}</Table.Th>
              <Table.Th scope="col">{t.target}</Table.Th>
              {!readOnly && (
                <Table.Th scope="col" style={{ width: "6rem" }}>
                  <span className="yk-visually-hidden">{fm.remove}</span>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, index) => {
              const sourceKey = `values.${row.id}.source`;
              const targetKey = `values.${row.id}.target`;
              return (
                <Table.Tr key={row.id}>
                  <Table.Td style={{ verticalAlign: "top" }}>
                    <TextInput
                      aria-label={t.sourceFor(label, index + 1)}
                      readOnly={readOnly}
                      maxLength={200}
                      value={row.source}
                      onChange={(e) => {
                        const source = e.currentTarget.value;
                        onChange(rows.map((r) => (r.id === row.id ? { ...r, source } : r)));
                        clearError(sourceKey);
                      }}
                      error={errors[sourceKey]}
                    />
                  </Table.Td>
                  <Table.Td style={{ verticalAlign: "top" }}>
                    <NativeSelect
                      aria-label={t.targetFor(label, index + 1)}
                      disabled={readOnly}
                      value={row.target}
                      onChange={(e) => {
                        const target = e.currentTarget.value;
                        onChange(rows.map((r) => (r.id === row.id ? { ...r, target } : r)));
                        clearError(targetKey);
                      }}
                      data={[{ value: "", label: t.chooseTarget }, ...optionsFor(row.target)]}
                      error={errors[targetKey]}
                    />
                  </Table.Td>
                  {!readOnly && (
                    <Table.Td style={{ verticalAlign: "top" }}>
                      <Button
                        variant="subtle"
                        color="red"
                        c="red.9"
                        size="compact-sm"
                        mt={6}
                        aria-label={t.removeValueFor(label, index + 1)}
                        onClick={() => {
                          onChange(rows.filter((r) => r.id !== row.id));
                          clearError(sourceKey);
                          clearError(targetKey);
                        }}
                      >
                        {fm.remove}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }
  return (
    <section aria-labelledby={headingId}>
      <Title order={3} size="h5" id={headingId} mb="xs">
        {label}
      </Title>
      {body}
      {!readOnly && (
        <Button
          variant="default"
          size="compact-sm"
          mt="xs"
          aria-label={t.addValueFor(label)}
          onClick={() => onChange([...rows, { id: newId(), source: "", target: "" }])}
        >
          {t.addValue}
        </Button>
      )}
    </section>
  );
}

function PrefixesSection({ draft, update, errors, clearError, readOnly }: SectionProps) {
  const rows = draft.prefixes;
  const setRows = (next: TextRow[]) => update((d) => ({ ...d, prefixes: next }));
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="mapping-prefixes-heading">
      <Title order={2} id="mapping-prefixes-heading" className="yk-section-title" mb={4}>
        {t.prefixesHeading}
      </Title>
      <Text size="sm" mb="sm">
        {t.prefixesIntro}
      </Text>
      <Stack gap={6}>
        {rows.length === 0 && readOnly && (
          <Text size="sm" c="dimmed">
            {fm.none}
          </Text>
        )}
        <List listStyleType="none" pl={0} spacing={6}>
          {rows.map((row, index) => {
            const key = `prefix.${row.id}`;
            return (
              <List.Item key={row.id}>
                <Group gap="xs" align="flex-start" wrap="nowrap">
                  <TextInput
                    aria-label={t.prefix(index + 1)}
                    readOnly={readOnly}
                    maxLength={50}
                    value={row.text}
                    onChange={(e) => {
                      const text = e.currentTarget.value;
                      setRows(rows.map((r) => (r.id === row.id ? { ...r, text } : r)));
                      clearError(key);
                    }}
                    error={errors[key]}
                    style={{ flex: "1 1 16rem", maxWidth: "24rem" }}
                  />
                  {!readOnly && (
                    <Button
                      variant="subtle"
                      color="red"
                      c="red.9"
                      size="compact-sm"
                      mt={6}
                      aria-label={t.removePrefixFor(index + 1)}
                      onClick={() => {
                        setRows(rows.filter((r) => r.id !== row.id));
                        clearError(key);
                      }}
                    >
                      {fm.remove}
                    </Button>
                  )}
                </Group>
              </List.Item>
            );
          })}
        </List>
        {!readOnly && rows.length < MAX_PREFIXES && (
          <div>
            <Button variant="default" size="compact-sm" onClick={() => setRows([...rows, { id: newId(), text: "" }])}>
              {t.addPrefix}
            </Button>
          </div>
        )}
      </Stack>
    </Paper>
  );
}
