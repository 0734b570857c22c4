// /furusato/certificates 「寄附金受領証明書」 (the module's managers): the paid donations still without a certificate
// (寄附日の範囲・サイトで絞り込み), 「証明書を作成」 as a job with progress and the PDF (a zip of PDFs past 1,000) to download, the batches made
// before (download again), the issued certificates with 再発行, and — for system administrators — the retention
// of donor data (匿名化).
import { Alert, Button, Group, Loader, NativeSelect, Paper, Stack, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import {
  downloadCertificateBatch,
  listCertificateCandidates,
  retentionStatus,
  runRetention,
  startCertificateBatch,
} from "../../../common/api/furusato-followup";
import { parseJapaneseDate } from "../../../common/dates";
import { call, urlFor } from "../../api/client";
import { useSession } from "../../auth/session";
import { m } from "../../messages";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateText, fiscalYearLabel } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { PageHeader } from "../../ui/PageHeader";
import { JobProgress, useJob } from "../../ui/useJob";
import { BatchesSection, IssuedSection } from "./CertificateHistory";
import { certificateText as t } from "./certificateMessages";
import { batchResult, type Candidate, certificateKeys } from "./certificateQueries";
import { FurusatoNav, yen } from "./components";
import { fm } from "./messages";
import { useFurusatoAccess, usePortals } from "./queries";
import { RevealNames } from "./RevealNames";

const breadcrumbs = [{ label: fm.moduleName, href: "/furusato" }, { label: t.title }];

export function CertificatesPage() {
  const access = useFurusatoAccess();
  if (access.error) {
    return (
      <>
        <PageHeader title={t.title} breadcrumbs={breadcrumbs} />
        <ErrorAlert error={access.error} />
      </>
    );
  }
  if (!access.data) return <Loader aria-label={m.common.loading} />;
  if (!access.data.manager) {
    return (
      <>
        <PageHeader title={t.title} breadcrumbs={breadcrumbs} />
        <FurusatoNav />
        <Alert color="yellow" variant="light" role="status">
          {t.forbidden}
        </Alert>
      </>
    );
  }
  return <CertificatesView />;
}

function CertificatesView() {
  const session = useSession();
  const isAdmin = session.data?.user?.role === "admin";
  return (
    <>
      <PageHeader title={t.title} breadcrumbs={breadcrumbs} subtitle={t.intro} />
      <FurusatoNav />
      <Stack gap="xl">
        <PendingSection />
        <BatchesSection />
        <IssuedSection />
        {isAdmin && <RetentionSection />}
      </Stack>
    </>
  );
}

interface FilterValues {
  from: string;
  to: string;
  portalCode: string;
}

/** An empty date means no limit; a date that cannot be read is refused. */
function filterErrors(values: FilterValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (values.from.trim() && !parseJapaneseDate(values.from)) errors.from = t.badDate;
  if (values.to.trim() && !parseJapaneseDate(values.to)) errors.to = t.badDate;
  return errors;
}

function isoOf(text: string): string | undefined {
  return text.trim() ? parseJapaneseDate(text)?.iso : undefined;
}

