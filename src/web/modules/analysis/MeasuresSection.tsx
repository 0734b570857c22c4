// The subject page's 活動指標 section: the measures' definitions (name, unit, 単位あたりコスト); a linked one is read
// from another module and says so — its name and unit are fixed and it cannot be deleted (the reason is shown).
// The yearly values are entered in the figures part.
import { Button, Checkbox, SimpleGrid, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  addMeasure,
  deleteMeasure,
  type MeasureView,
  measureBody,
  type SubjectDetail,
  updateMeasure,
} from "../../../common/api/analysis-subjects";
import { japaneseErrorMap } from "../../../common/zod-japanese";
import { call } from "../../api/client";
import type { Column } from "../../ui/DataTable";
import { useFlash } from "../../ui/Flash";
import { FormModal } from "../../ui/FormModal";
import { TableSection } from "../../ui/Section";
import { useFormSubmit } from "../../ui/useFormSubmit";
import { RowEditDelete } from "./RowEditDelete";
import { sm } from "./subject-messages";
import { subjectChanged } from "./subject-queries";

const t = sm.measures;

interface MeasureValues {
  name: string;
  unit: string;
  isCostBasis: boolean;
}

function parseMeasure(values: MeasureValues) {
  const result = measureBody.safeParse(values, { error: japaneseErrorMap });
  if (result.success) return { ok: true as const, body: result.data };
  return { ok: false as const, errors: Object.fromEntries(result.error.issues.map((i) => [i.path.map(String).join("."), i.message])) };
}

function MeasureDialog({ subject, measure, onClose }: { subject: SubjectDetail; measure: MeasureView | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const linked = !!measure?.linkedFigure;
  const form = useForm<MeasureValues>({
    initialValues: { name: measure?.name ?? "", unit: measure?.unit ?? "", isCostBasis: measure?.isCostBasis ?? false },
    validate: (values) => {
      const parsed = parseMeasure(values);
      return parsed.ok ? {} : parsed.errors;
    },
  });
  const { formRef, submit, save } = useFormSubmit(form, {
    send: (values) => {
      const parsed = parseMeasure(values);
      if (!parsed.ok) throw new Error(Object.values(parsed.errors)[0]);
      return measure
        ? call(updateMeasure, { params: { measureId: measure.id }, body: parsed.body })
        : call(addMeasure, { params: { id: subject.id }, body: parsed.body });
    },
    saved: async (saved) => {
      await subjectChanged(queryClient, saved);
      onClose();
      return t.saved;
    },
  });
  return (
    <FormModal
      title={measure ? t.editTitle(measure.name) : t.addTitle}
      onClose={onClose}
      size="lg"
      formRef={formRef}
      onSubmit={submit}
      error={save.error}
      saving={save.isPending}
    >
      {linked && (
        <Text size="sm" c="dimmed">
          {t.linkedHelp}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t.name}
          required
          maxLength={60}
          readOnly={linked}
          data-autofocus={!linked || undefined}
          {...form.getInputProps("name")}
        />
        <TextInput label={t.unit} description={t.unitHelp} required maxLength={20} readOnly={linked} {...form.getInputProps("unit")} />
      </SimpleGrid>
      <Checkbox label={t.costBasisLabel} {...form.getInputProps("isCostBasis", { type: "checkbox" })} />
    </FormModal>
  );
}

export function MeasuresSection({ subject }: { subject: SubjectDetail }) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const [editing, setEditing] = useState<MeasureView | "new" | null>(null);
  const columns: Column<MeasureView>[] = [
    { key: "name", header: t.name, rowHeader: true, render: (m) => m.name },
    { key: "unit", header: t.unit, nowrap: true, render: (m) => m.unit },
    { key: "cost", header: t.costBasis, nowrap: true, render: (m) => (m.isCostBasis ? t.yes : t.no) },
    {
      key: "source",
      header: t.source,
      render: (m) => (m.linkedLabel ? <Text size="sm">{m.linkedLabel}</Text> : <Text size="sm">{t.entered}</Text>),
    },
    ...(subject.canManage
      ? [
          {
            key: "actions",
            header: "",
            nowrap: true,
            render: (m: MeasureView) => (
              <RowEditDelete
                name={m.name}
                labels={t}
                onEdit={() => setEditing(m)}
                onDelete={async () => {
                  await subjectChanged(queryClient, await call(deleteMeasure, { params: { measureId: m.id } }));
                  flash.show(t.deleted);
                }}
                instead={
                  m.linkedFigure ? (
                    <Text size="xs" c="gray.7" maw={180}>
                      {sm.measures.linkedShort}
                    </Text>
                  ) : undefined
                }
              />
            ),
          },
        ]
      : []),
  ];
  return (
    <TableSection
      id="analysis-measures"
      title={t.title}
      caption={t.caption}
      columns={columns}
      rows={subject.measures}
      rowKey={(m) => m.id}
      empty={t.none}
      minWidth={640}
      actions={
        subject.canManage ? (
          <Button size="compact-md" variant="default" onClick={() => setEditing("new")}>
            {t.add}
          </Button>
        ) : undefined
      }
    >
      <Text size="xs" c="dimmed" mt="xs">
        {t.help}
      </Text>
      {editing && <MeasureDialog subject={subject} measure={editing === "new" ? null : editing} onClose={() => setEditing(null)} />}
    </TableSection>
  );
}
