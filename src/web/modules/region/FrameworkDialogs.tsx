// The dialogs of /region/frameworks: a framework (create, edit), a member (a hub 市町 from the list, or a name and
// 全国地方公共団体コード), an agreement (締結日 in 和暦 or 西暦, 名称, 備考). The server checks the same contracts.
import { NativeSelect, NumberInput, SimpleGrid, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import {
  type Agreement,
  addAgreement,
  addFrameworkMember,
  createFramework,
  type FrameworkDetail,
  type FrameworkMember,
  type FrameworkSummary,
  updateAgreement,
  updateFramework,
  updateFrameworkMember,
} from "../../../common/api/region-projects";
import { FRAMEWORK_KINDS, type FrameworkKind, MEMBER_ROLES, type MemberRole } from "../../../common/region/partnerships";
import { ApiError, call } from "../../api/client";
import { FormModal } from "../../ui/FormModal";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { useFormSubmit } from "../../ui/useFormSubmit";
import { pjm } from "./projectMessages";
import { projectKeys } from "./projectQueries";

const t = pjm.framework;
const stale = (error: unknown) => (error instanceof ApiError && error.status === 409 ? pjm.conflict : undefined);

export function FrameworkDialog({ framework, onClose }: { framework?: FrameworkSummary; onClose: () => void }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useForm({
    initialValues: {
      code: framework?.code ?? "",
      name: framework?.name ?? "",
      kind: (framework?.kind ?? "city_pair") as FrameworkKind,
      description: framework?.description ?? "",
      startedOn: framework?.startedOn ?? "",
    },
    validate: {
      code: (v) => (/^[a-z][a-z0-9-]{1,39}$/.test(v.trim()) ? null : "コードは英小文字で始まる2〜40文字の英小文字・数字・ハイフンです。"),
      name: (v) => (v.trim() ? null : "枠組みの名称を入力してください。"),
    },
  });
  const { formRef, submit, save } = useFormSubmit(form, {
    send: (v) => {
      const body = { ...v, startedOn: v.startedOn.trim() || null };
      return framework
        ? call(updateFramework, { params: { id: framework.id }, body: { ...body, version: framework.version } })
        : call(createFramework, { body });
    },
    saved: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: projectKeys.all });
      onClose();
      if (!framework) void navigate({ to: `/region/frameworks/${saved.id}` as never });
      return t.saved(saved.name);
    },
  });
  return (
    <FormModal
      title={framework ? t.editTitle : t.createTitle}
      onClose={onClose}
      formRef={formRef}
      onSubmit={submit}
      error={save.error}
      conflictMessage={stale(save.error)}
      saving={save.isPending}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t.name} required data-autofocus {...form.getInputProps("name")} />
        <TextInput
          label={t.frameworkCode}
          description={t.codeHelp}
          required
          spellCheck={false}
          autoCapitalize="none"
          {...form.getInputProps("code")}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t.kind}
          required
          data={FRAMEWORK_KINDS.map((k) => ({ value: k, label: pjm.kinds[k] }))}
          {...form.getInputProps("kind")}
        />
        <JapaneseDateInput
          label={t.startedOn}
          value={form.values.startedOn}
          onChange={(value) => form.setFieldValue("startedOn", value)}
          error={form.errors.startedOn as string | undefined}
        />
      </SimpleGrid>
      <Textarea label={t.description} autosize minRows={3} maxRows={10} {...form.getInputProps("description")} />
    </FormModal>
  );
}

