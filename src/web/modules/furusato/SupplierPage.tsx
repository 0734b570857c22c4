// /furusato/suppliers/$id: a supplier's details, 検査・受付停止・解除 records (and the form to add one), and the form to
// create the supplier's own login account (外部パートナー), and the 提出書類 (documents) with their upload form.
import {
  Anchor,
  Button,
  Group,
  Loader,
  NativeSelect,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, Fragment, useId, useRef, useState } from "react";
import {
  addSupplierEvent,
  createSupplierUser,
  downloadSupplierDocument,
  type SupplierDetail,
  uploadSupplierDocument,
} from "../../../common/api/furusato";
import { parseJapaneseDate } from "../../../common/dates";
import { passwordProblem } from "../../../common/password-rules";
import { DOCUMENT_TYPES, DOCUMENT_UPLOAD_MAX_BYTES } from "../../../common/upload-limits";
import { call, upload, urlFor } from "../../api/client";
import { PasswordRules } from "../../auth/PasswordRules";
import { m } from "../../messages";
import { DateText, DateTimeText, splitTimestamp } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrors } from "../../ui/errors";
import { useFlash } from "../../ui/Flash";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { AnchorLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { FurusatoNav, SampleBadge, SupplierStatusBadge } from "./components";
import { FileUploadForm } from "./FileUploadForm";
import { fm } from "./messages";
import { furusatoKeys, useFurusatoAccess, useSupplier } from "./queries";
import { BankDisplay, BankEditForm, ContactEditForm } from "./SupplierContactForms";

const EVENT_KINDS = ["検査", "受付停止", "解除"] as const;
type EventKind = (typeof EVENT_KINDS)[number];

function todayIso(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

export function SupplierPage({ id }: { id: string }) {
  const supplier = useSupplier(id);
  if (supplier.error) {
    return (
      <>
        <PageHeader
          title={fm.supplier.notFound}
          breadcrumbs={[{ label: fm.suppliers.title, href: "/furusato/suppliers" }, { label: fm.supplier.notFound }]}
        />
        <ErrorAlert error={supplier.error} />
      </>
    );
  }
  if (!supplier.data) return <Loader aria-label={m.common.loading} />;
  return <SupplierView supplier={supplier.data} />;
}

function SupplierView({ supplier }: { supplier: SupplierDetail }) {
  // The API refuses these to anyone but the module's staff; the access endpoint says who they are.
  const access = useFurusatoAccess();
  const mayManage = access.data?.manager === true;
  const isOwnSupplier = access.data?.supplierId != null && access.data.supplierId === supplier.id;
  const [editing, setEditing] = useState<"contact" | "bank" | null>(null);
  const events = [...supplier.events].sort((a, b) => b.occurredOn.localeCompare(a.occurredOn) || b.createdAt.localeCompare(a.createdAt));
  const info: [string, string][] = [
    [fm.suppliers.code, supplier.code],
    [fm.suppliers.contactName, supplier.contactName || fm.dash],
    [fm.suppliers.contactPhone, supplier.contactPhone || fm.dash],
    [fm.suppliers.contactEmail, supplier.contactEmail || fm.dash],
    [fm.suppliers.address, supplier.address || fm.dash],
  ];
  return (
    <>
      <PageHeader
        title={supplier.name}
        breadcrumbs={[{ label: fm.suppliers.title, href: "/furusato/suppliers" }, { label: supplier.name }]}
        badges={
          <>
            <SupplierStatusBadge status={supplier.status} />
            {supplier.isSample && <SampleBadge />}
          </>
        }
        actions={
          <AnchorLink to="/furusato" search={{ supplierId: supplier.id }}>
            {fm.supplier.giftsLink(supplier.giftCount)}
          </AnchorLink>
        }
      />
      <FurusatoNav />
      <Stack gap="lg">
        <Paper withBorder p="lg" component="section" aria-labelledby="supplier-info-heading">
          <Title order={2} id="supplier-info-heading" mb="sm" className="yk-section-title">
            {fm.supplier.infoHeading}
          </Title>
          <dl className="yk-furusato-dl">
            {info.map(([term, value]) => (
              <Fragment key={term}>
                <dt>{term}</dt>
                <dd>{value}</dd>
              </Fragment>
            ))}
            <dt>{fm.suppliers.bank}</dt>
            <dd>
              {supplier.bank === null ? (
                <Text size="sm" c="dimmed" component="span">
                  {fm.suppliers.bankHidden}
                </Text>
              ) : (
                <BankDisplay bank={supplier.bank} />
              )}
            </dd>
          </dl>
          {(mayManage || isOwnSupplier) && editing === null && (
            <Group mt="md" gap="sm">
              <Button variant="default" onClick={() => setEditing("contact")}>
                {fm.contact.edit}
              </Button>
              {mayManage && (
                <Button variant="default" onClick={() => setEditing("bank")}>
                  {fm.bank.edit}
                </Button>
              )}
            </Group>
          )}
          {editing === "contact" && <ContactEditForm supplier={supplier} onDone={() => setEditing(null)} />}
          {editing === "bank" && mayManage && <BankEditForm supplier={supplier} onDone={() => setEditing(null)} />}
        </Paper>

        <Paper withBorder p="lg" component="section" aria-labelledby="supplier-events-heading">
          <Title order={2} id="supplier-events-heading" mb="sm" className="yk-section-title">
            {fm.supplier.eventsHeading}
          </Title>
          <Table.ScrollContainer minWidth={640} type="native">
            <Table withTableBorder striped verticalSpacing="xs" className="yk-table">
              <caption className="yk-visually-hidden">{fm.supplier.eventsCaption}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{fm.supplier.eventDate}</Table.Th>
                  <Table.Th scope="col">{fm.supplier.eventKind}</Table.Th>
                  <Table.Th scope="col">{fm.supplier.eventNote}</Table.Th>
                  <Table.Th scope="col">{fm.supplier.eventAuthor}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {events.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={4}>{fm.supplier.eventsEmpty}</Table.Td>
                  </Table.Tr>
                )}
                {events.map((event, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: event records have no id in the API
                  <Table.Tr key={`${event.createdAt}-${i}`}>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>
                      <DateText iso={event.occurredOn} />
                    </Table.Td>
                    <Table.Th scope="row" style={{ fontWeight: 600, whiteSpace: "nowrap" }}>
                      {fm.supplier.eventKinds[event.kind] ?? event.kind}
                    </Table.Th>
                    <Table.Td className="yk-prewrap">{event.note || fm.dash}</Table.Td>
                    <Table.Td>
                      {event.authorLabel}
                      <br />
                      <Text span size="xs" c="dimmed">
                        <DateTimeText timestamp={event.createdAt} />
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {mayManage && <EventForm supplier={supplier} />}
        </Paper>

        <DocumentsSection supplier={supplier} canUpload={mayManage || isOwnSupplier} />

        {mayManage && supplier.organisationId && <AccountForm supplier={supplier} />}
      </Stack>
    </>
  );
}

function EventForm({ supplier }: { supplier: SupplierDetail }) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const [kind, setKind] = useState<EventKind>(supplier.status === "受付停止" ? "解除" : "検査");
  const [occurredOn, setOccurredOn] = useState(todayIso());
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState("");
  const dateRef = useRef<HTMLInputElement>(null);
  const save = useMutation({
    mutationFn: () =>
      call(addSupplierEvent, { params: { id: supplier.id }, body: { kind, occurredOn: occurredOn.trim(), note: note.trim() } }),
    onSuccess: (updated) => {
      queryClient.setQueryData(furusatoKeys.supplier(supplier.id), updated);
      queryClient.invalidateQueries({ queryKey: furusatoKeys.suppliers });
      queryClient.invalidateQueries({ queryKey: ["furusato", "gifts"] });
      queryClient.invalidateQueries({ queryKey: ["furusato", "gift"] });
      setNote("");
      setStatus(fm.supplier.eventSaved);
      flash.show(fm.supplier.eventSaved);
    },
    onError: (error) => setErrors(fieldErrors(error)),
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    setStatus("");
    const found: Record<string, string> = {};
    if (!occurredOn.trim()) found.occurredOn = fm.supplier.eventDateRequired;
    else if (!parseJapaneseDate(occurredOn)) found.occurredOn = m.date.invalid;
    setErrors(found);
    if (found.occurredOn) return dateRef.current?.focus();
    save.mutate();
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby="event-form-heading">
      <Stack gap="sm" mt="lg">
        <Title order={3} size="h4" id="event-form-heading">
          {fm.supplier.addEvent}
        </Title>
        <Text size="sm" c="dimmed">
          {fm.supplier.addEventHelp}
        </Text>
        <ErrorAlert error={save.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={fm.supplier.eventKind}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as EventKind)}
            data={EVENT_KINDS.map((k) => ({ value: k, label: fm.supplier.eventKinds[k] ?? k }))}
          />
          <JapaneseDateInput
            ref={dateRef}
            label={fm.supplier.eventDate}
            value={occurredOn}
            onChange={(value) => setOccurredOn(value)}
            error={errors.occurredOn || undefined}
            required
          />
        </SimpleGrid>
        <Textarea
          label={fm.supplier.eventNote}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.note || undefined}
          autosize
          minRows={2}
          maxLength={1000}
        />
        <Group>
          <Button type="submit" loading={save.isPending} color={kind === "受付停止" ? "red" : undefined}>
            {fm.supplier.addEvent}
          </Button>
          <Text size="sm" role="status" aria-live="polite" fw={600}>
            {status}
          </Text>
        </Group>
      </Stack>
    </form>
  );
}

function AccountForm({ supplier }: { supplier: SupplierDetail }) {
  const flash = useFlash();
  const rulesId = useId();
  const [loginId, setLoginId] = useState("");
  const [displayName, setDisplayName] = useState(supplier.contactName);
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState("");
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstError = () => requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  const save = useMutation({
    mutationFn: () =>
      call(createSupplierUser, {
        params: { id: supplier.id },
        body: { loginId: loginId.trim(), displayName: displayName.trim(), password },
      }),
    onSuccess: () => {
      const message = fm.supplier.accountCreated(loginId.trim().toLowerCase());
      setStatus(message);
      flash.show(message);
      setLoginId("");
      setPassword("");
    },
    onError: (error) => {
      setErrors(fieldErrors(error));
      focusFirstError();
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    setStatus("");
    const found: Record<string, string> = {};
    const id = loginId.trim().toLowerCase();
    if (!/^[a-z0-9._@-]{3,100}$/.test(id)) found.loginId = fm.supplier.loginIdInvalid;
    if (!displayName.trim()) found.displayName = fm.supplier.displayNameRequired;
    const problem = passwordProblem(password, id);
    if (problem) found.password = problem;
    setErrors(found);
    if (Object.keys(found).length > 0) return focusFirstError();
    save.mutate();
  }
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="account-heading">
      <Title order={2} id="account-heading" mb="xs" className="yk-section-title">
        {fm.supplier.accountHeading}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {fm.supplier.accountHelp}
      </Text>
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={save.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={fm.supplier.loginId}
              description={fm.supplier.loginIdDescription}
              value={loginId}
              onChange={(e) => setLoginId(e.currentTarget.value)}
              error={errors.loginId || undefined}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              required
            />
            <TextInput
              label={fm.supplier.displayName}
              value={displayName}
              onChange={(e) => setDisplayName(e.currentTarget.value)}
              error={errors.displayName || undefined}
              maxLength={100}
              required
            />
            <PasswordInput
              label={fm.supplier.password}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={errors.password || undefined}
              autoComplete="new-password"
              aria-describedby={rulesId}
              required
            />
            <PasswordRules id={rulesId} password={password} loginId={loginId.trim()} />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={save.isPending}>
              {fm.supplier.accountCreate}
            </Button>
            <Text size="sm" role="status" aria-live="polite" fw={600}>
              {status}
            </Text>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

// ------------------------------------------------------------------ documents (提出書類)

const DOCUMENT_TITLE_MAX = 200;

function DocumentsSection({ supplier, canUpload }: { supplier: SupplierDetail; canUpload: boolean }) {
  const documents = [...supplier.documents].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="supplier-documents-heading">
      <Title order={2} id="supplier-documents-heading" mb="xs" className="yk-section-title">
        {fm.documents.heading}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {fm.documents.intro}
      </Text>
      <Table.ScrollContainer minWidth={640} type="native">
        <Table withTableBorder striped verticalSpacing="xs" className="yk-table">
          <caption className="yk-visually-hidden">{fm.documents.caption}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{fm.documents.title}</Table.Th>
              <Table.Th scope="col">{fm.documents.name}</Table.Th>
              <Table.Th scope="col">{fm.documents.author}</Table.Th>
              <Table.Th scope="col">{fm.documents.createdAt}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {documents.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={4}>{fm.documents.empty}</Table.Td>
              </Table.Tr>
            )}
            {documents.map((doc) => (
              <Table.Tr key={doc.fileId}>
                <Table.Th scope="row" style={{ fontWeight: 600 }}>
                  {doc.title}
                </Table.Th>
                <Table.Td style={{ overflowWrap: "anywhere" }}>
                  <Anchor href={urlFor(downloadSupplierDocument, { params: { id: supplier.id, fileId: doc.fileId } })} download>
                    {doc.name}
                    <span className="yk-visually-hidden">{fm.documents.downloadSuffix}</span>
                  </Anchor>
                </Table.Td>
                <Table.Td>{doc.authorLabel}</Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  <DateText iso={splitTimestamp(doc.createdAt)?.date ?? doc.createdAt} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {canUpload && <DocumentForm supplier={supplier} />}
    </Paper>
  );
}

function DocumentForm({ supplier }: { supplier: SupplierDetail }) {
  const queryClient = useQueryClient();
  return (
    <FileUploadForm
      headingId="document-form-heading"
      layout="grid"
      accept={DOCUMENT_TYPES}
      maxBytes={DOCUMENT_UPLOAD_MAX_BYTES}
      fields={[
        {
          name: "title",
          label: fm.documents.titleLabel,
          description: fm.documents.titleDescription,
          maxLength: DOCUMENT_TITLE_MAX,
          requiredMessage: fm.documents.titleRequired,
          tooLongMessage: fm.documents.titleTooLong,
        },
      ]}
      messages={{
        submit: fm.documents.upload,
        fileLabel: fm.documents.fileLabel,
        fileHelp: fm.documents.fileHelp,
        placeholder: fm.documents.placeholder,
        chooseFile: fm.documents.chooseFile,
        wrongType: fm.documents.wrongType,
        tooLarge: fm.documents.tooLarge,
        uploading: fm.documents.uploading,
        uploaded: (_file, values) => fm.documents.uploaded(values.title),
      }}
      clearStatusOnSubmit
      upload={(file, values) => upload(uploadSupplierDocument, { params: { id: supplier.id } }, file, { title: values.title })}
      onUploaded={(updated) => queryClient.setQueryData(furusatoKeys.supplier(supplier.id), updated)}
    />
  );
}
