// /international/projects/new and /international/projects/$id/edit: a 国際関連事業 with its partners, its budget and
// settled cost per 年度 and 財源, and its indicators with results per 年度. Checked in the browser with the contract's
// own schema (projectInput), so the messages are the server's; a save over someone else's answers 409 and says so.
import {
  Alert,
  Button,
  Group,
  Loader,
  MultiSelect,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type ReactNode, useState } from "react";
import {
  createProject,
  FUNDING_SOURCE_LABELS,
  FUNDING_SOURCES,
  PROJECT_STATUS_LABELS,
  PROJECT_STATUSES,
  type ProjectDetail,
  type ProjectInput,
  updateProject,
} from "../../../common/api/international";
import { organisationOptions } from "../../admin/organisationOptions";
import { call } from "../../api/client";
import { useCurrentUser } from "../../auth/session";
import { m } from "../../messages";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrors } from "../../ui/errors";
import { currentFiscalYear } from "../../ui/FiscalYear";
import { useFlash } from "../../ui/Flash";
import { AnchorLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { RadioFieldset } from "../../ui/RadioFieldset";
import { useFocusFirstInvalid } from "../../ui/useFocusFirstInvalid";
import { useOrganisations } from "../policy";
import { FiscalYearField, focusSoon, InternationalNav, YenInput } from "./components";
import { partnerLabel } from "./labels";
import { im } from "./messages";
import { PartnerDialog } from "./PartnerDialog";
import { emptyIndicator, emptyResult, emptyYear, type ProjectValues, parseProject, projectValues } from "./project-form-values";
import { internationalKeys, invalidateInternational, useFields, useInternationalAccess, usePartners, useProject } from "./queries";

const f = im.projectForm;
/** A row of a list in the form: a fieldset (its legend names the row for screen readers) drawn as a card. */
const ROW_STYLE = { margin: 0, minWidth: 0 };

export function ProjectFormPage({ id }: { id?: string }) {
  const access = useInternationalAccess();
  const project = useProject(id ?? "");
  const breadcrumbs = [
    { label: im.moduleName, href: "/international" },
    { label: im.projects.title, href: "/international/projects" },
  ];
  if (id && project.error) {
    return (
      <>
        <PageHeader title={f.editShort} breadcrumbs={breadcrumbs} />
        <InternationalNav />
        <ErrorAlert error={project.error} />
      </>
    );
  }
  if (!access.data || (id && !project.data)) {
    return (
      <>
        <PageHeader title={id ? f.editShort : f.createTitle} breadcrumbs={breadcrumbs} />
        <Loader aria-label={m.common.loading} />
      </>
    );
  }
  const detail = id ? project.data : undefined;
  if ((detail && !detail.canEdit) || (!detail && !access.data.canCreate)) {
    return (
      <>
        <PageHeader title={detail ? f.editTitle(detail.name) : f.createTitle} breadcrumbs={breadcrumbs} />
        <InternationalNav />
        <Alert color="yellow" variant="light" role="status">
          {detail ? f.cannotEdit : f.cannotCreate}
        </Alert>
      </>
    );
  }
  return <ProjectForm key={detail ? detail.id : "new"} project={detail} ownerOrganisationId={access.data.organisationId} />;
}

function FormSection({ id, title, actions, children }: { id: string; title: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="sm">
        <Title order={2} id={id} className="yk-section-title">
          {title}
        </Title>
        {actions}
      </Group>
      <Stack gap="md">{children}</Stack>
    </Paper>
  );
}

function errorText(error: ReactNode): string | undefined {
  return error ? String(error) : undefined;
}

function ProjectForm({ project, ownerOrganisationId }: { project?: ProjectDetail; ownerOrganisationId: string }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const flash = useFlash();
  const user = useCurrentUser();
  const fields = useFields();
  const partners = usePartners();
  const organisations = useOrganisations();
  const [addingPartner, setAddingPartner] = useState(false);
  const form = useForm<ProjectValues>({
    initialValues: projectValues(project, { ownerOrganisationId, fiscalYear: currentFiscalYear() }),
    validate: (values) => {
      const parsed = parseProject(values);
      return parsed.ok ? {} : parsed.errors;
    },
  });
  const { ref, focusFirstInvalid } = useFocusFirstInvalid();
  const isNew = !project;
  // The version the form was filled from: a newer one loaded later (on refocus) must not turn a stale form into a save.
  const [version] = useState(project?.version ?? 0);

  const save = useMutation({
    mutationFn: (body: ProjectInput) =>
      project ? call(updateProject, { params: { id: project.id }, body: { version, project: body } }) : call(createProject, { body }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(internationalKeys.project(saved.id), saved);
      flash.show(isNew ? f.created : f.updated);
      await invalidateInternational(queryClient);
      navigate({ to: "/international/projects/$id", params: { id: saved.id } });
    },
    onError: (error) => {
      // After a 409 the form keeps what was typed and says to reload (the newer record is not loaded under it).
      // the update's body nests the project: its field errors come back as project.name …
      const errors = Object.fromEntries(Object.entries(fieldErrors(error)).map(([key, value]) => [key.replace(/^project\./, ""), value]));
      form.setErrors(errors);
      focusFirstInvalid();
    },
  });

  const values = form.values;
  const errorCount = Object.values(form.errors).filter(Boolean).length;
  const activeFields = (fields.data?.items ?? []).filter((field) => field.active || field.id === values.fieldId);
  const partnerOptions = (partners.data?.items ?? []).map((p) => ({ value: p.id, label: partnerLabel(p) }));
  // A partner the list does not hold (yet) keeps its label from the project.
  for (const p of project?.partners ?? [])
    if (!partnerOptions.some((o) => o.value === p.id)) partnerOptions.push({ value: p.id, label: p.label });
  const orgOptions = organisationOptions(organisations.data?.items ?? []);
  const title = project ? f.editTitle(project.name) : f.createTitle;

  return (
    <>
      <PageHeader
        title={title}
        subtitle={f.intro}
        breadcrumbs={[
          { label: im.moduleName, href: "/international" },
          { label: im.projects.title, href: "/international/projects" },
          ...(project ? [{ label: project.name, href: `/international/projects/${project.id}` }] : []),
          { label: project ? f.editShort : f.createTitle },
        ]}
      />
      <InternationalNav />
      <form
        ref={ref}
        noValidate
        onSubmit={form.onSubmit((v) => {
          const parsed = parseProject(v);
          if (parsed.ok) save.mutate(parsed.body);
        }, focusFirstInvalid)}
      >
        <Stack gap="lg">
          <ErrorAlert error={save.error} conflictMessage={f.conflict} />
          {errorCount > 0 && !save.error && (
            <Alert color="red" variant="light" role="alert" title={f.errorsHeading}>
              {f.errorsCount(errorCount)}
            </Alert>
          )}
          <FormSection id="intl-project-basics" title={f.basics}>
            <TextInput label={f.name} required maxLength={200} {...form.getInputProps("name")} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect
                label={f.owner}
                required
                description={f.ownerHelp}
                inputWrapperOrder={["label", "input", "description", "error"]}
                disabled={user.role !== "admin"}
                data={orgOptions.length > 0 ? orgOptions : [{ value: values.ownerOrganisationId, label: user.organisationName }]}
                {...form.getInputProps("ownerOrganisationId")}
              />
              <TextInput label={f.contact} maxLength={100} {...form.getInputProps("contactName")} />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect
                label={f.field}
                required
                data={[{ value: "", label: f.choose }, ...activeFields.map((field) => ({ value: field.id, label: field.name }))]}
                {...form.getInputProps("fieldId")}
              />
              <NativeSelect
                label={f.status}
                required
                data={PROJECT_STATUSES.map((s) => ({ value: s, label: PROJECT_STATUS_LABELS[s] }))}
                {...form.getInputProps("status")}
              />
            </SimpleGrid>
            <RadioFieldset
              legend={f.visibility}
              name="visibility"
              value={values.visibility}
              options={[
                { value: "internal", label: f.internal },
                { value: "public", label: f.public },
              ]}
              onChange={(v) => form.setFieldValue("visibility", v)}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <FiscalYearField
                label={f.firstFiscalYear}
                required
                emptyLabel={f.choose}
                value={values.firstFiscalYear}
                onChange={(v) => form.setFieldValue("firstFiscalYear", v)}
                error={errorText(form.errors.firstFiscalYear)}
              />
              <FiscalYearField
                label={f.lastFiscalYear}
                emptyLabel={f.lastNone}
                value={values.lastFiscalYear}
                onChange={(v) => form.setFieldValue("lastFiscalYear", v)}
                error={errorText(form.errors.lastFiscalYear)}
              />
            </SimpleGrid>
            <Textarea label={f.summary} autosize minRows={3} maxLength={4000} {...form.getInputProps("summary")} />
            <TagsInput
              label={f.themes}
              description={f.themesHelp}
              inputWrapperOrder={["label", "input", "description", "error"]}
              maxTags={20}
              clearable
              value={values.themes}
              onChange={(themes) => form.setFieldValue("themes", themes)}
              error={errorText(form.errors.themes) ?? errorText(Object.entries(form.errors).find(([k]) => k.startsWith("themes."))?.[1])}
            />
            <Group align="flex-end" gap="sm" wrap="wrap">
              <MultiSelect
                label={f.partners}
                description={f.partnersHelp}
                inputWrapperOrder={["label", "input", "description", "error"]}
                searchable
                clearable
                data={partnerOptions}
                value={values.partnerIds}
                onChange={(ids) => form.setFieldValue("partnerIds", ids)}
                error={errorText(form.errors.partnerIds)}
                style={{ flex: "1 1 24rem" }}
              />
              <Button variant="default" onClick={() => setAddingPartner(true)}>
                {f.addPartner}
              </Button>
            </Group>
          </FormSection>

          <FormSection
            id="intl-project-years"
            title={f.years}
            actions={
              <Button
                variant="default"
                size="compact-md"
                onClick={() => {
                  const row = emptyYear(Number(values.firstFiscalYear) || currentFiscalYear());
                  form.insertListItem("years", row);
                  focusSoon(`year-${row.key}`);
                }}
              >
                {f.addYear}
              </Button>
            }
          >
            {values.years.length === 0 && <Text c="dimmed">{f.noYears}</Text>}
            {values.years.map((row, i) => (
              <Paper key={row.key} withBorder p="sm" component="fieldset" style={ROW_STYLE}>
                <VisuallyHidden component="legend">{`${f.yearRow} ${im.row(i + 1)}`}</VisuallyHidden>
                <SimpleGrid cols={{ base: 1, sm: 2, md: 5 }} style={{ alignItems: "end" }}>
                  <FiscalYearField
                    id={`year-${row.key}`}
                    label={f.fiscalYear}
                    required
                    emptyLabel={f.choose}
                    value={row.fiscalYear}
                    onChange={(v) => form.setFieldValue(`years.${i}.fiscalYear`, v)}
                    error={errorText(form.errors[`years.${i}.fiscalYear`])}
                  />
                  <NativeSelect
                    label={f.fundingSource}
                    data={FUNDING_SOURCES.map((s) => ({ value: s, label: FUNDING_SOURCE_LABELS[s] }))}
                    {...form.getInputProps(`years.${i}.fundingSource`)}
                  />
                  <YenInput
                    label={f.budget}
                    required
                    value={row.budget}
                    onChange={(v) => form.setFieldValue(`years.${i}.budget`, v)}
                    error={errorText(form.errors[`years.${i}.budget`])}
                  />
                  <YenInput
                    label={f.settled}
                    placeholder={f.settledHelp}
                    value={row.settled}
                    onChange={(v) => form.setFieldValue(`years.${i}.settled`, v)}
                    error={errorText(form.errors[`years.${i}.settled`])}
                  />
                  <Button variant="subtle" color="red" onClick={() => form.removeListItem("years", i)}>
                    {im.removeRow(f.yearRow, i + 1)}
                  </Button>
                </SimpleGrid>
              </Paper>
            ))}
          </FormSection>

          <FormSection
            id="intl-project-indicators"
            title={f.indicators}
            actions={
              <Button
                variant="default"
                size="compact-md"
                onClick={() => {
                  const row = emptyIndicator(Number(values.firstFiscalYear) || currentFiscalYear());
                  form.insertListItem("indicators", row);
                  focusSoon(`indicator-${row.key}`);
                }}
              >
                {f.addIndicator}
              </Button>
            }
          >
            {values.indicators.length === 0 && <Text c="dimmed">{f.noIndicators}</Text>}
            {values.indicators.map((ind, i) => (
              <Paper key={ind.key} withBorder p="md" component="fieldset" style={ROW_STYLE}>
                <Text component="legend" fw={700} size="sm" px={4}>
                  {f.indicatorHeading(i + 1)}
                </Text>
                <Stack gap="sm">
                  <SimpleGrid cols={{ base: 1, sm: 3 }}>
                    <TextInput
                      id={`indicator-${ind.key}`}
                      label={f.indicatorName}
                      required
                      maxLength={200}
                      {...form.getInputProps(`indicators.${i}.name`)}
                      style={{ gridColumn: "span 2" }}
                    />
                    <TextInput label={f.unit} maxLength={20} {...form.getInputProps(`indicators.${i}.unit`)} />
                  </SimpleGrid>
                  <SimpleGrid cols={{ base: 1, sm: 2, md: 5 }}>
                    <NativeSelect
                      label={f.direction}
                      data={[
                        { value: "higher", label: f.higher },
                        { value: "lower", label: f.lower },
                      ]}
                      {...form.getInputProps(`indicators.${i}.direction`)}
                    />
                    <TextInput
                      label={f.baselineValue}
                      required
                      inputMode="decimal"
                      {...form.getInputProps(`indicators.${i}.baselineValue`)}
                    />
                    <FiscalYearField
                      label={f.baselineFiscalYear}
                      required
                      emptyLabel={f.choose}
                      value={ind.baselineFiscalYear}
                      onChange={(v) => form.setFieldValue(`indicators.${i}.baselineFiscalYear`, v)}
                      error={errorText(form.errors[`indicators.${i}.baselineFiscalYear`])}
                    />
                    <TextInput label={f.targetValue} required inputMode="decimal" {...form.getInputProps(`indicators.${i}.targetValue`)} />
                    <FiscalYearField
                      label={f.targetFiscalYear}
                      required
                      emptyLabel={f.choose}
                      value={ind.targetFiscalYear}
                      onChange={(v) => form.setFieldValue(`indicators.${i}.targetFiscalYear`, v)}
                      error={errorText(form.errors[`indicators.${i}.targetFiscalYear`])}
                    />
                  </SimpleGrid>
                  <Text fw={600} size="sm">
                    {f.results}
                  </Text>
                  {ind.results.length === 0 && (
                    <Text size="sm" c="dimmed">
                      {f.noResults}
                    </Text>
                  )}
                  {ind.results.map((r, j) => (
                    <Group key={r.key} align="flex-end" gap="sm" wrap="wrap">
                      <FiscalYearField
                        id={`result-${r.key}`}
                        label={`${f.fiscalYear}（${f.resultRow}${j + 1}）`}
                        required
                        emptyLabel={f.choose}
                        value={r.fiscalYear}
                        onChange={(v) => form.setFieldValue(`indicators.${i}.results.${j}.fiscalYear`, v)}
                        error={errorText(form.errors[`indicators.${i}.results.${j}.fiscalYear`])}
                      />
                      <TextInput
                        label={`${f.resultValue}（${f.resultRow}${j + 1}）`}
                        required
                        inputMode="decimal"
                        {...form.getInputProps(`indicators.${i}.results.${j}.value`)}
                      />
                      <Button variant="subtle" color="red" onClick={() => form.removeListItem(`indicators.${i}.results`, j)}>
                        {im.removeRow(f.resultRow, j + 1)}
                      </Button>
                    </Group>
                  ))}
                  <Group justify="space-between">
                    <Button
                      variant="default"
                      size="compact-md"
                      onClick={() => {
                        const last = ind.results.at(-1);
                        const next = emptyResult(last?.fiscalYear ? Number(last.fiscalYear) + 1 : currentFiscalYear());
                        form.insertListItem(`indicators.${i}.results`, next);
                        focusSoon(`result-${next.key}`);
                      }}
                    >
                      {f.addResult}
                    </Button>
                    <Button variant="subtle" color="red" onClick={() => form.removeListItem("indicators", i)}>
                      {im.removeRow(f.indicatorRow, i + 1)}
                    </Button>
                  </Group>
                </Stack>
              </Paper>
            ))}
          </FormSection>

          <Group justify="flex-end">
            {project ? (
              <AnchorLink to="/international/projects/$id" params={{ id: project.id }}>
                {m.common.cancel}
              </AnchorLink>
            ) : (
              <AnchorLink to="/international/projects">{m.common.cancel}</AnchorLink>
            )}
            <Button type="submit" loading={save.isPending}>
              {isNew ? f.submitCreate : f.submitEdit}
            </Button>
          </Group>
        </Stack>
      </form>
      {addingPartner && (
        <PartnerDialog
          onClose={() => setAddingPartner(false)}
          onCreated={(partner) => form.setFieldValue("partnerIds", [...form.getValues().partnerIds, partner.id])}
        />
      )}
    </>
  );
}
