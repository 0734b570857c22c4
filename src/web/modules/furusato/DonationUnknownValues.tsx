// 寄附データの取込 (DonationImportPage.tsx), 「未登録の値」: each portal word the 取込設定 does not know, with a select of
// the ledger's values and a 「対応づける」 button that adds the pair to the mapping.
import { Button, Group, Loader, NativeSelect, Paper, Stack, Table, Text, Title, VisuallyHidden } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { type DonationImportResultBody, mapUnknownValue } from "../../../common/api/furusato-ledger";
import { DONATION_FIELDS } from "../../../common/furusato/donation-mapping";
import { call } from "../../api/client";
import { m } from "../../messages";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { lm } from "./ledgerMessages";
import { ledgerKeys, useValueTargets } from "./ledgerQueries";

const t = lm.import;

export type UnknownValue = Extract<DonationImportResultBody, { ok: false }>["unknownValues"][number];

export const unknownKey = (u: Pick<UnknownValue, "field" | "value">) => `${u.field}\u0000${u.value}`;
export function UnknownValuesPanel({
  mappingId,
  values,
  mapped,
  onMapped,
}: {
  mappingId: string;
  values: UnknownValue[];
  mapped: ReadonlySet<string>;
  onMapped: (key: string) => void;
}) {
  const targets = useValueTargets(values.map((v) => v.field));
  const [announcement, setAnnouncement] = useState("");
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="unknown-values-heading">
      <Title order={3} size="h5" id="unknown-values-heading" mb={4}>
        {t.unknownHeading}
      </Title>
      <Text size="sm" mb="sm">
        {t.unknownIntro}
      </Text>
      {targets.loading ? (
        <Loader size="sm" aria-label={m.common.loading} />
      ) : (
        <Table.ScrollContainer minWidth={720} type="native">
          <Table withTableBorder verticalSpacing="xs" className="yk-table">
            <caption className="yk-visually-hidden">{t.unknownCaption}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t.unknownField}</Table.Th>
                <Table.Th scope="col">{t.unknownValue}</Table.Th>
                <Table.Th scope="col" style={{ textAlign: "right" }}>
                  {t.unknownCount}
                </Table.Th>
                <Table.Th scope="col" style={{ textAlign: "right" }}>
                  {t.unknownFirstRow}
                </Table.Th>
                <Table.Th scope="col">{t.unknownTargetColumn}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {values.map((value) => (
                <UnknownValueRow
                  key={unknownKey(value)}
                  mappingId={mappingId}
                  value={value}
                  options={targets.options(value.field)}
                  done={mapped.has(unknownKey(value))}
                  onMapped={(label) => {
                    onMapped(unknownKey(value));
                    setAnnouncement(t.mappedStatus(DONATION_FIELDS[value.field], value.value, label));
                  }}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
    </Paper>
  );
}

function UnknownValueRow({
  mappingId,
  value,
  options,
  done,
  onMapped,
}: {
  mappingId: string;
  value: UnknownValue;
  options: { value: string; label: string }[];
  done: boolean;
  onMapped: (label: string) => void;
}) {
  const queryClient = useQueryClient();
  const [target, setTarget] = useState("");
  const [error, setError] = useState<string | null>(null);
  const fieldName = DONATION_FIELDS[value.field];
  const map = useMutation({
    mutationFn: () => call(mapUnknownValue, { params: { id: mappingId }, body: { field: value.field, value: value.value, target } }),
    onSuccess: (detail) => {
      queryClient.setQueryData(ledgerKeys.mapping(detail.id), detail);
      queryClient.invalidateQueries({ queryKey: ledgerKeys.mappings, exact: true });
      onMapped(options.find((o) => o.value === target)?.label ?? target);
    },
  });

  function submit() {
    if (!target) {
      setError(t.unknownChooseFirst);
      return;
    }
    setError(null);
    map.mutate();
  }

  return (
    <Table.Tr>
      <Table.Td>{fieldName}</Table.Td>
      <Table.Th scope="row" style={{ fontWeight: 600 }}>
        {value.value}
      </Table.Th>
      <Table.Td style={{ textAlign: "right" }}>{lm.count(value.count)}</Table.Td>
      <Table.Td style={{ textAlign: "right" }}>{t.rowNumber(value.firstRow)}</Table.Td>
      <Table.Td>
        {done ? (
          <Text size="sm" fw={600} c="#1e5631">
            {`✓ ${t.mapped}（${options.find((o) => o.value === target)?.label ?? target}）`}
          </Text>
        ) : (
          <Stack gap={4}>
            <Group gap="xs" align="flex-start" wrap="nowrap">
              <NativeSelect
                aria-label={t.unknownTarget(fieldName, value.value)}
                value={target}
                onChange={(e) => {
                  setTarget(e.currentTarget.value);
                  setError(null);
                }}
                data={[{ value: "", label: t.unknownChoose }, ...options]}
                error={error}
                style={{ flex: "1 1 14rem", minWidth: "12rem" }}
              />
              <Button onClick={submit} loading={map.isPending} variant="light">
                {t.mapButton}
              </Button>
            </Group>
            <ErrorAlert error={map.error} />
          </Stack>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
