// /region/cost-shares/rules/$id/compute: compute a 負担金 table — choose the version and fiscal year, type the total
// and the 特定財源, check the figures (populations of the 18 市町 pre-filled from the rule's basis and date, the
// others typed or read from a CSV/Excel file), preview the table, and (region managers) save it; the saved
// computation's page offers the PDF and Excel downloads.
import { Button, Group, NativeSelect, NumberInput, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "@tanstack/react-router";
import { useState } from "react";
import { type ComputationResult, previewCostShares, saveCostShareComputation } from "../../../common/api/region-cost-shares";
import type { CostShareResult } from "../../../common/region/cost-share";
import { call } from "../../api/client";
import { fiscalYearLabel } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { FiscalYearSelect, recentFiscalYears } from "../../ui/FiscalYear";
import { Loading } from "../../ui/Loading";
import { PageHeader } from "../../ui/PageHeader";
import { csm } from "./costShareMessages";
import { bodyOf, type ComputeForm, DeductionsEditor, FiguresEditor, ResultTable } from "./costShareParts";
import { costShareKeys, useCostRule, useCostShareInputs } from "./costShareQueries";
import { rgm } from "./messages";

export function CostComputePage({ id }: { id: string }) {
  const rule = useCostRule(id);
  const [versionId, setVersionId] = useState<string | null>(null);
  const chosen = versionId ?? rule.data?.versions[0]?.id ?? "";
  const inputs = useCostShareInputs([chosen]);
  const version = rule.data?.versions.find((v) => v.id === chosen);
  const [form, setForm] = useState<ComputeForm>({
    fiscalYear: 0,
    total: "",
    deductions: [{ label: "国県支出金", amount: 0 }],
    figures: {},
    figureSource: "",
  });
  const [title, setTitle] = useState("");
  const [result, setResult] = useState<ComputationResult | null>(null);
  const router = useRouter();
  const queryClient = useQueryClient();
  const fiscalYear = form.fiscalYear || version?.appliesFromFiscalYear || 0;
  const preview = useMutation({
    mutationFn: () => call(previewCostShares, { body: { ruleVersionId: chosen, ...bodyOf({ ...form, fiscalYear }) } }),
    onSuccess: setResult,
  });
  const save = useMutation({
    mutationFn: () => call(saveCostShareComputation, { body: { ruleVersionId: chosen, title, ...bodyOf({ ...form, fiscalYear }) } }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: costShareKeys.all });
      router.history.push(`/region/cost-shares/computations/${saved.id}`);
    },
  });
  if (rule.isPending) return <Loading />;
  if (rule.error) return <ErrorAlert error={rule.error} />;
  const r = rule.data;
  const years = recentFiscalYears(
    Math.min(2019, version?.appliesFromFiscalYear ?? 2019),
    version ? [version.appliesFromFiscalYear] : [],
  ).filter((y) => !version || y >= version.appliesFromFiscalYear);
  return (
    <>
      <PageHeader
        title={csm.computeTitle(r.name)}
        subtitle={csm.computeIntro}
        breadcrumbs={[
          { label: rgm.moduleName, href: "/region" },
          { label: csm.title, href: `/region/cost-shares?projectId=${r.projectId}` },
          { label: r.name, href: `/region/cost-shares/rules/${r.id}` },
          { label: csm.compute },
        ]}
      />
      <Stack gap="lg">
        <Paper
          withBorder
          p="md"
          component="form"
          onSubmit={(e) => {
            e.preventDefault();
            preview.mutate();
          }}
        >
          <Stack gap="md">
            <Group align="end" gap="md" wrap="wrap">
              <NativeSelect
                label={csm.version}
                value={chosen}
                onChange={(e) => {
                  setVersionId(e.currentTarget.value);
                  setResult(null);
                }}
                data={r.versions.map((v) => ({
                  value: v.id,
                  label: `${csm.versionLabel(v.version)}（${fiscalYearLabel(v.appliesFromFiscalYear)}〜）`,
                }))}
              />
              <FiscalYearSelect
                label={csm.fiscalYear}
                value={fiscalYear || null}
                onChange={(fy) => setForm({ ...form, fiscalYear: fy ?? 0 })}
                years={years}
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
              <FiguresEditor sets={inputs.data.sets} form={form} setForm={setForm} versionIds={chosen} />
            )}
            <Group>
              <Button type="submit" loading={preview.isPending}>
                {csm.preview}
              </Button>
            </Group>
            {preview.error && <ErrorAlert error={preview.error} />}
          </Stack>
        </Paper>
        {result && (
          <Paper withBorder p="md" component="section" aria-labelledby="cost-share-result">
            <Stack gap="md">
              <Title order={2} size="h4" id="cost-share-result">
                {csm.resultTitle}: {fiscalYearLabel(result.fiscalYear)} {csm.amountToShare}{" "}
                {(result.result as CostShareResult).amountToShare.toLocaleString("ja-JP")}円
              </Title>
              <ResultTable result={result.result as CostShareResult} caption={`${r.name} ${csm.versionLabel(result.version)}`} />
              {r.canManage && (
                <Group align="end">
                  <TextInput label={csm.computationTitle} value={title} onChange={(e) => setTitle(e.currentTarget.value)} w={360} />
                  <Button onClick={() => save.mutate()} loading={save.isPending}>
                    {csm.saveComputation}
                  </Button>
                </Group>
              )}
              {save.error && <ErrorAlert error={save.error} />}
              <Text size="xs" c="dimmed">
                {r.projectName}
              </Text>
            </Stack>
          </Paper>
        )}
      </Stack>
    </>
  );
}
