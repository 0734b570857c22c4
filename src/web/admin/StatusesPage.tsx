// /admin/statuses: the 進捗ステータス list (order, label, tone, active) saved as a whole (the form is StatusesForm.tsx).
import { Group, Loader, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { listStatuses } from "../../common/api/policy";
import { call } from "../api/client";
import { m } from "../messages";
import { ErrorAlert } from "../ui/ErrorAlert";
import { PageHeader } from "../ui/PageHeader";
import { StatusesForm, statusRows } from "./StatusesForm";

export function StatusesPage() {
  const statuses = useQuery({ queryKey: ["policy", "statuses"], queryFn: () => call(listStatuses) });
  return (
    <>
      <PageHeader title={m.admin.statusesTitle} subtitle={m.admin.statusesIntro} />
      <ErrorAlert error={statuses.error} />
      {statuses.data ? (
        <StatusesForm initialRows={statusRows([...statuses.data.items].sort((a, b) => a.sortOrder - b.sortOrder))} />
      ) : (
        statuses.isPending && (
          <Group role="status" gap="xs">
            <Loader size="sm" />
            <Text>{m.common.loading}</Text>
          </Group>
        )
      )}
    </>
  );
}
