// Parts the 負担金 pages share: a rule's components as a table, the inputs form (total, 特定財源, figures with their
// sources, a CSV/Excel import) and the computed table (member × component, 端数調整, 負担額, 割合, each member's
// breakdown with figure, ratio and the amounts before and after rounding).
import { Alert, Button, FileInput, Group, List, NumberInput, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { type InputSet, importCostShareInputs, type ProjectMember } from "../../../common/api/region-cost-shares";
import {
  COMPONENT_KIND_LABELS,
  type CostShareComponent,
  type CostShareResult,
  type CostShareRule,
  formatWeight,
  ROUNDING_METHOD_LABELS,
} from "../../../common/region/cost-share";
import { describePopulationSet } from "../../../common/region/population-basis";
import { upload } from "../../api/client";
import { type Column, DataTable } from "../../ui/DataTable";
import { fiscalYearLabel } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { csm } from "./costShareMessages";

const numeric = { fontVariantNumeric: "tabular-nums" } as const;
export const yen = (n: number) => `${n.toLocaleString("ja-JP")}円`;
export const pct = (ratio: number) => `${(ratio * 100).toFixed(2)}%`;

export function basisText(c: CostShareComponent, members: readonly ProjectMember[]): string {
  const name = (id: string) => members.find((m) => m.id === id)?.name ?? id;
  switch (c.kind) {
    case "equal":
      return "均等に";
    case "population":
      return `人口: ${describePopulationSet(c.basis, c.asOf)}`;
    case "usage":
      return `${c.figureName}（${c.period}）`;
    case "fiscal_need":
      return `基準財政需要額（${fiscalYearLabel(c.fiscalYear)}）`;
    case "hosting":
      return `所在団体 ${name(c.hostMemberId)} が全額`;
    case "fixed":
      return c.shares.map((s) => `${name(s.memberId)} ${formatWeight(s.weight)}`).join("・");
  }
}

export function appliesText(c: CostShareComponent, members: readonly ProjectMember[]): string {
  if (c.kind === "hosting" || c.kind === "fixed") return csm.none;
  const names = (ids: string[]) => ids.map((id) => members.find((m) => m.id === id)?.name ?? id).join("・");
  if (c.appliesTo.mode === "all") return csm.appliesAll;
  return c.appliesTo.mode === "exclude" ? csm.appliesExclude(names(c.appliesTo.memberIds)) : csm.appliesOnly(names(c.appliesTo.memberIds));
}

export function RuleComponents({ rule, members, caption }: { rule: CostShareRule; members: readonly ProjectMember[]; caption: string }) {
  const columns: Column<CostShareComponent & { i: number }>[] = [
    { key: "kind", header: csm.kind, rowHeader: true, nowrap: true, render: (c) => c.label || COMPONENT_KIND_LABELS[c.kind] },
    {
      key: "weight",
      header: csm.weight,
      align: "right",
      nowrap: true,
      render: (c) => <span style={numeric}>{formatWeight(c.weight)}</span>,
    },
    { key: "basis", header: csm.basis, render: (c) => basisText(c, members) },
    { key: "applies", header: csm.appliesTo, render: (c) => appliesText(c, members) },
  ];
  const remainder = members.find((m) => m.id === rule.remainderMemberId)?.name ?? csm.none;
  return (
    <Stack gap="xs">
      <DataTable caption={caption} columns={columns} rows={rule.components.map((c, i) => ({ ...c, i }))} rowKey={(c) => String(c.i)} />
      <Text size="sm">
        {csm.rounding}: {csm.roundingText(rule.rounding.unit, ROUNDING_METHOD_LABELS[rule.rounding.method])} ／ {csm.remainder}: {remainder}
      </Text>
    </Stack>
  );
}

// ── inputs ──

export interface Deduction {
  label: string;
  amount: number;
}

export interface ComputeForm {
  fiscalYear: number;
  total: number | "";
  deductions: Deduction[];
  /** typed figures: key → member id → value */
  figures: Record<string, Record<string, number | null>>;
  figureSource: string;
}

export function bodyOf(form: ComputeForm) {
  const figures: Record<string, Record<string, number | null>> = {};
  for (const [key, table] of Object.entries(form.figures))
    figures[key] = Object.fromEntries(Object.entries(table).filter(([, v]) => v !== null && v !== undefined));
  return {
    fiscalYear: form.fiscalYear,
    total: form.total === "" ? 0 : form.total,
    deductions: form.deductions.filter((d) => d.label.trim() !== "" || d.amount > 0),
    figures,
    figureSource: form.figureSource,
  };
}

export function DeductionsEditor({ form, setForm }: { form: ComputeForm; setForm: (f: ComputeForm) => void }) {
  const set = (i: number, d: Partial<Deduction>) =>
    setForm({ ...form, deductions: form.deductions.map((x, j) => (j === i ? { ...x, ...d } : x)) });
  const deductionTotal = form.deductions.reduce((s, d) => s + (d.amount || 0), 0);
  const amount = (form.total === "" ? 0 : form.total) - deductionTotal;
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <legend>
        <Text fw={600} size="sm">
          {csm.deductions}
        </Text>
      </legend>
      <Stack gap="xs">
        {form.deductions.map((d, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional; their content is what the user types
          <Group key={i} align="end" gap="sm" wrap="wrap">
            <TextInput
              label={csm.deductionLabel(i + 1)}
              value={d.label}
              onChange={(e) => set(i, { label: e.currentTarget.value })}
              w={260}
              list="cost-share-deduction-names"
            />
            <NumberInput
              label={csm.deductionAmount(i + 1)}
              value={d.amount}
              onChange={(v) => set(i, { amount: typeof v === "number" ? v : Number(v) || 0 })}
              thousandSeparator=","
              min={0}
              allowDecimal={false}
              w={200}
            />
            <Button
              variant="subtle"
              color="red"
              onClick={() => setForm({ ...form, deductions: form.deductions.filter((_, j) => j !== i) })}
            >
              {csm.removeDeduction(i + 1)}
            </Button>
          </Group>
        ))}
        <datalist id="cost-share-deduction-names">
          {csm.deductionSuggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        <Group>
          <Button variant="light" onClick={() => setForm({ ...form, deductions: [...form.deductions, { label: "", amount: 0 }] })}>
            {csm.addDeduction}
          </Button>
        </Group>
        <Text size="sm" aria-live="polite">
          {csm.amountToShare}: <strong style={numeric}>{yen(amount)}</strong>
        </Text>
      </Stack>
    </fieldset>
  );
}

export function FiguresEditor({
  sets,
  form,
  setForm,
  versionIds,
}: {
  sets: InputSet[];
  form: ComputeForm;
  setForm: (f: ComputeForm) => void;
  versionIds: string;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [importResult, setImportResult] = useState<
    { ok: true; count: number; fileName: string } | { ok: false; errors: { row: number; column?: string; message: string }[] } | null
  >(null);
  const [importError, setImportError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (sets.length === 0) return <Text size="sm">{csm.noInputs}</Text>;
  const setValue = (key: string, memberId: string, value: number | null) =>
    setForm({ ...form, figures: { ...form.figures, [key]: { ...(form.figures[key] ?? {}), [memberId]: value } } });
  return (
    <Stack gap="md">
      {sets.map((set) => (
        <Stack key={set.key} gap="xs">
          {set.missing.length > 0 && (
            <Alert color="orange" variant="light">
              {csm.missingPopulation(set.missing.join("、"))}
            </Alert>
          )}
          <Table withTableBorder striped>
            <caption style={{ captionSide: "top", textAlign: "left", fontWeight: 600 }}>{set.label}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{csm.member}</Table.Th>
                <Table.Th scope="col" style={{ textAlign: "right" }}>
                  {csm.figure}
                  {set.unit ? `（${set.unit}）` : ""}
                </Table.Th>
                <Table.Th scope="col">{csm.source}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {set.rows.map((r) => {
                const typed = form.figures[set.key]?.[r.memberId];
                return (
                  <Table.Tr key={r.memberId}>
                    <Table.Th scope="row" style={{ fontWeight: 400 }}>
                      {r.memberName}
                    </Table.Th>
                    <Table.Td style={{ textAlign: "right" }}>
                      {r.editable ? (
                        <NumberInput
                          aria-label={csm.figureFor(set.label, r.memberName)}
                          value={typed ?? ""}
                          onChange={(v) => setValue(set.key, r.memberId, v === "" ? null : Number(v))}
                          thousandSeparator=","
                          min={0}
                          allowDecimal={false}
                          w={200}
                          ml="auto"
                        />
                      ) : (
                        <span style={numeric}>{r.value === null ? csm.none : r.value.toLocaleString("ja-JP")}</span>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">
                        {r.editable ? (typed !== undefined && typed !== null ? form.figureSource || r.source : r.source) : r.source}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Stack>
      ))}
      <Paper withBorder p="sm">
        <Stack gap="xs">
          <Text fw={600} size="sm">
            {csm.importTitle}
          </Text>
          <Text size="xs">{csm.importHelp}</Text>
          <Group align="end">
            <FileInput label={csm.importFile} accept=".csv,.tsv,.xlsx" value={file} onChange={setFile} w={320} clearable />
            <Button
              variant="light"
              disabled={!file}
              loading={busy}
              onClick={async () => {
                if (!file) return;
                setBusy(true);
                setImportError(null);
                try {
                  const result = await upload(importCostShareInputs, { query: { versionIds } }, file);
                  if (result.ok) {
                    const figures = { ...form.figures };
                    for (const [key, table] of Object.entries(result.figures)) figures[key] = { ...(figures[key] ?? {}), ...table };
                    setForm({ ...form, figures, figureSource: `取込: ${result.fileName}` });
                    setImportResult({ ok: true, count: result.count, fileName: result.fileName });
                  } else setImportResult(result);
                } catch (error) {
                  setImportError(error);
                } finally {
                  setBusy(false);
                }
              }}
            >
              {csm.importButton}
            </Button>
          </Group>
          {importError !== null && <ErrorAlert error={importError} />}
          {importResult?.ok === true && (
            <Text size="sm" role="status">
              {csm.imported(importResult.count, importResult.fileName)}
            </Text>
          )}
          {importResult?.ok === false && (
            <Alert color="red" variant="light" title={csm.importErrors}>
              <List size="sm">
                {importResult.errors.map((e) => (
                  <List.Item key={`${e.row}-${e.column ?? ""}-${e.message}`}>
                    {e.row}行目{e.column ? `（${e.column}）` : ""}: {e.message}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}

// ── the computed table ──

type ResultRow = {
  key: string;
  name: string;
  cells: number[];
  adjustment: number;
  share: number;
  ratio: number;
  isTotal: boolean;
  memberId?: string;
};

export function ResultTable({ result, caption }: { result: CostShareResult; caption: string }) {
  const rows: ResultRow[] = result.members.map((m) => ({
    key: m.memberId,
    memberId: m.memberId,
    name: m.name,
    cells: m.lines.map((l) => l.amount),
    adjustment: m.adjustment,
    share: m.share,
    ratio: m.ratio,
    isTotal: false,
  }));
  rows.push({
    key: "total",
    name: csm.totalRow,
    cells: result.components.map((k) => k.amount - k.remainder),
    adjustment: result.members.reduce((s, m) => s + m.adjustment, 0),
    share: result.members.reduce((s, m) => s + m.share, 0),
    ratio: 1,
    isTotal: true,
  });
  const num = (v: number, bold: boolean) => (
    <Text size="sm" fw={bold ? 700 : undefined} style={numeric}>
      {v.toLocaleString("ja-JP")}
    </Text>
  );
  const columns: Column<ResultRow>[] = [
    { key: "name", header: csm.member, rowHeader: true, nowrap: true, render: (r) => (r.isTotal ? <strong>{r.name}</strong> : r.name) },
    ...result.components.map(
      (k, i): Column<ResultRow> => ({
        key: `c${i}`,
        header: `${k.label}（${formatWeight(k.weight)}）`,
        align: "right",
        nowrap: true,
        render: (r) => num(r.cells[i], r.isTotal),
      }),
    ),
    { key: "adjustment", header: csm.adjustment, align: "right", nowrap: true, render: (r) => num(r.adjustment, r.isTotal) },
    { key: "share", header: `${csm.share}（円）`, align: "right", nowrap: true, render: (r) => num(r.share, true) },
    { key: "ratio", header: csm.ratio, align: "right", nowrap: true, render: (r) => <span style={numeric}>{pct(r.ratio)}</span> },
  ];
  return (
    <Stack gap="sm">
      <DataTable
        caption={caption}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.key}
        minWidth={720}
        renderDetail={(r) => (r.isTotal ? null : <MemberBreakdown result={result} memberId={r.memberId!} />)}
      />
      <Title order={3} size="h5">
        {csm.breakdown}
      </Title>
      <List size="sm" spacing={4}>
        {result.explanation.map((e) => (
          <List.Item key={e}>{e}</List.Item>
        ))}
      </List>
    </Stack>
  );
}

function MemberBreakdown({ result, memberId }: { result: CostShareResult; memberId: string }) {
  const m = result.members.find((x) => x.memberId === memberId);
  if (!m) return null;
  return (
    <Table withTableBorder fz="sm">
      <caption style={{ captionSide: "top", textAlign: "left" }}>{csm.detailOf(m.name)}</caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{csm.kind}</Table.Th>
          <Table.Th scope="col">{csm.figure}</Table.Th>
          <Table.Th scope="col">{csm.ratio}</Table.Th>
          <Table.Th scope="col">{csm.rawAmount}</Table.Th>
          <Table.Th scope="col">{csm.roundedAmount}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {m.lines.map((l) => (
          <Table.Tr key={l.componentIndex}>
            <Table.Th scope="row" style={{ fontWeight: 400 }}>
              {result.components[l.componentIndex].label}
            </Table.Th>
            <Table.Td style={numeric}>{l.figure === null ? csm.notIncluded : l.figure.toLocaleString("ja-JP")}</Table.Td>
            <Table.Td style={numeric}>{l.figure === null ? "" : `${(l.ratio * 100).toFixed(4)}%`}</Table.Td>
            <Table.Td style={numeric}>{l.rawAmount}</Table.Td>
            <Table.Td style={numeric}>{l.amount.toLocaleString("ja-JP")}</Table.Td>
          </Table.Tr>
        ))}
        {m.adjustment !== 0 && (
          <Table.Tr>
            <Table.Th scope="row" style={{ fontWeight: 400 }}>
              {csm.adjustment}
            </Table.Th>
            <Table.Td />
            <Table.Td />
            <Table.Td />
            <Table.Td style={numeric}>{m.adjustment.toLocaleString("ja-JP")}</Table.Td>
          </Table.Tr>
        )}
      </Table.Tbody>
    </Table>
  );
}
