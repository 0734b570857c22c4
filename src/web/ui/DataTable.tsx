// The one table of the system: a caption, sortable headers (aria-sort), expandable rows, paging, and clear
// loading / empty / error states. Sorting and paging are done by the server; the table only reports the choice.
// Long lists opt in to a dense layout (one line a row), a header that stays in view, and a column chooser.
import {
  Box,
  Button,
  Checkbox,
  Group,
  Loader,
  NativeSelect,
  Pagination,
  Popover,
  Stack,
  Table,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { Fragment, type ReactNode, useId, useState } from "react";
import { sessionQuery } from "../auth/session";
import { m } from "../messages";
import { ErrorAlert } from "./ErrorAlert";

export type SortOrder = "asc" | "desc";
export interface SortState<K extends string = string> {
  key: K;
  order: SortOrder;
}

export interface Column<T, K extends string = string> {
  key: string;
  header: string;
  render: (row: T) => ReactNode;
  /** the server's sort key; the header becomes a sort button when set */
  sortKey?: K;
  width?: number | string;
  align?: "left" | "right" | "center";
  /** render the cell as the row header (<th scope="row">) */
  rowHeader?: boolean;
  nowrap?: boolean;
  /** whether the column chooser may hide the column (default: every column but the row header) */
  hideable?: boolean;
}

export interface Paging {
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
  onPageSizeChange?: (pageSize: number) => void;
  pageSizes?: number[];
}

export interface DataTableProps<T, K extends string = string> {
  caption: string;
  /** hide the caption visually (it stays for screen readers) */
  captionHidden?: boolean;
  columns: Column<T, K>[];
  rows: T[] | undefined;
  rowKey: (row: T) => string;
  loading?: boolean;
  error?: unknown;
  sort?: SortState<K>;
  onSortChange?: (sort: SortState<K>) => void;
  paging?: Paging;
  empty?: ReactNode;
  /** when set, every row gets a toggle that shows this below it */
  renderDetail?: (row: T) => ReactNode;
  minWidth?: number;
  /** compact rows, every cell on one line: a wide table scrolls sideways instead of wrapping its cells */
  dense?: boolean;
  /** the column headings stay in view while the rows scroll (the table then scrolls inside its own region) */
  stickyHeader?: boolean;
  /** offers a chooser of the columns shown; the choice is kept in this browser for each user under this key */
  columnChooserKey?: string;
}

function canHide<T, K extends string>(column: Column<T, K>): boolean {
  return column.hideable ?? !column.rowHeader;
}

/** The keys of the hidden columns, kept in localStorage per user (`yokogushi.columns.<user>.<key>`). */
function useHiddenColumns(chooserKey: string | undefined): [ReadonlySet<string>, (hidden: ReadonlySet<string>) => void] {
  const queryClient = useQueryClient();
  const userId = queryClient.getQueryData(sessionQuery.queryKey)?.user?.id ?? "anonymous";
  const storageKey = chooserKey ? `yokogushi.columns.${userId}.${chooserKey}` : null;
  const [state, setState] = useState(() => ({ storageKey, hidden: readHidden(storageKey) }));
  // Another user or table: read its choice (during render, so the old one is never shown).
  if (state.storageKey !== storageKey) setState({ storageKey, hidden: readHidden(storageKey) });
  function change(next: ReadonlySet<string>) {
    setState({ storageKey, hidden: next });
    if (!storageKey) return;
    try {
      if (next.size === 0) window.localStorage.removeItem(storageKey);
      else window.localStorage.setItem(storageKey, JSON.stringify([...next]));
    } catch {
      // private mode or full storage: the choice lasts for this page only
    }
  }
  return [state.hidden, change];
}

function readHidden(storageKey: string | null): ReadonlySet<string> {
  if (!storageKey) return new Set();
  try {
    const stored: unknown = JSON.parse(window.localStorage.getItem(storageKey) ?? "[]");
    return new Set(Array.isArray(stored) ? stored.filter((key): key is string => typeof key === "string") : []);
  } catch {
    return new Set();
  }
}

/** 「表示する列」: a popover of checkboxes, one per column that may be hidden. */
function ColumnChooser<T, K extends string>({
  caption,
  columns,
  hidden,
  onChange,
}: {
  caption: string;
  columns: Column<T, K>[];
  hidden: ReadonlySet<string>;
  onChange: (hidden: ReadonlySet<string>) => void;
}) {
  const hideable = columns.filter(canHide);
  const hiddenCount = hideable.filter((column) => hidden.has(column.key)).length;
  return (
    <Popover position="bottom-end" shadow="md" trapFocus returnFocus withinPortal>
      <Popover.Target>
        <Button variant="default" size="xs">
          {m.table.columns}
          {hiddenCount > 0 ? m.table.columnsHidden(hiddenCount) : ""}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <fieldset className="yk-column-chooser">
          <legend>{m.table.columnsLegend(caption)}</legend>
          <Stack gap={6}>
            {hideable.map((column) => (
              <Checkbox
                key={column.key}
                label={column.header}
                checked={!hidden.has(column.key)}
                onChange={(event) => {
                  const next = new Set(hidden);
                  if (event.currentTarget.checked) next.delete(column.key);
                  else next.add(column.key);
                  onChange(next);
                }}
              />
            ))}
            <Button variant="subtle" size="compact-sm" onClick={() => onChange(new Set())} disabled={hiddenCount === 0}>
              {m.table.columnsAll}
            </Button>
          </Stack>
        </fieldset>
      </Popover.Dropdown>
    </Popover>
  );
}

export function DataTable<T, K extends string = string>(props: DataTableProps<T, K>) {
  const { caption, captionHidden, rows, rowKey, loading, error, sort, onSortChange, paging, empty, renderDetail, minWidth } = props;
  const { dense, stickyHeader, columnChooserKey } = props;
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [hidden, setHidden] = useHiddenColumns(columnChooserKey);
  const columns = props.columns.filter((column) => !(hidden.has(column.key) && canHide(column)));
  const baseId = useId();
  const columnCount = columns.length + (renderDetail ? 1 : 0);

  function toggle(key: string) {
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  }

  function headerCell(column: Column<T, K>) {
    const active = sort && column.sortKey && sort.key === column.sortKey;
    const ariaSort = column.sortKey ? (active ? (sort.order === "asc" ? "ascending" : "descending") : "none") : undefined;
    return (
      <Table.Th key={column.key} scope="col" aria-sort={ariaSort} style={{ width: column.width, textAlign: column.align }}>
        {column.sortKey && onSortChange ? (
          <UnstyledButton
            className="yk-sort-button"
            onClick={() => {
              const key = column.sortKey as K;
              onSortChange({ key, order: active && sort.order === "asc" ? "desc" : "asc" });
            }}
          >
            <span>{column.header}</span>
            <span aria-hidden="true" className="yk-sort-indicator">
              {active ? (sort.order === "asc" ? "▲" : "▼") : "⇅"}
            </span>
            <VisuallyHidden>
              {active ? `（${sort.order === "asc" ? m.table.sortAsc : m.table.sortDesc}）` : ""}
              {m.table.sortBy(column.header)}
            </VisuallyHidden>
          </UnstyledButton>
        ) : (
          column.header
        )}
      </Table.Th>
    );
  }

  const showEmpty = !loading && !error && rows !== undefined && rows.length === 0;
  const totalPages = paging ? Math.max(1, Math.ceil(paging.total / paging.pageSize)) : 1;
  const from = paging && paging.total > 0 ? (paging.page - 1) * paging.pageSize + 1 : 0;
  const to = paging ? Math.min(paging.total, paging.page * paging.pageSize) : 0;

  return (
    <Box>
      {error ? <ErrorAlert error={error} /> : null}
      {columnChooserKey ? (
        <Group justify="flex-end" mb="xs" className="yk-no-print">
          <ColumnChooser caption={caption} columns={props.columns} hidden={hidden} onChange={setHidden} />
        </Group>
      ) : null}
      {/* A wide table scrolls sideways: the region takes keyboard focus so that arrow keys can scroll it (axe). */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable for keyboard users. */}
      <section className={`yk-table-scroll${stickyHeader ? " yk-table-sticky" : ""}`} tabIndex={0} aria-label={caption}>
        <Table
          miw={minWidth ?? 640}
          striped
          highlightOnHover
          withTableBorder
          verticalSpacing={dense ? 4 : "sm"}
          horizontalSpacing={dense ? "xs" : "sm"}
          fz={dense ? "sm" : undefined}
          aria-busy={loading ? true : undefined}
          className={dense ? "yk-table yk-table-dense" : "yk-table"}
        >
          <caption className={captionHidden ? "yk-visually-hidden" : "yk-caption"}>
            {caption}
            {paging && rows && rows.length > 0 ? <span className="yk-caption-range">{m.table.range(from, to, paging.total)}</span> : null}
          </caption>
          <Table.Thead>
            <Table.Tr>
              {renderDetail && (
                <Table.Th scope="col" style={{ width: 48 }}>
                  <VisuallyHidden>{m.table.expand}</VisuallyHidden>
                </Table.Th>
              )}
              {columns.map(headerCell)}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {loading && (rows === undefined || rows.length === 0) && (
              <Table.Tr>
                <Table.Td colSpan={columnCount}>
                  <Group gap="xs" justify="center" py="md" role="status">
                    <Loader size="sm" />
                    <Text size="sm">{m.table.loading}</Text>
                  </Group>
                </Table.Td>
              </Table.Tr>
            )}
            {showEmpty && (
              <Table.Tr>
                <Table.Td colSpan={columnCount}>
                  <Text ta="center" py="lg" role="status">
                    {empty ?? m.table.empty}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {(rows ?? []).map((row) => {
              const key = rowKey(row);
              const isOpen = expanded.has(key);
              const detailId = `${baseId}-detail-${key}`;
              return (
                <Fragment key={key}>
                  <Table.Tr>
                    {renderDetail && (
                      <Table.Td>
                        <Button
                          variant="subtle"
                          size="compact-sm"
                          aria-expanded={isOpen}
                          aria-controls={isOpen ? detailId : undefined}
                          onClick={() => toggle(key)}
                        >
                          <span aria-hidden="true">{isOpen ? "▾" : "▸"}</span>
                          <VisuallyHidden>{isOpen ? m.table.collapse : m.table.expand}</VisuallyHidden>
                        </Button>
                      </Table.Td>
                    )}
                    {columns.map((column) =>
                      column.rowHeader ? (
                        <Table.Th
                          key={column.key}
                          scope="row"
                          style={{ textAlign: column.align, fontWeight: 500, whiteSpace: column.nowrap ? "nowrap" : undefined }}
                        >
                          {column.render(row)}
                        </Table.Th>
                      ) : (
                        <Table.Td key={column.key} style={{ textAlign: column.align, whiteSpace: column.nowrap ? "nowrap" : undefined }}>
                          {column.render(row)}
                        </Table.Td>
                      ),
                    )}
                  </Table.Tr>
                  {renderDetail && isOpen && (
                    <Table.Tr id={detailId} className="yk-detail-row">
                      <Table.Td colSpan={columnCount}>{renderDetail(row)}</Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
      </section>
      {paging && (paging.total > paging.pageSize || paging.onPageSizeChange) && (
        <Group justify="space-between" mt="sm" wrap="wrap" className="yk-no-print">
          <Text size="sm" aria-live="polite">
            {paging.total > 0 ? m.table.range(from, to, paging.total) : ""}
          </Text>
          <Group gap="md" wrap="wrap">
            {paging.onPageSizeChange && (
              <NativeSelect
                size="xs"
                label={m.table.pageSize}
                styles={{ root: { display: "flex", alignItems: "center", gap: 8 } }}
                value={String(paging.pageSize)}
                data={(paging.pageSizes ?? [20, 50, 100]).map((n) => ({ value: String(n), label: `${n}件` }))}
                onChange={(event) => paging.onPageSizeChange?.(Number(event.currentTarget.value))}
              />
            )}
            {totalPages > 1 && (
              <nav aria-label={m.table.pagination}>
                <Pagination
                  total={totalPages}
                  value={paging.page}
                  onChange={paging.onPageChange}
                  size="sm"
                  withEdges
                  getItemProps={(page) => ({ "aria-label": m.table.page(page), "aria-current": page === paging.page ? "page" : undefined })}
                  getControlProps={(control) => ({
                    "aria-label": { first: m.table.first, previous: m.table.prev, next: m.table.next, last: m.table.last }[control],
                  })}
                />
              </nav>
            )}
          </Group>
        </Group>
      )}
    </Box>
  );
}
