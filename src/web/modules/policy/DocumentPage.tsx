// /policy/documents/$id: header (年度, 状態, 公開/非公開, 印刷, downloads), 組織の使命 and the 概要 matrix.

import { Alert, Button, Group, Loader, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { deleteDocument, publishDocument } from "../../../common/api/policy";
import { call } from "../../api/client";
import { m } from "../../messages";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { DateText, DateTimeText, FiscalYearText } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { useFlash } from "../../ui/Flash";
import { AnchorLink, ButtonLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { Section } from "../../ui/Section";
import { DocumentStatusBadge, DownloadLinks, OverviewMatrix, Paragraphs } from "./components";
import { EditDocumentModal } from "./EditDocumentModal";
import { pm } from "./messages";
import { policyKeys, useDocument, useStatuses } from "./queries";

export function DocumentPage({ id }: { id: string }) {
  const document = useDocument(id);
  const statuses = useStatuses();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const flash = useFlash();
  const [editOpened, edit] = useDisclosure(false);

  if (document.isPending) {
    return (
      <Group role="status" gap="xs">
        <Loader size="sm" />
        <Text>{m.common.loading}</Text>
      </Group>
    );
  }
  if (document.error) {
    return (
      <>
        <PageHeader
          title={pm.document.notFound}
          breadcrumbs={[{ label: pm.moduleName, href: "/policy" }, { label: pm.document.notFound }]}
        />
        <ErrorAlert error={document.error} />
      </>
    );
  }
  const doc = document.data;

  async function setPublished(published: boolean) {
    const updated = await call(publishDocument, { params: { id }, body: { published } });
    queryClient.setQueryData(policyKeys.document(id), updated);
    queryClient.invalidateQueries({ queryKey: ["policy", "documents"] });
    queryClient.invalidateQueries({ queryKey: ["public"] });
    flash.show(published ? pm.document.published : pm.document.unpublished);
  }

  async function remove() {
    await call(deleteDocument, { params: { id } });
    queryClient.invalidateQueries({ queryKey: policyKeys.all });
    flash.show(pm.document.deleted);
    navigate({ to: "/policy" });
  }

  return (
    <>
      <PageHeader
        title={doc.title}
        breadcrumbs={[{ label: pm.moduleName, href: "/policy" }, { label: doc.title }]}
        badges={
          <>
            <DocumentStatusBadge status={doc.status} />
            <Text size="sm">
              {pm.document.fiscalYear}: <FiscalYearText fy={doc.fiscalYear} />
            </Text>
            <Text size="sm">
              {pm.document.bureau}: {doc.organisationName || doc.bureauName}
            </Text>
          </>
        }
        subtitle={
          <Group gap="lg" wrap="wrap">
            <span>
              {pm.document.latestAsOf}: <DateText iso={doc.latestAsOf} />
            </span>
            {doc.publishedAt && (
              <span>
                {pm.document.publishedAt}: <DateTimeText timestamp={doc.publishedAt} />
              </span>
            )}
            <span>
              {pm.document.updatedAt}: <DateTimeText timestamp={doc.updatedAt} />
            </span>
          </Group>
        }
        actions={
          <>
            {doc.canEdit &&
              (doc.status === "published" ? (
                <ConfirmButton
                  variant="default"
                  message={pm.document.unpublishConfirm}
                  onConfirm={() => setPublished(false)}
                  confirmLabel={pm.document.unpublish}
                >
                  {pm.document.unpublish}
                </ConfirmButton>
              ) : (
                <ConfirmButton message={pm.document.publishConfirm} onConfirm={() => setPublished(true)} confirmLabel={pm.document.publish}>
                  {pm.document.publish}
                </ConfirmButton>
              ))}
            {doc.canEdit && (
              <Button variant="default" onClick={edit.open}>
                {pm.document.edit}
              </Button>
            )}
            <ButtonLink to="/policy/documents/$id/print" params={{ id }} variant="default">
              {pm.document.print}
            </ButtonLink>
            {doc.canEdit && doc.status === "draft" && (
              <ConfirmButton
                variant="subtle"
                color="red"
                c="#9b1c1c"
                confirmColor="red.9"
                message={pm.document.deleteConfirm}
                onConfirm={remove}
                confirmLabel={pm.document.delete}
              >
                {pm.document.delete}
              </ConfirmButton>
            )}
          </>
        }
      />
      <Stack gap="lg">
        <Group justify="space-between" wrap="wrap" className="yk-no-print">
          <DownloadLinks documentId={id} audience="staff" />
          <ButtonLink to="/policy/documents/$id/challenges" params={{ id }} variant="light">
            {pm.document.challengesLinkCount(doc.challenges.length)}
          </ButtonLink>
        </Group>
        {!doc.canEdit && (
          <Alert variant="light" color="gray" role="note">
            {pm.document.readOnly}
          </Alert>
        )}

        <Section id="doc-overview-heading" title={doc.overviewTitle || pm.document.overviewHeading} titleGap="md">
          <OverviewMatrix document={doc} audience="staff" statuses={statuses.data?.items} />
        </Section>

        <Section id="doc-mission-heading" title={doc.missionHeading || pm.document.missionHeading} titleGap="md">
          <Paragraphs text={doc.mission} empty={pm.document.noMission} />
        </Section>

        <Section
          id="doc-challenges-heading"
          title={doc.challengesHeading || pm.document.challengesHeading}
          actions={
            <AnchorLink to="/policy/documents/$id/challenges" params={{ id }}>
              {pm.document.challengesLink}
            </AnchorLink>
          }
        >
          <Stack gap={4} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
            {doc.challenges.map((challenge) => (
              <li key={challenge.id}>
                <AnchorLink to="/policy/challenges/$id" params={{ id: challenge.id }}>
                  {pm.challengeTitle(challenge.code, challenge.name)}
                </AnchorLink>
                {challenge.ownerOrganisationName ? (
                  <Text span size="sm" c="dimmed">
                    {pm.parenthesised(challenge.ownerOrganisationName)}
                  </Text>
                ) : null}
              </li>
            ))}
          </Stack>
        </Section>
      </Stack>
      {editOpened && <EditDocumentModal document={doc} opened={editOpened} onClose={edit.close} />}
    </>
  );
}
