// /region/cost-shares/compare?projectId=: the what-if view — two rules (or two versions of one) of the same joint
// project computed on the same total, 特定財源 and figures, member by member with the difference in yen and in
// percentage points, so that the share argument starts from facts.
import { Button, Group, NativeSelect, NumberInput, Paper, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQueries } from "@tanstack/react-query";
import { useRouter } from "@tanstack/react-router";
import { useState } from "react";
import { compareCostShares, getCostRule } from "../../../common/api/region-cost-shares";
import { call } from "../../api/client";
import { type Column, DataTable } from "../../ui/DataTable";
import { fiscalYearLabel } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { currentFiscalYear, FiscalYearSelect, recentFiscalYears } from "../../ui/FiscalYear";
import { Loading } from "../../ui/Loading";
import { PageHeader } from "../../ui/PageHeader";
import { csm } from "./costShareMessages";
import { bodyOf, type ComputeForm, DeductionsEditor, FiguresEditor } from "./costShareParts";
import { costShareKeys, useCostRules, useCostShareInputs } from "./costShareQueries";
import { rgm } from "./messages";

type Row = {
  memberId: string;
  name: string;
  a: number;
  b: number;
  difference: number;
  aRatio: number;
  bRatio: number;
  differencePoints: number;
};

const numeric = { fontVariantNumeric: "tabular-nums" } as const;

