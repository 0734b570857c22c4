// Pieces shared by the staff, print and public pages of the policy module.

import { Badge, Button, Group, Stack, Text, Title } from "@mantine/core";
import { Fragment } from "react";
import {
  exportDocument,
  exportPublicDocument,
  POLICY_EXPORT_FORMATS,
  type PolicyDocumentDetail,
  type PolicyStatus,
} from "../../../common/api/policy";
import { urlFor } from "../../api/client";
import { DateText, DateTimeText } from "../../ui/dates";
import { AnchorLink } from "../../ui/links";
import { StatusBadge, toneOf } from "../../ui/StatusBadge";
import { pm } from "./messages";

/** staff and public link the challenges; print and preview (import confirmation) do not. */
export type Audience = "staff" | "public" | "print" | "preview";

interface MatrixChallenge {
  id: string;
  code: string;
  number: number;
  latestProgress: { status: string | null } | null;
}

export function DocumentStatusBadge({ status }: { status: "draft" | "published" }) {
  return status === "published" ? (
    <Badge radius="sm" variant="filled" styles={{ root: { background: "#1e5631", color: "#fff", textTransform: "none" } }}>
      {pm.documentStatus.published}
    </Badge>
  ) : (
    <Badge
      radius="sm"
      variant="outline"
      styles={{ root: { color: "#495057", borderColor: "#868e96", background: "#fff", textTransform: "none" } }}
    >
      {pm.documentStatus.draft}
    </Badge>
  );
}

/** Paragraphs separated by blank lines, each keeping its own line breaks. */
export function Paragraphs({ text, empty }: { text: string | null | undefined; empty?: string }) {
  const paragraphs = (text ?? "")
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (paragraphs.length === 0) return empty ? <Text className="yk-muted">{empty}</Text> : null;
  return (
    <>
      {paragraphs.map((paragraph, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs have no identity of their own
        <Text key={index} className="yk-prewrap" mb="sm" style={{ textIndent: "1em" }}>
          {paragraph}
        </Text>
      ))}
    </>
  );
}

function ChallengeLink({ audience, id, children }: { audience: Audience; id: string; children: React.ReactNode }) {
  if (audience === "print" || audience === "preview") return <span className="yk-matrix-title">{children}</span>;
  if (audience === "public") {
    return (
      <AnchorLink to="/public/policy/challenges/$id" params={{ id }} className="yk-matrix-title">
        {children}
      </AnchorLink>
    );
  }
  return (
    <AnchorLink to="/policy/challenges/$id" params={{ id }} className="yk-matrix-title">
      {children}
    </AnchorLink>
  );
}

