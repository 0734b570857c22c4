// A titled section with the table of a listing query (寄附データの取込の履歴, 作成した受領証明書, 発行済みの証明書): the
// heading names the section, anything the caller adds (a search form) sits above the table, and the table shows the
// query's loading state, error and empty message.
import { Title } from "@mantine/core";
import type { ReactNode } from "react";
import { type Column, DataTable, type Paging } from "../../ui/DataTable";

export interface HistoryTableProps<T> {
  headingId: string;
  title: string;
  /** the table's caption, for screen readers (the heading shows the title) */
  caption: string;
  query: { data?: { items: T[] }; isFetching: boolean; error: unknown };
  columns: Column<T>[];
  rowKey: (row: T) => string;
  empty: string;
  minWidth: number;
  paging?: Paging;
  children?: ReactNode;
}

export function HistoryTable<T>({
  headingId,
  title,
  caption,
  query,
  columns,
  rowKey,
  empty,
  minWidth,
  paging,
  children,
}: HistoryTableProps<T>) {
  return (
    <section aria-labelledby={headingId}>
      <Title order={2} id={headingId} mb="sm" className="yk-section-title">
        {title}
      </Title>
      {children}
      <DataTable
        caption={caption}
        captionHidden
        columns={columns}
        rows={query.data?.items}
        rowKey={rowKey}
        loading={query.isFetching && !query.data}
        error={query.error}
        empty={empty}
        minWidth={minWidth}
        paging={paging}
      />
    </section>
  );
}
