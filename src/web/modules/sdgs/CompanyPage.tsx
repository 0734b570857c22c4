// /sdgs/companies/$id: a registered company — its profile, its applications and certifications (和暦), and for the
// bureau that runs the programme the contact person (personal data) and the company's logins, with a dialog that
// adds another login (the platform's user creation: the bureau hands the first password to the company).
import { Badge, Button, Group, PasswordInput, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { addCompanyLogin, addCompanyLoginBody, type CompanyDetail } from "../../../common/api/sdgs-accounts";
import { APPLICATION_STATUS_LABELS, type ApplicationStatus } from "../../../common/sdgs/application-states";
import {
  APPLICATION_KIND_LABELS,
  type ApplicationKind,
  COMPANY_SIZE_LABELS,
  INDUSTRY_LABELS,
  WARD_LABELS,
} from "../../../common/sdgs/labels";
import { japaneseErrorMap } from "../../../common/zod-japanese";
import { call } from "../../api/client";
import { type Column, DataTable } from "../../ui/DataTable";
import { DetailField } from "../../ui/DetailField";
import { DateText, DateTimeText } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { FormModal } from "../../ui/FormModal";
import { Loading } from "../../ui/Loading";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { Section } from "../../ui/Section";
import { useFormSubmit } from "../../ui/useFormSubmit";
import { am } from "./accountMessages";
import { accountKeys, useCompany } from "./accountQueries";

const t = am.company;

const CERT_STATUS_LABELS: Record<string, string> = { active: "有効", superseded: "更新済み", expired: "期限切れ", revoked: "取消し" };

type Application = CompanyDetail["applications"][number];
type Certification = CompanyDetail["certifications"][number];
type Login = NonNullable<CompanyDetail["logins"]>[number];

function AddLoginDialog({ companyId, onClose }: { companyId: string; onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { loginId: "", displayName: "", password: "" },
    validate: (values) => {
      const errors: Record<string, string> = {};
      const parsed = addCompanyLoginBody.safeParse(values, { error: japaneseErrorMap });
      if (!parsed.success) for (const issue of parsed.error.issues) errors[issue.path.map(String).join(".")] ??= issue.message;
      return errors;
    },
  });
  const { formRef, submit, save } = useFormSubmit(form, {
    send: (values) => call(addCompanyLogin, { params: { id: companyId }, body: values }),
    saved: async (result) => {
      await queryClient.invalidateQueries({ queryKey: accountKeys.companies });
      onClose();
      return t.loginAdded(result.loginId);
    },
  });
  return (
    <FormModal
      title={t.addLoginTitle}
      onClose={onClose}
      formRef={formRef}
      onSubmit={submit}
      error={save.error}
      saving={save.isPending}
      size="lg"
    >
      <Text size="sm">{t.addLoginHelp}</Text>
      <TextInput label={am.form.loginId} description={am.form.loginIdHelp} required data-autofocus {...form.getInputProps("loginId")} />
      <TextInput label={t.displayName} required maxLength={100} {...form.getInputProps("displayName")} />
      <PasswordInput label={am.form.password} required autoComplete="new-password" {...form.getInputProps("password")} />
    </FormModal>
  );
}

