// /region/items/new 「掲載情報の新規登録」: an item added by hand (a draft) — the 市町 (a 市町 editor's own), the
// dataset, then one input per 正式版 column of that dataset and the English name and description.
import { Alert, Button, Group, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { createItem } from "../../../common/api/region-curation";
import type { DatasetKey } from "../../../common/region/datasets";
import { call } from "../../api/client";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { PageHeader } from "../../ui/PageHeader";
import { QueryBoundary } from "../../ui/QueryBoundary";
import { Section } from "../../ui/Section";
import { useFormSubmit } from "../../ui/useFormSubmit";
import { cm } from "./curationMessages";
import { CurationNav, DATASET_OPTIONS, MunicipalitySelect, useRegionCrumb } from "./curationParts";
import { curationKeys, useCurationContext } from "./curationQueries";
import { fieldsToSend, formFieldsOf, ItemFieldsForm, type ItemFormValues } from "./ItemFieldsForm";

const t = cm.create;

function NewItemForm({ municipality, dataset }: { municipality: { code: string; name: string }; dataset: DatasetKey }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const municipalityCode = municipality.code;
  // the 市町's code and name are shown as the server will write them
  const given = { 全国地方公共団体コード: municipality.code, 地方公共団体名: municipality.name };
  const form = useForm<ItemFormValues>({ initialValues: { fields: formFieldsOf(dataset, given), nameEn: "", descriptionEn: "" } });
  const { formRef, submit, save } = useFormSubmit(form, {
    send: (values) =>
      call(createItem, {
        body: {
          municipalityCode,
          dataset,
          fields: fieldsToSend(dataset, values.fields, { withoutEnglish: true }),
          nameEn: values.nameEn,
          descriptionEn: values.descriptionEn,
        },
      }),
    saved: async (item) => {
      queryClient.setQueryData(curationKeys.item(item.id), item);
      void queryClient.invalidateQueries({ queryKey: ["region", "curation", "items"] });
      await navigate({ to: "/region/items/$id" as never, params: { id: item.id } as never });
      return t.created;
    },
  });
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={t.title}>
      <Stack gap="md">
        <ErrorAlert error={save.error} />
        <Title order={3} size="h5">
          {cm.item.english}
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <TextInput label={cm.item.nameEn} lang="en" {...form.getInputProps("nameEn")} />
          <Textarea
            label={cm.item.descriptionEn}
            lang="en"
            autosize
            minRows={2}
            {...form.getInputProps("descriptionEn")}
            style={{ gridColumn: "1 / -1" }}
          />
        </SimpleGrid>
        <Title order={3} size="h5">
          {cm.item.fieldsTitle}
        </Title>
        <ItemFieldsForm dataset={dataset} form={form} idEditable idAutomatic idNote={cm.fields.idHint} withoutEnglish />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t.submit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function ItemNewPage() {
  const regionCrumb = useRegionCrumb();
  const context = useCurationContext();
  const [code, setCode] = useState("");
  const [dataset, setDataset] = useState<DatasetKey | "">("");
  return (
    <QueryBoundary query={context} title={t.title}>
      {(ctx) => {
        const own = ctx.scope.kind === "own" ? { code: ctx.scope.code, name: ctx.scope.name } : undefined;
        const municipality = own ?? ctx.municipalities.find((m) => m.code === code);
        return (
          <>
            <PageHeader
              title={t.title}
              breadcrumbs={[regionCrumb, { label: cm.items.title, href: "/region/items" }, { label: t.title }]}
              subtitle={t.intro}
            />
            <CurationNav />
            <Stack mt="md">
              {ctx.scope.kind === "none" ? (
                <Alert color="gray">{cm.item.readOnly}</Alert>
              ) : (
                <Section id="new-item" title={t.title}>
                  <Stack gap="md">
                    <Group gap="md" align="flex-end" wrap="wrap">
                      <MunicipalitySelect
                        label={cm.municipality}
                        municipalities={ctx.municipalities}
                        value={code}
                        onChange={setCode}
                        fixed={own}
                        required
                        w={200}
                      />
                      <NativeSelect
                        label={cm.dataset}
                        value={dataset}
                        data={[{ value: "", label: "選んでください" }, ...DATASET_OPTIONS]}
                        onChange={(e) => setDataset(e.currentTarget.value as DatasetKey | "")}
                        required
                        w={240}
                      />
                    </Group>
                    {municipality && dataset ? (
                      <NewItemForm key={`${municipality.code}:${dataset}`} municipality={municipality} dataset={dataset} />
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t.chooseDataset}
                      </Text>
                    )}
                  </Stack>
                </Section>
              )}
            </Stack>
          </>
        );
      }}
    </QueryBoundary>
  );
}
