// /furusato/one-stop 「ワンストップ特例」 (市の職員): the applications of one calendar year of donations, with the
// 1月10日 deadline and the days left, counts per status and per missing document (each a filter), and for the
// module's managers the form to record arrival (受付), what is missing (不備) and acceptance (受理). Donor names are
// masked (山田 **) until a manager reveals them, which the server records (the same rule as the 寄附台帳).
import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
  UnstyledButton,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { listOneStop, type OneStopItem, updateOneStop } from "../../../common/api/furusato-followup";
import { ONE_STOP_DOCUMENTS, ONE_STOP_STATUSES, type OneStopDocument, type OneStopStatus } from "../../../common/furusato/donation";
import { call } from "../../api/client";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateText, warekiOf } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { useFlash } from "../../ui/Flash";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { PageHeader } from "../../ui/PageHeader";
import { StatusBadge, type StatusTone } from "../../ui/StatusBadge";
import { FurusatoNav, NotForThisLogin, yen } from "./components";
import { fm } from "./messages";
import { useFurusatoAccess } from "./queries";
import { RevealNames } from "./RevealNames";

const t = {
  title: "ワンストップ特例申請",
  intro: "ワンストップ特例を希望した寄附の申請書の到着・不備・受理を記録します。申請期限は寄附した年の翌年1月10日です。",
  year: "寄附の年（暦年）",
  yearOption: (y: number) => `${y}年（${warekiOf(`${y}-01-01`).replace(/1月1日$/, "")}）`,
  deadline: "申請期限",
  daysLeft: (n: number) => (n > 0 ? `あと${n}日` : n === 0 ? "今日が期限です" : `期限を${-n}日過ぎています`),
  byStatus: "状態ごとの件数",
  byMissing: "不備の内容（不足書類ごとの件数）",
  filterBy: (label: string) => `${label}で絞り込む`,
  clear: "絞り込みを解除",
  filtered: (label: string) => `絞り込み中: ${label}`,
  status: "状態",
  allStatuses: "すべての状態",
  missing: "不足書類",
  allMissing: "すべて",
  caption: "ワンストップ特例申請の一覧",
  empty: "この年のワンストップ特例申請はありません。",
  orderNumber: "受付番号",
  donatedOn: "寄附日",
  donor: "寄附者",
  amount: "寄附金額",
  receivedOn: "受付日",
  note: "メモ（担当者のみ）",
  noteHelp: "個人番号（マイナンバー）は書かないでください。",
  missingHelp: "不備のときは1つ以上、受理のときは選ばないでください。",
  receivedHelp: "空欄なら今日の日付になります。",
  save: "保存",
  saved: (order: string) => `受付番号 ${order} の申請を保存しました。`,
  conflict: "ほかの人が先にこの申請を更新しました。最新の内容を読み込みました。もう一度入力してください。",
  readOnly: "閲覧のみです（更新はふるさと納税の担当者が行います）。",
  formLabel: (order: string) => `受付番号 ${order} の申請の記録`,
  missingRule: "不備のときは不足している書類を1つ以上選んでください。",
  acceptRule: "不足書類があるうちは受理できません。",
  supplierOnly: "この画面は市の職員向けです。",
};

const STATUS_TONES: Record<OneStopStatus, StatusTone> = { 未着: "neutral", 受付: "done", 不備: "danger", 受理: "good" };

const oneStopKeys = {
  all: ["furusato", "one-stop"] as const,
  list: (query: object) => ["furusato", "one-stop", query] as const,
};

