// /region/items/$id 「掲載情報」: one item — its summary, the edit form (every 正式版 column of its dataset, and the
// English name and description), 公開 / 公開停止, 広域のおすすめ (the bureau's region editors), the deletion of a
// hand-made draft, and the 元の行 panel (the row as the 市町's file had it, with the import it came from).
import { Alert, Button, Grid, Group, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import {
  deleteItem,
  featureItem,
  ITEM_ORIGIN_LABELS,
  type ItemDetail,
  publishItem,
  unfeatureItem,
  unpublishItem,
  updateItem,
} from "../../../common/api/region-curation";
import { call } from "../../api/client";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { DetailField } from "../../ui/DetailField";
import { DateText, DateTimeText } from "../../ui/dates";
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
import { CurationNav, datasetLabel, FeaturedBadge, ItemStatusBadge, OriginalRowTable, useRegionCrumb } from "./curationParts";
import { curationKeys, useItem } from "./curationQueries";
import { fieldsToSend, formFieldsOf, ItemFieldsForm, type ItemFormValues } from "./ItemFieldsForm";

const t = cm.item;
const STALE = "ほかの人が先に変更しました。画面を再読み込みしてから、もう一度操作してください。";

function useItemUpdate(id: string) {
  const queryClient = useQueryClient();
  return (item: ItemDetail) => {
    queryClient.setQueryData(curationKeys.item(id), item);
    void queryClient.invalidateQueries({ queryKey: ["region", "curation", "items"] });
  };
}

function Actions({ item }: { item: ItemDetail }) {
  const flash = useFlash();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const updated = useItemUpdate(item.id);
  const act = async (contract: typeof publishItem, message: string) => {
    updated(await call(contract, { params: { id: item.id }, body: { version: item.version } }));
    flash.show(message);
  };
  return (
    <Group gap="xs">
      {item.canEdit && item.status !== "published" && (
        <ConfirmButton message={t.publishConfirm} onConfirm={() => act(publishItem, t.published)}>
          {t.publish}
        </ConfirmButton>
      )}
      {item.canEdit && item.status === "published" && (
        <ConfirmButton variant="default" message={t.unpublishConfirm} onConfirm={() => act(unpublishItem, t.unpublished)}>
          {t.unpublish}
        </ConfirmButton>
      )}
      {item.canFeature && item.status === "published" && !item.featured && (
        <ConfirmButton variant="default" message={t.featureConfirm} onConfirm={() => act(featureItem, t.featuredDone)}>
          {t.feature}
        </ConfirmButton>
      )}
      {item.canFeature && item.featured && (
        <ConfirmButton variant="default" message={t.unfeatureConfirm} onConfirm={() => act(unfeatureItem, t.unfeaturedDone)}>
          {t.unfeature}
        </ConfirmButton>
      )}
      {item.canDelete && (
        <ConfirmButton
          variant="default"
          color="red"
          message={t.deleteConfirm}
          onConfirm={async () => {
            await call(deleteItem, { params: { id: item.id }, query: { version: item.version } });
            void queryClient.invalidateQueries({ queryKey: ["region", "curation", "items"] });
            flash.show(t.deleted);
            await navigate({ to: "/region/items" as never });
          }}
        >
          {t.delete}
        </ConfirmButton>
      )}
    </Group>
  );
}

function Summary({ item }: { item: ItemDetail }) {
  const time = item.startTime ? `${item.startTime}〜${item.endTime ?? ""}` : null;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
      <DetailField label={cm.municipality}>{item.municipalityName}</DetailField>
      <DetailField label={cm.dataset}>{datasetLabel(item.dataset)}</DetailField>
      <DetailField label={t.sourceId}>{item.fields.ID ?? item.sourceId ?? cm.dash}</DetailField>
      <DetailField label={t.origin}>{ITEM_ORIGIN_LABELS[item.origin]}</DetailField>
      {item.startDate && (
        <DetailField label={t.period}>
          <DateText iso={item.startDate} />
          {item.endDate && item.endDate !== item.startDate && (
            <>
              〜<DateText iso={item.endDate} />
            </>
          )}
        </DetailField>
      )}
      {time && <DetailField label={t.time}>{time}</DetailField>}
      <DetailField label={t.map}>
        {item.lat !== null && item.lon !== null ? `${t.lat} ${item.lat} / ${t.lon} ${item.lon}` : cm.items.noLocation}
      </DetailField>
      <DetailField label={t.publishedAt}>
        <DateTimeText timestamp={item.publishedAt} />
      </DetailField>
      <DetailField label={t.updatedAt}>
        <DateTimeText timestamp={item.updatedAt} />
        {t.by(item.updatedByName)}
      </DetailField>
      <DetailField label={t.fromImport}>
        {item.import ? (
          <InternalLink href={`/region/imports/${item.import.id}`}>{t.importLink(item.import.fileName)}</InternalLink>
        ) : (
          t.noImport
        )}
      </DetailField>
    </SimpleGrid>
  );
}

