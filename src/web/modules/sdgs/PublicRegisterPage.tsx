// /public/sdgs/register: a company's own sign-up for サステナブル経営認証, no sign-in — the company (法人番号 checked
// with its check digit as it is typed, or 個人事業主), its 区・業種・規模, the contact person (never published), a login
// id and password, and the consent. The form is shared with the invitation page (PublicInvitationPage), which fills
// in the company's name and 法人番号 from the invitation. After a success, the way to the login page.
import { Alert, Button, Checkbox, Group, NativeSelect, PasswordInput, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { type ReactNode, useState } from "react";
import { corporateNumberMessage, type RegisterBody, registerBody, registerCompany } from "../../../common/api/sdgs-accounts";
import { passwordProblem } from "../../../common/password-rules";
import { normaliseCorporateNumber } from "../../../common/sdgs/corporate-number";
import { COMPANY_SIZE_LABELS, COMPANY_SIZES, INDUSTRIES, INDUSTRY_LABELS, WARD_LABELS, WARDS } from "../../../common/sdgs/labels";
import { japaneseErrorMap } from "../../../common/zod-japanese";
import { call } from "../../api/client";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { FormSection } from "../../ui/FormSection";
import { AnchorLink, ButtonLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { useFormSubmit } from "../../ui/useFormSubmit";
import { am } from "./accountMessages";

const t = am.form;

export interface AccountValues {
  soleProprietor: boolean;
  corporateNumber: string;
  companyName: string;
  kana: string;
  postalCode: string;
  address: string;
  ward: string;
  industry: string;
  size: string;
  employees: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  loginId: string;
  password: string;
  passwordConfirm: string;
  agree: boolean;
}

export const EMPTY_ACCOUNT: AccountValues = {
  soleProprietor: false,
  corporateNumber: "",
  companyName: "",
  kana: "",
  postalCode: "",
  address: "",
  ward: "",
  industry: "",
  size: "",
  employees: "",
  contactName: "",
  contactEmail: "",
  contactPhone: "",
  loginId: "",
  password: "",
  passwordConfirm: "",
  agree: false,
};

/** The body the API takes (an empty select left as "" so that the contract names it). */
export function accountBody(values: AccountValues): RegisterBody {
  const employees = values.employees.normalize("NFKC").trim();
  return {
    soleProprietor: values.soleProprietor,
    corporateNumber: values.corporateNumber,
    companyName: values.companyName,
    kana: values.kana,
    postalCode: values.postalCode,
    address: values.address,
    ward: values.ward as RegisterBody["ward"],
    industry: values.industry as RegisterBody["industry"],
    size: values.size as RegisterBody["size"],
    employees: employees === "" ? null : /^\d+$/.test(employees) ? Number(employees) : Number.NaN,
    contactName: values.contactName,
    contactEmail: values.contactEmail,
    contactPhone: values.contactPhone,
    loginId: values.loginId,
    password: values.password,
    agree: values.agree as true,
  };
}

/** The same checks as the server's (the contract), in the browser, plus the password's confirmation. */
export function accountErrors(values: AccountValues): Record<string, string> {
  const errors: Record<string, string> = {};
  const parsed = registerBody.safeParse(accountBody(values), { error: japaneseErrorMap });
  if (!parsed.success) for (const issue of parsed.error.issues) errors[issue.path.map(String).join(".")] ??= issue.message;
  if (errors.employees) errors.employees = t.employeesInvalid;
  // the contract's cross-field checks run only once every field parses: check these two on their own as well
  const number = normaliseCorporateNumber(values.corporateNumber);
  if (!values.soleProprietor && number === "") errors.corporateNumber ??= t.corporateNumberRequired;
  const numberProblem = corporateNumberMessage(number);
  if (numberProblem) errors.corporateNumber ??= numberProblem;
  const weak = values.password ? passwordProblem(values.password, values.loginId.trim().toLowerCase()) : null;
  if (weak) errors.password ??= weak;
  if (values.password && values.password !== values.passwordConfirm) errors.passwordConfirm = t.passwordMismatch;
  return errors;
}

/** 法人番号 as typed: nothing yet, its problem, or that the check digit is right. */
function corporateNumberState(values: AccountValues): { ok: boolean; message: string } | null {
  const value = normaliseCorporateNumber(values.corporateNumber);
  if (value.length < 13) return null;
  const problem = corporateNumberMessage(value);
  return problem ? { ok: false, message: problem } : { ok: true, message: t.corporateNumberOk };
}

const options = <K extends string>(keys: readonly K[], labels: Record<K, string>) => [
  { value: "", label: t.choose, disabled: true },
  ...keys.map((key) => ({ value: key, label: labels[key] })),
];

/** The sign-up form's fields, the consent and the submit row; the caller sends it. */
export function CompanyAccountForm({
  initial,
  send,
  submitLabel,
  intro,
  done,
}: {
  initial?: Partial<AccountValues>;
  send: (body: RegisterBody) => Promise<{ loginId: string }>;
  submitLabel: string;
  intro?: ReactNode;
  done: (loginId: string) => void;
}) {
  const form = useForm<AccountValues>({
    initialValues: { ...EMPTY_ACCOUNT, ...initial },
    validate: accountErrors,
  });
  const { formRef, submit, save } = useFormSubmit(form, {
    send: (values) => send(accountBody(values)),
    saved: (result) => {
      done(result.loginId);
      return undefined;
    },
  });
  const number = corporateNumberState(form.values);
  const numberError = form.errors.corporateNumber ?? (number && !number.ok ? number.message : undefined);
  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="lg">
        {intro}
        <ErrorAlert error={save.error} />
        <FormSection id="account-company" title={t.companySection} help={t.companyHelp}>
          <Checkbox label={t.soleProprietor} {...form.getInputProps("soleProprietor", { type: "checkbox" })} />
          <TextInput
            label={t.corporateNumber}
            description={number?.ok ? number.message : t.corporateNumberHelp}
            inputMode="numeric"
            autoComplete="off"
            maxLength={20}
            required={!form.values.soleProprietor}
            w={{ base: "100%", sm: 320 }}
            {...form.getInputProps("corporateNumber")}
            error={numberError}
            styles={number?.ok ? { description: { color: "var(--mantine-color-green-9)" } } : undefined}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t.companyName} required maxLength={100} autoComplete="organization" {...form.getInputProps("companyName")} />
            <TextInput label={t.kana} required maxLength={200} {...form.getInputProps("kana")} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t.postalCode}
              description={t.postalCodeHelp}
              inputMode="numeric"
              autoComplete="postal-code"
              maxLength={10}
              {...form.getInputProps("postalCode")}
            />
            <NativeSelect label={t.ward} required data={options(WARDS, WARD_LABELS)} {...form.getInputProps("ward")} />
          </SimpleGrid>
          <TextInput label={t.address} required maxLength={300} autoComplete="street-address" {...form.getInputProps("address")} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NativeSelect label={t.industry} required data={options(INDUSTRIES, INDUSTRY_LABELS)} {...form.getInputProps("industry")} />
            <NativeSelect label={t.size} required data={options(COMPANY_SIZES, COMPANY_SIZE_LABELS)} {...form.getInputProps("size")} />
            <TextInput
              label={t.employees}
              description={t.employeesHelp}
              inputMode="numeric"
              maxLength={9}
              {...form.getInputProps("employees")}
            />
          </SimpleGrid>
        </FormSection>
        <FormSection id="account-contact" title={t.contactSection}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t.contactName} required maxLength={100} autoComplete="name" {...form.getInputProps("contactName")} />
            <TextInput
              label={t.contactEmail}
              required
              type="email"
              maxLength={254}
              autoComplete="email"
              {...form.getInputProps("contactEmail")}
            />
            <TextInput
              label={t.contactPhone}
              description={t.contactPhoneHelp}
              required
              type="tel"
              maxLength={30}
              autoComplete="tel"
              {...form.getInputProps("contactPhone")}
            />
          </SimpleGrid>
        </FormSection>
        <FormSection id="account-login" title={t.accountSection} help={t.accountHelp}>
          <TextInput
            label={t.loginId}
            description={t.loginIdHelp}
            required
            maxLength={100}
            autoComplete="username"
            w={{ base: "100%", sm: 360 }}
            {...form.getInputProps("loginId")}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <PasswordInput label={t.password} required maxLength={128} autoComplete="new-password" {...form.getInputProps("password")} />
            <PasswordInput
              label={t.passwordConfirm}
              required
              maxLength={128}
              autoComplete="new-password"
              {...form.getInputProps("passwordConfirm")}
            />
          </SimpleGrid>
          <Checkbox label={t.agree} {...form.getInputProps("agree", { type: "checkbox" })} />
        </FormSection>
        <Group>
          <Button type="submit" loading={save.isPending} size="md">
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** After a success: the login id and the way to the login page. */
export function AccountCreated({ loginId }: { loginId: string }) {
  return (
    <Alert color="green" variant="light" title={am.register.doneTitle} role="status">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{am.register.done(loginId)}</Text>
        <ButtonLink to="/login" search={{ next: "/sdgs/company" }}>
          {am.register.toLogin}
        </ButtonLink>
      </Stack>
    </Alert>
  );
}

export function PublicRegisterPage() {
  const [created, setCreated] = useState<string | null>(null);
  return (
    <>
      <PageHeader
        title={am.register.title}
        subtitle={am.register.intro}
        breadcrumbs={[{ label: "公開ページ", href: "/public" }, { label: am.register.title }]}
      />
      {created ? (
        <AccountCreated loginId={created} />
      ) : (
        <CompanyAccountForm
          submitLabel={am.register.submit}
          send={(body) => call(registerCompany, { body })}
          done={setCreated}
          intro={
            <Stack gap={4}>
              <Text size="sm">{am.register.formerNote}</Text>
              <Text size="sm" c="dimmed">
                {am.register.limitNote}
              </Text>
            </Stack>
          }
        />
      )}
      <Text size="sm" mt="lg">
        <AnchorLink to="/public/sdgs">北九州市サステナブル経営認証 認証企業一覧</AnchorLink>
      </Text>
    </>
  );
}
