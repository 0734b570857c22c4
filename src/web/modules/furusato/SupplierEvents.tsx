// The supplier page's 検査・受付停止・解除 records, newest first, and (for the module's managers) the form to add one.
import { NativeSelect, Paper, SimpleGrid, Table, Text, Textarea, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { addSupplierEvent, type SupplierDetail } from "../../../common/api/furusato";
import { parseJapaneseDate, todayInJapan } from "../../../common/dates";
import { call } from "../../api/client";
import { m } from "../../messages";
import { DateText, DateTimeText } from "../../ui/dates";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { useFormSubmit } from "../../ui/useFormSubmit";
import { InlineForm } from "./InlineForm";
import { fm } from "./messages";
import { furusatoKeys } from "./queries";

const EVENT_KINDS = ["検査", "受付停止", "解除"] as const;
type EventKind = (typeof EVENT_KINDS)[number];

export function SupplierEvents({ supplier, mayManage }: { supplier: SupplierDetail; mayManage: boolean }) {
  const events = [...supplier.events].sort((a, b) => b.occurredOn.localeCompare(a.occurredOn) || b.createdAt.localeCompare(a.createdAt));
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="supplier-events-heading">
      <Title order={2} id="supplier-events-heading" mb="sm" className="yk-section-title">
        {fm.supplier.eventsHeading}
      </Title>
      <Table.ScrollContainer minWidth={640} type="native">
        <Table withTableBorder striped verticalSpacing="xs" className="yk-table">
          <caption className="yk-visually-hidden">{fm.supplier.eventsCaption}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{fm.supplier.eventDate}</Table.Th>
              <Table.Th scope="col">{fm.supplier.eventKind}</Table.Th>
              <Table.Th scope="col">{fm.supplier.eventNote}</Table.Th>
              <Table.Th scope="col">{fm.supplier.eventAuthor}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {events.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={4}>{fm.supplier.eventsEmpty}</Table.Td>
              </Table.Tr>
            )}
            {events.map((event, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: event records have no id in the API
              <Table.Tr key={`${event.createdAt}-${i}`}>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  <DateText iso={event.occurredOn} />
                </Table.Td>
                <Table.Th scope="row" style={{ fontWeight: 600, whiteSpace: "nowrap" }}>
                  {fm.supplier.eventKinds[event.kind] ?? event.kind}
                </Table.Th>
                <Table.Td className="yk-prewrap">{event.note || fm.dash}</Table.Td>
                <Table.Td>
                  {event.authorLabel}
                  <br />
                  <Text span size="xs" c="dimmed">
                    <DateTimeText timestamp={event.createdAt} />
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {mayManage && <EventForm supplier={supplier} />}
    </Paper>
  );
}

interface EventValues {
  kind: EventKind;
  occurredOn: string;
  note: string;
}

function eventErrors(values: EventValues): Record<string, string> {
  if (!values.occurredOn.trim()) return { occurredOn: fm.supplier.eventDateRequired };
  if (!parseJapaneseDate(values.occurredOn)) return { occurredOn: m.date.invalid };
  return {};
}

function EventForm({ supplier }: { supplier: SupplierDetail }) {
  const queryClient = useQueryClient();
  const form = useForm<EventValues>({
    // A suspended supplier's next record is most likely its 解除.
    initialValues: { kind: supplier.status === "受付停止" ? "解除" : "検査", occurredOn: todayInJapan(), note: "" },
    validate: eventErrors,
  });
  const { formRef, submit, save, status } = useFormSubmit(form, {
    send: (values) =>
      call(addSupplierEvent, {
        params: { id: supplier.id },
        body: { kind: values.kind, occurredOn: values.occurredOn.trim(), note: values.note.trim() },
      }),
    saved: (updated) => {
      queryClient.setQueryData(furusatoKeys.supplier(supplier.id), updated);
      queryClient.invalidateQueries({ queryKey: furusatoKeys.suppliers });
      queryClient.invalidateQueries({ queryKey: ["furusato", "gifts"] });
      queryClient.invalidateQueries({ queryKey: ["furusato", "gift"] });
      form.setFieldValue("note", "");
      return fm.supplier.eventSaved;
    },
  });
  return (
    <InlineForm
      formRef={formRef}
      onSubmit={submit}
      headingId="event-form-heading"
      title={fm.supplier.addEvent}
      help={fm.supplier.addEventHelp}
      error={save.error}
      submitLabel={fm.supplier.addEvent}
      submitColor={form.values.kind === "受付停止" ? "red" : undefined}
      saving={save.isPending}
      status={status}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={fm.supplier.eventKind}
          {...form.getInputProps("kind")}
          data={EVENT_KINDS.map((k) => ({ value: k, label: fm.supplier.eventKinds[k] ?? k }))}
        />
        <JapaneseDateInput label={fm.supplier.eventDate} {...form.getInputProps("occurredOn")} value={form.values.occurredOn} required />
      </SimpleGrid>
      <Textarea label={fm.supplier.eventNote} {...form.getInputProps("note")} autosize minRows={2} maxLength={1000} />
    </InlineForm>
  );
}
