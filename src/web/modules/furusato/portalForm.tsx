// The settings every portal has (code, name, fee, points, field limits, active), shared by the JSON template editor
// and the ふるさとチョイス header import; plus the collapsible list of what a template may use.
import { Button, Checkbox, Collapse, SimpleGrid, Stack, Switch, Table, Text, TextInput } from "@mantine/core";
import { useId, useState } from "react";
import type { z } from "zod";
import type { portal as portalSchema } from "../../../common/api/furusato";
import { FIELD_LABELS } from "../../../common/furusato/rules";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { parseNumberText } from "./components";
import { fm } from "./messages";
import { useTemplateVocabulary } from "./queries";

export type Portal = z.infer<typeof portalSchema>;
export const LIMIT_FIELDS = ["title", "catchCopy", "description", "supplierName", "contents"] as const;
export type LimitField = (typeof LIMIT_FIELDS)[number];

/** 10% for 0.1, 12.5% for 0.125 (no floating-point noise). */
export function feePercent(ratio: number): string {
  return String(Math.round(ratio * 100_000) / 1000);
}

export interface PortalBasics {
  code: string;
  name: string;
  /** percent, as typed */
  fee: string;
  grantsPoints: boolean;
  active: boolean;
  /** as typed; blank = no limit */
  limits: Record<LimitField, string>;
}

/** What the server's contracts take (fieldLimits lists only the limited fields). */
export interface PortalBasicsValue {
  code: string;
  name: string;
  feeRatio: number;
  grantsPoints: boolean;
  active: boolean;
  fieldLimits: Partial<Record<LimitField, number>>;
}

/** Fields of the basics (server field errors with these keys, or fieldLimits.*, belong to them). */
export const BASICS_FIELDS = new Set(["code", "name", "feeRatio", "grantsPoints", "active", "fieldLimits"]);
export const isBasicsField = (key: string) => BASICS_FIELDS.has(key) || key.startsWith("fieldLimits.");

export function initialBasics(portal: Portal | null): PortalBasics {
  const limits = {} as Record<LimitField, string>;
  for (const f of LIMIT_FIELDS) limits[f] = typeof portal?.fieldLimits[f] === "number" ? String(portal.fieldLimits[f]) : "";
  return {
    code: portal?.code ?? "",
    name: portal?.name ?? "",
    fee: portal ? feePercent(portal.feeRatio) : "",
    grantsPoints: portal?.grantsPoints ?? false,
    active: portal?.active ?? true,
    limits,
  };
}

/** Checks the basics in the browser; `value` is set when there is nothing to correct. */
export function checkBasics(
  basics: PortalBasics,
  { isNew, existingCodes }: { isNew: boolean; existingCodes: string[] },
): { errors: Record<string, string>; value: PortalBasicsValue | null } {
  const errors: Record<string, string> = {};
  const code = basics.code.trim();
  if (!/^[a-z0-9-]{2,30}$/.test(code)) errors.code = fm.portals.codeInvalid;
  else if (isNew && existingCodes.includes(code)) errors.code = fm.portals.codeTaken;
  if (!basics.name.trim()) errors.name = fm.portals.nameRequired;
  const feeValue = parseNumberText(basics.fee);
  if (feeValue === null || feeValue === undefined || feeValue < 0 || feeValue > 99) errors.feeRatio = fm.portals.feeInvalid;
  const fieldLimits: Partial<Record<LimitField, number>> = {};
  for (const f of LIMIT_FIELDS) {
    const n = parseNumberText(basics.limits[f]);
    if (n === null) continue;
    if (n === undefined || !Number.isInteger(n) || n < 1 || n > 100_000) errors[`fieldLimits.${f}`] = fm.portals.limitInvalid;
    else fieldLimits[f] = n;
  }
  if (Object.keys(errors).length > 0) return { errors, value: null };
  return {
    errors,
    value: {
      code,
      name: basics.name.trim(),
      // Percent → ratio without floating-point noise (12.5 → 0.125).
      feeRatio: Math.round((feeValue as number) * 1000) / 100_000,
      grantsPoints: basics.grantsPoints,
      active: basics.active,
      fieldLimits,
    },
  };
}

