// The subject page's 施設 section: the facilities with built year, floor area, last renovation and their age at the
// current fiscal year's end (築年数); analysis managers add, edit and delete them in a dialog.
import { Button, SimpleGrid, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  addFacility,
  deleteFacility,
  type FacilityView,
  facilityBody,
  foundedYearLabel,
  type SubjectDetail,
  updateFacility,
} from "../../../common/api/analysis-subjects";
import { japaneseErrorMap } from "../../../common/zod-japanese";
import { call } from "../../api/client";
import type { Column } from "../../ui/DataTable";
import { fiscalYearLabel } from "../../ui/dates";
import { useFlash } from "../../ui/Flash";
import { FormModal } from "../../ui/FormModal";
import { TableSection } from "../../ui/Section";
import { useFormSubmit } from "../../ui/useFormSubmit";
import { RowEditDelete } from "./RowEditDelete";
import { sm } from "./subject-messages";
import { subjectChanged } from "./subject-queries";

const t = sm.facilities;

interface FacilityValues {
  name: string;
  builtYear: string;
  floorAreaM2: string;
  lastRenovatedYear: string;
  note: string;
}

// the help under the input, so that the three inputs line up
const BELOW: ("label" | "input" | "description" | "error")[] = ["label", "input", "description", "error"];

/** The year typed, in 和暦 (昭和50年（1975年）), once it is four digits. */
const yearHint = (text: string) => (/^\d{4}$/.test(half(text)) ? foundedYearLabel(Number(half(text))) : null);

const half = (s: string) => s.trim().replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** The dialog's text → the API's body, or the errors by field (the contract's messages). */
function parseFacility(v: FacilityValues) {
  const errors: Record<string, string> = {};
  const year = (text: string, key: string) => {
    const s = half(text);
    if (!s) return null;
    if (!/^\d{4}$/.test(s)) errors[key] = t.yearInvalid;
    return Number(s);
  };
  const builtYear = year(v.builtYear, "builtYear");
  const lastRenovatedYear = year(v.lastRenovatedYear, "lastRenovatedYear");
  const areaText = half(v.floorAreaM2).replace(/,/g, "");
  const floorAreaM2 = areaText ? Number(areaText) : null;
  if (floorAreaM2 !== null && !Number.isFinite(floorAreaM2)) errors.floorAreaM2 = t.areaInvalid;
  const result = facilityBody.safeParse(
    { name: v.name, builtYear: builtYear ?? undefined, floorAreaM2, lastRenovatedYear, note: v.note },
    { error: japaneseErrorMap },
  );
  for (const issue of result.error?.issues ?? []) {
    const key = issue.path.map(String).join(".");
    if (!(key in errors)) errors[key] = issue.message;
  }
  return Object.keys(errors).length || !result.success ? { ok: false as const, errors } : { ok: true as const, body: result.data };
}

function FacilityDialog({ subject, facility, onClose }: { subject: SubjectDetail; facility: FacilityView | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm<FacilityValues>({
    initialValues: {
      name: facility?.name ?? "",
      builtYear: facility ? String(facility.builtYear) : "",
      floorAreaM2: facility?.floorAreaM2 != null ? String(facility.floorAreaM2) : "",
      lastRenovatedYear: facility?.lastRenovatedYear != null ? String(facility.lastRenovatedYear) : "",
      note: facility?.note ?? "",
    },
    validate: (values) => {
      const parsed = parseFacility(values);
      return parsed.ok ? {} : parsed.errors;
    },
  });
  const { formRef, submit, save } = useFormSubmit(form, {
    send: (values) => {
      const parsed = parseFacility(values);
      if (!parsed.ok) throw new Error(Object.values(parsed.errors)[0]);
      return facility
        ? call(updateFacility, { params: { facilityId: facility.id }, body: parsed.body })
        : call(addFacility, { params: { id: subject.id }, body: parsed.body });
    },
    saved: async (saved) => {
      await subjectChanged(queryClient, saved);
      onClose();
      return t.saved;
    },
  });
  return (
    <FormModal
      title={facility ? t.editTitle(facility.name) : t.addTitle}
      onClose={onClose}
      size="lg"
      formRef={formRef}
      onSubmit={submit}
      error={save.error}
      saving={save.isPending}
    >
      <TextInput label={t.name} required maxLength={80} data-autofocus {...form.getInputProps("name")} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t.builtYear}
          description={yearHint(form.values.builtYear) ?? t.builtYearHelp}
          inputWrapperOrder={BELOW}
          required
          inputMode="numeric"
          maxLength={4}
          {...form.getInputProps("builtYear")}
        />
        <TextInput label={t.floorArea} inputMode="decimal" inputWrapperOrder={BELOW} {...form.getInputProps("floorAreaM2")} />
        <TextInput
          label={t.renovated}
          description={yearHint(form.values.lastRenovatedYear) ?? t.renovatedHelp}
          inputWrapperOrder={BELOW}
          inputMode="numeric"
          maxLength={4}
          {...form.getInputProps("lastRenovatedYear")}
        />
      </SimpleGrid>
      <Textarea label={t.note} autosize minRows={2} maxLength={500} {...form.getInputProps("note")} />
    </FormModal>
  );
}

export function FacilitiesSection({ subject }: { subject: SubjectDetail }) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const [editing, setEditing] = useState<FacilityView | "new" | null>(null);
  const columns: Column<FacilityView>[] = [
    { key: "name", header: t.name, rowHeader: true, render: (f) => f.name },
    { key: "built", header: t.builtYear, nowrap: true, render: (f) => foundedYearLabel(f.builtYear) },
    { key: "age", header: t.age, align: "right", nowrap: true, render: (f) => t.ageValue(f.ageAtFiscalYearEnd) },
    {
      key: "area",
      header: t.floorArea,
      align: "right",
      nowrap: true,
      render: (f) => (f.floorAreaM2 === null ? sm.dash : t.area(f.floorAreaM2)),
    },
    {
      key: "renovated",
      header: t.renovated,
      nowrap: true,
      render: (f) => (f.lastRenovatedYear ? foundedYearLabel(f.lastRenovatedYear) : sm.dash),
    },
    { key: "note", header: t.note, render: (f) => f.note || sm.dash },
    ...(subject.canManage
      ? [
          {
            key: "actions",
            header: "",
            nowrap: true,
            render: (f: FacilityView) => (
              <RowEditDelete
                name={f.name}
                labels={t}
                onEdit={() => setEditing(f)}
                onDelete={async () => {
                  await subjectChanged(queryClient, await call(deleteFacility, { params: { facilityId: f.id } }));
                  flash.show(t.deleted);
                }}
              />
            ),
          },
        ]
      : []),
  ];
  return (
    <TableSection
      id="analysis-facilities"
      title={t.title}
      caption={t.caption}
      columns={columns}
      rows={subject.facilities}
      rowKey={(f) => f.id}
      empty={t.none}
      minWidth={720}
      actions={
        subject.canManage ? (
          <Button size="compact-md" variant="default" onClick={() => setEditing("new")}>
            {t.add}
          </Button>
        ) : undefined
      }
    >
      <Text size="xs" c="dimmed" mt="xs">
        {t.help(fiscalYearLabel(subject.currentFiscalYear))}
      </Text>
      {editing && <FacilityDialog subject={subject} facility={editing === "new" ? null : editing} onClose={() => setEditing(null)} />}
    </TableSection>
  );
}
