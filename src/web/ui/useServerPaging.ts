// The sort and page of a list that the server sorts and pages: a new sort, page size or filter starts again at page 1.
import { useState } from "react";
import type { DataTableProps, SortState } from "./DataTable";

export function useServerPaging<K extends string>(initialSort: SortState<K>, initialPageSize = 50) {
  const [sort, setSort] = useState<SortState<K>>(initialSort);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(initialPageSize);
  /** the DataTable's sort and paging props, for a list of `total` rows */
  function tableProps(total: number): Pick<DataTableProps<unknown, K>, "sort" | "onSortChange" | "paging"> {
    return {
      sort,
      onSortChange: (next) => {
        setSort(next);
        setPage(1);
      },
      paging: {
        page,
        pageSize,
        total,
        onPageChange: setPage,
        onPageSizeChange: (size) => {
          setPageSize(size);
          setPage(1);
        },
      },
    };
  }
  return { sort, page, pageSize, firstPage: () => setPage(1), tableProps };
}
