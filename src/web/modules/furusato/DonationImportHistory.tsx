// 寄附データの取込 (DonationImportPage.tsx): the two sample files and the history of imports.
import { Anchor, List, Paper, Text, Title } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { listDonationImports, sampleDonationFile } from "../../../common/api/furusato-ledger";
import { call, urlFor } from "../../api/client";
import type { Column } from "../../ui/DataTable";
import { DateTimeText } from "../../ui/dates";
import { formatNumber } from "./components";
import { HistoryTable } from "./HistoryTable";
import { lm } from "./ledgerMessages";
import { ledgerKeys } from "./ledgerQueries";
import { usePortals } from "./queries";

const t = lm.import;

export function SamplesSection() {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="import-samples-heading">
      <Title order={2} id="import-samples-heading" className="yk-section-title" mb="xs">
        {t.samplesHeading}
      </Title>
      <Text size="sm" mb="xs">
        {t.samplesIntro}
      </Text>
      <List size="sm" spacing={4}>
        <List.Item>
          <Anchor href={urlFor(sampleDonationFile, { params: { key: "rakuten-order" } })} download>
            {t.sampleRakuten}
          </Anchor>
        </List.Item>
        <List.Item>
          <Anchor href={urlFor(sampleDonationFile, { params: { key: "generic" } })} download>
            {t.sampleGeneric}
          </Anchor>
        </List.Item>
      </List>
    </Paper>
  );
}

type ImportRow = Awaited<ReturnType<typeof fetchImports>>["items"][number];
const fetchImports = (page: number, pageSize: number) => call(listDonationImports, { query: { page, pageSize } });

export function HistorySection() {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const portals = usePortals();
  const portalNames = new Map((portals.data?.items ?? []).map((p) => [p.code, p.name]));
  const imports = useQuery({
    queryKey: ledgerKeys.importList(page, pageSize),
    queryFn: () => fetchImports(page, pageSize),
    placeholderData: keepPreviousData,
  });
  const columns: Column<ImportRow>[] = [
    { key: "at", header: t.at, nowrap: true, render: (i) => <DateTimeText timestamp={i.createdAt} /> },
    { key: "file", header: t.fileName, rowHeader: true, render: (i) => <span style={{ wordBreak: "break-all" }}>{i.fileName}</span> },
    { key: "mapping", header: t.mapping, render: (i) => i.mappingName },
    { key: "portal", header: lm.list.portal, render: (i) => portalNames.get(i.portalCode) ?? i.portalCode },
    { key: "rows", header: t.rows, align: "right", nowrap: true, render: (i) => formatNumber(i.rowCount) },
    { key: "created", header: t.created, align: "right", nowrap: true, render: (i) => formatNumber(i.created) },
    { key: "updated", header: t.updated, align: "right", nowrap: true, render: (i) => formatNumber(i.updated) },
    { key: "unchanged", header: t.unchanged, align: "right", nowrap: true, render: (i) => formatNumber(i.unchanged) },
    { key: "by", header: t.by, render: (i) => i.createdBy },
  ];
  return (
    <HistoryTable
      headingId="import-history-heading"
      title={t.historyHeading}
      caption={t.historyCaption}
      query={imports}
      columns={columns}
      rowKey={(i) => i.id}
      empty={t.historyEmpty}
      minWidth={960}
      paging={{
        page,
        pageSize,
        total: imports.data?.total ?? 0,
        onPageChange: setPage,
        onPageSizeChange: (size) => {
          setPageSize(size);
          setPage(1);
        },
      }}
    />
  );
}
