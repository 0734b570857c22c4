// The search form of /admin/audit: text, 利用者 / 種類 / 操作 pickers and a date range in 和暦 or 西暦. A date that does
// not parse, or an end before the start, stops the search and the first wrong date takes the focus.
import { Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { AUDIT_ACTION_OPTIONS, AUDIT_ENTITY_OPTIONS } from "../../common/audit-labels";
import { daysInMonth, parseJapaneseDate } from "../../common/dates";
import { m } from "../messages";
import { JapaneseDateInput } from "../ui/JapaneseDateInput";
import { useFocusFirstInvalid } from "../ui/useFocusFirstInvalid";

export interface AuditFilter {
  q?: string;
  actorUserId?: string;
  entityType?: string;
  action?: string;
  from?: string;
  to?: string;
}

const EMPTY = { q: "", actorUserId: "", entityType: "", action: "", from: "", to: "" };
type AuditFilterValues = typeof EMPTY;

function parsedOrNull(text: string) {
  return text.trim() ? parseJapaneseDate(text) : null;
}

function filterErrors(values: AuditFilterValues): Partial<Record<"from" | "to", string>> {
  const from = parsedOrNull(values.from);
  const to = parsedOrNull(values.to);
  const found: Partial<Record<"from" | "to", string>> = {};
  if (values.from.trim() && !from) found.from = m.date.invalid;
  if (values.to.trim() && !to) found.to = m.date.invalid;
  if (from && to && from.iso > to.iso) found.to = "終了日は開始日以降の日付にしてください。";
  return found;
}

function toFilter(values: AuditFilterValues): AuditFilter {
  const from = parsedOrNull(values.from);
  const to = parsedOrNull(values.to);
  // A month typed without a day ("令和6年11月") means the whole month: its last day closes the range.
  let toIso = to?.iso;
  if (to && to.precision === "month") {
    const [year, month] = to.iso.split("-").map(Number);
    toIso = `${to.iso.slice(0, 8)}${String(daysInMonth(year, month)).padStart(2, "0")}`;
  }
  return {
    q: values.q.trim() || undefined,
    actorUserId: values.actorUserId || undefined,
    entityType: values.entityType || undefined,
    action: values.action || undefined,
    from: from?.iso,
    to: toIso,
  };
}

export function AuditFilterForm({
  actorOptions,
  onApply,
}: {
  actorOptions: { value: string; label: string }[];
  /** the new search; `{}` after 条件をクリア */
  onApply: (filter: AuditFilter) => void;
}) {
  const form = useForm<AuditFilterValues>({ initialValues: EMPTY, validate: filterErrors });
  const { ref, focusFirstInvalid } = useFocusFirstInvalid();
  const picker = (field: "actorUserId" | "entityType" | "action") => ({
    value: form.values[field] || null,
    onChange: (value: string | null) => form.setFieldValue(field, value ?? ""),
    searchable: true,
    clearable: true,
    nothingFoundMessage: m.admin.auditNothingFound,
  });

  return (
    <Paper withBorder p="md" mb="md" component="section" aria-label="検索条件">
      <form ref={ref} onSubmit={form.onSubmit((values) => onApply(toFilter(values)), focusFirstInvalid)} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={m.admin.auditQuery} type="search" {...form.getInputProps("q")} />
            <Select
              label={m.admin.auditActorFilter}
              placeholder={m.admin.auditActorPlaceholder}
              data={actorOptions}
              {...picker("actorUserId")}
            />
            <Select
              label={m.admin.auditEntityType}
              placeholder={m.admin.auditKindPlaceholder}
              data={AUDIT_ENTITY_OPTIONS}
              {...picker("entityType")}
            />
            <Select
              label={m.admin.auditAction}
              placeholder={m.admin.auditActionPlaceholder}
              data={AUDIT_ACTION_OPTIONS}
              {...picker("action")}
            />
            <JapaneseDateInput
              label={m.admin.auditFrom}
              value={form.values.from}
              onChange={(value) => form.setFieldValue("from", value)}
              error={form.errors.from ? String(form.errors.from) : undefined}
            />
            <JapaneseDateInput
              label={m.admin.auditTo}
              value={form.values.to}
              onChange={(value) => form.setFieldValue("to", value)}
              error={form.errors.to ? String(form.errors.to) : undefined}
            />
          </SimpleGrid>
          <Group justify="space-between" wrap="wrap">
            <Text size="sm" c="dimmed">
              {m.admin.exportNote}
            </Text>
            <Group gap="xs">
              <Button
                variant="subtle"
                onClick={() => {
                  form.reset();
                  onApply({});
                }}
              >
                {m.common.reset}
              </Button>
              <Button type="submit">{m.admin.applyFilter}</Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