export function PortalBasicsFields({
  value,
  onChange,
  errors,
  codeReadOnly,
}: {
  value: PortalBasics;
  onChange: (update: (current: PortalBasics) => PortalBasics) => void;
  errors: Record<string, string>;
  codeReadOnly: boolean;
}) {
  const set =
    <K extends keyof PortalBasics>(key: K) =>
    (next: PortalBasics[K]) =>
      onChange((current) => ({ ...current, [key]: next }));
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={fm.portals.codeLabel}
          description={fm.portals.codeDescription}
          value={value.code}
          onChange={(e) => set("code")(e.currentTarget.value)}
          error={errors.code || undefined}
          readOnly={codeReadOnly}
          maxLength={30}
          autoCapitalize="none"
          spellCheck={false}
          required
        />
        <TextInput
          label={fm.portals.nameLabel}
          value={value.name}
          onChange={(e) => set("name")(e.currentTarget.value)}
          error={errors.name || undefined}
          maxLength={100}
          required
        />
        <TextInput
          label={fm.portals.feeLabel}
          description={fm.portals.feeDescription}
          value={value.fee}
          onChange={(e) => set("fee")(e.currentTarget.value)}
          error={errors.feeRatio || undefined}
          inputMode="decimal"
          rightSection={<Text size="sm">%</Text>}
          required
        />
      </SimpleGrid>
      <Checkbox
        label={fm.portals.grantsPoints}
        checked={value.grantsPoints}
        onChange={(e) => set("grantsPoints")(e.currentTarget.checked)}
      />
      <Switch label={fm.portals.activeLabel} checked={value.active} onChange={(e) => set("active")(e.currentTarget.checked)} />
      <fieldset className="yk-fieldset">
        <legend>{fm.portals.limitsLegend}</legend>
        <Text size="sm" c="dimmed" mb="xs">
          {fm.portals.limitsHelp}
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 5 }}>
          {LIMIT_FIELDS.map((f) => (
            <TextInput
              key={f}
              label={FIELD_LABELS[f]}
              value={value.limits[f]}
              onChange={(e) => {
                const typed = e.currentTarget.value;
                onChange((current) => ({ ...current, limits: { ...current.limits, [f]: typed } }));
              }}
              error={errors[`fieldLimits.${f}`] || undefined}
              inputMode="numeric"
            />
          ))}
        </SimpleGrid>
      </fieldset>
    </>
  );
}

const MONO = 'ui-monospace, "BIZ UDGothic", Menlo, Consolas, monospace';

/** A button that shows or hides the fields and functions a template may use (from the server's vocabulary). */
export function VocabularyHelp() {
  const [open, setOpen] = useState(false);
  const regionId = useId();
  const vocabulary = useTemplateVocabulary(open);
  return (
    <div>
      <Button
        variant="subtle"
        size="compact-sm"
        px={4}
        aria-expanded={open}
        aria-controls={regionId}
        onClick={() => setOpen((o) => !o)}
        leftSection={<span aria-hidden="true">{open ? "▾" : "▸"}</span>}
      >
        {fm.vocabulary.toggle}
      </Button>
      <Collapse expanded={open} id={regionId}>
        <Stack gap="sm" mt="xs" role="region" aria-label={fm.vocabulary.toggle}>
          <Text size="sm">{fm.vocabulary.intro}</Text>
          <ErrorAlert error={vocabulary.error} />
          {vocabulary.isPending && !vocabulary.error && (
            <Text size="sm" c="dimmed" role="status">
              {fm.vocabulary.loading}
            </Text>
          )}
          {vocabulary.data && (
            <>
              <Table.ScrollContainer minWidth={480}>
                <Table striped withTableBorder fz="sm" verticalSpacing={4}>
                  <Table.Caption style={{ captionSide: "top", textAlign: "left", fontWeight: 700 }}>
                    {fm.vocabulary.fieldsCaption}
                  </Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{fm.vocabulary.fieldPath}</Table.Th>
                      <Table.Th scope="col">{fm.vocabulary.fieldLabel}</Table.Th>
                      <Table.Th scope="col">{fm.vocabulary.fieldType}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {vocabulary.data.fields.map((f) => (
                      <Table.Tr key={f.path}>
                        <Table.Th scope="row" style={{ fontFamily: MONO, fontWeight: 400, whiteSpace: "nowrap" }}>
                          {f.path}
                        </Table.Th>
                        <Table.Td>{f.label}</Table.Td>
                        <Table.Td style={{ whiteSpace: "nowrap" }}>{fm.vocabulary.types[f.type] ?? f.type}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <Table.ScrollContainer minWidth={480}>
                <Table striped withTableBorder fz="sm" verticalSpacing={4}>
                  <Table.Caption style={{ captionSide: "top", textAlign: "left", fontWeight: 700 }}>
                    {fm.vocabulary.functionsCaption}
                  </Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{fm.vocabulary.functionName}</Table.Th>
                      <Table.Th scope="col">{fm.vocabulary.functionUsage}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {vocabulary.data.functions.map((f) => (
                      <Table.Tr key={f.name}>
                        <Table.Th scope="row" style={{ fontFamily: MONO, fontWeight: 400 }}>
                          {f.name}
                        </Table.Th>
                        <Table.Td style={{ fontFamily: MONO }}>{f.usage}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </>
          )}
        </Stack>
      </Collapse>
    </div>
  );
}
