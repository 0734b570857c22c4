// /region/municipalities/$code: one 連携市町 — its attributes (和暦 dates), its population figures by basis and date, and
// its editors: the partner logins of its organisation, listed for the hub's bureau, with how an administrator adds one
// (a link to 利用者の管理 with the organisation chosen, for an administrator). The bureau edits ふりがな, 英語名, 郡,
// the 連携協約's date and the editors' organisation in a dialog; a save over someone else's is refused (409).
import { Alert, Badge, Button, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  type EditorLogin,
  type MunicipalityDetail,
  type PopulationFigure,
  updateMunicipality,
} from "../../../common/api/region-municipalities";
import { MUNICIPALITY_KIND_LABELS } from "../../../common/region/municipality-fields";
import { describePopulationSet, POPULATION_BASIS_LABELS } from "../../../common/region/population-basis";
import { call } from "../../api/client";
import { useCurrentUser } from "../../auth/session";
import { type Column, DataTable } from "../../ui/DataTable";
import { DetailField } from "../../ui/DetailField";
import { DateText, DateTimeText, warekiOf } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { FormModal } from "../../ui/FormModal";
import { InternalLink } from "../../ui/InternalLink";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { Loading } from "../../ui/Loading";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { Section } from "../../ui/Section";
import { useFormSubmit } from "../../ui/useFormSubmit";
import { rgm } from "./messages";
import { mm } from "./municipalityMessages";
import { municipalityKeys, useMunicipality } from "./municipalityQueries";

const t = mm.municipality;
const l = mm.municipalities;

interface EditValues {
  kana: string;
  nameEn: string;
  district: string;
  joinedOn: string;
  organisationId: string;
}

const NONE = "";
const NEW = "new";

