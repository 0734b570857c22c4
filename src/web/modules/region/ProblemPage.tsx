// /region/problems/$id 「保留行」: a row an import held — the row as the file had it, each problem named, and the fix
// form (one input per 正式版 column, prefilled with what was read, each problem shown at its field until fixed). A
// clean fix becomes an item (or updates the item with its ID); a row not to import is set aside with a reason.
import { Alert, Button, Grid, Group, List, Modal, Stack, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { dismissProblem, fixProblem, type ProblemDetail } from "../../../common/api/region-curation";
import { call } from "../../api/client";
import { m } from "../../messages";
import { DetailField } from "../../ui/DetailField";
import { DateTimeText } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { isNotFound } from "../../ui/errors";
import { useFlash } from "../../ui/Flash";
import { InternalLink } from "../../ui/InternalLink";
import { PageHeader } from "../../ui/PageHeader";
import { QueryBoundary } from "../../ui/QueryBoundary";
import { SampleBadge } from "../../ui/SampleBadge";
import { Section } from "../../ui/Section";
import { useFormSubmit } from "../../ui/useFormSubmit";
import { cm } from "./curationMessages";
import { CurationNav, datasetLabel, OriginalRowTable, ProblemStatusBadge, useRegionCrumb } from "./curationParts";
import { curationKeys, useProblem } from "./curationQueries";
import { fieldsToSend, ItemFieldsForm, type ItemFormValues } from "./ItemFieldsForm";

const t = cm.problem;

/** The row's problems as the form's errors, each at its column (until the editor sends the fix). */
function errorsOf(problem: ProblemDetail): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const p of problem.problems) if (p.column && !(`fields.${p.column}` in errors)) errors[`fields.${p.column}`] = p.message;
  return errors;
}

function useProblemUpdate(id: string) {
  const queryClient = useQueryClient();
  return (problem: ProblemDetail) => {
    queryClient.setQueryData(curationKeys.problem(id), problem);
    void queryClient.invalidateQueries({ queryKey: ["region", "curation"], predicate: (q) => q.queryKey[2] !== "problem" });
  };
}

function FixForm({ problem }: { problem: ProblemDetail }) {
  const updated = useProblemUpdate(problem.id);
  const [itemId, setItemId] = useState<string | null>(null);
  const form = useForm<ItemFormValues>({
    initialValues: { fields: problem.values, nameEn: "", descriptionEn: "" },
    initialErrors: errorsOf(problem),
  });
  const { formRef, submit, save, status } = useFormSubmit(form, {
    send: (values) =>
      call(fixProblem, {
        params: { id: problem.id },
        body: { fields: fieldsToSend(problem.dataset, values.fields, { withoutEnglish: false }) },
      }),
    saved: (result) => {
      setItemId(result.itemId);
      updated(result.problem);
      return t.fixed;
    },
  });
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="problem-fix">
      <Stack gap="md">
        <Text size="sm">{t.fixHelp}</Text>
        <ErrorAlert error={save.error} />
        <ItemFieldsForm dataset={problem.dataset} form={form} idEditable withoutEnglish={false} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t.submit}
          </Button>
          <Text size="sm" role="status" aria-live="polite" fw={600}>
            {status}
          </Text>
          {itemId && <InternalLink href={`/region/items/${itemId}`}>{t.openItem}</InternalLink>}
        </Group>
      </Stack>
    </form>
  );
}

