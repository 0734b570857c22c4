// /admin/statuses: the 進捗ステータス list (order, label, tone, active) saved as a whole.
import { Button, Group, Loader, NativeSelect, Paper, Stack, Switch, Table, Text, TextInput } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { listStatuses, saveStatuses } from "../../common/api/policy";
import { call } from "../api/client";
import { m } from "../messages";
import { ErrorAlert } from "../ui/ErrorAlert";
import { fieldErrors } from "../ui/errors";
import { useFlash } from "../ui/Flash";
import { PageHeader } from "../ui/PageHeader";
import { StatusBadge, type StatusTone } from "../ui/StatusBadge";

const TONES: StatusTone[] = ["neutral", "good", "warning", "danger", "done"];

interface Row {
  key: number;
  label: string;
  tone: StatusTone;
  active: boolean;
  /** saved before: removing it would orphan past records, so it can only be switched off */
  saved: boolean;
}

let nextKey = 1;

export function StatusesPage() {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const statuses = useQuery({ queryKey: ["policy", "statuses"], queryFn: () => call(listStatuses) });
  const [rows, setRows] = useState<Row[] | null>(null);
  const [errors, setErrors] = useState<Record<number, string>>({});
  const inputRefs = useRef(new Map<number, HTMLInputElement>());

  useEffect(() => {
    if (statuses.data && rows === null) {
      setRows(
        [...statuses.data.items]
          .sort((a, b) => a.sortOrder - b.sortOrder)
          .map((status) => ({ key: nextKey++, label: status.label, tone: status.tone, active: status.active, saved: true })),
      );
    }
  }, [statuses.data, rows]);

  const save = useMutation({
    mutationFn: (items: Row[]) =>
      call(saveStatuses, { body: { items: items.map(({ label, tone, active }) => ({ label: label.trim(), tone, active })) } }),
    onSuccess: (result) => {
      queryClient.setQueryData(["policy", "statuses"], result);
      setRows(
        result.items.map((status) => ({ key: nextKey++, label: status.label, tone: status.tone, active: status.active, saved: true })),
      );
      flash.show(m.admin.statusesSaved);
    },
  });

  function update(key: number, patch: Partial<Row>) {
    setRows((current) => current?.map((row) => (row.key === key ? { ...row, ...patch } : row)) ?? null);
  }
  function move(index: number, delta: number) {
    setRows((current) => {
      if (!current) return current;
      const next = [...current];
      const [row] = next.splice(index, 1);
      next.splice(index + delta, 0, row);
      return next;
    });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!rows) return;
    const found: Record<number, string> = {};
    const seen = new Set<string>();
    for (const row of rows) {
      const label = row.label.trim();
      if (!label) found[row.key] = "名称を入力してください。";
      else if (label.length > 20) found[row.key] = "名称は20文字以内にしてください。";
      else if (seen.has(label)) found[row.key] = "同じ名称が重複しています。";
      seen.add(label);
    }
    setErrors(found);
    const first = rows.find((row) => found[row.key]);
    if (first) return inputRefs.current.get(first.key)?.focus();
    save.mutate(rows);
  }

  const serverFields = fieldErrors(save.error);

  return (
    <>
      <PageHeader title={m.admin.statusesTitle} subtitle={m.admin.statusesIntro} />
      <ErrorAlert error={statuses.error} />
      {!rows ? (
        statuses.isPending && (
          <Group role="status" gap="xs">
            <Loader size="sm" />
            <Text>{m.common.loading}</Text>
          </Group>
        )
      ) : (
        <Paper withBorder p="md">
          <form onSubmit={submit} noValidate>
            <Stack>
              <ErrorAlert
                error={save.error}
                fieldLabels={Object.keys(serverFields).length ? { items: m.admin.statusesTitle } : undefined}
              />
              <Table.ScrollContainer minWidth={720} type="native">
                <Table verticalSpacing="sm" withTableBorder className="yk-table">
                  <caption className="yk-visually-hidden">{m.admin.statusesTitle}</caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col" style={{ width: 110 }}>
                        {m.admin.statusOrder}
                      </Table.Th>
                      <Table.Th scope="col">{m.admin.statusLabel}</Table.Th>
                      <Table.Th scope="col">{m.admin.statusTone}</Table.Th>
                      <Table.Th scope="col">{m.admin.statusActive}</Table.Th>
                      <Table.Th scope="col">{m.admin.preview}</Table.Th>
                      <Table.Th scope="col">
                        <span className="yk-visually-hidden">{m.admin.actions}</span>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((row, index) => {
                      const name = row.label.trim() || m.admin.newStatus;
                      return (
                        <Table.Tr key={row.key}>
                          <Table.Td>
                            <Group gap={2} wrap="nowrap">
                              <Text size="sm" w={20} ta="right" aria-hidden="true">
                                {index + 1}
                              </Text>
                              <Button
                                size="compact-sm"
                                variant="subtle"
                                disabled={index === 0}
                                onClick={() => move(index, -1)}
                                aria-label={m.admin.moveUp(name)}
                              >
                                ↑
                              </Button>
                              <Button
                                size="compact-sm"
                                variant="subtle"
                                disabled={index === rows.length - 1}
                                onClick={() => move(index, 1)}
                                aria-label={m.admin.moveDown(name)}
                              >
                                ↓
                              </Button>
                            </Group>
                          </Table.Td>
                          <Table.Td>
                            <TextInput
                              ref={(el) => {
                                if (el) inputRefs.current.set(row.key, el);
                                else inputRefs.current.delete(row.key);
                              }}
                              aria-label={`${m.admin.statusLabel}（${index + 1}番目）`}
                              value={row.label}
                              onChange={(e) => update(row.key, { label: e.currentTarget.value })}
                              error={errors[row.key]}
                              maxLength={40}
                            />
                          </Table.Td>
                          <Table.Td>
                            <NativeSelect
                              aria-label={`${m.admin.statusTone}（${name}）`}
                              value={row.tone}
                              onChange={(e) => update(row.key, { tone: e.currentTarget.value as StatusTone })}
                              data={TONES.map((tone) => ({ value: tone, label: m.admin.tones[tone] }))}
                            />
                          </Table.Td>
                          <Table.Td>
                            <Switch
                              aria-label={`${m.admin.statusActive}（${name}）`}
                              checked={row.active}
                              onChange={(e) => update(row.key, { active: e.currentTarget.checked })}
                            />
                          </Table.Td>
                          <Table.Td>
                            <StatusBadge label={row.label.trim() || "—"} tone={row.tone} />
                          </Table.Td>
                          <Table.Td>
                            {!row.saved && (
                              <Button
                                size="compact-sm"
                                variant="subtle"
                                color="red"
                                c="#9b1c1c"
                                onClick={() => setRows(rows.filter((r) => r.key !== row.key))}
                                aria-label={m.admin.remove(name)}
                              >
                                削除
                              </Button>
                            )}
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <Group justify="space-between">
                <Button
                  variant="default"
                  disabled={rows.length >= 30}
                  onClick={() => {
                    const key = nextKey++;
                    setRows([...rows, { key, label: "", tone: "neutral", active: true, saved: false }]);
                    requestAnimationFrame(() => inputRefs.current.get(key)?.focus());
                  }}
                >
                  {m.admin.addStatus}
                </Button>
                <Button type="submit" loading={save.isPending}>
                  {m.common.save}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      )}
    </>
  );
}
