// The gift page's dated cost history with 費用を改定.
import { Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { changeGiftCost, type GiftDetail } from "../../../common/api/furusato";
import { parseJapaneseDate, todayInJapan } from "../../../common/dates";
import { call } from "../../api/client";
import { m } from "../../messages";
import { DateText, DateTimeText } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrors } from "../../ui/errors";
import { useFlash } from "../../ui/Flash";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { parseNumberText, yen } from "./components";
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
  const flash = useFlash();
  const [effectiveFrom, setEffectiveFrom] = useState(todayInJapan());
  const [procurement, setProcurement] = useState(gift.procurementCost === null ? "" : String(gift.procurementCost));
  const [shipping, setShipping] = useState(gift.shippingCost === null ? "" : String(gift.shippingCost));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState("");
  const formRef = useRef<HTMLFormElement>(null);
  const save = useMutation({
    mutationFn: (body: { procurementCost: number; shippingCost: number }) =>
      call(changeGiftCost, { params: { id: gift.id }, body: { ...body, effectiveFrom: effectiveFrom.trim() } }),
    onSuccess: (updated) => {
      storeGift(queryClient, updated);
      const errorCount = updated.findings.filter((f) => f.severity === "error").length;
      const message = errorCount > 0 ? fm.costs.savedWithErrors(errorCount) : fm.costs.saved;
      setStatus(message);
      flash.show(message);
    },
    onError: (error) => setErrors(fieldErrors(error)),
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    setStatus("");
    const found: Record<string, string> = {};
    const p = parseNumberText(procurement);
    const s = parseNumberText(shipping);
    if (!effectiveFrom.trim()) found.effectiveFrom = fm.costs.dateRequired;
    else if (!parseJapaneseDate(effectiveFrom)) found.effectiveFrom = m.date.invalid;
    if (p === null) found.procurementCost = fm.form.procurementRequired;
    else if (p === undefined || !Number.isInteger(p) || p < 0) found.procurementCost = fm.form.numberInvalid;
    if (s === null) found.shippingCost = fm.form.shippingRequired;
    else if (s === undefined || !Number.isInteger(s) || s < 0) found.shippingCost = fm.form.numberInvalid;
    setErrors(found);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    save.mutate({ procurementCost: p as number, shippingCost: s as number });
  }
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="cost-form-heading">
      <Stack gap="sm" mt="lg">
        <Title order={3} size="h4" id="cost-form-heading">
          {fm.costs.change}
        </Title>
        <Text size="sm" c="dimmed">
          {fm.costs.changeHelp}
        </Text>
        <ErrorAlert error={save.error} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <JapaneseDateInput
            label={fm.costs.effectiveLabel}
            value={effectiveFrom}
            onChange={(value) => setEffectiveFrom(value)}
            error={errors.effectiveFrom || undefined}
            required
          />
          <TextInput
            label={fm.costs.procurementLabel}
            value={procurement}
            onChange={(e) => setProcurement(e.currentTarget.value)}
            error={errors.procurementCost || undefined}
            inputMode="numeric"
            required
          />
          <TextInput
            label={fm.costs.shippingLabel}
            value={shipping}
            onChange={(e) => setShipping(e.currentTarget.value)}
            error={errors.shippingCost || undefined}
            inputMode="numeric"
            required
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={save.isPending}>
            {fm.costs.change}
          </Button>
          <Text size="sm" role="status" aria-live="polite" fw={600}>
            {status}
          </Text>
        </Group>
      </Stack>
    </form>
  );
}

// ------------------------------------------------------------------ reviews