export function OneStopPage() {
  const access = useFurusatoAccess();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState<number | undefined>(undefined);
  const [status, setStatus] = useState<OneStopStatus | "">("");
  const [missing, setMissing] = useState<OneStopDocument | "">("");
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [reveal, setReveal] = useState(false);
  const query = {
    year,
    status: status || undefined,
    missing: missing || undefined,
    page,
    pageSize,
    reveal: reveal ? ("true" as const) : ("false" as const),
  };
  const list = useQuery({
    queryKey: oneStopKeys.list(query),
    queryFn: () => call(listOneStop, { query }),
    placeholderData: keepPreviousData,
    enabled: access.data !== undefined && !access.data.supplierId,
  });
  const data = list.data;
  const breadcrumbs = [{ label: fm.moduleName, href: "/furusato" }, { label: t.title }];

  if (access.data?.supplierId) {
    return <NotForThisLogin title={t.title} breadcrumbs={breadcrumbs} message={t.supplierOnly} />;
  }

  const columns: Column<OneStopItem>[] = [
    { key: "order", header: t.orderNumber, rowHeader: true, nowrap: true, render: (a) => <span className="yk-code">{a.orderNumber}</span> },
    { key: "donatedOn", header: t.donatedOn, nowrap: true, render: (a) => <DateText iso={a.donatedOn} western="title" /> },
    { key: "donor", header: t.donor, render: (a) => a.donorName },
    { key: "amount", header: t.amount, align: "right", nowrap: true, render: (a) => yen(a.amount) },
    {
      key: "status",
      header: t.status,
      nowrap: true,
      render: (a) => <StatusBadge label={a.status} tone={STATUS_TONES[a.status]} size="sm" />,
    },
    { key: "missing", header: t.missing, render: (a) => (a.missing.length > 0 ? a.missing.join(fm.listSep) : fm.dash) },
    { key: "receivedOn", header: t.receivedOn, nowrap: true, render: (a) => <DateText iso={a.receivedOn} western="title" /> },
  ];

  const shownYear = data?.year ?? year ?? thisYear;
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);

  return (
    <>
      <PageHeader title={t.title} breadcrumbs={breadcrumbs} subtitle={t.intro} />
      <FurusatoNav />
      <Stack gap="lg">
        <Group align="flex-end" wrap="wrap" gap="md">
          <NativeSelect
            label={t.year}
            value={String(shownYear)}
            onChange={(e) => {
              setYear(Number(e.currentTarget.value));
              setPage(1);
            }}
            data={years.map((y) => ({ value: String(y), label: t.yearOption(y) }))}
          />
          <NativeSelect
            label={t.status}
            value={status}
            onChange={(e) => {
              setStatus(e.currentTarget.value as OneStopStatus | "");
              setPage(1);
            }}
            data={[{ value: "", label: t.allStatuses }, ...ONE_STOP_STATUSES.map((s) => ({ value: s, label: s }))]}
          />
          <NativeSelect
            label={t.missing}
            value={missing}
            onChange={(e) => {
              setMissing(e.currentTarget.value as OneStopDocument | "");
              setPage(1);
            }}
            data={[{ value: "", label: t.allMissing }, ...ONE_STOP_DOCUMENTS.map((d) => ({ value: d, label: d }))]}
          />
        </Group>

        {data && (
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
            <Paper withBorder p="md" component="section" aria-labelledby="one-stop-deadline">
              <Title order={2} size="h5" id="one-stop-deadline">
                {t.deadline}
              </Title>
              <Text size="lg" fw={700}>
                <DateText iso={data.deadline} />
              </Text>
              <Text fw={700} c={data.daysLeft < 0 ? "#9b1c1c" : data.daysLeft <= 14 ? "#6b3d00" : undefined}>
                {t.daysLeft(data.daysLeft)}
              </Text>
            </Paper>
            <CountPanel
              id="one-stop-status"
              title={t.byStatus}
              counts={ONE_STOP_STATUSES.map((s) => ({ label: s, n: data.byStatus[s] ?? 0 }))}
              active={status}
              onPick={(label) => {
                setStatus(label as OneStopStatus);
                setPage(1);
              }}
            />
            <CountPanel
              id="one-stop-missing"
              title={t.byMissing}
              counts={ONE_STOP_DOCUMENTS.map((d) => ({ label: d, n: data.byMissing[d] ?? 0 }))}
              active={missing}
              onPick={(label) => {
                setMissing(label as OneStopDocument);
                setPage(1);
              }}
            />
          </SimpleGrid>
        )}
        {data && !data.canEdit && (
          <Text size="sm" c="dimmed">
            {t.readOnly}
          </Text>
        )}

        {data?.canReveal && <RevealNames reveal={reveal} revealed={data.revealed} busy={list.isFetching} onChange={setReveal} />}

        <DataTable
          caption={t.caption}
          columns={columns}
          rows={data?.items}
          rowKey={(a) => a.donationId}
          loading={list.isFetching && !data}
          error={list.error ?? access.error}
          paging={
            data
              ? {
                  page,
                  pageSize,
                  total: data.total,
                  onPageChange: setPage,
                  onPageSizeChange: (n) => {
                    setPageSize(n);
                    setPage(1);
                  },
                }
              : undefined
          }
          empty={t.empty}
          renderDetail={data?.canEdit ? (a) => <OneStopForm key={`${a.donationId}-${a.version}`} item={a} /> : undefined}
          minWidth={900}
        />
      </Stack>
    </>
  );
}

