// /sdgs/invitations 「旧登録制度の登録者の招待」 (the bureau): the invitations with their state (未使用・登録済み・
// 期限切れ), one made by hand in a dialog, a link reissued or an unused invitation withdrawn, and the import of the
// former registrants' file with its row-level report when it is refused. A link is shown once (a new invitation or
// a reissue: in a dialog with a copy button; an import: a CSV saved from this page), since only its hash is kept.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  CopyButton,
  FileInput,
  Group,
  Modal,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import {
  createInvitation,
  deleteInvitation,
  INVITATION_STATE_LABELS,
  INVITATION_STATES,
  type Invitation,
  type InvitationImportResult,
  type InvitationState,
  type IssuedInvitation,
  importInvitations,
  invitationBody,
  reissueInvitation,
} from "../../../common/api/sdgs-accounts";
import { japaneseErrorMap } from "../../../common/zod-japanese";
import { call, upload } from "../../api/client";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateTimeText } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { FormModal } from "../../ui/FormModal";
import { ImportErrorTable, ImportRejectionSummary } from "../../ui/ImportRejection";
import { AnchorLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { useFormSubmit } from "../../ui/useFormSubmit";
import { am } from "./accountMessages";
import { accountKeys, useInvitations } from "./accountQueries";

const t = am.invitations;
const STATE_COLORS: Record<InvitationState, string> = { unused: "blue", used: "teal", expired: "gray" };

/** The one-time link of a new or reissued invitation. */
function LinkDialog({ issued, onClose }: { issued: IssuedInvitation; onClose: () => void }) {
  return (
    <Modal opened onClose={onClose} title={t.linkTitle} size="lg" centered>
      <Stack>
        <Text size="sm" fw={600}>
          {issued.invitation.companyName}
          {issued.invitation.formerRegistrationNumber ? `（${issued.invitation.formerRegistrationNumber}）` : ""}
        </Text>
        <Text size="sm">{t.linkHelp}</Text>
        <TextInput label={t.linkTitle} value={issued.link} readOnly onFocus={(e) => e.currentTarget.select()} />
        <Text size="sm">
          {t.expires}: <DateTimeText timestamp={issued.invitation.expiresAt} />
        </Text>
        <Group justify="flex-end">
          <CopyButton value={issued.link}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy}>
                {copied ? t.copied : t.copy}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onClose}>{t.close}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function InviteDialog({ onClose, onIssued }: { onClose: () => void; onIssued: (issued: IssuedInvitation) => void }) {
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { companyName: "", corporateNumber: "", contactName: "", contactEmail: "", formerRegistrationNumber: "" },
    validate: (values) => {
      const errors: Record<string, string> = {};
      const parsed = invitationBody.safeParse(values, { error: japaneseErrorMap });
      if (!parsed.success) for (const issue of parsed.error.issues) errors[issue.path.map(String).join(".")] ??= issue.message;
      return errors;
    },
  });
  const { formRef, submit, save } = useFormSubmit(form, {
    send: (values) => call(createInvitation, { body: values }),
    saved: async (issued) => {
      await queryClient.invalidateQueries({ queryKey: accountKeys.invitations });
      onIssued(issued);
      onClose();
      return undefined;
    },
  });
  return (
    <FormModal
      title={t.addTitle}
      onClose={onClose}
      formRef={formRef}
      onSubmit={submit}
      error={save.error}
      saving={save.isPending}
      size="lg"
    >
      <TextInput label={am.form.companyName} required data-autofocus maxLength={100} {...form.getInputProps("companyName")} />
      <Group grow align="start">
        <TextInput label={am.form.corporateNumber} inputMode="numeric" maxLength={20} {...form.getInputProps("corporateNumber")} />
        <TextInput label={t.former} maxLength={40} {...form.getInputProps("formerRegistrationNumber")} />
      </Group>
      <Group grow align="start">
        <TextInput label={am.form.contactName} maxLength={100} {...form.getInputProps("contactName")} />
        <TextInput label={am.form.contactEmail} required type="email" maxLength={254} {...form.getInputProps("contactEmail")} />
      </Group>
    </FormModal>
  );
}

