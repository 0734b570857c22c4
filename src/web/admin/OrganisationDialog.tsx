// The dialog of /admin/organisations: add an organisation (under a parent), rename / re-code one, or move it under
// another parent (never under itself or its own descendants).
import { NativeSelect, NumberInput, SimpleGrid, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  createOrganisation,
  ORGANISATION_KIND_LABELS,
  ORGANISATION_KINDS,
  type Organisation,
  type OrganisationKind,
  updateOrganisation,
} from "../../common/api/platform";
import { call } from "../api/client";
import { m } from "../messages";
import { fieldErrors } from "../ui/errors";
import { useFlash } from "../ui/Flash";
import { FormModal } from "../ui/FormModal";
import { useFocusFirstInvalid } from "../ui/useFocusFirstInvalid";
import { organisationOptions } from "./organisationOptions";

/** The kind a new organisation gets by default under a parent of each kind. */
const CHILD_KIND: Record<OrganisationKind, OrganisationKind> = {
  municipality: "bureau",
  bureau: "department",
  department: "division",
  division: "division",
  external: "external",
};

export type Dialog =
  | { mode: "add"; parent: Organisation | null }
  | { mode: "edit"; org: Organisation }
  | { mode: "move"; org: Organisation };

interface OrganisationValues {
  name: string;
  kind: OrganisationKind;
  code: string;
  sortOrder: number;
  /** "" = top level */
  parentId: string;
}

function descendantsOf(organisations: readonly Organisation[], id: string): Set<string> {
  const out = new Set<string>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const org of organisations) {
      if (org.parentId && out.has(org.parentId) && !out.has(org.id)) {
        out.add(org.id);
        grew = true;
      }
    }
  }
  return out;
}

export function OrganisationDialog({
  dialog,
  organisations,
  onClose,
}: {
  dialog: Dialog;
  organisations: readonly Organisation[];
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const org = dialog.mode === "add" ? null : dialog.org;
  const form = useForm<OrganisationValues>({
    initialValues: {
      name: org?.name ?? "",
      kind: org?.kind ?? (dialog.mode === "add" && dialog.parent ? CHILD_KIND[dialog.parent.kind] : "municipality"),
      code: org?.code ?? "",
      sortOrder: org?.sortOrder ?? 0,
      parentId: org?.parentId ?? "",
    },
    // a move only changes the parent, which the server checks
    validate: (values) =>
      dialog.mode === "move"
        ? {}
        : {
            name: values.name.trim() ? null : "組織名を入力してください。",
            code:
              values.code.trim() && !/^[A-Za-z0-9_-]{1,40}$/.test(values.code.trim())
                ? "組織コードは半角英数字・_・- で40文字以内にしてください。"
                : null,
          },
  });
  const { ref, focusFirstInvalid } = useFocusFirstInvalid();

  const save = useMutation({
    mutationFn: async ({ name, kind, code, sortOrder, parentId }: OrganisationValues) => {
      if (dialog.mode === "add") {
        return call(createOrganisation, {
          body: { parentId: dialog.parent?.id ?? null, kind, name: name.trim(), code: code.trim() || null, sortOrder },
        });
      }
      if (dialog.mode === "move") return call(updateOrganisation, { params: { id: dialog.org.id }, body: { parentId: parentId || null } });
      return call(updateOrganisation, {
        params: { id: dialog.org.id },
        body: { name: name.trim(), kind, code: code.trim() || null, sortOrder },
      });
    },
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ["organisations"] });
      flash.show(m.admin.orgSaved);
      onClose();
    },
    onError: (error) => {
      form.setErrors(fieldErrors(error));
      focusFirstInvalid();
    },
  });

  const title =
    dialog.mode === "add"
      ? m.admin.orgAddTitle(dialog.parent?.name ?? null)
      : dialog.mode === "edit"
        ? m.admin.orgEditTitle(dialog.org.name)
        : m.admin.orgMoveTitle(dialog.org.name);
  const excluded = dialog.mode === "move" ? descendantsOf(organisations, dialog.org.id) : new Set<string>();

  return (
    <FormModal
      onClose={onClose}
      title={title}
      size="lg"
      formRef={ref}
      onSubmit={form.onSubmit((values) => save.mutate(values), focusFirstInvalid)}
      error={save.error}
      saving={save.isPending}
    >
      {dialog.mode === "move" ? (
        <NativeSelect
          label={m.admin.orgParent}
          description={m.admin.orgMoveHelp}
          data={[
            { value: "", label: m.admin.orgTopLevel },
            ...organisationOptions(organisations).filter((option) => !excluded.has(option.value)),
          ]}
          data-autofocus
          {...form.getInputProps("parentId")}
        />
      ) : (
        <>
          <TextInput label={m.admin.orgName} required data-autofocus {...form.getInputProps("name")} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NativeSelect
              label={m.admin.orgKind}
              data={ORGANISATION_KINDS.map((k) => ({ value: k, label: ORGANISATION_KIND_LABELS[k] }))}
              {...form.getInputProps("kind")}
            />
            <TextInput label={m.admin.orgCode} autoComplete="off" {...form.getInputProps("code")} />
            <NumberInput
              label={m.admin.orgSortOrder}
              min={0}
              max={100000}
              {...form.getInputProps("sortOrder")}
              onChange={(v) => form.setFieldValue("sortOrder", typeof v === "number" ? v : Number(v) || 0)}
            />
          </SimpleGrid>
        </>
      )}
    </FormModal>
  );
}
