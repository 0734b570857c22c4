// Small helpers the web modules' route files share: reading search params and handing a lazy page's preload on.
import type { AsyncRouteComponent, RouteComponent } from "@tanstack/react-router";
import type { ReactNode } from "react";

/**
 * A route component that reads its route's params or search and renders a lazy page. Handing on the page's preload
 * lets the router fetch the page's chunk before it renders the route (and on hover), as it does for a lazy `component`.
 */
export function withPage(page: AsyncRouteComponent<never>, component: () => ReactNode): RouteComponent {
  return Object.assign(component, { preload: () => page.preload?.() });
}

/** A search param as text: a non-empty string, or a number written out; otherwise undefined. */
export function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : typeof value === "number" ? String(value) : undefined;
}

/** ?fiscalYear=2024 (年度); undefined (the current fiscal year) when absent or not a year. */
export function fiscalYearSearch(search: Record<string, unknown>): { fiscalYear?: number } {
  const fy = Number(search.fiscalYear);
  return { fiscalYear: Number.isInteger(fy) && fy >= 2008 && fy <= 2100 ? fy : undefined };
}
