// The plan of 「一括出力」 (PublishPage.tsx): one card per portal (counts, template changes, characters the encoding
// cannot hold, listings no longer exported, the lists behind the counts) and the table of held listings.
import { Accordion, Alert, Group, List, Paper, Stack, Table, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import type { PublishPlan } from "../../../common/api/furusato";
import { AnchorLink } from "../../ui/links";
import { SeverityBadge } from "./components";
import { fm } from "./messages";

type PortalDiff = PublishPlan["diff"][number];

/** Gift code → id, so that codes can link to the gift pages. */
export type GiftIds = ReadonlyMap<string, string>;

function GiftCode({ code, ids }: { code: string; ids: GiftIds }) {
  const id = ids.get(code);
  return id ? (
    <AnchorLink to="/furusato/gifts/$id" params={{ id }} className="yk-code">
      {code}
    </AnchorLink>
  ) : (
    <span className="yk-code">{code}</span>
  );
}

function GiftCodeList({ codes, ids }: { codes: readonly string[]; ids: GiftIds }) {
  return (
    <List size="sm" spacing={2}>
      {codes.map((code) => (
        <List.Item key={code}>
          <GiftCode code={code} ids={ids} />
        </List.Item>
      ))}
    </List>
  );
}

function CountCell({ label, value }: { label: string; value: number }) {
  return (
    <Stack gap={0} align="center" style={{ minWidth: "4.5rem" }}>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="lg" fw={700} component="dd" m={0}>
        {fm.count(value)}
      </Text>
    </Stack>
  );
}

function codePoint(char: string): string {
  const cp = char.codePointAt(0);
  return cp === undefined ? "" : `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
}

export function PortalCard({ diff, ids }: { diff: PortalDiff; ids: GiftIds }) {
  const headingId = `publish-portal-${diff.portalCode}`;
  const lists: { key: string; label: string; count: number; body: ReactNode }[] = [
    {
      key: "added",
      label: fm.publish.added,
      count: diff.added.length,
      body: <GiftCodeList codes={diff.added} ids={ids} />,
    },
    {
      key: "changed",
      label: fm.publish.changed,
      count: diff.changed.length,
      body: (
        <List size="sm" spacing={4}>
          {diff.changed.map((c) => (
            <List.Item key={c.giftCode}>
              <Group gap={6} wrap="wrap">
                <GiftCode code={c.giftCode} ids={ids} />
                {c.reopened && <SeverityBadge severity="warning">{fm.publish.reopened}</SeverityBadge>}
              </Group>
              {c.fields.length > 0 && (
                <Text size="xs" c="dimmed">
                  {fm.publish.changedFields(c.fields.join(fm.listSep))}
                </Text>
              )}
            </List.Item>
          ))}
        </List>
      ),
    },
    {
      key: "stopped",
      label: fm.publish.stopped,
      count: diff.stopped.length,
      body: <GiftCodeList codes={diff.stopped} ids={ids} />,
    },
  ];
  const expandable = lists.filter((l) => l.count > 0);
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId}>
      <Group justify="space-between" wrap="wrap" mb="xs">
        <Title order={3} size="h4" id={headingId}>
          {diff.portalName}
        </Title>
        <Text size="sm" fw={600}>
          {fm.publish.portalFieldsSaved(diff.fieldEditsAvoided)}
        </Text>
      </Group>
      <Group component="dl" gap="md" wrap="wrap" m={0} mb="xs">
        {lists.map((list) => (
          <CountCell key={list.key} label={list.label} value={list.count} />
        ))}
        <CountCell label={fm.publish.unchanged} value={diff.unchanged} />
      </Group>
      <Text size="xs" c="dimmed" mb="xs" style={{ wordBreak: "break-all" }}>
        {diff.file ? fm.publish.portalFile(diff.file) : fm.publish.portalNoFile}
      </Text>
      <Stack gap="xs">
        {diff.templateChanged && (
          <Alert
            color="yellow"
            variant="light"
            title={fm.publish.templateChangedTitle}
            styles={{ root: { borderLeft: "5px solid #e0a800" } }}
          >
            <Text size="sm">{fm.publish.templateChanged}</Text>
          </Alert>
        )}
        {diff.unencodable.length > 0 && (
          <Alert
            color="red"
            variant="light"
            title={fm.publish.unencodableTitle(diff.unencodable.length)}
            styles={{ root: { borderLeft: "5px solid #e03131" } }}
          >
            <Text size="sm" mb="xs">
              {fm.publish.unencodableHelp}
            </Text>
            <Table.ScrollContainer minWidth={420} type="native">
              <Table withTableBorder verticalSpacing={4} className="yk-table">
                <caption className="yk-visually-hidden">{fm.publish.unencodableCaption}</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col" style={{ textAlign: "right" }}>
                      {fm.publish.unencodableRow}
                    </Table.Th>
                    <Table.Th scope="col">{fm.publish.unencodableColumn}</Table.Th>
                    <Table.Th scope="col">{fm.publish.unencodableChar}</Table.Th>
                    <Table.Th scope="col">{fm.publish.unencodableGift}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {diff.unencodable.map((cell) => (
                    <Table.Tr key={`${cell.row}-${cell.column}-${cell.char}`}>
                      <Table.Td style={{ textAlign: "right" }}>{cell.row}</Table.Td>
                      <Table.Td>{cell.header}</Table.Td>
                      <Table.Td>
                        <Text span fw={700} c="#9b1c1c">
                          {cell.char}
                        </Text>
                        <Text span size="xs" c="dimmed">
                          {fm.publish.unencodableCodePoint(codePoint(cell.char))}
                        </Text>
                      </Table.Td>
                      <Table.Td>{cell.giftCode ? <GiftCode code={cell.giftCode} ids={ids} /> : fm.dash}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Alert>
        )}
        {diff.missing.length > 0 && (
          <Alert color="orange" variant="light" title={fm.publish.missingTitle(diff.missing.length)}>
            <Text size="sm" mb={4}>
              {fm.publish.missingHelp}
            </Text>
            <Group gap="xs" wrap="wrap" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
              {diff.missing.map((code) => (
                <li key={code}>
                  <GiftCode code={code} ids={ids} />
                </li>
              ))}
            </Group>
          </Alert>
        )}
        {expandable.length > 0 && (
          <Accordion multiple variant="contained" chevronPosition="left">
            {expandable.map((list) => (
              <Accordion.Item key={list.key} value={list.key}>
                <Accordion.Control>{fm.publish.showList(list.label, list.count)}</Accordion.Control>
                <Accordion.Panel>{list.body}</Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        )}
      </Stack>
    </Paper>
  );
}

// ------------------------------------------------------------------ held

export function HeldSection({ plan, ids }: { plan: PublishPlan; ids: GiftIds }) {
  const names = new Map(plan.diff.map((d) => [d.portalCode, d.portalName]));
  const held = [...plan.held].sort((a, b) => a.giftCode.localeCompare(b.giftCode) || a.portalCode.localeCompare(b.portalCode));
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="publish-held-heading">
      <Group justify="space-between" wrap="wrap" mb="xs">
        <Title order={2} id="publish-held-heading" className="yk-section-title">
          {fm.publish.heldHeading}
        </Title>
        {held.length > 0 && <SeverityBadge severity="error">{fm.count(held.length)}</SeverityBadge>}
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {fm.publish.heldIntro}
      </Text>
      {held.length === 0 ? (
        <Text size="sm">{fm.publish.heldEmpty}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640} type="native">
          <Table withTableBorder verticalSpacing="xs" className="yk-table">
            <caption className="yk-visually-hidden">{fm.publish.heldCaption}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{fm.publish.heldGift}</Table.Th>
                <Table.Th scope="col">{fm.publish.heldPortal}</Table.Th>
                <Table.Th scope="col">{fm.publish.heldReasons}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {held.map((h) => (
                <Table.Tr key={`${h.giftCode}-${h.portalCode}`} style={{ boxShadow: "inset 5px 0 0 #e03131" }}>
                  <Table.Th scope="row" style={{ fontWeight: 600, whiteSpace: "nowrap" }}>
                    <GiftCode code={h.giftCode} ids={ids} />
                  </Table.Th>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{names.get(h.portalCode) ?? h.portalCode}</Table.Td>
                  <Table.Td>
                    <List size="sm" spacing={2}>
                      {h.reasons.map((reason) => (
                        <List.Item key={reason}>
                          <Text span size="sm" c="#9b1c1c" fw={600}>
                            {reason}
                          </Text>
                        </List.Item>
                      ))}
                    </List>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
