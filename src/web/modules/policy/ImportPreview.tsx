// The 確認 step of /policy/import: what the parser read from the text (issues first, then the document as it would be
// saved) — nothing is saved yet.
import { Accordion, Alert, List, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { Ref } from "react";
import type { ResponseOf } from "../../../common/api/contract";
import type { previewImport } from "../../../common/api/policy";
import { ChallengeParts, OverviewMatrix, Paragraphs, ProgressBlock } from "./components";
import { pm } from "./messages";

export type Preview = ResponseOf<typeof previewImport>;
type Issue = Preview["issues"][number];

function IssueList({ issues }: { issues: Issue[] }) {
  return (
    <List size="sm" spacing={4}>
      {issues.map((issue, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: issues have no identity
        <List.Item key={index}>
          {issue.line ? `${pm.import.line(issue.line)}: ` : ""}
          {issue.challengeCode ? pm.import.issueChallenge(issue.challengeCode) : ""}
          {issue.message}
        </List.Item>
      ))}
    </List>
  );
}

/**
 * `stale`: the text was changed after this preview (saving is then refused until 解析 runs again). `headingRef` takes
 * the focus when a preview arrives.
 */
export function ImportPreview({ result, stale, headingRef }: { result: Preview; stale: boolean; headingRef: Ref<HTMLHeadingElement> }) {
  const errors = result.issues.filter((issue) => issue.severity === "error");
  const warnings = result.issues.filter((issue) => issue.severity === "warning");
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="import-step-confirm">
      <Title order={2} id="import-step-confirm" mb="sm" className="yk-section-title" tabIndex={-1} ref={headingRef}>
        {pm.import.stepConfirm}
      </Title>
      <Stack gap="md">
        {stale && (
          <Alert color="yellow" variant="light" role="alert" styles={{ message: { color: "#5c3c00" } }}>
            {pm.import.changedSinceParse}
          </Alert>
        )}
        {errors.length > 0 && (
          <Alert color="red" variant="light" title={pm.import.errorsHeading(errors.length)} role="alert">
            <Text size="sm" mb={4}>
              {pm.import.errorsHelp}
            </Text>
            <IssueList issues={errors} />
          </Alert>
        )}
        {warnings.length > 0 && (
          <Alert color="yellow" variant="light" title={pm.import.warningsHeading(warnings.length)} styles={{ title: { color: "#5c3c00" } }}>
            <Text size="sm" mb={4}>
              {pm.import.warningsHelp}
            </Text>
            <IssueList issues={warnings} />
          </Alert>
        )}
        {errors.length === 0 && warnings.length === 0 && (
          <Alert color="green" variant="light" role="status" styles={{ message: { color: "#1e5631" } }}>
            {pm.import.noIssues}
          </Alert>
        )}

        <SimpleGrid cols={{ base: 1, md: 3 }} component="dl" style={{ margin: 0 }}>
          <div>
            <Text component="dt" size="sm" fw={700}>
              {pm.import.bureauParsed}
            </Text>
            <Text component="dd" m={0}>
              {result.document.bureauName || "—"}
            </Text>
          </div>
          <div>
            <Text component="dt" size="sm" fw={700}>
              {pm.import.docTitle}
            </Text>
            <Text component="dd" m={0}>
              {result.document.title || "—"}
            </Text>
          </div>
          <div>
            <Text component="dt" size="sm" fw={700}>
              {pm.import.overviewTitle}
            </Text>
            <Text component="dd" m={0}>
              {result.document.overviewTitle || "—"}
            </Text>
          </div>
        </SimpleGrid>

        <div>
          <Title order={3} mb="xs">
            {pm.import.overview}
          </Title>
          <OverviewMatrix
            audience="preview"
            document={{
              ...result.document,
              challenges: result.document.challenges.map((challenge) => ({
                id: challenge.code,
                code: challenge.code,
                number: challenge.number,
                latestProgress: challenge.progress.at(-1) ?? null,
              })),
            }}
          />
        </div>

        <div>
          <Title order={3} mb="xs">
            {result.document.missionHeading || pm.import.mission}
          </Title>
          <Paragraphs text={result.document.mission} empty="—" />
        </div>

        <div>
          <Title order={3} mb="xs">
            {pm.import.challenges(result.document.challenges.length)}
          </Title>
          <Accordion multiple variant="contained" chevronPosition="left">
            {result.document.challenges.map((challenge) => (
              <Accordion.Item key={challenge.code} value={challenge.code}>
                <Accordion.Control>{pm.challengeTitle(challenge.code, challenge.name)}</Accordion.Control>
                <Accordion.Panel>
                  <ChallengeParts challenge={challenge} headingLevel={4} />
                  <Text fw={700} mt="md">
                    {pm.challenge.parts.progress}
                  </Text>
                  <Stack gap="sm" mt={4} ml="lg">
                    {challenge.progress.map((entry) => (
                      <ProgressBlock key={entry.asOf + entry.asOfLabel} entry={entry} />
                    ))}
                  </Stack>
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </div>
      </Stack>
    </Paper>
  );
}
