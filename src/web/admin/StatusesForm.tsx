// The 進捗ステータス list of /admin/statuses as one form (order, label, tone, active), saved as a whole. A label must be
// filled, short and unique; after a failed check the first wrong label takes the focus.
import { Button, Group, NativeSelect, Paper, Stack, Switch, Table, Text, TextInput } from "@mantine/core";
import { type FormErrors, useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type PolicyStatus, saveStatuses } from "../../common/api/policy";
import { call } from "../api/client";
import { m } from "../messages";
import { ErrorAlert } from "../ui/ErrorAlert";
import { fieldErrors } from "../ui/errors";
import { useFlash } from "../ui/Flash";
import { StatusBadge, type StatusTone } from "../ui/StatusBadge";
import { useFocusFirstInvalid } from "../ui/useFocusFirstInvalid";

const TONES: StatusTone[] = ["neutral", "good", "warning", "danger", "done"];

interface Row {
  key: number;
  label: string;
  tone: StatusTone;
  active: boolean;
  /** saved before: removing it would orphan past records, so it can only be switched off */
  saved: boolean;
}
interface StatusesValues {
  items: Row[];
}

let nextKey = 1;

export function statusRows(statuses: PolicyStatus[]): Row[] {
  return statuses.map((status) => ({ key: nextKey++, label: status.label, tone: status.tone, active: status.active, saved: true }));
}

function statusesErrors({ items }: StatusesValues): FormErrors {
  const found: FormErrors = {};
  const seen = new Set<string>();
  items.forEach((row, index) => {
    const label = row.label.trim();
    const path = `items.${index}.label`;
    if (!label) found[path] = "名称を入力してください。";
    else if (label.length > 20) found[path] = "名称は20文字以内にしてください。";
    else if (seen.has(label)) found[path] = "同じ名称が重複しています。";
    seen.add(label);
  });
  return found;
}

export function StatusesForm({ initialRows }: { initialRows: Row[] }) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const form = useForm<StatusesValues>({ initialValues: { items: initialRows }, validate: statusesErrors });
  const { ref, focusFirstInvalid } = useFocusFirstInvalid();

  const save = useMutation({
    mutationFn: (items: Row[]) =>
      call(saveStatuses, { body: { items: items.map(({ label, tone, active }) => ({ label: label.trim(), tone, active })) } }),
    onSuccess: (result) => {
      queryClient.setQueryData(["policy", "statuses"], result);
      form.setValues({ items: statusRows(result.items) });
      flash.show(m.admin.statusesSaved);
    },
  });

  const rows = form.values.items;
  const serverFields = fieldErrors(save.error);

  return (
    <Paper withBorder p="md">
      <form ref={ref} onSubmit={form.onSubmit((values) => save.mutate(values.items), focusFirstInvalid)} noValidate>
        <Stack>
          <ErrorAlert error={save.error} fieldLabels={Object.keys(serverFields).length ? { items: m.admin.statusesTitle } : undefined} />
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
                            onClick={() => form.reorderListItem("items", { from: index, to: index - 1 })}
                            aria-label={m.admin.moveUp(name)}
                          >
                            ↑
                          </Button>
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            disabled={index === rows.length - 1}
                            onClick={() => form.reorderListItem("items", { from: index, to: index + 1 })}
                            aria-label={m.admin.moveDown(name)}
                          >
                            ↓
                          </Button>
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <TextInput
                          aria-label={`${m.admin.statusLabel}（${index + 1}番目）`}
                          maxLength={40}
                          {...form.getInputProps(`items.${index}.label`)}
                        />
                      </Table.Td>
                      <Table.Td>
                        <NativeSelect
                          aria-label={`${m.admin.statusTone}（${name}）`}
                          data={TONES.map((tone) => ({ value: tone, label: m.admin.tones[tone] }))}
                          {...form.getInputProps(`items.${index}.tone`)}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Switch
                          aria-label={`${m.admin.statusActive}（${name}）`}
                          {...form.getInputProps(`items.${index}.active`, { type: "checkbox" })}
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
                            onClick={() => form.removeListItem("items", index)}
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
                form.insertListItem("items", { key: nextKey++, label: "", tone: "neutral", active: true, saved: false });
                // the new row is the last one: its name is what to fill in next
                requestAnimationFrame(() => ref.current?.querySelector<HTMLInputElement>("tbody tr:last-child input")?.focus());
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
  );
}
