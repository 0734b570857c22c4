// 寄附金受領証明書 (CertificatesPage.tsx): the batches made before (download again) and the issued certificates, searched
// by number, with 再発行.
import { Anchor, Button, Group, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  downloadCertificateBatch,
  listCertificateBatches,
  listCertificates,
  reissueCertificate,
} from "../../../common/api/furusato-followup";
import { call, urlFor } from "../../api/client";
import { ConfirmButton } from "../../ui/ConfirmButton";
import type { Column } from "../../ui/DataTable";
import { DateText, DateTimeText } from "../../ui/dates";
import { useFlash } from "../../ui/Flash";
import { certificateText as t } from "./certificateMessages";
import { type Batch, certificateKeys, type Issued } from "./certificateQueries";
import { yen } from "./components";
import { HistoryTable } from "./HistoryTable";
import { fm } from "./messages";

function batchLabel(b: Pick<Batch, "firstNumber" | "lastNumber">): string {
  return b.firstNumber === b.lastNumber ? (b.firstNumber ?? "") : `${b.firstNumber}～${b.lastNumber}`;
}

export function BatchesSection() {
  const batches = useQuery({ queryKey: certificateKeys.batches, queryFn: () => call(listCertificateBatches) });
  const columns: Column<Batch>[] = [
    { key: "createdAt", header: t.createdAt, rowHeader: true, nowrap: true, render: (b) => <DateTimeText timestamp={b.createdAt} /> },
    { key: "createdBy", header: t.createdBy, render: (b) => b.createdBy || fm.dash },
    { key: "count", header: t.count, align: "right", nowrap: true, render: (b) => fm.count(b.certificateCount) },
    {
      key: "numbers",
      header: t.numbers,
      render: (b) => (
        <span>
          <span className="yk-code">{batchLabel(b)}</span>
          {b.reissue ? `（${t.reissueMark}）` : ""}
        </span>
      ),
    },
    {
      key: "download",
      header: t.download,
      nowrap: true,
      render: (b) => (
        <Anchor
          href={urlFor(downloadCertificateBatch, { params: { id: b.id } })}
          download
          size="sm"
          aria-label={t.downloadLabel(batchLabel(b))}
        >
          {t.download}
        </Anchor>
      ),
    },
  ];
  return (
    <HistoryTable
      headingId="cert-batches-heading"
      title={t.batchesHeading}
      caption={t.batchesCaption}
      query={batches}
      columns={columns}
      rowKey={(b) => b.id}
      empty={t.batchesEmpty}
      minWidth={720}
    />
  );
}

export function IssuedSection() {
  const flash = useFlash();
  const queryClient = useQueryClient();
  const searchForm = useForm({ initialValues: { q: "" } });
  // The listing follows the search last submitted, not the text being typed.
  const [q, setQ] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const search = searchForm.onSubmit((values) => {
    setQ(values.q.trim() || undefined);
    setPage(1);
  });
  const query = { q, page, pageSize: 20 };
  const issued = useQuery({
    queryKey: certificateKeys.issued(query),
    queryFn: () => call(listCertificates, { query }),
    placeholderData: keepPreviousData,
  });
  const columns: Column<Issued>[] = [
    {
      key: "number",
      header: t.numbers,
      rowHeader: true,
      nowrap: true,
      render: (c) => (
        <span>
          <span className="yk-code">{c.certificateNumber}</span>
          {c.reissue ? `（${t.reissueMark}）` : ""}
        </span>
      ),
    },
    { key: "order", header: t.orderNumber, nowrap: true, render: (c) => <span className="yk-code">{c.orderNumber}</span> },
    { key: "donatedOn", header: t.donatedOn, nowrap: true, render: (c) => <DateText iso={c.donatedOn} western="title" /> },
    { key: "amount", header: t.amount, align: "right", nowrap: true, render: (c) => yen(c.amount) },
    { key: "issuedOn", header: t.issuedOn, nowrap: true, render: (c) => <DateText iso={c.issuedOn} western="title" /> },
    {
      key: "reissue",
      header: t.reissue,
      nowrap: true,
      render: (c) => (
        <ConfirmButton
          size="compact-sm"
          variant="default"
          aria-label={t.reissueLabel(c.certificateNumber)}
          message={t.reissueConfirm(c.certificateNumber)}
          onConfirm={async () => {
            const result = await call(reissueCertificate, { params: { id: c.id }, body: {} });
            flash.show(t.reissued(result.certificateNumber));
            queryClient.invalidateQueries({ queryKey: certificateKeys.all });
          }}
        >
          {t.reissue}
        </ConfirmButton>
      ),
    },
  ];
  return (
    <HistoryTable
      headingId="cert-issued-heading"
      title={t.issuedHeading}
      caption={t.issuedCaption}
      query={issued}
      columns={columns}
      rowKey={(c) => c.id}
      empty={t.issuedEmpty}
      minWidth={760}
      paging={issued.data ? { page, pageSize: 20, total: issued.data.total, onPageChange: setPage } : undefined}
    >
      <form onSubmit={search}>
        <Group align="flex-end" mb="sm">
          <TextInput label={t.search} {...searchForm.getInputProps("q")} w={280} />
          <Button type="submit">{t.searchButton}</Button>
        </Group>
      </form>
    </HistoryTable>
  );
}