function saveBase64(base64: string, name: string) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: "text/csv;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function ImportSection() {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: (chosen: File) => upload(importInvitations, {}, chosen),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.invitations }),
  });
  const result: InvitationImportResult | undefined = run.data;

  function send(event: FormEvent) {
    event.preventDefault();
    if (!file) return setFileError(`${am.invitations.file}を選んでください。`);
    if (!/\.(csv|tsv|xlsx)$/i.test(file.name)) return setFileError("CSV（.csv）または Excel（.xlsx）のファイルを選んでください。");
    setFileError(null);
    run.mutate(file);
  }

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="invitation-import">
      <Title order={2} id="invitation-import" mb="sm" className="yk-section-title">
        {t.importTitle}
      </Title>
      <Text size="sm" mb="sm">
        {t.importHelp}
      </Text>
      <form onSubmit={send} noValidate>
        <Group align="end" gap="sm" wrap="wrap">
          <FileInput
            label={t.file}
            accept=".csv,.tsv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={(chosen) => {
              setFile(chosen);
              setFileError(null);
              run.reset();
            }}
            error={fileError}
            clearable
            w={{ base: "100%", sm: 360 }}
          />
          <Button type="submit" loading={run.isPending}>
            {t.importButton}
          </Button>
        </Group>
      </form>
      <Stack mt="md" gap="sm">
        <ErrorAlert error={run.error} />
        {result?.ok === true && (
          <Alert
            color={result.duplicate ? "yellow" : "green"}
            variant="light"
            role="status"
            title={result.duplicate ? t.duplicate : t.importDone(result.count)}
          >
            {result.linksCsvBase64 && result.linksCsvName && (
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{t.linksOnce}</Text>
                <Button size="sm" onClick={() => saveBase64(result.linksCsvBase64 as string, result.linksCsvName as string)}>
                  {t.downloadLinks}
                </Button>
              </Stack>
            )}
          </Alert>
        )}
        {result?.ok === false && (
          <>
            <ImportRejectionSummary
              errors={result.errors}
              errorCount={result.errorCount}
              reportFileId={result.reportFileId}
              texts={t.rejection}
              heading={(text, color) => (
                <Text fw={700} c={color}>
                  {text}
                </Text>
              )}
            />
            <ImportErrorTable errors={result.errors} texts={t.rejection} />
          </>
        )}
      </Stack>
    </Paper>
  );
}

