// Public (citizen) pages, no sign-in: published documents, one document (概要・使命・課題), one challenge.

import { Group, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { listPublicDocuments, type PolicyDocumentSummary } from "../../../common/api/policy";
import { call } from "../../api/client";
import { m } from "../../messages";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateText, DateTimeText, FiscalYearText } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { Loading } from "../../ui/Loading";
import { AnchorLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { Section } from "../../ui/Section";
import { StatusBadge } from "../../ui/StatusBadge";
import { AsOfText, ChallengeParts, DownloadLinks, OverviewMatrix, Paragraphs, ProgressBlock } from "./components";
import { pm } from "./messages";
import { policyKeys, usePublicChallenge, usePublicDocument } from "./queries";

export function PublicListPage() {
  const documents = useQuery({ queryKey: policyKeys.publicDocuments, queryFn: () => call(listPublicDocuments) });
  const rows = [...(documents.data?.items ?? [])].sort(
    (a, b) => b.fiscalYear - a.fiscalYear || a.organisationName.localeCompare(b.organisationName, "ja"),
  );
  const columns: Column<PolicyDocumentSummary>[] = [
    { key: "fy", header: pm.list.fiscalYear, nowrap: true, render: (d) => <FiscalYearText fy={d.fiscalYear} western="title" /> },
    {
      key: "title",
      header: pm.list.docTitle,
      rowHeader: true,
      render: (d) => (
        <AnchorLink to="/public/policy/$id" params={{ id: d.id }} fw={600}>
          {d.title}
        </AnchorLink>
      ),
    },
    { key: "bureau", header: pm.list.bureau, render: (d) => d.organisationName || d.bureauName },
    { key: "count", header: pm.list.challengeCount, align: "right", nowrap: true, render: (d) => pm.list.count(d.challengeCount) },
    { key: "asOf", header: pm.list.latestAsOf, nowrap: true, render: (d) => <DateText iso={d.latestAsOf} western="title" /> },
    { key: "published", header: pm.public.publishedAt, nowrap: true, render: (d) => <DateTimeText timestamp={d.publishedAt} /> },
  ];
  return (
    <>
      <PageHeader
        title={pm.public.listTitle}
        subtitle={pm.public.listIntro}
        breadcrumbs={[{ label: m.publicHome.title, href: "/public" }, { label: pm.public.listTitle }]}
      />
      <DataTable
        caption={pm.public.caption}
        captionHidden
        columns={columns}
        rows={documents.data ? rows : undefined}
        rowKey={(d) => d.id}
        loading={documents.isPending}
        error={documents.error}
        empty={pm.public.empty}
        minWidth={900}
      />
    </>
  );
}

export function PublicDocumentPage({ id }: { id: string }) {
  const document = usePublicDocument(id);
  if (document.isPending) return <Loading />;
  if (document.error) {
    return (
      <>
        <PageHeader
          title={pm.public.notFound}
          breadcrumbs={[
            { label: m.publicHome.title, href: "/public" },
            { label: pm.public.listTitle, href: "/public/policy" },
            { label: pm.public.notFound },
          ]}
        />
        <ErrorAlert error={document.error} />
      </>
    );
  }
  const doc = document.data;
  return (
    <>
      <PageHeader
        title={doc.title}
        breadcrumbs={[
          { label: m.publicHome.title, href: "/public" },
          { label: pm.public.listTitle, href: "/public/policy" },
          { label: doc.title },
        ]}
        badges={
          <>
            <Text size="sm">
              {pm.document.fiscalYear}: <FiscalYearText fy={doc.fiscalYear} />
            </Text>
            <Text size="sm">
              {pm.document.bureau}: {doc.organisationName || doc.bureauName}
            </Text>
          </>
        }
        subtitle={
          <span>
            {pm.document.latestAsOf}: <DateText iso={doc.latestAsOf} />
          </span>
        }
      />
      <Stack gap="lg">
        <DownloadLinks documentId={id} audience="public" />
        <Section id="public-overview-heading" title={doc.overviewTitle || pm.document.overviewHeading} titleGap="md">
          <OverviewMatrix document={doc} audience="public" />
        </Section>
        <Section id="public-mission-heading" title={doc.missionHeading || pm.document.missionHeading} titleGap="md">
          <Paragraphs text={doc.mission} empty={pm.document.noMission} />
        </Section>
        <Section id="public-challenges-heading" title={doc.challengesHeading || pm.public.challengesHeading} titleGap="md">
          <Stack gap="sm" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
            {doc.challenges.map((c) => (
              <li key={c.id}>
                <Group gap="sm" wrap="wrap">
                  <AnchorLink to="/public/policy/challenges/$id" params={{ id: c.id }} fw={600}>
                    {pm.challengeTitle(c.code, c.name)}
                  </AnchorLink>
                  {c.latestProgress && (
                    <>
                      <StatusBadge label={c.latestProgress.status} size="sm" />
                      <Text size="sm" c="dimmed">
                        <AsOfText asOf={c.latestProgress.asOf} asOfLabel={c.latestProgress.asOfLabel} />
                      </Text>
                    </>
                  )}
                </Group>
              </li>
            ))}
          </Stack>
        </Section>
      </Stack>
    </>
  );
}

export function PublicChallengePage({ id }: { id: string }) {
  const challenge = usePublicChallenge(id);
  if (challenge.isPending) return <Loading />;
  if (challenge.error) {
    return (
      <>
        <PageHeader
          title={pm.public.challengeNotFound}
          breadcrumbs={[
            { label: m.publicHome.title, href: "/public" },
            { label: pm.public.listTitle, href: "/public/policy" },
            { label: pm.public.challengeNotFound },
          ]}
        />
        <ErrorAlert error={challenge.error} />
      </>
    );
  }
  const c = challenge.data;
  const history = [...c.progress].sort((a, b) => b.asOf.localeCompare(a.asOf) || b.createdAt.localeCompare(a.createdAt));
  return (
    <>
      <PageHeader
        title={pm.challengeTitle(c.code, c.name)}
        documentTitle={pm.challengeDocTitle(c.code, c.name)}
        breadcrumbs={[
          { label: m.publicHome.title, href: "/public" },
          { label: pm.public.listTitle, href: "/public/policy" },
          { label: c.document.title, href: `/public/policy/${c.documentId}` },
          { label: pm.challengeCode(c.code) },
        ]}
        badges={
          <Text size="sm">
            <FiscalYearText fy={c.document.fiscalYear} /> ／ {c.document.organisationName || c.document.bureauName}
          </Text>
        }
      />
      <Stack gap="lg">
        <Section
          id="public-challenge-parts"
          title={
            <>
              {pm.challenge.code} {c.code}
            </>
          }
          titleGap="xs"
        >
          <ChallengeParts challenge={c} headingLevel={3} />
        </Section>
        <Section id="public-challenge-progress" title={pm.challenge.history} titleGap="md">
          {history.length === 0 ? (
            <Text>{pm.challenge.noProgress}</Text>
          ) : (
            <Stack gap="lg" component="ol" style={{ listStyle: "none", padding: 0, margin: 0 }}>
              {history.map((entry) => (
                <li key={entry.id}>
                  <ProgressBlock entry={entry} />
                </li>
              ))}
            </Stack>
          )}
        </Section>
        <AnchorLink to="/public/policy/$id" params={{ id: c.documentId }}>
          {pm.public.toDocument}
        </AnchorLink>
      </Stack>
    </>
  );
}