function EditDialog({ detail, onClose }: { detail: MunicipalityDetail; onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm<EditValues>({
    initialValues: {
      kana: detail.kana,
      nameEn: detail.nameEn,
      district: detail.district ?? "",
      joinedOn: detail.joinedOn ? warekiOf(detail.joinedOn) : "",
      organisationId: detail.organisation?.id ?? NONE,
    },
  });
  const { formRef, submit, save } = useFormSubmit(form, {
    send: (values) =>
      call(updateMunicipality, {
        params: { code: detail.code },
        body: {
          version: detail.version,
          kana: values.kana,
          nameEn: values.nameEn,
          district: detail.kind === "town" ? values.district : null,
          joinedOn: values.joinedOn,
          organisationId: values.organisationId === NONE ? null : values.organisationId,
        },
      }),
    saved: async (result) => {
      queryClient.setQueryData(municipalityKeys.one(detail.code), result);
      await queryClient.invalidateQueries({ queryKey: municipalityKeys.list() });
      onClose();
      return t.saved(result.name);
    },
  });
  const choices = detail.organisationChoices ?? [];
  return (
    <FormModal
      title={t.editTitle(detail.name)}
      onClose={onClose}
      formRef={formRef}
      onSubmit={submit}
      error={save.error}
      conflictMessage={t.conflict}
      saving={save.isPending}
      size="lg"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={l.kana} description={t.kanaHelp} required maxLength={40} data-autofocus {...form.getInputProps("kana")} />
        <TextInput label={l.nameEn} required maxLength={60} lang="en" {...form.getInputProps("nameEn")} />
        {detail.kind === "town" && (
          <TextInput label={l.district} description={t.districtHelp} maxLength={20} {...form.getInputProps("district")} />
        )}
        <JapaneseDateInput
          label={l.joinedOn}
          description={t.joinedOnHelp}
          value={form.values.joinedOn}
          onChange={(value) => form.setFieldValue("joinedOn", value)}
          error={form.errors.joinedOn as string | undefined}
        />
      </SimpleGrid>
      <NativeSelect
        label={t.organisationLabel}
        description={t.organisationHelp}
        {...form.getInputProps("organisationId")}
        data={[
          { value: NONE, label: t.organisationNone },
          ...(detail.organisation ? [] : [{ value: NEW, label: t.organisationNew(detail.name) }]),
          ...choices.map((o) => ({
            value: o.id,
            label: o.linkedTo ? t.organisationLinked(o.name, o.linkedTo.name) : o.name,
            disabled: !!o.linkedTo,
          })),
        ]}
      />
    </FormModal>
  );
}

function EditorsSection({ detail }: { detail: MunicipalityDetail }) {
  const me = useCurrentUser();
  const organisation = detail.organisation;
  const columns: Column<EditorLogin>[] = [
    { key: "loginId", header: t.loginId, nowrap: true, render: (u) => u.loginId },
    { key: "displayName", header: t.displayName, rowHeader: true, render: (u) => u.displayName },
    {
      key: "status",
      header: t.status,
      nowrap: true,
      render: (u) => (
        <Badge
          variant="light"
          color={u.disabled ? "gray" : "teal"}
          styles={{ root: { textTransform: "none", color: u.disabled ? "#495057" : "#0b5345" } }}
        >
          {u.disabled ? t.disabled : t.active}
        </Badge>
      ),
    },
    { key: "lastLogin", header: t.lastLogin, nowrap: true, render: (u) => <DateTimeText timestamp={u.lastLoginAt} /> },
  ];
  return (
    <Section id="municipality-editors" title={t.editorsTitle}>
      <Stack gap="sm">
        <Text size="sm">{t.editorsIntro}</Text>
        {!organisation ? (
          <Text size="sm">{t.noOrganisationHelp}</Text>
        ) : detail.editorLogins === null ? (
          <Text size="sm">{t.loginsHidden(detail.editorLoginCount)}</Text>
        ) : (
          <>
            <DataTable
              caption={t.loginsCaption(detail.name)}
              captionHidden
              columns={columns}
              rows={detail.editorLogins}
              rowKey={(u) => u.id}
              empty={t.noLogins}
            />
            {me.role === "admin" ? (
              <Stack gap={4}>
                <Text size="sm">{t.howToAddAdmin(organisation.name)}</Text>
                <InternalLink href={`/admin/users?organisationId=${organisation.id}&add=partner`} fw={600} size="sm">
                  {t.addLogin}
                </InternalLink>
              </Stack>
            ) : (
              <Text size="sm">{t.howToAddManager(organisation.name)}</Text>
            )}
          </>
        )}
      </Stack>
    </Section>
  );
}

export function MunicipalityPage({ code }: { code: string }) {
  const query = useMunicipality(code);
  const [editing, setEditing] = useState(false);
  if (query.isPending) return <Loading />;
  if (query.error) {
    return (
      <>
        <PageHeader
          title={l.title}
          breadcrumbs={[
            { label: rgm.moduleName, href: "/region" },
            { label: l.title, href: "/region/municipalities" },
          ]}
        />
        <ErrorAlert error={query.error} />
      </>
    );
  }
  const d = query.data;
  const populationColumns: Column<PopulationFigure>[] = [
    {
      key: "set",
      header: t.basis,
      rowHeader: true,
      render: (p) => (
        <Group gap={6}>
          <span>{POPULATION_BASIS_LABELS[p.basis]}</span>
          {p.isSample && <SampleBadge />}
        </Group>
      ),
    },
    { key: "asOf", header: t.asOf, nowrap: true, render: (p) => <DateText iso={p.asOf} /> },
    {
      key: "population",
      header: t.figure,
      align: "right",
      nowrap: true,
      render: (p) => <span style={{ fontVariantNumeric: "tabular-nums" }}>{p.population.toLocaleString("ja-JP")}人</span>,
    },
    { key: "source", header: t.source, render: (p) => p.source || rgm.dash },
  ];

  return (
    <>
      <PageHeader
        title={d.name}
        subtitle={`${d.kana}　${d.nameEn}`}
        badges={d.isSample ? <SampleBadge /> : undefined}
        breadcrumbs={[{ label: rgm.moduleName, href: "/region" }, { label: l.title, href: "/region/municipalities" }, { label: d.name }]}
        actions={
          d.canManage ? (
            <Button variant="default" onClick={() => setEditing(true)}>
              {t.edit}
            </Button>
          ) : undefined
        }
      />
      <Stack gap="xl">
        <Section id="municipality-profile" title={t.profile}>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
            <DetailField label={l.code}>{d.code}</DetailField>
            <DetailField label={l.kind}>{MUNICIPALITY_KIND_LABELS[d.kind]}</DetailField>
            <DetailField label={l.district}>{d.district ?? rgm.dash}</DetailField>
            <DetailField label={l.kana}>{d.kana}</DetailField>
            <DetailField label={l.nameEn}>
              <span lang="en">{d.nameEn}</span>
            </DetailField>
            <DetailField label={l.joinedOn}>
              <DateText iso={d.joinedOn} empty={l.notJoined} />
            </DetailField>
            <DetailField label={l.population}>
              {d.latestPopulation
                ? `${d.latestPopulation.population.toLocaleString("ja-JP")}人（${describePopulationSet(d.latestPopulation.basis, d.latestPopulation.asOf)}）`
                : rgm.dash}
            </DetailField>
            <DetailField label={l.editorOrganisation}>{d.organisation?.name ?? l.noOrganisation}</DetailField>
            <DetailField label={l.editors}>{l.editorCount(d.editorLoginCount)}</DetailField>
          </SimpleGrid>
        </Section>
        <EditorsSection detail={d} />
        <Section id="municipality-populations" title={t.populations}>
          {d.populations.length === 0 ? (
            <Alert color="gray" variant="light">
              {t.noPopulations}
            </Alert>
          ) : (
            <DataTable
              caption={t.populationsCaption(d.name)}
              captionHidden
              columns={populationColumns}
              rows={d.populations}
              rowKey={(p) => `${p.basis}-${p.asOf}`}
            />
          )}
        </Section>
      </Stack>
      {editing && <EditDialog detail={d} onClose={() => setEditing(false)} />}
    </>
  );
}
