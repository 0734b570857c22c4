// The loading/error scaffold of a page that waits for one query: a loader while it loads, the error (with the page's
// title above it, so the page still says where the user is) when it fails, and the page itself with the data.
import { Loader } from "@mantine/core";
import type { ReactNode } from "react";
import { m } from "../messages";
import { ErrorAlert } from "./ErrorAlert";
import { PageHeader } from "./PageHeader";

export function QueryBoundary<T>({
  query,
  title,
  children,
}: {
  query: { data: T | undefined; error: unknown };
  /** The page's title, shown above the error. */
  title?: string;
  children: (data: T) => ReactNode;
}) {
  if (query.error) {
    return (
      <>
        {title && <PageHeader title={title} />}
        <ErrorAlert error={query.error} />
      </>
    );
  }
  if (query.data === undefined) return <Loader aria-label={m.common.loading} />;
  return <>{children(query.data)}</>;
}
