// 「ワーキンググループを設置」/「テーマ・参加課を変更」: a dialog over createWorkingGroup / updateWorkingGroup (the
// bureau's managers). Member divisions are check boxes in the organisation tree's order; only the city's bureaus,
// departments and divisions are offered.
import { Checkbox, NativeSelect, ScrollArea, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import {
  createWorkingGroup,
  GROUP_STATUS_LABELS,
  GROUP_STATUSES,
  type GroupDetail,
  updateWorkingGroup,
} from "../../../common/api/international-groups";
import { organisationOptions } from "../../admin/organisationOptions";
import { call } from "../../api/client";
import { currentFiscalYear } from "../../ui/FiscalYear";
import { FormModal } from "../../ui/FormModal";
import { useFormSubmit } from "../../ui/useFormSubmit";
import { useOrganisations } from "../policy";
import { FiscalYearField } from "./components";
import { gm } from "./groupMessages";
import { type GroupStatus, groupKeys } from "./groupQueries";

const t = gm.groupForm;

interface GroupValues {
  theme: string;
  description: string;
  fiscalYear: string;
  leadOrganisationId: string;
  memberOrganisationIds: string[];
  status: GroupStatus;
}

function toBody(values: GroupValues) {
  return {
    theme: values.theme,
    description: values.description,
    fiscalYear: Number(values.fiscalYear),
    leadOrganisationId: values.leadOrganisationId,
    memberOrganisationIds: values.memberOrganisationIds,
    status: values.status,
  };
}

export function GroupFormDialog({ group, onClose }: { group?: GroupDetail; onClose: () => void }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const organisations = useOrganisations();
  const cityOrgs = (organisations.data?.items ?? []).filter((o) => o.kind !== "external");
  const options = organisationOptions(cityOrgs).filter((o) => cityOrgs.find((c) => c.id === o.value)?.kind !== "municipality");
  const form = useForm<GroupValues>({
    initialValues: {
      theme: group?.theme ?? "",
      description: group?.description ?? "",
      fiscalYear: String(group?.fiscalYear ?? currentFiscalYear()),
      leadOrganisationId: group?.leadOrganisationId ?? "",
      memberOrganisationIds: group?.members.map((m) => m.organisationId) ?? [],
      status: group?.status ?? "active",
    },
    validate: (values) => {
      const parsed = createWorkingGroup.body?.safeParse(toBody(values));
      const errors: Record<string, string> = {};
      if (parsed && !parsed.success) for (const issue of parsed.error.issues) errors[issue.path.map(String).join(".")] ??= issue.message;
      if (!values.leadOrganisationId) errors.leadOrganisationId = t.choose;
      return errors;
    },
  });
  const { formRef, submit, save } = useFormSubmit(form, {
    send: (values) =>
      group
        ? call(updateWorkingGroup, { params: { id: group.id }, body: { version: group.version, group: toBody(values) } })
        : call(createWorkingGroup, { body: toBody(values) }),
    saved: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: groupKeys.all });
      onClose();
      if (!group) await navigate({ to: `/international/groups/${saved.id}` as never });
      return group ? t.saved(saved.theme) : t.created(saved.theme);
    },
  });
  return (
    <FormModal
      title={group ? t.editTitle : t.createTitle}
      onClose={onClose}
      formRef={formRef}
      onSubmit={submit}
      error={save.error}
      conflictMessage={t.conflict}
      saving={save.isPending}
      size="xl"
    >
      <TextInput label={t.theme} required data-autofocus {...form.getInputProps("theme")} />
      <Textarea label={t.description} autosize minRows={2} maxRows={6} {...form.getInputProps("description")} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <FiscalYearField
          label={t.fiscalYear}
          required
          emptyLabel={t.choose}
          value={form.values.fiscalYear}
          onChange={(value) => form.setFieldValue("fiscalYear", value)}
          error={form.errors.fiscalYear}
        />
        <NativeSelect
          label={t.lead}
          required
          data={[{ value: "", label: t.choose }, ...options]}
          {...form.getInputProps("leadOrganisationId")}
        />
        <NativeSelect
          label={t.status}
          data={GROUP_STATUSES.map((s) => ({ value: s, label: GROUP_STATUS_LABELS[s] }))}
          {...form.getInputProps("status")}
        />
      </SimpleGrid>
      <Checkbox.Group
        label={t.members}
        description={t.membersHelp}
        required
        value={form.values.memberOrganisationIds}
        onChange={(value) => form.setFieldValue("memberOrganisationIds", value)}
        error={form.errors.memberOrganisationIds}
      >
        <ScrollArea.Autosize mah={260} mt="xs" type="auto">
          <Stack gap={6}>
            {options.map((o) => (
              <Checkbox key={o.value} value={o.value} label={o.label} />
            ))}
          </Stack>
        </ScrollArea.Autosize>
      </Checkbox.Group>
    </FormModal>
  );
}
