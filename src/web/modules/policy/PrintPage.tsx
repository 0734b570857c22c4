// /policy/documents/$id/print: the document in the seed's own order (概要, 組織の使命, each 課題 ①–⑤), laid out
// for A4 with a page break before each challenge. No app shell; a 印刷 button calls window.print().

import { Button, Group, Loader, Text } from "@mantine/core";
import { useQueries } from "@tanstack/react-query";
import { getChallenge } from "../../../common/api/policy";
import { call } from "../../api/client";
import { m } from "../../messages";
import { FiscalYearText } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { ButtonLink } from "../../ui/links";
import { useDocumentTitle } from "../../ui/useDocumentTitle";
import { ChallengeParts, OverviewMatrix, Paragraphs, ProgressBlock } from "./components";
import { pm } from "./messages";
import { policyKeys, useDocument } from "./queries";

export function PrintPage({ id }: { id: string }) {
  const document = useDocument(id);
  const challengeIds = document.data?.challenges.map((c) => c.id) ?? [];
  const challenges = useQueries({
    queries: challengeIds.map((challengeId) => ({
      queryKey: policyKeys.challenge(challengeId),
      queryFn: () => call(getChallenge, { params: { id: challengeId } }),
    })),
  });
  useDocumentTitle(document.data ? pm.print.title(document.data.title) : pm.document.print);

  const loading = document.isPending || challenges.some((q) => q.isPending);
  const failed = document.error ?? challenges.find((q) => q.error)?.error;
  const doc = document.data;

  return (
    <div className="yk-print">
      <a className="yk-skip-link" href="#main">
        {m.shell.skipLink}
      </a>
      <header className="yk-print-toolbar">
        <Group justify="space-between" mb="md" wrap="wrap">
          <ButtonLink to="/policy/documents/$id" params={{ id }} variant="default">
            {pm.print.back}
          </ButtonLink>
          <Button onClick={() => window.print()} disabled={loading}>
            {pm.print.printButton}
          </Button>
        </Group>
        <Text size="sm" c="dimmed" mb="md">
          {pm.print.note}
        </Text>
      </header>
      <main id="main" tabIndex={-1}>
        {failed ? <ErrorAlert error={failed} /> : null}
        {loading && !failed && (
          <Group role="status" gap="xs">
            <Loader size="sm" />
            <Text>{m.common.loading}</Text>
          </Group>
        )}
        {doc && !loading && !failed && (
          <article>
            <h1>{doc.overviewTitle || doc.title}</h1>
            <p style={{ textAlign: "right", margin: "0 0 0.5rem" }}>
              <FiscalYearText fy={doc.fiscalYear} /> ／ {doc.organisationName || doc.bureauName}
            </p>
            <OverviewMatrix document={doc} audience="print" />

            <section className="yk-print-page-break">
              <h2 style={{ textAlign: "center", fontSize: "14pt" }}>{doc.title}</h2>
              <h2>{doc.missionHeading || pm.document.missionHeading}</h2>
              <Paragraphs text={doc.mission} />
              <h2>{doc.challengesHeading || pm.document.challengesHeading}</h2>
            </section>

            {challenges.map((query) => {
              const c = query.data;
              if (!c) return null;
              const history = [...c.progress].sort((a, b) => b.asOf.localeCompare(a.asOf));
              const latest = history[0];
              return (
                <section key={c.id} className="yk-print-challenge" aria-labelledby={`print-${c.id}`}>
                  <h3 id={`print-${c.id}`}>{pm.challengeCode(c.code)}</h3>
                  <ChallengeParts challenge={c} headingLevel={4} />
                  <dl className="yk-challenge-part" style={{ margin: 0 }}>
                    <dt>
                      {pm.challenge.parts.progress}
                      {latest ? pm.print.asOfNote(latest.asOfLabel) : ""}
                    </dt>
                    <dd>{latest ? <ProgressBlock entry={latest} /> : <Text>{pm.challenge.noProgress}</Text>}</dd>
                  </dl>
                </section>
              );
            })}
          </article>
        )}
      </main>
    </div>
  );
}
