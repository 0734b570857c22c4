// /furusato/exports 「出力の記録」: past 一括出力 runs (when, by whom, rows, fields saved, held, per portal) with the zip
// to download again, and the typing all of them saved (the workload view). The module's staff only.
import { Alert, Anchor, List, Loader, Paper, Text, Title } from "@mantine/core";
import type { ResponseOf } from "../../../common/api/contract";
import { downloadExport, type listExports } from "../../../common/api/furusato";
import { urlFor } from "../../api/client";
import { m } from "../../messages";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateTimeText, splitTimestamp, warekiOf } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { ButtonLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { FurusatoNav, formatNumber } from "./components";
import { fm } from "./messages";
import { useExports, useFurusatoAccess } from "./queries";

type ExportRow = ResponseOf<typeof listExports>["items"][number];

const breadcrumbs = [{ label: fm.moduleName, href: "/furusato" }, { label: fm.exports.title }];

export function ExportsPage() {
  const access = useFurusatoAccess();
  if (access.error) {
    return (
      <>
        <PageHeader title={fm.exports.title} breadcrumbs={breadcrumbs} />
        <ErrorAlert error={access.error} />
      </>
    );
  }
  if (!access.data) return <Loader aria-label={m.common.loading} />;
  if (!access.data.manager) {
    return (
      <>
        <PageHeader title={fm.exports.title} breadcrumbs={breadcrumbs} />
        <FurusatoNav />
        <Alert color="yellow" variant="light" role="status">
          {fm.publish.forbidden}
        </Alert>
      </>
    );
  }
  return <ExportsView />;
}

function whenLabel(timestamp: string): string {
  const parts = splitTimestamp(timestamp);
  return parts ? `${warekiOf(parts.date)} ${parts.time}` : timestamp;
}

function ExportsView() {
  const exports = useExports(true);
  const items = exports.data?.items;
  const totalSaved = (items ?? []).reduce((sum, e) => sum + e.fieldsSaved, 0);
  const columns: Column<ExportRow>[] = [
    {
      key: "createdAt",
      header: fm.exports.createdAt,
      rowHeader: true,
      nowrap: true,
      render: (e) => <DateTimeText timestamp={e.createdAt} />,
    },
    { key: "createdBy", header: fm.exports.createdBy, render: (e) => e.createdBy || fm.exports.unknownUser },
    { key: "rows", header: fm.exports.rows, align: "right", nowrap: true, render: (e) => formatNumber(e.rowCount) },
    { key: "fieldsSaved", header: fm.exports.fieldsSaved, align: "right", nowrap: true, render: (e) => formatNumber(e.fieldsSaved) },
    {
      key: "held",
      header: fm.exports.held,
      align: "right",
      nowrap: true,
      render: (e) =>
        e.heldCount > 0 ? (
          <Text span size="sm" c="#9b1c1c" fw={700}>
            {fm.count(e.heldCount)}
          </Text>
        ) : (
          fm.count(0)
        ),
    },
    {
      key: "portals",
      header: fm.exports.portals,
      render: (e) => {
        const sent = e.portals.filter((p) => p.added + p.changed + p.stopped > 0);
        if (sent.length === 0) return fm.exports.portalNone;
        return (
          <List size="sm" spacing={0} listStyleType="none" pl={0}>
            {sent.map((p) => (
              <List.Item key={p.portalCode}>{fm.exports.portalLine(p.portalName, p.added, p.changed, p.stopped)}</List.Item>
            ))}
          </List>
        );
      },
    },
    {
      key: "download",
      header: fm.exports.download,
      nowrap: true,
      render: (e) => (
        <Anchor
          href={urlFor(downloadExport, { params: { id: e.id } })}
          download
          size="sm"
          aria-label={fm.exports.downloadLabel(whenLabel(e.createdAt))}
        >
          {fm.exports.download}
        </Anchor>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={fm.exports.title}
        breadcrumbs={breadcrumbs}
        subtitle={fm.exports.intro}
        actions={
          <ButtonLink to="/furusato/publish" variant="default">
            {fm.exports.toPublish}
          </ButtonLink>
        }
      />
      <FurusatoNav />
      {items && (
        <Paper withBorder p="md" mb="md" component="section" aria-labelledby="exports-total-heading" maw={640}>
          <Title order={2} size="h5" id="exports-total-heading">
            {fm.exports.totalHeading}
          </Title>
          <Text size="xl" fw={700}>
            {fm.exports.total(totalSaved, items.length)}
          </Text>
          <Text size="xs" c="dimmed">
            {fm.exports.totalHelp}
          </Text>
        </Paper>
      )}
      <DataTable
        caption={fm.exports.caption}
        columns={columns}
        rows={items}
        rowKey={(e) => e.id}
        loading={exports.isFetching && !exports.data}
        error={exports.error}
        empty={fm.exports.empty}
        minWidth={900}
      />
    </>
  );
}
