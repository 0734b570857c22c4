// /international/partners/$id: a partner city — its relation and since when, and its timeline (事業・出張での訪問・
// 来訪), newest first, each entry marked by its kind and linked to its record; editors record a visit received from it.
import { Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Timeline, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { createReceivedVisit, PARTNER_RELATION_LABELS, type TimelineEntry } from "../../../common/api/international";
import { todayInJapan } from "../../../common/dates";
import { japaneseErrorMap } from "../../../common/zod-japanese";
import { call } from "../../api/client";
import { DateText, warekiOf } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { AnchorLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { Section } from "../../ui/Section";
import { useFormSubmit } from "../../ui/useFormSubmit";
import { EmptyState, Field, InternationalNav, Loading, SampleBadge, TimelineKindBadge } from "./components";
import { partnerLabel } from "./labels";
import { im } from "./messages";
import { invalidateInternational, useInternationalAccess, usePartnerTimeline } from "./queries";

const t = im.partner;

export function PartnerPage({ id }: { id: string }) {
  const timeline = usePartnerTimeline(id);
  const access = useInternationalAccess();
  const breadcrumbs = [
    { label: im.moduleName, href: "/international" },
    { label: im.partners.title, href: "/international/partners" },
  ];
  if (timeline.error) {
    return (
      <>
        <PageHeader title={t.notFound} breadcrumbs={breadcrumbs} />
        <InternationalNav />
        <ErrorAlert error={timeline.error} />
      </>
    );
  }
  if (!timeline.data) {
    return (
      <>
        <PageHeader title={im.partners.title} breadcrumbs={breadcrumbs} />
        <Loading />
      </>
    );
  }
  const { partner, entries } = timeline.data;
  const sorted = [...entries].sort((a, b) => b.on.localeCompare(a.on));
  const title = partnerLabel(partner);
  return (
    <>
      <PageHeader title={title} breadcrumbs={[...breadcrumbs, { label: title }]} badges={partner.isSample ? <SampleBadge /> : undefined} />
      <InternationalNav />
      <Stack gap="lg">
        <Section id="intl-partner-details" title={t.details}>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="md">
            <Field label={im.partners.country}>{partner.country}</Field>
            <Field label={im.partners.city}>{partner.city}</Field>
            <Field label={im.partners.organisation}>{partner.organisation || im.dash}</Field>
            <Field label={im.partners.relation}>{PARTNER_RELATION_LABELS[partner.relation]}</Field>
            <Field label={im.partners.relatedSince}>
              <DateText iso={partner.relatedSince} />
            </Field>
            <Field label={im.partners.projectCount}>{im.count(partner.projectCount)}</Field>
            <Field label={im.partners.visitCount}>{im.count(partner.visitCount)}</Field>
            <Field label={t.location}>
              {partner.latitude !== null && partner.longitude !== null
                ? `${partner.latitude.toFixed(2)}, ${partner.longitude.toFixed(2)}`
                : t.noLocation}
            </Field>
          </SimpleGrid>
        </Section>
        <Section id="intl-partner-timeline" title={t.timeline}>
          {sorted.length === 0 ? (
            <EmptyState>{t.noEntries}</EmptyState>
          ) : (
            <>
              <Text size="sm" c="dimmed" mb="sm">
                {t.timelineIntro}
              </Text>
              <Timeline bulletSize={14} lineWidth={2}>
                {sorted.map((entry) => (
                  <Timeline.Item key={`${entry.kind}-${entry.id}-${entry.on}`} title={<EntryTitle entry={entry} />}>
                    <Text size="sm">
                      <DateText iso={entry.on} />
                      {entry.ownerName ? `　${t.owner}: ${entry.ownerName}` : ""}
                    </Text>
                    {entry.detail && (
                      <Text size="sm" c="dimmed" style={{ whiteSpace: "pre-wrap" }}>
                        {entry.detail}
                      </Text>
                    )}
                  </Timeline.Item>
                ))}
              </Timeline>
            </>
          )}
        </Section>
        {access.data?.canCreate && <ReceivedVisitForm partnerId={partner.id} />}
      </Stack>
    </>
  );
}

function EntryTitle({ entry }: { entry: TimelineEntry }) {
  return (
    <Group gap={8} wrap="wrap">
      <TimelineKindBadge kind={entry.kind} />
      {entry.kind === "project" ? (
        <AnchorLink to="/international/projects/$id" params={{ id: entry.id }} fw={600}>
          {entry.title}
        </AnchorLink>
      ) : entry.kind === "trip" ? (
        <AnchorLink to="/international/trips/$id" params={{ id: entry.id }} fw={600}>
          {entry.title}
        </AnchorLink>
      ) : (
        <Text span fw={600}>
          {entry.title}
        </Text>
      )}
    </Group>
  );
}

interface VisitValues {
  receivedOn: string;
  delegation: string;
  purpose: string;
}

function ReceivedVisitForm({ partnerId }: { partnerId: string }) {
  const queryClient = useQueryClient();
  const form = useForm<VisitValues>({
    initialValues: { receivedOn: warekiOf(todayInJapan()), delegation: "", purpose: "" },
    validate: (values) => {
      const parsed = createReceivedVisit.body?.safeParse(values, { error: japaneseErrorMap });
      if (!parsed || parsed.success) return {};
      return Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.map(String).join("."), issue.message]));
    },
  });
  const { formRef, submit, save, status } = useFormSubmit(form, {
    send: (values) => call(createReceivedVisit, { params: { id: partnerId }, body: createReceivedVisit.body?.parse(values) }),
    saved: async () => {
      form.setValues({ receivedOn: warekiOf(todayInJapan()), delegation: "", purpose: "" });
      await invalidateInternational(queryClient);
      return t.visitSaved;
    },
  });
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="intl-partner-visit">
      <Title order={2} id="intl-partner-visit" className="yk-section-title" mb="xs">
        {t.recordVisit}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t.visitIntro}
      </Text>
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={save.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <JapaneseDateInput
              label={t.receivedOn}
              required
              value={form.values.receivedOn}
              onChange={(value) => form.setFieldValue("receivedOn", value)}
              error={form.errors.receivedOn ? String(form.errors.receivedOn) : undefined}
            />
            <TextInput
              label={t.delegation}
              required
              placeholder={t.delegationPlaceholder}
              maxLength={200}
              {...form.getInputProps("delegation")}
            />
          </SimpleGrid>
          <Textarea label={t.purpose} autosize minRows={2} maxLength={1000} {...form.getInputProps("purpose")} />
          <Group gap="sm">
            <Button type="submit" loading={save.isPending}>
              {t.submitVisit}
            </Button>
            <Text size="sm" role="status">
              {status}
            </Text>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
