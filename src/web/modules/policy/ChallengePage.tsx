// /policy/challenges/$id: ①–④ (with the ※ analysis note), ⑤ progress history (newest first), 進捗を追加,
// and an edit form for ①–④, 分類 and 担当課 (both in ChallengeForms.tsx). Edit controls only when the document says
// canEdit.

import { Alert, Button, Divider, Grid, Group, Loader, Paper, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { m } from "../../messages";
import { FiscalYearText } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { AnchorLink, ButtonLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { Section } from "../../ui/Section";
import { StatusBadge, toneOf } from "../../ui/StatusBadge";
import { AddProgressForm, EditChallengeModal } from "./ChallengeForms";
import { ChallengeParts, DocumentStatusBadge, ProgressBlock } from "./components";
import { pm } from "./messages";
import { useChallenge, useDocument, useStatuses } from "./queries";

export function ChallengePage({ id }: { id: string }) {
  const challenge = useChallenge(id);
  const statuses = useStatuses();
  const documentId = challenge.data?.documentId ?? "";
  const document = useDocument(documentId);
  const [editOpened, edit] = useDisclosure(false);

  if (challenge.isPending) {
    return (
      <Group role="status" gap="xs">
        <Loader size="sm" />
        <Text>{m.common.loading}</Text>
      </Group>
    );
  }
  if (challenge.error) {
    return (
      <>
        <PageHeader
          title={pm.challenge.notFound}
          breadcrumbs={[{ label: pm.moduleName, href: "/policy" }, { label: pm.challenge.notFound }]}
        />
        <ErrorAlert error={challenge.error} />
      </>
    );
  }
  const c = challenge.data;
  const canEdit = c.document.canEdit;
  const history = [...c.progress].sort((a, b) => b.asOf.localeCompare(a.asOf) || b.createdAt.localeCompare(a.createdAt));
  const latestStatus = history[0]?.status ?? null;

  return (
    <>
      <PageHeader
        title={pm.challengeTitle(c.code, c.name)}
        documentTitle={pm.challengeDocTitle(c.code, c.name)}
        breadcrumbs={[
          { label: pm.moduleName, href: "/policy" },
          { label: c.document.title, href: `/policy/documents/${c.documentId}` },
          { label: pm.challenge.toChallengeList, href: `/policy/documents/${c.documentId}/challenges` },
          { label: pm.challengeCode(c.code) },
        ]}
        badges={
          <>
            <StatusBadge label={latestStatus} tone={toneOf(statuses.data?.items, latestStatus)} />
            <DocumentStatusBadge status={c.document.status} />
            <Text size="sm">
              <FiscalYearText fy={c.document.fiscalYear} />
            </Text>
          </>
        }
        actions={
          <>
            {canEdit && (
              <Button variant="default" onClick={edit.open}>
                {pm.challenge.edit}
              </Button>
            )}
            <ButtonLink to="/policy/documents/$id" params={{ id: c.documentId }} variant="default">
              {pm.challenge.backToDocument}
            </ButtonLink>
          </>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <Section
              id="challenge-parts-heading"
              title={
                <>
                  {pm.challenge.code} {c.code}
                </>
              }
              titleGap="xs"
            >
              <ChallengeParts challenge={c} headingLevel={3} />
            </Section>

            <Section id="challenge-history-heading" title={pm.challenge.history} titleGap="md">
              {history.length === 0 ? (
                <Text>{pm.challenge.noProgress}</Text>
              ) : (
                <Stack
                  gap="md"
                  component="ol"
                  style={{ listStyle: "none", padding: 0, margin: 0 }}
                  aria-label={pm.challenge.historyCaption}
                >
                  {history.map((entry, index) => (
                    <li key={entry.id}>
                      {index > 0 && <Divider mb="md" />}
                      <ProgressBlock entry={entry} statuses={statuses.data?.items} showMeta />
                    </li>
                  ))}
                </Stack>
              )}
            </Section>

            {canEdit && <AddProgressForm challenge={c} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder p="lg" component="aside" aria-label={pm.challenge.infoLabel}>
            <Stack gap="sm" component="dl" style={{ margin: 0 }}>
              <div>
                <Text component="dt" size="sm" fw={700}>
                  {pm.challenge.document}
                </Text>
                <Text component="dd" m={0}>
                  <AnchorLink to="/policy/documents/$id" params={{ id: c.documentId }}>
                    {c.document.title}
                  </AnchorLink>
                </Text>
              </div>
              <div>
                <Text component="dt" size="sm" fw={700}>
                  {pm.challenge.area}
                </Text>
                <Text component="dd" m={0}>
                  {document.data?.areas.find((a) => a.code === c.areaCode)?.label ?? c.areaCode}
                </Text>
              </div>
              <div>
                <Text component="dt" size="sm" fw={700}>
                  {pm.challenge.category}
                </Text>
                <Text component="dd" m={0}>
                  {c.category ?? pm.challenge.noCategory}
                </Text>
              </div>
              <div>
                <Text component="dt" size="sm" fw={700}>
                  {pm.challenge.owner}
                </Text>
                <Text component="dd" m={0}>
                  {c.ownerOrganisationName ?? pm.challenge.noOwner}
                </Text>
              </div>
              {c.analysisYear !== null && (
                <div>
                  <Text component="dt" size="sm" fw={700}>
                    {pm.challenge.analysisNote}
                  </Text>
                  <Text component="dd" m={0}>
                    <FiscalYearText fy={c.analysisYear} />
                  </Text>
                </div>
              )}
            </Stack>
          </Paper>
          {!canEdit && (
            <Alert variant="light" color="gray" mt="md" role="note">
              {pm.document.readOnly}
            </Alert>
          )}
        </Grid.Col>
      </Grid>
      {editOpened && (
        <EditChallengeModal challenge={c} opened={editOpened} onClose={edit.close} categories={document.data?.categories ?? []} />
      )}
    </>
  );
}