function CountPanel({
  id,
  title,
  counts,
  active,
  onPick,
}: {
  id: string;
  title: string;
  counts: { label: string; n: number }[];
  active: string;
  onPick: (label: string) => void;
}) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h5" id={id} mb={4}>
        {title}
      </Title>
      <Stack gap={2} component="ul" m={0} p={0} style={{ listStyle: "none" }}>
        {counts.map((c) => (
          <li key={c.label}>
            <UnstyledButton
              onClick={() => onPick(c.label)}
              aria-label={`${c.label} ${fm.count(c.n)}（${t.filterBy(c.label)}）`}
              aria-pressed={active === c.label}
              style={{ display: "flex", justifyContent: "space-between", width: "100%", fontWeight: active === c.label ? 700 : 400 }}
            >
              <span>{c.label}</span>
              <span>{fm.count(c.n)}</span>
            </UnstyledButton>
          </li>
        ))}
      </Stack>
    </Paper>
  );
}

interface OneStopValues {
  status: OneStopStatus;
  missing: OneStopDocument[];
  receivedOn: string;
  note: string;
}

/** 不備 names what is missing; 受理 has nothing missing. */
function missingRule(values: OneStopValues): string | null {
  if (values.status === "不備" && values.missing.length === 0) return t.missingRule;
  if (values.status === "受理" && values.missing.length > 0) return t.acceptRule;
  return null;
}

function OneStopForm({ item }: { item: OneStopItem }) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const form = useForm<OneStopValues>({
    initialValues: {
      status: item.status,
      missing: item.missing,
      receivedOn: item.receivedOn ? warekiOf(item.receivedOn) : "",
      note: item.note,
    },
    validate: (values) => {
      const rule = missingRule(values);
      return rule ? { missing: rule } : {};
    },
  });
  // Once a save was tried, the rule's message follows the choices as they change.
  const [touched, setTouched] = useState(false);
  const save = useMutation({
    mutationFn: (values: OneStopValues) =>
      call(updateOneStop, {
        params: { id: item.donationId },
        body: { version: item.version, ...values, receivedOn: values.receivedOn.trim() || null },
      }),
    onSuccess: () => {
      flash.show(t.saved(item.orderNumber));
      queryClient.invalidateQueries({ queryKey: oneStopKeys.all });
    },
    onError: () => queryClient.invalidateQueries({ queryKey: oneStopKeys.all }),
  });
  const missingError = touched ? missingRule(form.values) : null;
  const saveValues = form.onSubmit((values) => save.mutate(values));
  function submit(event: FormEvent<HTMLFormElement>) {
    setTouched(true);
    saveValues(event);
  }
  const status = form.values.status;

  const base = `one-stop-${item.donationId}`;
  return (
    <Paper component="form" onSubmit={submit} p="sm" aria-label={t.formLabel(item.orderNumber)} noValidate>
      <Stack gap="sm">
        <Radio.Group label={t.status} {...form.getInputProps("status")} id={`${base}-status`}>
          <Group gap="md" mt={4}>
            {ONE_STOP_STATUSES.map((s) => (
              <Radio key={s} value={s} label={s} />
            ))}
          </Group>
        </Radio.Group>
        <Checkbox.Group
          label={t.missing}
          description={t.missingHelp}
          {...form.getInputProps("missing")}
          error={missingError}
          id={`${base}-missing`}
        >
          <Group gap="md" mt={4}>
            {ONE_STOP_DOCUMENTS.map((d) => (
              <Checkbox key={d} value={d} label={d} />
            ))}
          </Group>
        </Checkbox.Group>
        {status !== "未着" && (
          <JapaneseDateInput
            id={`${base}-received`}
            label={t.receivedOn}
            description={t.receivedHelp}
            {...form.getInputProps("receivedOn")}
            value={form.values.receivedOn}
            w={260}
          />
        )}
        <Textarea
          id={`${base}-note`}
          label={t.note}
          description={t.noteHelp}
          {...form.getInputProps("note")}
          maxLength={500}
          autosize
          minRows={2}
        />
        <ErrorAlert
          error={save.error}
          conflictMessage={t.conflict}
          fieldLabels={{ missing: t.missing, receivedOn: t.receivedOn, note: t.note }}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t.save}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
