// /sdgs/company/profile: the company's own record (企業情報). 法人番号 is entered once (checked with its check digit)
// and then shown read-only; the contact person's details are marked as never public.
import { Button, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { type CompanyProfile, type CompanyProfileInput, updateCompanyProfile } from "../../../common/api/sdgs-company";
import { COMPANY_SIZE_LABELS, COMPANY_SIZES, INDUSTRIES, INDUSTRY_LABELS, WARD_LABELS, WARDS } from "../../../common/sdgs/labels";
import { call } from "../../api/client";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { useFlash } from "../../ui/Flash";
import { Loading } from "../../ui/Loading";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { Section } from "../../ui/Section";
import { cm } from "./companyMessages";
import { companyKeys, useCompanyProfile } from "./companyQueries";

const toInput = (p: CompanyProfile): CompanyProfileInput => ({
  corporateNumber: p.corporateNumber,
  name: p.name,
  nameKana: p.nameKana,
  postalCode: p.postalCode,
  address: p.address,
  ward: p.ward,
  industry: p.industry,
  size: p.size,
  employees: p.employees,
  website: p.website,
  contactName: p.contactName,
  contactEmail: p.contactEmail,
  contactPhone: p.contactPhone,
});

function ProfileForm({ profile }: { profile: CompanyProfile }) {
  const [values, setValues] = useState<CompanyProfileInput>(toInput(profile));
  const client = useQueryClient();
  const flash = useFlash();
  const save = useMutation({
    mutationFn: () =>
      call(updateCompanyProfile, {
        body: { version: profile.version, profile: { ...values, corporateNumber: values.corporateNumber?.trim() || null } },
      }),
    onSuccess: (data) => {
      client.setQueryData(companyKeys.profile, data);
      flash.show(cm.profile.saved);
    },
  });
  const p = cm.profile;
  const set = <K extends keyof CompanyProfileInput>(key: K, value: CompanyProfileInput[K]) => setValues((v) => ({ ...v, [key]: value }));
  const text = (key: keyof CompanyProfileInput, label: string, extra: object = {}) => (
    <TextInput
      label={label}
      value={(values[key] as string | null) ?? ""}
      onChange={(e) => set(key, e.currentTarget.value as never)}
      {...extra}
    />
  );
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }
  return (
    <form onSubmit={submit} aria-label={p.title}>
      <Stack gap="lg">
        <Section id="company-profile-basic" title={p.title}>
          <Text size="sm" c="dimmed" mb="sm">
            {p.intro}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {profile.corporateNumber ? (
              <TextInput label={p.corporateNumber} value={profile.corporateNumber} readOnly description={p.corporateNumberLocked} />
            ) : (
              text("corporateNumber", p.corporateNumber, { description: p.corporateNumberHint, inputMode: "numeric" })
            )}
            {text("name", p.name, { required: true })}
            {text("nameKana", p.nameKana)}
            {text("postalCode", p.postalCode, { placeholder: "800-0000" })}
            {text("address", p.address)}
            <NativeSelect
              label={p.ward}
              value={values.ward}
              onChange={(e) => set("ward", e.currentTarget.value as CompanyProfileInput["ward"])}
              data={WARDS.map((w) => ({ value: w, label: WARD_LABELS[w] }))}
            />
            <NativeSelect
              label={p.industry}
              value={values.industry}
              onChange={(e) => set("industry", e.currentTarget.value as CompanyProfileInput["industry"])}
              data={INDUSTRIES.map((i) => ({ value: i, label: `${i} ${INDUSTRY_LABELS[i]}` }))}
            />
            <NativeSelect
              label={p.size}
              value={values.size}
              onChange={(e) => set("size", e.currentTarget.value as CompanyProfileInput["size"])}
              data={COMPANY_SIZES.map((s) => ({ value: s, label: COMPANY_SIZE_LABELS[s] }))}
            />
            <NumberInput
              label={p.employees}
              value={values.employees ?? ""}
              min={0}
              allowDecimal={false}
              onChange={(v) => set("employees", typeof v === "number" ? v : null)}
            />
            {text("website", p.website, { placeholder: "https://" })}
          </SimpleGrid>
        </Section>
        <Section id="company-profile-contact" title={p.contactHeading}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {text("contactName", p.contactName)}
            {text("contactEmail", p.contactEmail, { type: "email" })}
            {text("contactPhone", p.contactPhone, { type: "tel" })}
          </SimpleGrid>
        </Section>
        {save.error && (
          <ErrorAlert
            error={save.error}
            fieldLabels={{
              "profile.corporateNumber": p.corporateNumber,
              corporateNumber: p.corporateNumber,
              "profile.website": p.website,
              "profile.contactEmail": p.contactEmail,
              "profile.postalCode": p.postalCode,
            }}
          />
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {p.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function CompanyProfilePage() {
  const profile = useCompanyProfile();
  return (
    <>
      <PageHeader
        title={cm.profile.title}
        breadcrumbs={[{ label: cm.home.title, href: "/sdgs/company" }, { label: cm.profile.title }]}
        badges={profile.data?.isSample ? <SampleBadge /> : undefined}
      />
      {profile.error ? (
        <ErrorAlert error={profile.error} />
      ) : !profile.data ? (
        <Loading />
      ) : (
        <ProfileForm key={profile.data.version} profile={profile.data} />
      )}
    </>
  );
}
