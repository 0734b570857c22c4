// The gift page's dated cost history with 費用を改定.
import { Badge, Group, Paper, SimpleGrid, Table, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { changeGiftCost, type GiftDetail } from "../../../common/api/furusato";
import { todayInJapan } from "../../../common/dates";
import { call } from "../../api/client";
import { DateText, DateTimeText } from "../../ui/dates";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { useFormSubmit } from "../../ui/useFormSubmit";
import { yen } from "./components";
import { type CostChangeValues, costChangeBody, costChangeErrors, costChangeValues } from "./cost-change-values";
import { InlineForm } from "./InlineForm";
import { fm } from "./messages";
import { storeGift } from "./queries";

export function CostsSection({ gift, canChange }: { gift: GiftDetail; canChange: boolean }) {
  const today = todayInJapan();
  const costs = [...gift.costs].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom) || b.createdAt.localeCompare(a.createdAt));
  const current = costs.find((c) => c.effectiveFrom <= today);
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="costs-heading">
      <Title order={2} id="costs-heading" mb="sm" className="yk-section-title">
        {fm.costs.heading}
      </Title>
      <Table.ScrollContainer minWidth={640} type="native">
        <Table withTableBorder striped verticalSpacing="xs" className="yk-table">
          <caption className="yk-visually-hidden">{fm.costs.caption}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{fm.costs.effectiveFrom}</Table.Th>
              <Table.Th scope="col" style={{ textAlign: "right" }}>
                {fm.costs.procurement}
              </Table.Th>
              <Table.Th scope="col" style={{ textAlign: "right" }}>
                {fm.costs.shipping}
              </Table.Th>
              <Table.Th scope="col">{fm.costs.author}</Table.Th>
              <Table.Th scope="col">{fm.costs.createdAt}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {costs.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={5}>{fm.costs.empty}</Table.Td>
              </Table.Tr>
            )}
            {costs.map((cost) => (
              <Table.Tr key={`${cost.effectiveFrom}-${cost.createdAt}`}>
                <Table.Th scope="row" style={{ fontWeight: 500 }}>
                  <Group gap={6} wrap="nowrap">
                    <DateText iso={cost.effectiveFrom} />
                    {cost === current && (
                      <Badge size="xs" variant="outline" color="green" styles={{ root: { color: "#1e5631", textTransform: "none" } }}>
                        {fm.costs.current}
                      </Badge>
                    )}
                  </Group>
                </Table.Th>
                <Table.Td style={{ textAlign: "right" }}>{yen(cost.procurementCost)}</Table.Td>
                <Table.Td style={{ textAlign: "right" }}>{yen(cost.shippingCost)}</Table.Td>
                <Table.Td>{cost.authorLabel}</Table.Td>
                <Table.Td>
                  <DateTimeText timestamp={cost.createdAt} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {canChange && <CostForm gift={gift} />}
    </Paper>
  );
}

function CostForm({ gift }: { gift: GiftDetail }) {
  const queryClient = useQueryClient();
  const form = useForm<CostChangeValues>({ initialValues: costChangeValues(gift), validate: costChangeErrors });
  const { formRef, submit, save, status } = useFormSubmit(form, {
    send: (values) => call(changeGiftCost, { params: { id: gift.id }, body: costChangeBody(values) }),
    saved: (updated) => {
      storeGift(queryClient, updated);
      const errorCount = updated.findings.filter((f) => f.severity === "error").length;
      return errorCount > 0 ? fm.costs.savedWithErrors(errorCount) : fm.costs.saved;
    },
  });
  return (
    <InlineForm
      formRef={formRef}
      onSubmit={submit}
      headingId="cost-form-heading"
      title={fm.costs.change}
      help={fm.costs.changeHelp}
      error={save.error}
      submitLabel={fm.costs.change}
      saving={save.isPending}
      status={status}
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <JapaneseDateInput
          label={fm.costs.effectiveLabel}
          {...form.getInputProps("effectiveFrom")}
          value={form.values.effectiveFrom}
          required
        />
        <TextInput label={fm.costs.procurementLabel} {...form.getInputProps("procurementCost")} inputMode="numeric" required />
        <TextInput label={fm.costs.shippingLabel} {...form.getInputProps("shippingCost")} inputMode="numeric" required />
      </SimpleGrid>
    </InlineForm>
  );
}