function PendingSection() {
  const portals = usePortals();
  const queryClient = useQueryClient();
  const filterForm = useForm<FilterValues>({ initialValues: { from: "", to: "", portalCode: "" }, validate: filterErrors });
  // The listing (and 証明書を作成) follow the filter last applied, not the fields being edited.
  const [filter, setFilter] = useState<{ from?: string; to?: string; portalCode?: string }>({});
  const [page, setPage] = useState(1);
  const [jobId, setJobId] = useState<string | null>(null);
  // Donor names are masked until the manager reveals them (recorded by the server), as on the 寄附台帳.
  const [reveal, setReveal] = useState(false);
  const query = { ...filter, page, pageSize: 50, reveal: reveal ? ("true" as const) : ("false" as const) };
  const pending = useQuery({
    queryKey: certificateKeys.pending(query),
    queryFn: () => call(listCertificateCandidates, { query }),
    placeholderData: keepPreviousData,
  });
  const start = useMutation({
    mutationFn: () =>
      call(startCertificateBatch, { body: { from: filter.from ?? null, to: filter.to ?? null, portalCode: filter.portalCode ?? null } }),
    onSuccess: ({ jobId: id }) => setJobId(id),
  });

  const submit = filterForm.onSubmit((values) => {
    setFilter({ from: isoOf(values.from), to: isoOf(values.to), portalCode: values.portalCode || undefined });
    setPage(1);
  });

  const columns: Column<Candidate>[] = [
    { key: "order", header: t.orderNumber, rowHeader: true, nowrap: true, render: (d) => <span className="yk-code">{d.orderNumber}</span> },
    { key: "portal", header: t.portal, render: (d) => portals.data?.items.find((p) => p.code === d.portalCode)?.name ?? d.portalCode },
    { key: "donatedOn", header: t.donatedOn, nowrap: true, render: (d) => <DateText iso={d.donatedOn} western="title" /> },
    { key: "donor", header: t.donor, render: (d) => d.donorName },
    { key: "amount", header: t.amount, align: "right", nowrap: true, render: (d) => yen(d.amount) },
  ];
  const total = pending.data?.total ?? 0;

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="cert-pending-heading">
      <Title order={2} id="cert-pending-heading" mb="sm" className="yk-section-title">
        {t.pendingHeading}
      </Title>
      <Stack gap="md">
        <form onSubmit={submit} noValidate>
          <Group align="flex-start" wrap="wrap">
            <JapaneseDateInput label={t.from} {...filterForm.getInputProps("from")} value={filterForm.values.from} w={240} />
            <JapaneseDateInput label={t.to} {...filterForm.getInputProps("to")} value={filterForm.values.to} w={240} />
            <NativeSelect
              label={t.portal}
              {...filterForm.getInputProps("portalCode")}
              data={[{ value: "", label: t.allPortals }, ...(portals.data?.items ?? []).map((p) => ({ value: p.code, label: p.name }))]}
            />
            <Button type="submit" mt={25}>
              {t.apply}
            </Button>
          </Group>
        </form>
        {jobId ? (
          <CertificateRun
            jobId={jobId}
            onClose={() => {
              setJobId(null);
              start.reset();
              queryClient.invalidateQueries({ queryKey: certificateKeys.all });
            }}
          />
        ) : (
          <Group>
            <ConfirmButton disabled={total === 0} message={t.createConfirm(total)} onConfirm={() => start.mutateAsync()}>
              {t.create(total)}
            </ConfirmButton>
          </Group>
        )}
        {pending.data?.canReveal && (
          <RevealNames reveal={reveal} revealed={pending.data.revealed} busy={pending.isFetching} onChange={setReveal} />
        )}
        <DataTable
          caption={t.caption}
          columns={columns}
          rows={pending.data?.items}
          rowKey={(d) => d.donationId}
          loading={pending.isFetching && !pending.data}
          error={pending.error}
          paging={pending.data ? { page, pageSize: 50, total, onPageChange: setPage } : undefined}
          empty={t.empty}
          minWidth={720}
        />
      </Stack>
    </Paper>
  );
}

function CertificateRun({ jobId, onClose }: { jobId: string; onClose: () => void }) {
  const job = useJob(jobId);
  const queryClient = useQueryClient();
  const parsed = job.data?.status === "succeeded" ? batchResult.safeParse(job.data.result) : null;
  const result = parsed?.success ? parsed.data : null;
  const finished = job.data?.status === "succeeded" || job.data?.status === "failed";
  useEffect(() => {
    if (finished) queryClient.invalidateQueries({ queryKey: certificateKeys.all });
  }, [finished, queryClient]);
  return (
    <Stack gap="sm">
      <JobProgress jobId={jobId} label={t.progress} />
      {result && (
        <Alert color="green" variant="light">
          <Stack gap="xs">
            <Text fw={700}>{t.done(result.count, result.firstNumber, result.lastNumber)}</Text>
            {result.batchId && (
              <Group>
                <Button component="a" href={urlFor(downloadCertificateBatch, { params: { id: result.batchId } })} download>
                  {t.download}
                </Button>
              </Group>
            )}
          </Stack>
        </Alert>
      )}
      {finished && (
        <Group>
          <Button variant="default" onClick={onClose}>
            {t.again}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function RetentionSection() {
  const queryClient = useQueryClient();
  const status = useQuery({ queryKey: certificateKeys.retention, queryFn: () => call(retentionStatus) });
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJob(jobId);
  const done = job.data?.status === "succeeded";
  useEffect(() => {
    if (done) queryClient.invalidateQueries({ queryKey: certificateKeys.retention });
  }, [done, queryClient]);
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="retention-heading">
      <Title order={2} id="retention-heading" mb="sm" className="yk-section-title">
        {t.retentionHeading}
      </Title>
      <ErrorAlert error={status.error} />
      {status.data && (
        <Stack gap="sm">
          <Text size="sm">{t.retentionText(status.data.years, fiscalYearLabel(status.data.cutoffFiscalYear), status.data.eligible)}</Text>
          {jobId ? (
            <JobProgress jobId={jobId} label={t.retentionProgress} />
          ) : (
            <Group>
              <ConfirmButton
                color="red"
                disabled={status.data.eligible === 0}
                message={t.retentionConfirm(status.data.eligible)}
                onConfirm={async () => setJobId((await call(runRetention, { body: {} })).jobId)}
              >
                {t.retentionRun}
              </ConfirmButton>
            </Group>
          )}
        </Stack>
      )}
    </Paper>
  );
}
