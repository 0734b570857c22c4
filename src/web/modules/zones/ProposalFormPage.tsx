// /zones/proposals/new and /zones/proposals/$id/edit 「規制改革提案の登録・編集」: the proposal's content — title, field,
// summary, the measure asked (区域限定・全国; 規制改革・グレーゾーン解消), partners and the regulations that block the
// business (rows added and removed, the new row's first input taking the focus), business plan, necessity and research
// notes; a new proposal also its first step's date (調査研究). Checked in the browser with the contract's schema.
import { Alert, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { createProposal, type ProposalDetail, updateProposal } from "../../../common/api/zones";
import { todayInJapan } from "../../../common/dates";
import {
  MEASURE_KIND_LABELS,
  MEASURE_KINDS,
  MEASURE_SCOPE_LABELS,
  MEASURE_SCOPES,
  PARTNER_KIND_LABELS,
  PARTNER_KINDS,
  PROPOSAL_FIELD_LABELS,
  PROPOSAL_FIELDS,
} from "../../../common/zones/proposal-fields";
import { call } from "../../api/client";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { isNotFound } from "../../ui/errors";
import { FormActions, FormSection } from "../../ui/FormSection";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { Loading } from "../../ui/Loading";
import { ButtonLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { QueryBoundary } from "../../ui/QueryBoundary";
import { RadioFieldset } from "../../ui/RadioFieldset";
import { useFormSubmit } from "../../ui/useFormSubmit";
import { ZonesNav } from "./components";
import { zm } from "./messages";
import {
  emptyPartner,
  emptyRegulation,
  type ProposalFormValues,
  parseNewProposal,
  parseProposalEdit,
  proposalFormValues,
} from "./proposal-form-values";
import { proposalChanged, useCanManageZones, useProposal } from "./queries";

const f = zm.form;

/** Moves the focus to an input once React has rendered it (the first input of a row just added). */
function focusSoon(id: string) {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

function ProposalForm({ proposal }: { proposal?: ProposalDetail }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  // The version the form was filled from: a newer one loaded later must not turn a stale form into a save.
  const [version] = useState(proposal?.version ?? 0);
  const form = useForm<ProposalFormValues>({
    initialValues: proposalFormValues(proposal, todayInJapan()),
    validate: (values) => {
      const parsed = proposal ? parseProposalEdit(values, version) : parseNewProposal(values);
      return parsed.ok ? {} : parsed.errors;
    },
  });
  const { formRef, submit, save } = useFormSubmit(form, {
    send: (values) => {
      if (proposal) {
        const parsed = parseProposalEdit(values, version);
        if (!parsed.ok) throw new Error(f.errorsSummary(Object.keys(parsed.errors).length));
        return call(updateProposal, { params: { id: proposal.id }, body: parsed.body });
      }
      const parsed = parseNewProposal(values);
      if (!parsed.ok) throw new Error(f.errorsSummary(Object.keys(parsed.errors).length));
      return call(createProposal, { body: parsed.body });
    },
    saved: async (saved) => {
      await proposalChanged(queryClient, saved);
      await navigate({ to: "/zones/proposals/$id" as never, params: { id: saved.id } as never });
      return proposal ? f.updated : f.created;
    },
  });
  const values = form.values;
  const errorCount = Object.values(form.errors).filter(Boolean).length;
  const cancelHref = proposal ? `/zones/proposals/${proposal.id}` : "/zones/proposals";

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={proposal ? f.editTitle(proposal.title) : f.createTitle}>
      <Stack gap="lg">
        <ErrorAlert error={save.error} conflictMessage={f.conflict} />
        {errorCount > 0 && (
          <Alert color="red" role="alert">
            {f.errorsSummary(errorCount)}
          </Alert>
        )}
        <FormSection id="zones-form-basics" title={f.basics}>
          <TextInput label={f.title} description={f.titleHelp} required maxLength={200} {...form.getInputProps("title")} />
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <NativeSelect
              label={f.field}
              required
              data={[{ value: "", label: f.chooseField }, ...PROPOSAL_FIELDS.map((v) => ({ value: v, label: PROPOSAL_FIELD_LABELS[v] }))]}
              {...form.getInputProps("field")}
            />
          </SimpleGrid>
          <Textarea label={f.summary} autosize minRows={3} maxLength={4000} {...form.getInputProps("summary")} />
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <RadioFieldset
              legend={f.measureScope}
              name="measureScope"
              value={values.measureScope}
              options={MEASURE_SCOPES.map((v) => ({ value: v, label: MEASURE_SCOPE_LABELS[v] }))}
              onChange={(v) => form.setFieldValue("measureScope", v)}
              error={form.errors.measureScope ? String(form.errors.measureScope) : undefined}
            />
            <RadioFieldset
              legend={f.measureKind}
              name="measureKind"
              value={values.measureKind}
              options={MEASURE_KINDS.map((v) => ({ value: v, label: MEASURE_KIND_LABELS[v] }))}
              onChange={(v) => form.setFieldValue("measureKind", v)}
              error={form.errors.measureKind ? String(form.errors.measureKind) : undefined}
            />
          </SimpleGrid>
          {!proposal && (
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <JapaneseDateInput
                label={f.startedOn}
                required
                value={values.startedOn}
                onChange={(text) => form.setFieldValue("startedOn", text)}
                error={form.errors.startedOn ? String(form.errors.startedOn) : undefined}
                description={f.startedOnHelp}
              />
              <TextInput label={f.note} maxLength={2000} {...form.getInputProps("note")} />
            </SimpleGrid>
          )}
        </FormSection>

        <FormSection id="zones-form-partners" title={f.partners} help={f.partnersHelp}>
          {values.partners.length === 0 && (
            <Text size="sm" c="dimmed">
              {f.noPartners}
            </Text>
          )}
          {values.partners.map((partner, i) => (
            <Paper key={partner.key} withBorder p="sm" component="fieldset" style={{ margin: 0 }}>
              <Text component="legend" size="sm" fw={700} px={4}>
                {f.partner(i + 1)}
              </Text>
              <Group align="flex-start" gap="sm" wrap="wrap">
                <TextInput
                  id={`zones-partner-${partner.key}`}
                  label={f.partnerName}
                  required
                  maxLength={80}
                  style={{ flex: "2 1 14rem" }}
                  {...form.getInputProps(`partners.${i}.name`)}
                />
                <NativeSelect
                  label={f.partnerKind}
                  required
                  data={PARTNER_KINDS.map((v) => ({ value: v, label: PARTNER_KIND_LABELS[v] }))}
                  style={{ flex: "0 1 10rem" }}
                  {...form.getInputProps(`partners.${i}.kind`)}
                />
                <TextInput
                  label={f.partnerRole}
                  description={f.partnerRoleHelp}
                  maxLength={200}
                  style={{ flex: "3 1 20rem" }}
                  {...form.getInputProps(`partners.${i}.role`)}
                />
                <Button
                  variant="subtle"
                  color="red"
                  mt={24}
                  onClick={() => {
                    form.removeListItem("partners", i);
                    focusSoon("zones-add-partner");
                  }}
                >
                  {f.removePartner(i + 1)}
                </Button>
              </Group>
            </Paper>
          ))}
          <Group>
            <Button
              id="zones-add-partner"
              variant="default"
              onClick={() => {
                const row = emptyPartner();
                form.insertListItem("partners", row);
                focusSoon(`zones-partner-${row.key}`);
              }}
              disabled={values.partners.length >= 30}
            >
              {f.addPartner}
            </Button>
          </Group>
        </FormSection>

        <FormSection id="zones-form-regulations" title={f.regulations} help={f.regulationsHelp}>
          {values.regulations.length === 0 && (
            <Text size="sm" c="dimmed">
              {f.noRegulations}
            </Text>
          )}
          {values.regulations.map((regulation, i) => (
            <Paper key={regulation.key} withBorder p="sm" component="fieldset" style={{ margin: 0 }}>
              <Text component="legend" size="sm" fw={700} px={4}>
                {f.regulation(i + 1)}
              </Text>
              <Stack gap="sm">
                <Group align="flex-start" gap="sm" wrap="wrap">
                  <TextInput
                    id={`zones-regulation-${regulation.key}`}
                    label={f.law}
                    description={f.lawHelp}
                    required
                    maxLength={120}
                    style={{ flex: "2 1 14rem" }}
                    {...form.getInputProps(`regulations.${i}.law`)}
                  />
                  <TextInput
                    label={f.article}
                    description={f.articleHelp}
                    maxLength={120}
                    style={{ flex: "1 1 12rem" }}
                    {...form.getInputProps(`regulations.${i}.article`)}
                  />
                  <TextInput
                    label={f.ministry}
                    description={f.ministryHelp}
                    required
                    maxLength={60}
                    style={{ flex: "1 1 10rem" }}
                    {...form.getInputProps(`regulations.${i}.ministry`)}
                  />
                </Group>
                <Textarea label={f.regulationNote} autosize minRows={2} maxLength={1000} {...form.getInputProps(`regulations.${i}.note`)} />
                <Group>
                  <Button
                    variant="subtle"
                    color="red"
                    onClick={() => {
                      form.removeListItem("regulations", i);
                      focusSoon("zones-add-regulation");
                    }}
                  >
                    {f.removeRegulation(i + 1)}
                  </Button>
                </Group>
              </Stack>
            </Paper>
          ))}
          <Group>
            <Button
              id="zones-add-regulation"
              variant="default"
              onClick={() => {
                const row = emptyRegulation();
                form.insertListItem("regulations", row);
                focusSoon(`zones-regulation-${row.key}`);
              }}
              disabled={values.regulations.length >= 20}
            >
              {f.addRegulation}
            </Button>
          </Group>
        </FormSection>

        <FormSection id="zones-form-plan" title={f.plan}>
          <Textarea label={f.businessPlan} autosize minRows={4} maxLength={8000} {...form.getInputProps("businessPlan")} />
          <Textarea label={f.necessity} autosize minRows={4} maxLength={8000} {...form.getInputProps("necessity")} />
          <Textarea
            label={f.researchNotes}
            description={f.researchNotesHelp}
            autosize
            minRows={3}
            maxLength={8000}
            {...form.getInputProps("researchNotes")}
          />
        </FormSection>

        <FormActions
          submitLabel={proposal ? f.save : f.create}
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

function Header({ proposal }: { proposal?: ProposalDetail }) {
  const title = proposal ? f.editTitle(proposal.title) : f.createTitle;
  return (
    <PageHeader
      title={title}
      subtitle={f.intro}
      breadcrumbs={[
        { label: zm.crumbs.zones, href: "/zones" },
        { label: zm.crumbs.proposals, href: "/zones/proposals" },
        ...(proposal
          ? [{ label: proposal.title, href: `/zones/proposals/${proposal.id}` }, { label: f.editShort }]
          : [{ label: f.createTitle }]),
      ]}
    />
  );
}

function EditForm({ id }: { id: string }) {
  const query = useProposal(id);
  if (isNotFound(query.error))
    return (
      <>
        <PageHeader title={zm.proposal.breadcrumb} breadcrumbs={[{ label: zm.crumbs.zones, href: "/zones" }]} />
        <Alert color="gray" role="status">
          {zm.proposal.notFound}
        </Alert>
      </>
    );
  return (
    <QueryBoundary query={query} title={f.editShort}>
      {(proposal) => (
        <>
          <Header proposal={proposal} />
          <ZonesNav canManage={proposal.canManage} />
          {proposal.canManage ? <ProposalForm proposal={proposal} /> : <Alert color="gray">{f.readOnly}</Alert>}
        </>
      )}
    </QueryBoundary>
  );
}

export function ProposalFormPage({ id }: { id?: string }) {
  const { canManage, known } = useCanManageZones();
  if (id) return <EditForm id={id} />;
  return (
    <>
      <Header />
      <ZonesNav canManage={canManage} />
      {known && !canManage && <Alert color="gray">{f.readOnly}</Alert>}
      {known && canManage && <ProposalForm />}
      {!known && <Loading />}
    </>
  );
}
