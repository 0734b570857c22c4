// /admin/audit: searchable audit log (text; 利用者, 種類 and 操作 pickers in Japanese; date range in 和暦 or 西暦),
// paging; names instead of ids (the actor's name, the record's name or a link to it); a row expands to the
// before/after difference; CSV / Excel export of the same search.
import { Button, Code, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { type AuditEntry, exportAudit, listAudit, listAuditActors } from "../../common/api/platform";
import { auditActionLabel, auditEntityLabel } from "../../common/audit-labels";
import { call, urlFor } from "../api/client";
import { m } from "../messages";
import { type Column, DataTable } from "../ui/DataTable";
import { DateTimeText } from "../ui/dates";
import { InternalLink } from "../ui/InternalLink";
import { PageHeader } from "../ui/PageHeader";
import { type AuditFilter, AuditFilterForm } from "./AuditFilterForm";

/** Where a record of each kind is shown (the log's own ids; other kinds have no page of their own). */
const RECORD_PAGES: Record<string, (id: string) => string> = {
  policy_document: (id) => `/policy/documents/${id}`,
  policy_challenge: (id) => `/policy/challenges/${id}`,
  furusato_gift: (id) => `/furusato/gifts/${id}`,
  furusato_supplier: (id) => `/furusato/suppliers/${id}`,
  furusato_donation: (id) => `/furusato/donations/${id}`,
  furusato_donation_mapping: (id) => `/furusato/mappings/${id}`,
  vision_node: (id) => `/vision/nodes/${id}`,
  vision_indicator: (id) => `/vision/indicators/${id}`,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The record a row is about: its kind in Japanese, then its name, or a link to it, never a bare UUID. */
function AuditTarget({ entry }: { entry: AuditEntry }) {
  const kind = auditEntityLabel(entry.entityType);
  const page = entry.entityId && UUID.test(entry.entityId) ? RECORD_PAGES[entry.entityType] : undefined;
  return (
    <>
      <Text size="sm" fw={600} component="span" style={{ display: "block" }}>
        {kind}
      </Text>
      {entry.entityName ? (
        <Text size="sm" component="span">
          {entry.entityName}
        </Text>
      ) : page && entry.entityId ? (
        <InternalLink href={page(entry.entityId)} size="sm" underline="always">
          {m.admin.auditOpenRecord(kind)}
        </InternalLink>
      ) : null}
    </>
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  if (value === undefined) return "—";
  if (typeof value === "string") return value;
  return JSON.stringify(value, null, 2);
}

/** The before/after difference of one audit row: changed fields side by side, unchanged ones counted. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  if (before == null && after == null) return <Text size="sm">{m.admin.auditNoDiff}</Text>;
  if (!isRecord(before ?? {}) || !isRecord(after ?? {})) {
    return (
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <div>
          <Text fw={700} size="sm">
            {m.admin.auditBefore}
          </Text>
          <Code block>{show(before)}</Code>
        </div>
        <div>
          <Text fw={700} size="sm">
            {m.admin.auditAfter}
          </Text>
          <Code block>{show(after)}</Code>
        </div>
      </SimpleGrid>
    );
  }
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const changed = keys.filter((key) => JSON.stringify(b[key]) !== JSON.stringify(a[key]));
  const unchanged = keys.length - changed.length;
  return (
    <Stack gap="xs">
      <Table withTableBorder withColumnBorders verticalSpacing="xs" className="yk-diff">
        <caption className="yk-visually-hidden">{m.admin.auditDiffCaption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{m.admin.auditDiffField}</Table.Th>
            <Table.Th scope="col">{m.admin.auditBefore}</Table.Th>
            <Table.Th scope="col">{m.admin.auditAfter}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {changed.map((key) => (
            <Table.Tr key={key}>
              <Table.Th scope="row">{key}</Table.Th>
              <Table.Td className="yk-diff-before">
                <pre>{key in b ? show(b[key]) : "—"}</pre>
              </Table.Td>
              <Table.Td className="yk-diff-after">
                <pre>{key in a ? show(a[key]) : "—"}</pre>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {unchanged > 0 && (
        <Text size="sm" c="dimmed">
          {m.admin.auditUnchanged(unchanged)}
        </Text>
      )}
    </Stack>
  );
}

export function AuditPage() {
  const [filter, setFilter] = useState<AuditFilter>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);

  const query = { ...filter, page, pageSize };
  const entries = useQuery({
    queryKey: ["admin", "audit", query],
    queryFn: () => call(listAudit, { query }),
    placeholderData: keepPreviousData,
  });
  const actors = useQuery({ queryKey: ["admin", "audit", "actors"], queryFn: () => call(listAuditActors) });
  const actorOptions = (actors.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.displayName}（${a.loginId}）` }));

  const columns: Column<AuditEntry>[] = [
    { key: "occurredAt", header: m.admin.auditOccurredAt, nowrap: true, render: (e) => <DateTimeText timestamp={e.occurredAt} /> },
    { key: "actor", header: m.admin.auditActor, render: (e) => e.actorName },
    { key: "action", header: m.admin.auditAction, nowrap: true, render: (e) => auditActionLabel(e.action) },
    { key: "entity", header: m.admin.auditTarget, render: (e) => <AuditTarget entry={e} /> },
    { key: "summary", header: m.admin.auditSummary, rowHeader: true, render: (e) => e.summary },
  ];

  return (
    <>
      <PageHeader
        title={m.admin.auditTitle}
        actions={
          <>
            <Button component="a" variant="default" href={urlFor(exportAudit, { query: { ...filter, format: "csv" } })} download>
              {m.admin.exportCsv}
            </Button>
            <Button component="a" variant="default" href={urlFor(exportAudit, { query: { ...filter, format: "xlsx" } })} download>
              {m.admin.exportXlsx}
            </Button>
          </>
        }
      />
      <AuditFilterForm
        actorOptions={actorOptions}
        onApply={(next) => {
          setFilter(next);
          setPage(1);
        }}
      />
      <DataTable
        caption={m.admin.auditCaption}
        columns={columns}
        rows={entries.data?.items}
        rowKey={(e) => String(e.id)}
        loading={entries.isFetching}
        error={entries.error}
        renderDetail={(e) => (
          <Stack gap="xs">
            <AuditDiff before={e.before} after={e.after} />
            <Text size="xs" c="dimmed">
              {m.admin.auditCodes(e.action, e.entityType)}
              {e.entityId && ` ・ ${m.admin.auditEntityId}: ${e.entityId}`}
            </Text>
            {e.requestId && (
              <Text size="xs" c="dimmed">
                {m.admin.auditRequestId}: {e.requestId}
              </Text>
            )}
          </Stack>
        )}
        paging={{
          page,
          pageSize,
          total: entries.data?.total ?? 0,
          onPageChange: setPage,
          onPageSizeChange: (size) => {
            setPageSize(size);
            setPage(1);
          },
        }}
        minWidth={900}
      />
    </>
  );
}