function DismissButton({ problem }: { problem: ProblemDetail }) {
  const [opened, setOpened] = useState(false);
  const flash = useFlash();
  const updated = useProblemUpdate(problem.id);
  const form = useForm({ initialValues: { reason: "" }, validate: { reason: (value) => (value.trim() ? null : t.dismissHelp) } });
  const send = useMutation({
    mutationFn: (reason: string) => call(dismissProblem, { params: { id: problem.id }, body: { reason } }),
    onSuccess: (result) => {
      updated(result);
      setOpened(false);
      flash.show(t.dismissed);
    },
    onError: (error) => form.setErrors((error as { fields?: Record<string, string> }).fields ?? {}),
  });
  return (
    <>
      <Button variant="default" onClick={() => setOpened(true)}>
        {t.dismiss}
      </Button>
      <Modal opened={opened} onClose={() => !send.isPending && setOpened(false)} title={t.dismissTitle} centered>
        <form onSubmit={form.onSubmit((values) => send.mutate(values.reason.trim()))} noValidate>
          <Stack>
            <ErrorAlert error={send.error} />
            <Textarea
              label={t.reason}
              description={t.dismissHelp}
              required
              autosize
              minRows={2}
              data-autofocus
              {...form.getInputProps("reason")}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpened(false)} disabled={send.isPending}>
                {m.common.cancel}
              </Button>
              <Button type="submit" color="red" loading={send.isPending}>
                {t.dismissSubmit}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

function Resolution({ problem }: { problem: ProblemDetail }) {
  if (problem.status === "open") return null;
  return (
    <Alert color={problem.status === "fixed" ? "green" : "gray"} role="status">
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {problem.status === "fixed" ? t.resolvedFixed(problem.resolvedByName) : t.resolvedDismissed(problem.resolvedByName)}{" "}
          <DateTimeText timestamp={problem.resolvedAt} />
        </Text>
        {problem.dismissReason && (
          <Text size="sm">
            {t.reason}: {problem.dismissReason}
          </Text>
        )}
        {problem.itemId && <InternalLink href={`/region/items/${problem.itemId}`}>{t.openItem}</InternalLink>}
      </Stack>
    </Alert>
  );
}

export function ProblemPage({ id }: { id: string }) {
  const regionCrumb = useRegionCrumb();
  const query = useProblem(id);
  const crumbs = [regionCrumb, { label: t.breadcrumb, href: "/region/problems" }];
  if (isNotFound(query.error))
    return (
      <>
        <PageHeader title={t.breadcrumb} breadcrumbs={crumbs} />
        <Alert color="gray" role="status">
          {t.notFound}
        </Alert>
      </>
    );
  return (
    <QueryBoundary query={query} title={t.breadcrumb}>
      {(problem) => {
        const title = t.title(problem.fileName, problem.rowNumber);
        return (
          <>
            <PageHeader
              title={title}
              breadcrumbs={[...crumbs, { label: `${problem.fileName} ${problem.rowNumber}行目` }]}
              badges={
                <>
                  <ProblemStatusBadge status={problem.status} size="md" />
                  {problem.isSample && <SampleBadge />}
                </>
              }
              subtitle={`${problem.municipalityName}・${datasetLabel(problem.dataset)}${problem.name ? `・${problem.name}` : ""}`}
              actions={problem.canEdit ? <DismissButton problem={problem} /> : undefined}
            />
            <CurationNav />
            <Grid mt="md" gap="lg">
              <Grid.Col span={{ base: 12, lg: 8 }}>
                <Stack gap="lg">
                  <Resolution problem={problem} />
                  <Section id="problem-list" title={t.problemsTitle}>
                    <List spacing="xs">
                      {problem.problems.map((p) => (
                        <List.Item key={`${p.column}:${p.code}`}>
                          <Text size="sm">
                            <strong>{p.column || t.wholeRow}</strong>: {p.message}
                          </Text>
                        </List.Item>
                      ))}
                    </List>
                    <Group mt="sm" gap="xl">
                      <DetailField label={cm.imports.fileName}>
                        <InternalLink href={`/region/imports/${problem.importId}`}>{problem.fileName}</InternalLink>
                      </DetailField>
                      <DetailField label={cm.item.sourceId}>{problem.sourceId ?? cm.dash}</DetailField>
                    </Group>
                  </Section>
                  {problem.canEdit ? (
                    <Section id="problem-fix" title={t.fix}>
                      <FixForm problem={problem} />
                    </Section>
                  ) : (
                    problem.status === "open" && <Alert color="gray">{t.readOnly}</Alert>
                  )}
                </Stack>
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 4 }}>
                <Section id="problem-original" title={cm.item.original}>
                  <Stack gap="xs">
                    <Text size="sm" c="dimmed">
                      {cm.item.originalHelp(problem.original.fileName, problem.original.rowNumber)}
                    </Text>
                    <OriginalRowTable original={problem.original} caption={cm.item.original} />
                  </Stack>
                </Section>
              </Grid.Col>
            </Grid>
          </>
        );
      }}
    </QueryBoundary>
  );
}
