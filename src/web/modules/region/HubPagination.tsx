// Paging of the hub's results, with page numbers and controls named for screen readers in the page's language.
import { Group, Pagination } from "@mantine/core";
import type { HubText } from "./publicMessages";

export function HubPagination({
  text,
  page,
  pages,
  onChange,
}: {
  text: HubText;
  page: number;
  pages: number;
  onChange: (page: number) => void;
}) {
  if (pages <= 1) return null;
  return (
    <Group component="nav" aria-label={text.results.pages} justify="center">
      <Pagination
        total={pages}
        value={page}
        onChange={onChange}
        withEdges
        getItemProps={(n) => ({ "aria-label": text.results.page(n), "aria-current": n === page ? "page" : undefined })}
        getControlProps={(control) => ({
          "aria-label": { first: text.results.first, previous: text.results.prev, next: text.results.next, last: text.results.last }[
            control
          ],
        })}
      />
    </Group>
  );
}
