// /policy/challenges/$id: ①–④ (with the ※ analysis note), ⑤ progress history (newest first), 進捗を追加,
// and an edit form for ①–④, 分類 and 担当課. Edit controls only when the document says canEdit.

import {
  Alert,
  Button,
  Divider,
  Grid,
  Group,
  Loader,
  Modal,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { addProgress, type ChallengeDetail, getChallenge, updateChallenge } from "../../../common/api/policy";
import { parseJapaneseDate } from "../../../common/dates";
import { call } from "../../api/client";
import { m } from "../../messages";
import { FiscalYearText, fiscalYearLabel } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrors, isConflict } from "../../ui/errors";
import { FiscalYearInput } from "../../ui/FiscalYear";
import { useFlash } from "../../ui/Flash";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { AnchorLink, ButtonLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { StatusBadge, toneOf } from "../../ui/StatusBadge";
import { ChallengeParts, DocumentStatusBadge, ProgressBlock } from "./components";
import { pm } from "./messages";
import { organisationPath, policyKeys, useChallenge, useDocument, useOrganisations, useStatuses } from "./queries";

function AddProgressForm({ challenge }: { challenge: ChallengeDetail }) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const statuses = useStatuses();
  const [asOf, setAsOf] = useState("");
  const [status, setStatus] = useState(challenge.latestProgress?.status ?? "");
  const [text, setText] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const asOfRef = useRef<HTMLInputElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const active = (statuses.data?.items ?? []).filter((s) => s.active);

  const add = useMutation({
    mutationFn: () =>
      call(addProgress, { params: { id: challenge.id }, body: { asOf: asOf.trim(), text: text.trim(), status: status || null } }),
    onSuccess: (updated) => {
      queryClient.setQueryData(policyKeys.challenge(challenge.id), updated);
      queryClient.invalidateQueries({ queryKey: policyKeys.document(challenge.documentId) });
      queryClient.invalidateQueries({ queryKey: ["policy", "challenges"] });
      queryClient.invalidateQueries({ queryKey: ["policy", "documents"] });
      setAsOf("");
      setText("");
      setErrors({});
      flash.show(pm.challenge.progressAdded);
    },
    onError: (error) => {
      const fields = fieldErrors(error);
      setErrors(fields);
      if (fields.asOf) asOfRef.current?.focus();
      else if (fields.text) textRef.current?.focus();
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!asOf.trim()) found.asOf = pm.challenge.asOfRequired;
    else if (!parseJapaneseDate(asOf)) found.asOf = m.date.invalid;
    if (!text.trim()) found.text = pm.challenge.progressTextRequired;
    setErrors(found);
    if (found.asOf) return asOfRef.current?.focus();
    if (found.text) return textRef.current?.focus();
    add.mutate();
  }

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="add-progress-heading">
      <Title order={2} id="add-progress-heading" mb="xs" className="yk-section-title">
        {pm.challenge.addProgress}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {pm.challenge.addProgressHelp}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={add.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <JapaneseDateInput
              ref={asOfRef}
              label={pm.challenge.asOfLabel}
              value={asOf}
              onChange={(value) => {
                setAsOf(value);
                if (errors.asOf) setErrors((e) => ({ ...e, asOf: "" }));
              }}
              error={errors.asOf}
              required
            />
            <NativeSelect
              label={pm.challenge.statusSelect}
              value={status}
              onChange={(e) => setStatus(e.currentTarget.value)}
              data={[{ value: "", label: pm.challenge.statusNone }, ...active.map((s) => ({ value: s.label, label: s.label }))]}
              error={errors.status}
            />
          </SimpleGrid>
          <Textarea
            ref={textRef}
            label={pm.challenge.progressText}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={errors.text}
            autosize
            minRows={4}
            maxRows={14}
            required
          />
          <Group>
            <Button type="submit" loading={add.isPending}>
              {pm.challenge.addProgress}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

type EditField = "name" | "content" | "background" | "approachHeading" | "approach" | "analysisNote";

function EditChallengeModal({
  challenge,
  opened,
  onClose,
  categories,
}: {
  challenge: ChallengeDetail;
  opened: boolean;
  onClose: () => void;
  categories: readonly string[];
}) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const organisations = useOrganisations();
  const [values, setValues] = useState<Record<EditField, string>>({
    name: challenge.name,
    content: challenge.content,
    background: challenge.background,
    approachHeading: challenge.approachHeading,
    approach: challenge.approach,
    analysisNote: challenge.analysisNote ?? "",
  });
  const [analysisYearText, setAnalysisYearText] = useState(challenge.analysisYear ? fiscalYearLabel(challenge.analysisYear) : "");
  const [analysisYear, setAnalysisYear] = useState<number | null>(challenge.analysisYear);
  const [category, setCategory] = useState(challenge.category ?? "");
  const [owner, setOwner] = useState(challenge.ownerOrganisationId ?? "");
  const [version, setVersion] = useState(challenge.version);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const refs = {
    name: useRef<HTMLInputElement>(null),
    content: useRef<HTMLTextAreaElement>(null),
    background: useRef<HTMLTextAreaElement>(null),
    approachHeading: useRef<HTMLInputElement>(null),
    approach: useRef<HTMLTextAreaElement>(null),
    analysisNote: useRef<HTMLInputElement>(null),
    analysisYear: useRef<HTMLInputElement>(null),
  };
  const set = (field: EditField) => (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const value = event.currentTarget.value;
    setValues((current) => ({ ...current, [field]: value }));
  };
  const all = organisations.data?.items ?? [];
  const owners = all.filter((org) => org.kind === "division" || org.kind === "department");
  const categoryOptions = [...categories];
  if (challenge.category && !categoryOptions.includes(challenge.category)) categoryOptions.push(challenge.category);

  const save = useMutation({
    mutationFn: () =>
      call(updateChallenge, {
        params: { id: challenge.id },
        body: {
          version,
          name: values.name.trim(),
          content: values.content,
          background: values.background,
          approachHeading: values.approachHeading.trim(),
          approach: values.approach,
          analysisNote: values.analysisNote.trim() || null,
          analysisYear,
          category: category || null,
          ownerOrganisationId: owner || null,
        },
      }),
    onSuccess: (updated) => {
      queryClient.setQueryData(policyKeys.challenge(challenge.id), updated);
      queryClient.invalidateQueries({ queryKey: policyKeys.document(challenge.documentId) });
      queryClient.invalidateQueries({ queryKey: ["policy", "challenges"] });
      flash.show(pm.challenge.saved);
      onClose();
    },
    onError: async (error) => {
      const fields = fieldErrors(error);
      setErrors(fields);
      const first = (Object.keys(refs) as (keyof typeof refs)[]).find((key) => fields[key]);
      if (first) refs[first].current?.focus();
      if (isConflict(error)) {
        const fresh = await queryClient.fetchQuery({
          queryKey: policyKeys.challenge(challenge.id),
          queryFn: () => call(getChallenge, { params: { id: challenge.id } }),
        });
        setVersion(fresh.version);
      }
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!values.name.trim()) found.name = pm.challenge.nameRequired;
    if (!values.approachHeading.trim()) found.approachHeading = pm.challenge.approachHeadingRequired;
    if (analysisYearText.trim() && analysisYear === null) found.analysisYear = m.date.fiscalInvalid;
    setErrors(found);
    const first = (Object.keys(refs) as (keyof typeof refs)[]).find((key) => found[key]);
    if (first) return refs[first].current?.focus();
    save.mutate();
  }

  return (
    <Modal opened={opened} onClose={onClose} title={pm.challenge.editTitleOf(challenge.code)} size="xl" centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={save.error} conflictMessage={pm.challenge.conflict} />
          <TextInput
            ref={refs.name}
            label={pm.challenge.nameLabel}
            value={values.name}
            onChange={set("name")}
            error={errors.name}
            required
            data-autofocus
          />
          <Textarea
            ref={refs.content}
            label={pm.challenge.contentLabel}
            value={values.content}
            onChange={set("content")}
            error={errors.content}
            autosize
            minRows={3}
            maxRows={12}
          />
          <Textarea
            ref={refs.background}
            label={pm.challenge.backgroundLabel}
            value={values.background}
            onChange={set("background")}
            error={errors.background}
            autosize
            minRows={3}
            maxRows={12}
          />
          <TextInput
            ref={refs.approachHeading}
            label={pm.challenge.approachHeadingLabel}
            value={values.approachHeading}
            onChange={set("approachHeading")}
            error={errors.approachHeading}
            required
          />
          <Textarea
            ref={refs.approach}
            label={pm.challenge.approachLabel}
            value={values.approach}
            onChange={set("approach")}
            error={errors.approach}
            autosize
            minRows={3}
            maxRows={12}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              ref={refs.analysisNote}
              label={pm.challenge.analysisNoteLabel}
              value={values.analysisNote}
              onChange={set("analysisNote")}
              error={errors.analysisNote}
            />
            <FiscalYearInput
              ref={refs.analysisYear}
              label={pm.challenge.analysisYearLabel}
              value={analysisYearText}
              onChange={(text, fy) => {
                setAnalysisYearText(text);
                setAnalysisYear(fy);
              }}
              error={errors.analysisYear}
            />
            <NativeSelect
              label={pm.challenge.categoryLabel}
              value={category}
              onChange={(e) => setCategory(e.currentTarget.value)}
              data={[{ value: "", label: pm.challenge.categoryNone }, ...categoryOptions.map((c) => ({ value: c, label: c }))]}
              error={errors.category}
            />
            <NativeSelect
              label={pm.challenge.ownerLabel}
              value={owner}
              onChange={(e) => setOwner(e.currentTarget.value)}
              data={[
                { value: "", label: pm.challenge.ownerNone },
                ...owners.map((o) => ({ value: o.id, label: organisationPath(all, o.id) })),
              ]}
              error={errors.ownerOrganisationId}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {m.common.cancel}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {m.common.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function ChallengePage({ id }: { id: string }) {
  const challenge = useChallenge(id);
  const statuses = useStatuses();
  const documentId = challenge.data?.documentId ?? "";
  const document = useDocument(documentId);
  const [editOpened, edit] = useDisclosure(false);

  if (challenge.isPending) {
    return (
      <Group role="status" gap="xs">
        <Loader size="sm" />
        <Text>{m.common.loading}</Text>
      </Group>
    );
  }
  if (challenge.error) {
    return (
      <>
        <PageHeader
          title={pm.challenge.notFound}
          breadcrumbs={[{ label: pm.moduleName, href: "/policy" }, { label: pm.challenge.notFound }]}
        />
        <ErrorAlert error={challenge.error} />
      </>
    );
  }
  const c = challenge.data;
  const canEdit = c.document.canEdit;
  const history = [...c.progress].sort((a, b) => b.asOf.localeCompare(a.asOf) || b.createdAt.localeCompare(a.createdAt));
  const latestStatus = history[0]?.status ?? null;

  return (
    <>
      <PageHeader
        title={pm.challengeTitle(c.code, c.name)}
        documentTitle={pm.challengeDocTitle(c.code, c.name)}
        breadcrumbs={[
          { label: pm.moduleName, href: "/policy" },
          { label: c.document.title, href: `/policy/documents/${c.documentId}` },
          { label: pm.challenge.toChallengeList, href: `/policy/documents/${c.documentId}/challenges` },
          { label: pm.challengeCode(c.code) },
        ]}
        badges={
          <>
            <StatusBadge label={latestStatus} tone={toneOf(statuses.data?.items, latestStatus)} />
            <DocumentStatusBadge status={c.document.status} />
            <Text size="sm">
              <FiscalYearText fy={c.document.fiscalYear} />
            </Text>
          </>
        }
        actions={
          <>
            {canEdit && (
              <Button variant="default" onClick={edit.open}>
                {pm.challenge.edit}
              </Button>
            )}
            <ButtonLink to="/policy/documents/$id" params={{ id: c.documentId }} variant="default">
              {pm.challenge.backToDocument}
            </ButtonLink>
          </>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <Paper withBorder p="lg" component="section" aria-labelledby="challenge-parts-heading">
              <Title order={2} id="challenge-parts-heading" className="yk-section-title" mb="xs">
                {pm.challenge.code} {c.code}
              </Title>
              <ChallengeParts challenge={c} headingLevel={3} />
            </Paper>

            <Paper withBorder p="lg" component="section" aria-labelledby="challenge-history-heading">
              <Title order={2} id="challenge-history-heading" className="yk-section-title" mb="md">
                {pm.challenge.history}
              </Title>
              {history.length === 0 ? (
                <Text>{pm.challenge.noProgress}</Text>
              ) : (
                <Stack
                  gap="md"
                  component="ol"
                  style={{ listStyle: "none", padding: 0, margin: 0 }}
                  aria-label={pm.challenge.historyCaption}
                >
                  {history.map((entry, index) => (
                    <li key={entry.id}>
                      {index > 0 && <Divider mb="md" />}
                      <ProgressBlock entry={entry} statuses={statuses.data?.items} showMeta />
                    </li>
                  ))}
                </Stack>
              )}
            </Paper>

            {canEdit && <AddProgressForm challenge={c} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder p="lg" component="aside" aria-label={pm.challenge.infoLabel}>
            <Stack gap="sm" component="dl" style={{ margin: 0 }}>
              <div>
                <Text component="dt" size="sm" fw={700}>
                  {pm.challenge.document}
                </Text>
                <Text component="dd" m={0}>
                  <AnchorLink to="/policy/documents/$id" params={{ id: c.documentId }}>
                    {c.document.title}
                  </AnchorLink>
                </Text>
              </div>
              <div>
                <Text component="dt" size="sm" fw={700}>
                  {pm.challenge.area}
                </Text>
                <Text component="dd" m={0}>
                  {document.data?.areas.find((a) => a.code === c.areaCode)?.label ?? c.areaCode}
                </Text>
              </div>
              <div>
                <Text component="dt" size="sm" fw={700}>
                  {pm.challenge.category}
                </Text>
                <Text component="dd" m={0}>
                  {c.category ?? pm.challenge.noCategory}
                </Text>
              </div>
              <div>
                <Text component="dt" size="sm" fw={700}>
                  {pm.challenge.owner}
                </Text>
                <Text component="dd" m={0}>
                  {c.ownerOrganisationName ?? pm.challenge.noOwner}
                </Text>
              </div>
              {c.analysisYear !== null && (
                <div>
                  <Text component="dt" size="sm" fw={700}>
                    {pm.challenge.analysisNote}
                  </Text>
                  <Text component="dd" m={0}>
                    <FiscalYearText fy={c.analysisYear} />
                  </Text>
                </div>
              )}
            </Stack>
          </Paper>
          {!canEdit && (
            <Alert variant="light" color="gray" mt="md" role="note">
              {pm.document.readOnly}
            </Alert>
          )}
        </Grid.Col>
      </Grid>
      {editOpened && (
        <EditChallengeModal challenge={c} opened={editOpened} onClose={edit.close} categories={document.data?.categories ?? []} />
      )}
    </>
  );
}
