// 「相手先を追加」: a dialog that registers a partner city or organisation (createPartner) and hands the new partner
// back, so that the project form can select it at once. Any editor may add one; the bureau corrects it later.
import { NativeSelect, SimpleGrid, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import {
  createPartner,
  PARTNER_RELATION_LABELS,
  PARTNER_RELATIONS,
  type Partner,
  type PartnerRelation,
} from "../../../common/api/international";
import { japaneseErrorMap } from "../../../common/zod-japanese";
import { call } from "../../api/client";
import { FormModal } from "../../ui/FormModal";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { useFormSubmit } from "../../ui/useFormSubmit";
import { parseNumberText } from "./form-numbers";
import { partnerLabel } from "./labels";
import { im } from "./messages";
import { internationalKeys } from "./queries";

const t = im.partnerDialog;

interface PartnerValues {
  country: string;
  city: string;
  organisation: string;
  relation: PartnerRelation;
  relatedSince: string;
  latitude: string;
  longitude: string;
}

const coordinate = (text: string) => {
  const n = parseNumberText(text);
  return n === undefined ? Number.NaN : n;
};

export function partnerBody(values: PartnerValues) {
  return {
    country: values.country,
    city: values.city,
    organisation: values.organisation,
    relation: values.relation,
    relatedSince: values.relatedSince.trim() || null,
    latitude: coordinate(values.latitude),
    longitude: coordinate(values.longitude),
  };
}

function partnerErrors(values: PartnerValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (parseNumberText(values.latitude) === undefined) errors.latitude = t.numberInvalid;
  if (parseNumberText(values.longitude) === undefined) errors.longitude = t.numberInvalid;
  const parsed = createPartner.body?.safeParse(partnerBody(values), { error: japaneseErrorMap });
  if (parsed && !parsed.success) for (const issue of parsed.error.issues) errors[issue.path.map(String).join(".")] ??= issue.message;
  return errors;
}

export function PartnerDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (partner: Partner) => void }) {
  const queryClient = useQueryClient();
  const form = useForm<PartnerValues>({
    initialValues: { country: "", city: "", organisation: "", relation: "other", relatedSince: "", latitude: "", longitude: "" },
    validate: partnerErrors,
  });
  const { formRef, submit, save } = useFormSubmit(form, {
    send: (values) => call(createPartner, { body: createPartner.body?.parse(partnerBody(values)) }),
    saved: async (partner) => {
      await queryClient.invalidateQueries({ queryKey: internationalKeys.partners });
      onCreated(partner);
      onClose();
      return t.created(partnerLabel(partner));
    },
  });
  return (
    <FormModal title={t.title} onClose={onClose} formRef={formRef} onSubmit={submit} error={save.error} saving={save.isPending} size="lg">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t.country} required data-autofocus {...form.getInputProps("country")} />
        <TextInput label={t.city} required {...form.getInputProps("city")} />
      </SimpleGrid>
      <TextInput label={t.organisation} {...form.getInputProps("organisation")} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t.relation}
          data={PARTNER_RELATIONS.map((r) => ({ value: r, label: PARTNER_RELATION_LABELS[r] }))}
          {...form.getInputProps("relation")}
        />
        <JapaneseDateInput
          label={t.relatedSince}
          value={form.values.relatedSince}
          onChange={(value) => form.setFieldValue("relatedSince", value)}
          error={form.errors.relatedSince ? String(form.errors.relatedSince) : undefined}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t.latitude}
          inputMode="decimal"
          description={t.coordinatesHelp}
          inputWrapperOrder={["label", "input", "description", "error"]}
          {...form.getInputProps("latitude")}
        />
        <TextInput label={t.longitude} inputMode="decimal" {...form.getInputProps("longitude")} />
      </SimpleGrid>
    </FormModal>
  );
}
