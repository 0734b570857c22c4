// Shared pieces of the furusato money screens: query keys and hooks, the 5割 traffic light, the 年度 picker, and
// the gate that keeps suppliers' logins out (the API refuses them too).
import { Alert, Loader } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { getCostLedger, getDashboard, listCostEntries } from "../../../common/api/furusato-money";
import { call } from "../../api/client";
import { m } from "../../messages";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { FiscalYearSelect } from "../../ui/FiscalYear";
import { StatusBadge } from "../../ui/StatusBadge";
import { mm } from "./money-messages";
import { useFurusatoAccess } from "./queries";

export const moneyKeys = {
  all: ["furusato", "money"] as const,
  dashboard: (fy: number) => ["furusato", "money", "dashboard", fy] as const,
  ledger: (fy: number) => ["furusato", "money", "ledger", fy] as const,
  entries: (fy: number) => ["furusato", "money", "entries", fy] as const,
};

export function useDashboard(fiscalYear: number) {
  return useQuery({
    queryKey: moneyKeys.dashboard(fiscalYear),
    queryFn: () => call(getDashboard, { query: { fiscalYear } }),
    placeholderData: keepPreviousData,
  });
}

export function useCostLedger(fiscalYear: number) {
  return useQuery({
    queryKey: moneyKeys.ledger(fiscalYear),
    queryFn: () => call(getCostLedger, { query: { fiscalYear } }),
    placeholderData: keepPreviousData,
  });
}

export function useCostEntries(fiscalYear: number) {
  return useQuery({ queryKey: moneyKeys.entries(fiscalYear), queryFn: () => call(listCostEntries, { query: { fiscalYear } }) });
}

export type Light = "green" | "yellow" | "red";

export function CostLight({ light, size = "md" }: { light: Light; size?: "sm" | "md" | "lg" }) {
  const tone = light === "green" ? "good" : light === "yellow" ? "warning" : "danger";
  return <StatusBadge label={`${light === "green" ? "●" : light === "yellow" ? "▲" : "✕"} ${mm.lights[light]}`} tone={tone} size={size} />;
}

/** "27.5%" (one decimal), or — when there is nothing to divide by. */
export function ratioText(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined) return mm.dash;
  return `${(Math.round(ratio * 1000) / 10).toFixed(1)}%`;
}

export function FiscalYearPicker({ value, onChange }: { value: number; onChange: (fy: number) => void }) {
  return (
    <FiscalYearSelect
      label={mm.fiscalYear}
      value={value}
      onChange={(fy) => {
        if (fy !== null) onChange(fy);
      }}
      maw={260}
      mb="md"
    />
  );
}

/** Renders `children` for the city's staff; a supplier's login sees why not. */
export function StaffOnly({ children }: { children: ReactNode }) {
  const access = useFurusatoAccess();
  if (access.error) return <ErrorAlert error={access.error} />;
  if (!access.data) return <Loader aria-label={m.common.loading} />;
  if (access.data.supplierId) {
    return (
      <Alert color="yellow" variant="light" role="status">
        {mm.staffOnly}
      </Alert>
    );
  }
  return <>{children}</>;
}