export function InvitationsPage() {
  const queryClient = useQueryClient();
  const [draftQ, setDraftQ] = useState("");
  const [q, setQ] = useState("");
  const [state, setState] = useState<InvitationState | "">("");
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [inviting, setInviting] = useState(false);
  const [issued, setIssued] = useState<IssuedInvitation | null>(null);
  const invitations = useInvitations({ q: q || undefined, state: state || undefined, page, pageSize });
  const refresh = () => queryClient.invalidateQueries({ queryKey: accountKeys.invitations });
  const counts = invitations.data?.counts;

  const columns: Column<Invitation>[] = [
    {
      key: "company",
      header: t.company,
      rowHeader: true,
      render: (i) => (
        <Group gap={6} wrap="wrap">
          {i.companyId ? (
            <AnchorLink to="/sdgs/companies/$id" params={{ id: i.companyId }} fw={600}>
              {i.companyName}
            </AnchorLink>
          ) : (
            <Text size="sm" fw={600}>
              {i.companyName}
            </Text>
          )}
          {i.isSample && <SampleBadge />}
        </Group>
      ),
    },
    { key: "former", header: t.former, nowrap: true, render: (i) => i.formerRegistrationNumber ?? am.dash },
    { key: "corporateNumber", header: am.companies.corporateNumber, nowrap: true, render: (i) => i.corporateNumber ?? am.dash },
    {
      key: "contact",
      header: t.contact,
      render: (i) => (
        <Stack gap={0}>
          <Text size="sm">{i.contactName || am.dash}</Text>
          <Text size="xs" c="dimmed">
            {i.contactEmail}
          </Text>
        </Stack>
      ),
    },
    {
      key: "state",
      header: t.state,
      nowrap: true,
      render: (i) => (
        <Badge variant="light" color={STATE_COLORS[i.state]} styles={{ root: { textTransform: "none" } }}>
          {INVITATION_STATE_LABELS[i.state]}
        </Badge>
      ),
    },
    {
      key: "expires",
      header: t.expires,
      nowrap: true,
      render: (i) => (i.state === "used" ? <DateTimeText timestamp={i.usedAt} /> : <DateTimeText timestamp={i.expiresAt} />),
    },
    { key: "source", header: t.source, nowrap: true, render: (i) => (i.imported ? t.imported : t.manual) },
    {
      key: "actions",
      header: "操作",
      nowrap: true,
      render: (i) =>
        i.state === "used" ? null : (
          <Group gap={4} wrap="nowrap">
            <ConfirmButton
              size="xs"
              variant="default"
              message={t.reissueConfirm}
              onConfirm={async () => {
                setIssued(await call(reissueInvitation, { params: { id: i.id } }));
                await refresh();
              }}
            >
              {t.reissue}
            </ConfirmButton>
            <ConfirmButton
              size="xs"
              variant="subtle"
              color="red"
              confirmColor="red"
              message={t.removeConfirm}
              onConfirm={async () => {
                await call(deleteInvitation, { params: { id: i.id } });
                await refresh();
              }}
            >
              {t.remove}
            </ConfirmButton>
          </Group>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t.title}
        subtitle={t.intro}
        breadcrumbs={[{ label: am.moduleName, href: "/sdgs" }, { label: am.companies.title, href: "/sdgs/companies" }, { label: t.title }]}
        actions={<Button onClick={() => setInviting(true)}>{t.add}</Button>}
      />
      <Stack gap="lg">
        <ImportSection />
        <Paper
          withBorder
          p="md"
          component="form"
          role="search"
          aria-label={t.search}
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            setQ(draftQ.trim());
            setPage(1);
          }}
        >
          <Group align="end" gap="sm" wrap="wrap">
            <TextInput
              label={t.search}
              placeholder={t.searchPlaceholder}
              type="search"
              maxLength={100}
              value={draftQ}
              onChange={(e) => setDraftQ(e.currentTarget.value)}
              w={{ base: "100%", sm: 300 }}
            />
            <NativeSelect
              label={t.state}
              value={state}
              onChange={(e) => {
                setState(e.currentTarget.value as InvitationState | "");
                setPage(1);
              }}
              data={[
                { value: "", label: t.all },
                ...INVITATION_STATES.map((s) => ({ value: s, label: `${INVITATION_STATE_LABELS[s]}${counts ? `（${counts[s]}）` : ""}` })),
              ]}
            />
            <Button type="submit">{am.companies.apply}</Button>
            {(q || state) && (
              <Anchor
                component="button"
                type="button"
                size="sm"
                onClick={() => {
                  setDraftQ("");
                  setQ("");
                  setState("");
                  setPage(1);
                }}
              >
                {am.companies.clear}
              </Anchor>
            )}
          </Group>
        </Paper>
        <DataTable
          caption={t.caption}
          columns={columns}
          rows={invitations.data?.items}
          rowKey={(i) => i.id}
          loading={invitations.isFetching && !invitations.data}
          error={invitations.error}
          empty={q || state ? t.emptyFiltered : t.empty}
          paging={{
            page,
            pageSize,
            total: invitations.data?.total ?? 0,
            onPageChange: setPage,
            onPageSizeChange: (size) => {
              setPageSize(size);
              setPage(1);
            },
          }}
          minWidth={1000}
        />
      </Stack>
      {inviting && <InviteDialog onClose={() => setInviting(false)} onIssued={setIssued} />}
      {issued && <LinkDialog issued={issued} onClose={() => setIssued(null)} />}
    </>
  );
}
