// /furusato/certificates 「寄附金受領証明書」 (the module's managers): the paid donations still without a certificate
// (寄附日の範囲・サイトで絞り込み), 「証明書を作成」 as a job with progress and the PDF (a zip of PDFs past 1,000) to download, the batches made
// before (download again), the issued certificates with 再発行, and — for system administrators — the retention
// of donor data (匿名化).
import { Alert, Anchor, Button, Group, Loader, NativeSelect, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { z } from "zod";
import {
  type certificateBatch,
  type certificateCandidate,
  downloadCertificateBatch,
  type issuedCertificate,
  listCertificateBatches,
  listCertificateCandidates,
  listCertificates,
  reissueCertificate,
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
import { DateText, DateTimeText, fiscalYearLabel } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { useFlash } from "../../ui/Flash";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { PageHeader } from "../../ui/PageHeader";
import { JobProgress, useJob } from "../../ui/useJob";
import { FurusatoNav, yen } from "./components";
import { fm } from "./messages";
import { useFurusatoAccess, usePortals } from "./queries";
import { RevealNames } from "./RevealNames";

const t = {
  title: "寄附金受領証明書",
  intro:
    "入金済の寄附に受領証明書（1寄附1ページ）を作成します。1,000件までは1つの PDF、それを超えると 1,000件ごとの PDF をまとめた ZIP になります。作成済みの寄附は次の作成から除かれます。",
  forbidden: "受領証明書は、ふるさと納税の担当者だけが作成・ダウンロードできます。",
  pendingHeading: "作成が必要な寄附",
  from: "寄附日（から）",
  to: "寄附日（まで）",
  portal: "寄附受付サイト",
  allPortals: "すべてのサイト",
  apply: "表示",
  badDate: "日付を読み取れません。",
  caption: "受領証明書がまだない入金済の寄附",
  empty: "受領証明書の作成が必要な寄附はありません。",
  orderNumber: "受付番号",
  donatedOn: "寄附日",
  donor: "寄附者",
  amount: "寄附金額",
  create: (n: number) => `この条件で証明書を作成（${n}件）`,
  createConfirm: (n: number) =>
    `表示中の条件に合う ${n}件の受領証明書を作成します。番号は今年度の続きから振られ、取り消せません。作成には件数に応じて時間がかかります（1万件でおよそ1〜2分）。`,
  progress: "受領証明書の作成",
  done: (n: number, first: string | null, last: string | null) =>
    n === 0 ? "新たに作成する寄附はありませんでした。" : `${n}件を作成しました（${first}～${last}）。`,
  download: "ダウンロード",
  downloadLabel: (label: string) => `${label} のファイル（PDF または ZIP）をダウンロード`,
  again: "閉じる",
  batchesHeading: "作成した証明書（PDF・ZIP）",
  batchesCaption: "作成した受領証明書のまとまり",
  batchesEmpty: "まだ作成していません。",
  createdAt: "作成日時",
  createdBy: "作成者",
  count: "件数",
  numbers: "証明書番号",
  reissueMark: "再発行",
  issuedHeading: "発行済みの証明書と再発行",
  search: "証明書番号・受付番号",
  searchButton: "検索",
  issuedCaption: "発行済みの受領証明書",
  issuedEmpty: "該当する証明書はありません。",
  issuedOn: "発行日",
  reissue: "再発行",
  reissueLabel: (n: string) => `${n} を再発行`,
  reissueConfirm: (n: string) => `${n} を再発行します。新しい番号の証明書（「再発行」と元の番号を記載）が作られます。`,
  reissued: (n: string) => `${n} として再発行しました。`,
  retentionHeading: "寄附者情報の保存期間（システム管理者）",
  retentionText: (years: number, fy: string, n: number) =>
    `保存期間は年度末から${years}年です。${fy}以前の寄附で、まだ匿名化していないものが ${n}件あります。`,
  retentionRun: "期限を過ぎた寄附者情報を匿名化",
  retentionConfirm: (n: number) =>
    `${n}件の寄附の氏名・住所・電話・メール・お届け先を消去し、氏名を「（匿名化済）」にします。元に戻せません。`,
  retentionProgress: "匿名化",
};

type Candidate = z.infer<typeof certificateCandidate>;
type Batch = z.infer<typeof certificateBatch>;
type Issued = z.infer<typeof issuedCertificate>;

const batchResult = z.object({
  batchId: z.string().nullable(),
  count: z.number(),
  firstNumber: z.string().nullable(),
  lastNumber: z.string().nullable(),
});

const certificateKeys = {
  all: ["furusato", "certificates"] as const,
  pending: (query: object) => ["furusato", "certificates", "pending", query] as const,
  batches: ["furusato", "certificates", "batches"] as const,
  issued: (query: object) => ["furusato", "certificates", "issued", query] as const,
  retention: ["furusato", "retention"] as const,
};

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

function batchLabel(b: Pick<Batch, "firstNumber" | "lastNumber">): string {
  return b.firstNumber === b.lastNumber ? (b.firstNumber ?? "") : `${b.firstNumber}～${b.lastNumber}`;
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

function PendingSection() {
  const portals = usePortals();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState({ from: "", to: "", portalCode: "" });
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});
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

  function submit(event: FormEvent) {
    event.preventDefault();
    const from = draft.from.trim() ? parseJapaneseDate(draft.from) : null;
    const to = draft.to.trim() ? parseJapaneseDate(draft.to) : null;
    const found = { from: draft.from.trim() && !from ? t.badDate : undefined, to: draft.to.trim() && !to ? t.badDate : undefined };
    setErrors(found);
    if (found.from || found.to) return;
    setFilter({ from: from?.iso, to: to?.iso, portalCode: draft.portalCode || undefined });
    setPage(1);
  }

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
            <JapaneseDateInput
              label={t.from}
              value={draft.from}
              onChange={(v) => setDraft({ ...draft, from: v })}
              error={errors.from}
              w={240}
            />
            <JapaneseDateInput label={t.to} value={draft.to} onChange={(v) => setDraft({ ...draft, to: v })} error={errors.to} w={240} />
            <NativeSelect
              label={t.portal}
              value={draft.portalCode}
              onChange={(e) => setDraft({ ...draft, portalCode: e.currentTarget.value })}
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

function BatchesSection() {
  const batches = useQuery({ queryKey: certificateKeys.batches, queryFn: () => call(listCertificateBatches) });
  const columns: Column<Batch>[] = [
    { key: "createdAt", header: t.createdAt, rowHeader: true, nowrap: true, render: (b) => <DateTimeText timestamp={b.createdAt} /> },
    { key: "createdBy", header: t.createdBy, render: (b) => b.createdBy || fm.dash },
    { key: "count", header: t.count, align: "right", nowrap: true, render: (b) => fm.count(b.certificateCount) },
    {
      key: "numbers",
      header: t.numbers,
      render: (b) => (
        <span>
          <span className="yk-code">{batchLabel(b)}</span>
          {b.reissue ? `（${t.reissueMark}）` : ""}
        </span>
      ),
    },
    {
      key: "download",
      header: t.download,
      nowrap: true,
      render: (b) => (
        <Anchor
          href={urlFor(downloadCertificateBatch, { params: { id: b.id } })}
          download
          size="sm"
          aria-label={t.downloadLabel(batchLabel(b))}
        >
          {t.download}
        </Anchor>
      ),
    },
  ];
  return (
    <section aria-labelledby="cert-batches-heading">
      <Title order={2} id="cert-batches-heading" mb="sm" className="yk-section-title">
        {t.batchesHeading}
      </Title>
      <DataTable
        caption={t.batchesCaption}
        captionHidden
        columns={columns}
        rows={batches.data?.items}
        rowKey={(b) => b.id}
        loading={batches.isFetching && !batches.data}
        error={batches.error}
        empty={t.batchesEmpty}
        minWidth={720}
      />
    </section>
  );
}

function IssuedSection() {
  const flash = useFlash();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState("");
  const [q, setQ] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const query = { q, page, pageSize: 20 };
  const issued = useQuery({
    queryKey: certificateKeys.issued(query),
    queryFn: () => call(listCertificates, { query }),
    placeholderData: keepPreviousData,
  });
  const columns: Column<Issued>[] = [
    {
      key: "number",
      header: t.numbers,
      rowHeader: true,
      nowrap: true,
      render: (c) => (
        <span>
          <span className="yk-code">{c.certificateNumber}</span>
          {c.reissue ? `（${t.reissueMark}）` : ""}
        </span>
      ),
    },
    { key: "order", header: t.orderNumber, nowrap: true, render: (c) => <span className="yk-code">{c.orderNumber}</span> },
    { key: "donatedOn", header: t.donatedOn, nowrap: true, render: (c) => <DateText iso={c.donatedOn} western="title" /> },
    { key: "amount", header: t.amount, align: "right", nowrap: true, render: (c) => yen(c.amount) },
    { key: "issuedOn", header: t.issuedOn, nowrap: true, render: (c) => <DateText iso={c.issuedOn} western="title" /> },
    {
      key: "reissue",
      header: t.reissue,
      nowrap: true,
      render: (c) => (
        <ConfirmButton
          size="compact-sm"
          variant="default"
          aria-label={t.reissueLabel(c.certificateNumber)}
          message={t.reissueConfirm(c.certificateNumber)}
          onConfirm={async () => {
            const result = await call(reissueCertificate, { params: { id: c.id }, body: {} });
            flash.show(t.reissued(result.certificateNumber));
            queryClient.invalidateQueries({ queryKey: certificateKeys.all });
          }}
        >
          {t.reissue}
        </ConfirmButton>
      ),
    },
  ];
  return (
    <section aria-labelledby="cert-issued-heading">
      <Title order={2} id="cert-issued-heading" mb="sm" className="yk-section-title">
        {t.issuedHeading}
      </Title>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setQ(draft.trim() || undefined);
          setPage(1);
        }}
      >
        <Group align="flex-end" mb="sm">
          <TextInput label={t.search} value={draft} onChange={(e) => setDraft(e.currentTarget.value)} w={280} />
          <Button type="submit">{t.searchButton}</Button>
        </Group>
      </form>
      <DataTable
        caption={t.issuedCaption}
        captionHidden
        columns={columns}
        rows={issued.data?.items}
        rowKey={(c) => c.id}
        loading={issued.isFetching && !issued.data}
        error={issued.error}
        paging={issued.data ? { page, pageSize: 20, total: issued.data.total, onPageChange: setPage } : undefined}
        empty={t.issuedEmpty}
        minWidth={760}
      />
    </section>
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