/** 概要: areas as columns × categories as rows, as on the first page of the document. */
export function OverviewMatrix({
  document,
  audience,
  statuses,
}: {
  document: Pick<PolicyDocumentDetail, "overviewTitle" | "areas" | "categories" | "overview"> & { challenges: readonly MatrixChallenge[] };
  audience: Audience;
  statuses?: readonly PolicyStatus[];
}) {
  if (document.overview.length === 0 || document.areas.length === 0) return <Text className="yk-muted">{pm.matrix.noOverview}</Text>;
  const byCode = new Map(document.challenges.map((challenge) => [challenge.code, challenge]));
  const categories = [...document.categories];
  for (const item of document.overview) if (!categories.includes(item.category)) categories.push(item.category);
  return (
    <div className="yk-matrix-scroll">
      <table className="yk-matrix">
        <caption className="yk-visually-hidden">{pm.matrix.caption(document.overviewTitle || pm.document.overviewHeading)}</caption>
        <thead>
          <tr>
            <td aria-hidden="true" style={{ background: "#e3eaf5", width: "8.5rem" }} />
            {document.areas.map((area) => (
              <th key={area.code} scope="col">
                {area.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {categories.map((category) => (
            <tr key={category}>
              <th scope="row">{category}</th>
              {document.areas.map((area) => {
                const items = document.overview.filter((item) => item.category === category && item.areaCode === area.code);
                return (
                  <td key={area.code}>
                    {items.length === 0 ? <span className="yk-visually-hidden">{pm.matrix.empty}</span> : null}
                    {items.map((item, index) => {
                      const challenge = item.challengeCode ? byCode.get(item.challengeCode) : undefined;
                      const number = challenge ? challenge.number : item.challengeCode?.replace(/^[A-Z]+/, "").replace(/[()（）]/g, "");
                      const status = challenge?.latestProgress?.status ?? null;
                      return (
                        // biome-ignore lint/suspicious/noArrayIndexKey: overview items are positional
                        <div key={index} className="yk-matrix-item">
                          {item.title !== null && (
                            <div>
                              {challenge ? (
                                <ChallengeLink audience={audience} id={challenge.id}>
                                  ({number}){item.title}
                                </ChallengeLink>
                              ) : (
                                <span className="yk-matrix-title">
                                  {number ? `(${number})` : ""}
                                  {item.title}
                                </span>
                              )}
                              {status && audience !== "print" ? (
                                <span style={{ marginLeft: 6 }}>
                                  <StatusBadge label={status} tone={toneOf(statuses, status)} size="sm" />
                                </span>
                              ) : null}
                              {status && audience === "print" ? <span>{pm.parenthesised(status)}</span> : null}
                            </div>
                          )}
                          {item.bullets.length > 0 && (
                            <ul>
                              {item.bullets.map((bullet, bulletIndex) => (
                                // biome-ignore lint/suspicious/noArrayIndexKey: bullets are positional
                                <li key={bulletIndex}>{bullet}</li>
                              ))}
                            </ul>
                          )}
                        </div>
                      );
                    })}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface ChallengeTextParts {
  name: string;
  content: string;
  background: string;
  approachHeading: string;
  approach: string;
  analysisNote: string | null;
}

/** ①–④ of a challenge as a definition list (④ keeps its heading as written, with the ※ analysis note). */
export function ChallengeParts({ challenge, headingLevel = 3 }: { challenge: ChallengeTextParts; headingLevel?: 2 | 3 | 4 }) {
  const parts: { term: string; body: React.ReactNode }[] = [
    { term: pm.challenge.parts.name, body: <Text fw={700}>{challenge.name}</Text> },
    { term: pm.challenge.parts.content, body: <Paragraphs text={challenge.content} /> },
    { term: pm.challenge.parts.background, body: <Paragraphs text={challenge.background} /> },
    {
      term: `${pm.challenge.parts.approach} ${challenge.approachHeading}`,
      body: (
        <>
          <Paragraphs text={challenge.approach} />
          {challenge.analysisNote && (
            <Text className="yk-note">
              {challenge.analysisNote.startsWith("※") ? challenge.analysisNote : `※${challenge.analysisNote}`}
            </Text>
          )}
        </>
      ),
    },
  ];
  return (
    <dl className="yk-challenge-part" style={{ margin: 0 }}>
      {parts.map((part) => (
        <Fragment key={part.term}>
          <dt>
            <Title order={headingLevel} size="h4" component="span">
              {part.term}
            </Title>
          </dt>
          <dd>{part.body}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

interface ProgressLike {
  id?: string;
  asOf: string;
  asOfLabel: string;
  text: string;
  status: string | null;
  authorLabel?: string;
  createdAt?: string;
}

/** "令和6年11月末時点" as written, with the 西暦 date beside it. */
export function AsOfText({ asOf, asOfLabel }: { asOf: string; asOfLabel: string }) {
  if (!asOfLabel) return <DateText iso={asOf} />;
  return (
    <time dateTime={asOf}>
      {asOfLabel}
      <span className="yk-western">{pm.parenthesised(asOf)}</span>
    </time>
  );
}

/** One ⑤ entry: 時点, status, text (and, for staff, who recorded it and when). */
export function ProgressBlock({
  entry,
  statuses,
  showMeta,
}: {
  entry: ProgressLike;
  statuses?: readonly PolicyStatus[];
  showMeta?: boolean;
}) {
  return (
    <Stack gap={6}>
      <Group gap="sm" wrap="wrap">
        <Text fw={700}>
          <AsOfText asOf={entry.asOf} asOfLabel={entry.asOfLabel} />
        </Text>
        <StatusBadge label={entry.status} tone={toneOf(statuses, entry.status)} />
      </Group>
      <Paragraphs text={entry.text} />
      {showMeta && entry.createdAt && (
        <Text size="sm" c="dimmed">
          {pm.challenge.author}: {entry.authorLabel ?? "—"} ／ {pm.challenge.createdAt}:{" "}
          <DateTimeText timestamp={entry.createdAt} western="beside" />
        </Text>
      )}
    </Stack>
  );
}

/** PDF / Word / Excel / テキスト download links (staff or public endpoint). */
export function DownloadLinks({ documentId, audience }: { documentId: string; audience: "staff" | "public" }) {
  return (
    <Group gap={6} wrap="wrap" role="group" aria-label={pm.document.downloads}>
      <Text size="sm" fw={600} component="span">
        {pm.document.downloads}:
      </Text>
      {POLICY_EXPORT_FORMATS.map((format) => {
        const href =
          audience === "public"
            ? urlFor(exportPublicDocument, { params: { id: documentId, format } })
            : urlFor(exportDocument, { params: { id: documentId, format } });
        return (
          <Button
            key={format}
            component="a"
            href={href}
            download
            variant="default"
            size="compact-sm"
            title={pm.document.formatDescriptions[format]}
          >
            {pm.document.formats[format]}
          </Button>
        );
      })}
    </Group>
  );
}