function EditForm({ item }: { item: ItemDetail }) {
  const updated = useItemUpdate(item.id);
  const form = useForm<ItemFormValues>({
    initialValues: { fields: formFieldsOf(item.dataset, item.fields), nameEn: item.nameEn, descriptionEn: item.descriptionEn },
  });
  const { formRef, submit, save, status } = useFormSubmit(form, {
    send: (values) =>
      call(updateItem, {
        params: { id: item.id },
        body: {
          version: item.version,
          fields: fieldsToSend(item.dataset, values.fields, { withoutEnglish: true }),
          nameEn: values.nameEn,
          descriptionEn: values.descriptionEn,
        },
      }),
    saved: (result) => {
      updated(result);
      return t.saved;
    },
  });
  const disabled = !item.canEdit;
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="item-edit">
      <Stack gap="md">
        {disabled ? <Alert color="gray">{t.readOnly}</Alert> : <Text size="sm">{t.editHelp}</Text>}
        <ErrorAlert error={save.error} conflictMessage={STALE} />
        <Title order={3} size="h5" id="item-english">
          {t.english}
        </Title>
        <Text size="sm" c="dimmed">
          {t.englishHelp}
        </Text>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <TextInput label={t.nameEn} lang="en" disabled={disabled} {...form.getInputProps("nameEn")} />
          <Textarea
            label={t.descriptionEn}
            lang="en"
            autosize
            minRows={2}
            disabled={disabled}
            {...form.getInputProps("descriptionEn")}
            style={{ gridColumn: "1 / -1" }}
          />
        </SimpleGrid>
        <Title order={3} size="h5">
          {t.fieldsTitle}
        </Title>
        <ItemFieldsForm
          dataset={item.dataset}
          form={form}
          idEditable={false}
          idNote={cm.fields.idFixed}
          withoutEnglish
          disabled={disabled}
        />
        {!disabled && (
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t.save}
            </Button>
            <Text size="sm" role="status" aria-live="polite" fw={600}>
              {status}
            </Text>
          </Group>
        )}
      </Stack>
    </form>
  );
}

export function ItemPage({ id }: { id: string }) {
  const regionCrumb = useRegionCrumb();
  const query = useItem(id);
  if (isNotFound(query.error))
    return (
      <>
        <PageHeader title={t.breadcrumb} breadcrumbs={[regionCrumb, { label: t.breadcrumb, href: "/region/items" }]} />
        <Alert color="gray" role="status">
          {t.notFound}
        </Alert>
      </>
    );
  return (
    <QueryBoundary query={query} title={t.breadcrumb}>
      {(item) => (
        <>
          <PageHeader
            title={item.name}
            breadcrumbs={[regionCrumb, { label: t.breadcrumb, href: "/region/items" }, { label: item.name }]}
            badges={
              <>
                <ItemStatusBadge status={item.status} size="md" />
                {item.featured && <FeaturedBadge />}
                {item.isSample && <SampleBadge />}
              </>
            }
            subtitle={item.nameEn ? <span lang="en">{item.nameEn}</span> : undefined}
            actions={<Actions item={item} />}
          />
          <CurationNav />
          <Grid mt="md" gap="lg">
            <Grid.Col span={{ base: 12, lg: 8 }}>
              <Stack gap="lg">
                <Section id="item-summary" title={t.summary}>
                  <Summary item={item} />
                  {item.canFeature && item.status !== "published" && (
                    <Text size="sm" c="dimmed" mt="sm">
                      {t.featureHelp}
                    </Text>
                  )}
                </Section>
                <Section id="item-edit" title={t.edit}>
                  <EditForm key={item.version} item={item} />
                </Section>
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 4 }}>
              <Section id="item-original" title={t.original}>
                {item.original ? (
                  <Stack gap="xs">
                    <Text size="sm" c="dimmed">
                      {t.originalHelp(item.original.fileName, item.original.rowNumber)}
                    </Text>
                    <OriginalRowTable original={item.original} caption={t.original} />
                  </Stack>
                ) : (
                  <Text size="sm">{t.originalNone}</Text>
                )}
              </Section>
            </Grid.Col>
          </Grid>
        </>
      )}
    </QueryBoundary>
  );
}
