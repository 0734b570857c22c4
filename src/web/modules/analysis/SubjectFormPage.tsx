// /analysis/subjects/new (?role=peer for a peer) and /analysis/subjects/$id/edit 「分析対象・比較団体の登録・編集」:
// name, short name, kind, the 外郭団体 flag, the lead division (the organisation tree), the city's stake and role,
// purpose, founding year (和暦 shown as typed), and for a subject its analysis year (年度, read as 和暦) and the linked
// source (the measures it brings are named), for a peer its location; a note. Checked in the browser with the
// contract's schema; an edit sends the version it was filled from (409 when someone saved first).
import { Alert, Checkbox, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { LINKED_SOURCE_INFO, LINKED_SOURCES } from "../../../common/analysis/figure-items";
import { SUBJECT_KIND_LABELS, SUBJECT_KINDS, type SubjectRole } from "../../../common/analysis/labels";
import { createSubject, foundedYearLabel, type SubjectDetail, updateSubject } from "../../../common/api/analysis-subjects";
import { organisationOptions } from "../../admin/organisationOptions";
import { call } from "../../api/client";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { isNotFound } from "../../ui/errors";
import { FiscalYearInput } from "../../ui/FiscalYear";
import { FormActions, FormSection } from "../../ui/FormSection";
import { Loading } from "../../ui/Loading";
import { ButtonLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { QueryBoundary } from "../../ui/QueryBoundary";
import { useFormSubmit } from "../../ui/useFormSubmit";
import { useOrganisations } from "../policy";
import { AnalysisNav } from "./SubjectNav";
import { parseNewSubject, parseSubjectEdit, type SubjectFormValues, subjectFormValues } from "./subject-form-values";
import { sm } from "./subject-messages";
import { subjectChanged, useCanManageAnalysis, useSubject } from "./subject-queries";

const f = sm.form;

function SubjectForm({ subject, role }: { subject?: SubjectDetail; role: SubjectRole }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const organisations = useOrganisations();
  // The version the form was filled from: a newer one loaded later must not turn a stale form into a save.
  const [version] = useState(subject?.version ?? 0);
  const form = useForm<SubjectFormValues>({
    initialValues: subjectFormValues(subject, role),
    validate: (values) => {
      const parsed = subject ? parseSubjectEdit(values, version) : parseNewSubject(values, null);
      return parsed.ok ? {} : parsed.errors;
    },
  });
  const { formRef, submit, save } = useFormSubmit(form, {
    send: (values) => {
      if (subject) {
        const parsed = parseSubjectEdit(values, version);
        if (!parsed.ok) throw new Error(f.errorsSummary(Object.keys(parsed.errors).length));
        return call(updateSubject, { params: { id: subject.id }, body: parsed.body });
      }
      const parsed = parseNewSubject(values, null);
      if (!parsed.ok) throw new Error(f.errorsSummary(Object.keys(parsed.errors).length));
      return call(createSubject, { body: parsed.body });
    },
    saved: async (saved) => {
      await subjectChanged(queryClient, saved);
      await navigate({ to: "/analysis/subjects/$id" as never, params: { id: saved.id } as never });
      return subject ? f.updated : f.created;
    },
  });
  const values = form.values;
  const isSubject = values.role === "subject";
  const errorCount = Object.values(form.errors).filter(Boolean).length;
  const cancelHref = subject ? `/analysis/subjects/${subject.id}` : isSubject ? "/analysis" : "/analysis/peers";
  const founded = /^\d{4}$/.test(values.foundedYear.trim()) ? foundedYearLabel(Number(values.foundedYear.trim())) : null;
  const orgOptions = [
    { value: "", label: f.noLead },
    ...organisationOptions((organisations.data?.items ?? []).filter((o) => o.kind !== "external")),
  ];
  const title = subject ? f.editTitle(subject.name) : isSubject ? f.createTitle : f.createPeerTitle;

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={title}>
      <Stack gap="lg">
        <ErrorAlert error={save.error} conflictMessage={f.conflict} />
        {errorCount > 0 && (
          <Alert color="red" role="alert">
            {f.errorsSummary(errorCount)}
          </Alert>
        )}
        <FormSection id="analysis-form-basics" title={f.basics}>
          <TextInput label={f.name} description={f.nameHelp} required maxLength={120} {...form.getInputProps("name")} />
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <TextInput label={f.shortName} maxLength={40} {...form.getInputProps("shortName")} />
            <NativeSelect
              label={f.kind}
              required
              data={[{ value: "", label: f.chooseKind }, ...SUBJECT_KINDS.map((k) => ({ value: k, label: SUBJECT_KIND_LABELS[k] }))]}
              {...form.getInputProps("kind")}
            />
          </SimpleGrid>
          <Checkbox label={f.affiliated} description={f.affiliatedHelp} {...form.getInputProps("isAffiliatedBody", { type: "checkbox" })} />
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {isSubject ? (
              <NativeSelect
                label={f.lead}
                description={f.leadHelp}
                inputWrapperOrder={["label", "input", "description", "error"]}
                data={orgOptions}
                {...form.getInputProps("leadOrganisationId")}
              />
            ) : (
              <TextInput
                label={f.location}
                description={f.locationHelp}
                inputWrapperOrder={["label", "input", "description", "error"]}
                maxLength={80}
                {...form.getInputProps("location")}
              />
            )}
            <TextInput
              label={f.stake}
              description={f.stakeHelp}
              inputWrapperOrder={["label", "input", "description", "error"]}
              inputMode="decimal"
              {...form.getInputProps("cityStakePercent")}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <TextInput
              label={f.founded}
              description={founded ?? f.foundedHelp}
              inputWrapperOrder={["label", "input", "description", "error"]}
              inputMode="numeric"
              maxLength={5}
              {...form.getInputProps("foundedYear")}
            />
            {isSubject && (
              <FiscalYearInput
                label={f.analysisYear}
                required
                value={values.analysisFiscalYear}
                onChange={(text) => form.setFieldValue("analysisFiscalYear", text)}
                error={form.errors.analysisFiscalYear ? String(form.errors.analysisFiscalYear) : undefined}
              />
            )}
          </SimpleGrid>
        </FormSection>

        <FormSection id="analysis-form-role" title={f.roleSection}>
          <Textarea label={f.cityRole} autosize minRows={2} maxLength={2000} {...form.getInputProps("cityRole")} />
          <Textarea label={f.purpose} autosize minRows={3} maxLength={4000} {...form.getInputProps("purpose")} />
        </FormSection>

        {isSubject && (
          <FormSection id="analysis-form-linked" title={f.linkedSource} help={f.linkedSourceHelp}>
            <NativeSelect
              label={f.linkedSource}
              description={
                values.linkedSource
                  ? f.linkedMeasures(LINKED_SOURCE_INFO[values.linkedSource].measures.map((m) => m.name).join("・"))
                  : undefined
              }
              inputWrapperOrder={["label", "input", "description", "error"]}
              data={[
                { value: "", label: f.noLinkedSource },
                ...LINKED_SOURCES.map((s) => ({ value: s, label: LINKED_SOURCE_INFO[s].label })),
              ]}
              {...form.getInputProps("linkedSource")}
            />
          </FormSection>
        )}

        <FormSection id="analysis-form-note" title={f.note}>
          <Textarea label={f.note} autosize minRows={2} maxLength={2000} {...form.getInputProps("note")} />
        </FormSection>

        <FormActions
          submitLabel={subject ? f.save : f.create}
          saving={save.isPending}
          cancel={
            <ButtonLink to={cancelHref as never} variant="default">
              {f.cancel}
            </ButtonLink>
          }
        />
      </Stack>
    </form>
  );
}

function Header({ subject, role }: { subject?: SubjectDetail; role: SubjectRole }) {
  const title = subject ? f.editTitle(subject.name) : role === "subject" ? f.createTitle : f.createPeerTitle;
  return (
    <PageHeader
      title={title}
      subtitle={f.intro}
      breadcrumbs={[
        { label: sm.crumbs.home, href: "/analysis" },
        ...(role === "peer" ? [{ label: sm.crumbs.peers, href: "/analysis/peers" }] : []),
        ...(subject ? [{ label: subject.name, href: `/analysis/subjects/${subject.id}` }, { label: f.editShort }] : [{ label: title }]),
      ]}
    />
  );
}

function EditForm({ id }: { id: string }) {
  const query = useSubject(id);
  if (isNotFound(query.error))
    return (
      <>
        <PageHeader title={sm.subject.breadcrumb} breadcrumbs={[{ label: sm.crumbs.home, href: "/analysis" }]} />
        <Alert color="gray" role="status">
          {sm.subject.notFound}
        </Alert>
      </>
    );
  return (
    <QueryBoundary query={query} title={f.editShort}>
      {(subject) => (
        <>
          <Header subject={subject} role={subject.role} />
          <AnalysisNav canManage={subject.canManage} peer={subject.role === "peer"} />
          {subject.canManage ? <SubjectForm subject={subject} role={subject.role} /> : <Alert color="gray">{f.readOnly}</Alert>}
        </>
      )}
    </QueryBoundary>
  );
}

export function SubjectFormPage({ id, role = "subject" }: { id?: string; role?: SubjectRole }) {
  const { canManage, known } = useCanManageAnalysis();
  if (id) return <EditForm id={id} />;
  return (
    <>
      <Header role={role} />
      <AnalysisNav canManage={canManage} peer={role === "peer"} />
      {known && !canManage && <Alert color="gray">{f.readOnly}</Alert>}
      {known && canManage && <SubjectForm key={role} role={role} />}
      {!known && <Loading />}
    </>
  );
}
