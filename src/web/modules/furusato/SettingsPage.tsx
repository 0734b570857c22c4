// ふるさと納税の設定: what the city sets once — donors' retention period, the shipping lead time, the issuer of the
// 受領証明書 and the 団体コード of the 現況調査 sheet. Managers edit; other staff read.
import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { type FurusatoSettings, furusatoSettings, getFurusatoSettings, putFurusatoSettings } from "../../../common/api/furusato-settings";
import { call } from "../../api/client";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrors } from "../../ui/errors";
import { useFlash } from "../../ui/Flash";
import { PageHeader } from "../../ui/PageHeader";
import { useFocusFirstInvalid } from "../../ui/useFocusFirstInvalid";
import { zodResolver } from "../../ui/zodForm";
import { FurusatoNav } from "./components";
import { fm } from "./messages";

const t = {
  title: "ふるさと納税の設定",
  intro: "寄附者情報の保存期間、発送期限、受領証明書の発行者、現況調査の団体コードを設定します。変更は監査ログに記録されます。",
  readOnly: "設定を変更できるのは、ふるさと納税の担当者とシステム管理者です。",
  retention: "寄附者情報の保存期間（年）",
  retentionHelp: "寄附の年度末からこの年数を過ぎた寄附者の氏名・住所・連絡先は匿名化されます（金額・日付は統計のため残ります）。",
  leadDays: fm.settingLabels.shippingLeadDays,
  cityName: "受領証明書の自治体名",
  mayorTitle: "受領証明書の発行者",
  bodyCode: "団体コード（6桁）",
  bodyName: "団体名",
  save: "保存する",
  saved: "設定を保存しました。",
  sections: { privacy: "個人情報", work: "出荷・証明書", survey: "現況調査" },
};

export const settingsKey = ["furusato", "settings"] as const;

export function SettingsPage() {
  const settings = useQuery({ queryKey: settingsKey, queryFn: () => call(getFurusatoSettings, {}) });
  return (
    <>
      <PageHeader title={t.title} breadcrumbs={[{ label: fm.moduleName, href: "/furusato" }, { label: t.title }]} subtitle={t.intro} />
      <FurusatoNav />
      <ErrorAlert error={settings.error} />
      {settings.data ? <SettingsForm initial={settings.data} canEdit={settings.data.canEdit} /> : null}
    </>
  );
}

function SettingsForm({ initial, canEdit }: { initial: FurusatoSettings; canEdit: boolean }) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const { ref: formRef, focusFirstInvalid } = useFocusFirstInvalid();
  // The API's own schema gives the same Japanese messages here as on the server.
  const form = useForm<FurusatoSettings>({ initialValues: initial, validate: zodResolver(furusatoSettings) });
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a newly loaded record replaces the values
  useEffect(() => form.setValues(initial), [initial]);
  const save = useMutation({
    mutationFn: (body: FurusatoSettings) => call(putFurusatoSettings, { body }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(settingsKey, saved);
      flash.show(t.saved);
    },
    onError: (error) => {
      form.setErrors(fieldErrors(error));
      focusFirstInvalid();
    },
  });
  const submit = form.onSubmit((values) => save.mutate(furusatoSettings.parse(values)), focusFirstInvalid);

  const number = (key: "donorRetentionYears" | "shippingLeadDays", label: string, description?: string) => (
    <NumberInput
      label={label}
      description={description}
      {...form.getInputProps(key)}
      allowDecimal={false}
      min={1}
      readOnly={!canEdit}
      required
    />
  );
  const text = (key: "cityName" | "mayorTitle" | "bodyCode" | "bodyName", label: string) => (
    <TextInput label={label} {...form.getInputProps(key)} readOnly={!canEdit} required />
  );

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={t.title}>
      <Stack gap="md" maw={760}>
        {!canEdit ? (
          <Text size="sm" c="dimmed">
            {t.readOnly}
          </Text>
        ) : null}
        <ErrorAlert error={save.error} />
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t.sections.privacy}
          </Title>
          {number("donorRetentionYears", t.retention, t.retentionHelp)}
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t.sections.work}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {number("shippingLeadDays", t.leadDays)}
            {text("cityName", t.cityName)}
            {text("mayorTitle", t.mayorTitle)}
          </SimpleGrid>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t.sections.survey}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {text("bodyCode", t.bodyCode)}
            {text("bodyName", t.bodyName)}
          </SimpleGrid>
        </Paper>
        {canEdit ? (
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t.save}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </form>
  );
}
