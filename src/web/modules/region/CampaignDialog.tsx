// The dialog in which the hub's bureau records or changes a promotion: name, 媒体, 種類, タグ (the link's ?c=), the hub
// page the link opens, 公開日 and 終了日 (和暦 or 西暦), 費用 in yen and notes. The server checks the same contract.
import { NativeSelect, NumberInput, SimpleGrid, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { type Campaign, createCampaign, updateCampaign } from "../../../common/api/region-analytics";
import { parseJapaneseDate } from "../../../common/dates";
import {
  CAMPAIGN_CHANNEL_LABELS,
  CAMPAIGN_CHANNELS,
  CAMPAIGN_KIND_LABELS,
  CAMPAIGN_KINDS,
  type CampaignChannel,
  type CampaignKind,
} from "../../../common/region/campaign-effect";
import { ApiError, call } from "../../api/client";
import { FormModal } from "../../ui/FormModal";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { useFormSubmit } from "../../ui/useFormSubmit";
import { anm } from "./analyticsMessages";
import { analyticsKeys } from "./analyticsQueries";

const t = anm.campaigns;

interface Values {
  name: string;
  channel: CampaignChannel;
  kind: CampaignKind;
  tag: string;
  targetPath: string;
  publishedOn: string;
  endsOn: string;
  costYen: number | string;
  notes: string;
}

/** The server names an update's fields "campaign.tag"; the form's are "tag". */
async function withFlatFields<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const fields = Object.fromEntries(Object.entries(error.fields).map(([key, message]) => [key.replace(/^campaign\./, ""), message]));
    throw new ApiError(error.status, error.code, error.message, fields);
  }
}

const isoOrText = (text: string) => parseJapaneseDate(text)?.iso ?? text;

export function CampaignDialog({
  campaign,
  onClose,
  onSaved,
}: {
  campaign?: Campaign;
  onClose: () => void;
  onSaved?: (c: Campaign) => void;
}) {
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    initialValues: {
      name: campaign?.name ?? "",
      channel: campaign?.channel ?? "instagram",
      kind: campaign?.kind ?? "post",
      tag: campaign?.tag ?? "",
      targetPath: campaign?.targetPath ?? "/public/region",
      publishedOn: campaign?.publishedOn ?? "",
      endsOn: campaign?.endsOn ?? "",
      costYen: campaign?.costYen ?? 0,
      notes: campaign?.notes ?? "",
    },
    validate: {
      name: (v) => (v.trim() ? null : "キャンペーン名を入力してください。"),
      tag: (v) => (v.trim() ? null : "タグを入力してください。"),
      publishedOn: (v) => (parseJapaneseDate(v) ? null : "公開日を入力してください（例: 令和8年11月1日）。"),
      costYen: (v) => (v === "" || Number(v) < 0 ? "費用（円）を0以上で入力してください。" : null),
    },
  });
  const toBody = (v: Values) => ({
    name: v.name,
    channel: v.channel,
    kind: v.kind,
    tag: v.tag,
    targetPath: v.targetPath,
    publishedOn: isoOrText(v.publishedOn),
    endsOn: v.endsOn.trim() ? isoOrText(v.endsOn) : null,
    costYen: Number(v.costYen),
    notes: v.notes,
  });
  const { formRef, submit, save } = useFormSubmit(form, {
    send: (v) =>
      withFlatFields(() =>
        campaign
          ? call(updateCampaign, { params: { id: campaign.id }, body: { version: campaign.version, campaign: toBody(v) } })
          : call(createCampaign, { body: toBody(v) }),
      ),
    saved: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: analyticsKeys.all });
      onSaved?.(saved);
      onClose();
      return t.saved(saved.name);
    },
  });
  return (
    <FormModal
      title={campaign ? t.editTitle : t.createTitle}
      onClose={onClose}
      formRef={formRef}
      onSubmit={submit}
      error={save.error}
      // only a stale version gets the "someone saved first" message: a tag in use says so itself
      conflictMessage={save.error instanceof ApiError && save.error.code === "stale" ? t.conflict : undefined}
      saving={save.isPending}
    >
      <TextInput label={t.name} required data-autofocus {...form.getInputProps("name")} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t.channel}
          required
          data={CAMPAIGN_CHANNELS.map((c) => ({ value: c, label: CAMPAIGN_CHANNEL_LABELS[c] }))}
          {...form.getInputProps("channel")}
        />
        <NativeSelect
          label={t.kind}
          required
          data={CAMPAIGN_KINDS.map((k) => ({ value: k, label: CAMPAIGN_KIND_LABELS[k] }))}
          {...form.getInputProps("kind")}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t.tag} required description={t.tagHelp} autoCapitalize="none" spellCheck={false} {...form.getInputProps("tag")} />
        <TextInput label={t.targetPath} description={t.targetPathHelp} spellCheck={false} {...form.getInputProps("targetPath")} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <JapaneseDateInput
          label={t.publishedOn}
          required
          value={form.values.publishedOn}
          onChange={(value) => form.setFieldValue("publishedOn", value)}
          error={form.errors.publishedOn as string | undefined}
        />
        <JapaneseDateInput
          label={t.endsOn}
          value={form.values.endsOn}
          onChange={(value) => form.setFieldValue("endsOn", value)}
          error={form.errors.endsOn as string | undefined}
        />
        <NumberInput
          label={t.costYen}
          required
          description={t.costHelp}
          min={0}
          step={1000}
          thousandSeparator=","
          allowDecimal={false}
          allowNegative={false}
          {...form.getInputProps("costYen")}
        />
      </SimpleGrid>
      <Textarea label={t.notes} autosize minRows={2} maxRows={8} {...form.getInputProps("notes")} />
    </FormModal>
  );
}
