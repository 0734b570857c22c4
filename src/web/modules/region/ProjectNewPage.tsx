// /region/projects/new 「連携事業の登録」: the framework first (its members become the choices of lead and participants),
// then the project's fields and the status it starts in (usually 構想) with the day it began.
import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { createProject } from "../../../common/api/region-projects";
import { PROJECT_STATUSES, type ProjectStatus } from "../../../common/region/partnerships";
import { call } from "../../api/client";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { PageHeader } from "../../ui/PageHeader";
import { useFormSubmit } from "../../ui/useFormSubmit";
import { ProjectFields, type ProjectFormValues, projectFieldRules, projectFieldsBody } from "./ProjectDialogs";
import { pjm } from "./projectMessages";
import { projectKeys, useFramework, useFrameworks } from "./projectQueries";

const t = pjm.project;

type Values = ProjectFormValues & { frameworkId: string; status: ProjectStatus; statusSince: string };

export function ProjectNewPage({ frameworkId }: { frameworkId?: string }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const frameworks = useFrameworks();
  const form = useForm<Values>({
    initialValues: {
      frameworkId: frameworkId ?? "",
      name: "",
      summary: "",
      leadMemberId: "",
      memberIds: [],
      ownerOrganisationId: "",
      startFiscalYear: "",
      endFiscalYear: "",
      status: "concept",
      statusSince: "",
    },
    validate: { ...projectFieldRules, frameworkId: (v) => (v ? null : "枠組みを選んでください。") },
  });
  const framework = useFramework(form.values.frameworkId);
  const members = form.values.frameworkId && framework.data ? framework.data.members : [];
  const organisations = form.values.frameworkId && framework.data ? framework.data.organisationChoices : [];
  const { formRef, submit, save } = useFormSubmit(form, {
    send: (v) =>
      call(createProject, {
        body: { ...projectFieldsBody(v), frameworkId: v.frameworkId, status: v.status, statusSince: v.statusSince.trim() || null },
      }),
    saved: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: projectKeys.all });
      void navigate({ to: `/region/projects/${saved.id}` as never });
      return t.saved(saved.name);
    },
  });
  return (
    <>
      <PageHeader
        title={t.formTitleNew}
        breadcrumbs={[
          { label: pjm.crumbs.region, href: "/region" },
          { label: pjm.crumbs.projects, href: "/region/projects" },
          { label: pjm.crumbs.newProject },
        ]}
      />
      <Paper withBorder p="lg" maw={880}>
        <form ref={formRef} onSubmit={submit} noValidate>
          <Stack>
            <ErrorAlert error={save.error} />
            <NativeSelect
              label={t.framework}
              required
              data={[
                { value: "", label: "選んでください" },
                ...(frameworks.data?.items ?? []).map((f) => ({ value: f.id, label: f.name })),
              ]}
              {...form.getInputProps("frameworkId")}
              onChange={(e) => {
                form.setFieldValue("frameworkId", e.currentTarget.value);
                form.setFieldValue("leadMemberId", "");
                form.setFieldValue("memberIds", []);
              }}
            />
            <ProjectFields form={form} members={members} organisations={organisations} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect
                label={t.initialStatus}
                data={PROJECT_STATUSES.map((s) => ({ value: s, label: pjm.statuses[s] }))}
                {...form.getInputProps("status")}
              />
              <JapaneseDateInput
                label={t.statusSinceLabel}
                description="空欄なら今日"
                value={form.values.statusSince}
                onChange={(value) => form.setFieldValue("statusSince", value)}
                error={form.errors.statusSince as string | undefined}
              />
            </SimpleGrid>
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending}>
                {pjm.projects.create}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