export function CostComparePage({ projectId }: { projectId?: string }) {
  const router = useRouter();
  const list = useCostRules(projectId);
  const details = useQueries({
    queries: (projectId ? (list.data?.items ?? []) : []).map((r) => ({
      queryKey: costShareKeys.rule(r.id),
      queryFn: () => call(getCostRule, { params: { id: r.id } }),
    })),
  });
  const options = details.flatMap((d) =>
    d.data
      ? d.data.versions.map((v) => ({
          value: v.id,
          label: `${d.data.name} ${csm.versionLabel(v.version)}（${fiscalYearLabel(v.appliesFromFiscalYear)}〜）`,
        }))
      : [],
  );
  const [a, setA] = useState<string | null>(null);
  const [b, setB] = useState<string | null>(null);
  const chosenA = a ?? options[0]?.value ?? "";
  const chosenB = b ?? options[1]?.value ?? "";
  const versionIds = [chosenA, chosenB].filter(Boolean);
  const inputs = useCostShareInputs(versionIds.length === 2 ? versionIds : []);
  const [form, setForm] = useState<ComputeForm>({
    fiscalYear: currentFiscalYear(),
    total: "",
    deductions: [],
    figures: {},
    figureSource: "",
  });
  const compare = useMutation({ mutationFn: () => call(compareCostShares, { body: { a: chosenA, b: chosenB, ...bodyOf(form) } }) });

  const header = (
    <PageHeader
      title={csm.compareTitle}
      subtitle={csm.compareIntro}
      breadcrumbs={[
        { label: rgm.moduleName, href: "/region" },
        { label: csm.title, href: projectId ? `/region/cost-shares?projectId=${projectId}` : "/region/cost-shares" },
        { label: csm.compareTitle },
      ]}
    />
  );
  if (list.isPending) return <Loading />;
  if (list.error)
    return (
      <>
        {header}
        <ErrorAlert error={list.error} />
      </>
    );
  const columns: Column<Row>[] = [
    { key: "name", header: csm.member, rowHeader: true, nowrap: true, render: (r) => r.name },
    {
      key: "a",
      header: `A ${csm.share}（円）`,
      align: "right",
      nowrap: true,
      render: (r) => <span style={numeric}>{r.a.toLocaleString("ja-JP")}</span>,
    },
    {
      key: "b",
      header: `B ${csm.share}（円）`,
      align: "right",
      nowrap: true,
      render: (r) => <span style={numeric}>{r.b.toLocaleString("ja-JP")}</span>,
    },
    {
      key: "diff",
      header: csm.differenceYen,
      align: "right",
      nowrap: true,
      render: (r) => <span style={numeric}>{`${r.difference > 0 ? "+" : ""}${r.difference.toLocaleString("ja-JP")}`}</span>,
    },
    { key: "ar", header: `A ${csm.ratio}`, align: "right", nowrap: true, render: (r) => `${(r.aRatio * 100).toFixed(2)}%` },
    { key: "br", header: `B ${csm.ratio}`, align: "right", nowrap: true, render: (r) => `${(r.bRatio * 100).toFixed(2)}%` },
    {
      key: "pt",
      header: csm.differencePoints,
      align: "right",
      nowrap: true,
      render: (r) => <span style={numeric}>{`${r.differencePoints > 0 ? "+" : ""}${r.differencePoints.toFixed(2)}`}</span>,
    },
  ];
  return (
    <>
      {header}
      <Stack gap="lg">
        <Paper withBorder p="md">
          <NativeSelect
            label={csm.project}
            value={projectId ?? ""}
            style={{ maxWidth: 480 }}
            onChange={(e) => {
              const id = e.currentTarget.value;
              router.history.push(id ? `/region/cost-shares/compare?projectId=${id}` : "/region/cost-shares/compare");
            }}
            data={[
              { value: "", label: csm.chooseProject },
              ...list.data.projects.map((p) => ({ value: p.id, label: `${p.name}（${p.frameworkName}）` })),
            ]}
          />
        </Paper>
        {!projectId ? (
          <Text size="sm">{csm.chooseProject}</Text>
        ) : details.some((d) => d.isPending) ? (
          <Loading />
        ) : options.length < 2 ? (
          <Text size="sm">{csm.needTwo}</Text>
        ) : (
          <Paper
            withBorder
            p="md"
            component="form"
            onSubmit={(e) => {
              e.preventDefault();
              compare.mutate();
            }}
          >
            <Stack gap="md">
              <Group align="end" wrap="wrap">
                <NativeSelect label={csm.ruleA} value={chosenA} onChange={(e) => setA(e.currentTarget.value)} data={options} />
                <NativeSelect label={csm.ruleB} value={chosenB} onChange={(e) => setB(e.currentTarget.value)} data={options} />
              </Group>
              <Group align="end" wrap="wrap">
                <FiscalYearSelect
                  label={csm.fiscalYear}
                  value={form.fiscalYear}
                  onChange={(fy) => setForm({ ...form, fiscalYear: fy ?? currentFiscalYear() })}
                  years={recentFiscalYears()}
                />
                <NumberInput
                  label={csm.total}
                  value={form.total}
                  onChange={(v) => setForm({ ...form, total: v === "" ? "" : Number(v) })}
                  thousandSeparator=","
                  min={0}
                  allowDecimal={false}
                  w={240}
                  required
                />
              </Group>
              <DeductionsEditor form={form} setForm={setForm} />
              <Title order={2} size="h5">
                {csm.inputsTitle}
              </Title>
              {inputs.isPending ? (
                <Loading />
              ) : inputs.error ? (
                <ErrorAlert error={inputs.error} />
              ) : (
                <FiguresEditor sets={inputs.data.sets} form={form} setForm={setForm} versionIds={versionIds.join(",")} />
              )}
              <Group>
                <Button type="submit" loading={compare.isPending}>
                  {csm.runCompare}
                </Button>
              </Group>
              {compare.error && <ErrorAlert error={compare.error} />}
            </Stack>
          </Paper>
        )}
        {compare.data && (
          <DataTable
            caption={`A: ${compare.data.a.ruleName} ${csm.versionLabel(compare.data.a.version)} ／ B: ${compare.data.b.ruleName} ${csm.versionLabel(compare.data.b.version)}`}
            columns={columns}
            rows={compare.data.rows}
            rowKey={(r) => r.memberId}
            minWidth={760}
          />
        )}
      </Stack>
    </>
  );
}