export function MemberDialog({
  framework,
  member,
  onClose,
}: {
  framework: FrameworkDetail;
  member?: FrameworkMember;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: {
      municipalityCode: member?.municipalityCode ?? "",
      name: member?.name ?? "",
      localGovernmentCode: member?.localGovernmentCode ?? "",
      role: (member?.role ?? "partner") as MemberRole,
      joinedOn: member?.joinedOn ?? "",
      sortOrder: member?.sortOrder ?? framework.members.length + 1,
    },
    validate: {
      name: (v, values) => (values.municipalityCode || v.trim() ? null : "団体名を入力してください。"),
      localGovernmentCode: (v, values) =>
        values.municipalityCode || /^[0-9０-９]{5,6}$/.test(v.trim()) ? null : "全国地方公共団体コードを6桁で入力してください。",
    },
  });
  const fromHub = form.values.municipalityCode !== "";
  const { formRef, submit, save } = useFormSubmit(form, {
    send: (v) => {
      const body = {
        municipalityCode: v.municipalityCode || null,
        name: v.municipalityCode ? "" : v.name,
        localGovernmentCode: v.municipalityCode ? "" : v.localGovernmentCode,
        role: v.role,
        joinedOn: v.joinedOn.trim() || null,
        sortOrder: Number(v.sortOrder) || 0,
      };
      return member
        ? call(updateFrameworkMember, { params: { id: framework.id, memberId: member.id }, body })
        : call(addFrameworkMember, { params: { id: framework.id }, body });
    },
    saved: async (saved) => {
      queryClient.setQueryData(projectKeys.framework(framework.id), saved);
      await queryClient.invalidateQueries({ queryKey: projectKeys.frameworks });
      onClose();
      return t.saved(
        form.values.municipalityCode
          ? (saved.municipalities.find((m) => m.code === form.values.municipalityCode)?.name ?? "")
          : form.values.name,
      );
    },
  });
  return (
    <FormModal
      title={t.memberTitle}
      onClose={onClose}
      formRef={formRef}
      onSubmit={submit}
      error={save.error}
      saving={save.isPending}
      size="lg"
    >
      <NativeSelect
        label={t.municipality}
        description={t.memberHelp}
        data-autofocus
        data={[
          { value: "", label: t.municipalityNone },
          ...framework.municipalities.map((m) => ({ value: m.code, label: `${m.name}（${m.code}）` })),
        ]}
        {...form.getInputProps("municipalityCode")}
      />
      {!fromHub && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t.memberName} required {...form.getInputProps("name")} />
          <TextInput
            label={t.code}
            description={t.memberCodeHelp}
            required
            inputMode="numeric"
            {...form.getInputProps("localGovernmentCode")}
          />
        </SimpleGrid>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NativeSelect
          label={t.role}
          required
          data={MEMBER_ROLES.map((r) => ({ value: r, label: pjm.roles[r] }))}
          {...form.getInputProps("role")}
        />
        <JapaneseDateInput
          label={t.joinedOn}
          value={form.values.joinedOn}
          onChange={(value) => form.setFieldValue("joinedOn", value)}
          error={form.errors.joinedOn as string | undefined}
        />
        <NumberInput label="表示順" min={0} max={9999} allowDecimal={false} {...form.getInputProps("sortOrder")} />
      </SimpleGrid>
    </FormModal>
  );
}

export function AgreementDialog({
  framework,
  agreement,
  onClose,
}: {
  framework: FrameworkDetail;
  agreement?: Agreement;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { signedOn: agreement?.signedOn ?? "", title: agreement?.title ?? "", note: agreement?.note ?? "" },
    validate: {
      signedOn: (v) => (v.trim() ? null : "締結日を入力してください。"),
      title: (v) => (v.trim() ? null : "協定の名称を入力してください。"),
    },
  });
  const { formRef, submit, save } = useFormSubmit(form, {
    send: (v) =>
      agreement
        ? call(updateAgreement, { params: { id: framework.id, agreementId: agreement.id }, body: { ...v, version: agreement.version } })
        : call(addAgreement, { params: { id: framework.id }, body: v }),
    saved: async (saved, v) => {
      queryClient.setQueryData(projectKeys.framework(framework.id), saved);
      await queryClient.invalidateQueries({ queryKey: projectKeys.frameworks });
      onClose();
      return t.saved(v.title);
    },
  });
  return (
    <FormModal
      title={t.agreementDialog}
      onClose={onClose}
      formRef={formRef}
      onSubmit={submit}
      error={save.error}
      conflictMessage={stale(save.error)}
      saving={save.isPending}
      size="lg"
    >
      <JapaneseDateInput
        label={t.signedOn}
        required
        data-autofocus
        value={form.values.signedOn}
        onChange={(value) => form.setFieldValue("signedOn", value)}
        error={form.errors.signedOn as string | undefined}
      />
      <TextInput label={t.agreementTitle} required {...form.getInputProps("title")} />
      <Textarea label={t.note} autosize minRows={2} maxRows={6} {...form.getInputProps("note")} />
    </FormModal>
  );
}