export function CompanyPage({ id }: { id: string }) {
  const company = useCompany(id);
  const [adding, setAdding] = useState(false);
  if (company.isPending) return <Loading />;
  if (company.error) return <ErrorAlert error={company.error} />;
  const c = company.data;

  const applicationColumns: Column<Application>[] = [
    {
      key: "round",
      header: t.round,
      rowHeader: true,
      render: (a) => (
        <Group gap={6}>
          {a.roundName}
          {a.isSample && <SampleBadge />}
        </Group>
      ),
    },
    { key: "kind", header: t.kind, nowrap: true, render: (a) => APPLICATION_KIND_LABELS[a.kind as ApplicationKind] ?? a.kind },
    { key: "status", header: t.status, nowrap: true, render: (a) => APPLICATION_STATUS_LABELS[a.status as ApplicationStatus] ?? a.status },
    { key: "submittedAt", header: t.submittedAt, nowrap: true, render: (a) => <DateTimeText timestamp={a.submittedAt} /> },
  ];
  const certificationColumns: Column<Certification>[] = [
    { key: "number", header: t.number, rowHeader: true, nowrap: true, render: (x) => x.number },
    { key: "tier", header: t.tier, nowrap: true, render: (x) => x.tierName },
    { key: "validFrom", header: t.validFrom, nowrap: true, render: (x) => <DateText iso={x.validFrom} western="title" /> },
    { key: "validUntil", header: t.validUntil, nowrap: true, render: (x) => <DateText iso={x.validUntil} western="title" /> },
    { key: "status", header: t.status, nowrap: true, render: (x) => CERT_STATUS_LABELS[x.status] ?? x.status },
  ];
  const loginColumns: Column<Login>[] = [
    { key: "loginId", header: t.loginId, rowHeader: true, render: (l) => l.loginId },
    {
      key: "state",
      header: t.status,
      nowrap: true,
      render: (l) => (
        <Badge variant="light" color={l.disabled ? "gray" : "teal"} styles={{ root: { textTransform: "none" } }}>
          {l.disabled ? t.disabled : t.active}
        </Badge>
      ),
    },
    { key: "lastLogin", header: t.lastLogin, nowrap: true, render: (l) => <DateTimeText timestamp={l.lastLoginAt} /> },
  ];

  return (
    <>
      <PageHeader
        title={c.name}
        subtitle={c.kana}
        badges={c.isSample ? <SampleBadge /> : undefined}
        breadcrumbs={[{ label: am.moduleName, href: "/sdgs" }, { label: am.companies.title, href: "/sdgs/companies" }, { label: c.name }]}
      />
      <Stack gap="xl">
        <Section id="company-profile" title={t.profile}>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
            <DetailField label={am.companies.corporateNumber}>{c.corporateNumber ?? am.companies.soleProprietor}</DetailField>
            <DetailField label={am.companies.former}>{c.formerRegistrationNumber ?? am.dash}</DetailField>
            <DetailField label={t.postalCode}>{c.postalCode || am.dash}</DetailField>
            <DetailField label={t.address}>{c.address || am.dash}</DetailField>
            <DetailField label={am.companies.ward}>{WARD_LABELS[c.ward]}</DetailField>
            <DetailField label={am.companies.industry}>{INDUSTRY_LABELS[c.industry]}</DetailField>
            <DetailField label={am.companies.size}>{COMPANY_SIZE_LABELS[c.size]}</DetailField>
            <DetailField label={t.employees}>{c.employees === null ? am.dash : am.people(c.employees)}</DetailField>
            <DetailField label={am.companies.registeredAt}>
              <DateTimeText timestamp={c.createdAt} />
            </DetailField>
          </SimpleGrid>
        </Section>
        <Section id="company-contacts" title={t.contacts}>
          {c.contacts ? (
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
              <DetailField label={t.contactName}>{c.contacts.contactName || am.dash}</DetailField>
              <DetailField label={t.contactEmail}>{c.contacts.contactEmail || am.dash}</DetailField>
              <DetailField label={t.contactPhone}>{c.contacts.contactPhone || am.dash}</DetailField>
            </SimpleGrid>
          ) : (
            <Text size="sm" c="dimmed">
              {t.contactsHidden}
            </Text>
          )}
        </Section>
        <Section id="company-applications" title={t.applications}>
          <DataTable
            caption={t.applicationsCaption}
            captionHidden
            columns={applicationColumns}
            rows={c.applications}
            rowKey={(a) => a.id}
            empty={t.noApplications}
          />
        </Section>
        <Section id="company-certifications" title={t.certifications}>
          <DataTable
            caption={t.certificationsCaption}
            captionHidden
            columns={certificationColumns}
            rows={c.certifications}
            rowKey={(x) => x.id}
            empty={t.noCertifications}
          />
        </Section>
        {c.logins && (
          <Section
            id="company-logins"
            title={t.logins}
            actions={
              c.canManage ? (
                <Button variant="default" onClick={() => setAdding(true)}>
                  {t.addLogin}
                </Button>
              ) : null
            }
          >
            <DataTable
              caption={t.loginsCaption}
              captionHidden
              columns={loginColumns}
              rows={c.logins}
              rowKey={(l) => l.id}
              empty={am.dash}
            />
          </Section>
        )}
      </Stack>
      {adding && <AddLoginDialog companyId={c.id} onClose={() => setAdding(false)} />}
    </>
  );
}
