// /sdgs/reviewers 「審査員」: the bureau's managers register reviewers (a login found by name or login id: an outside
// expert's partner account or a member of staff), change their affiliation and make them inactive or active again.
import { Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  createReviewer,
  listReviewerCandidates,
  type ReviewerCandidate,
  type ReviewerRow,
  updateReviewer,
} from "../../../common/api/sdgs-screening";
import { call } from "../../api/client";
import { type Column, DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { useFlash } from "../../ui/Flash";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { SearchCombobox } from "../../ui/SearchCombobox";
import { StatusBadge } from "../../ui/StatusBadge";
import { sm } from "./messages";
import { scm } from "./screeningMessages";
import { screeningKeys, useReviewers } from "./screeningQueries";

const t = scm.reviewers;

export function ReviewersPage() {
  const reviewers = useReviewers();
  const queryClient = useQueryClient();
  const flash = useFlash();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<ReviewerRow | null>(null);
  const toggle = useMutation({
    mutationFn: (r: ReviewerRow) => call(updateReviewer, { params: { userId: r.userId }, body: { active: !r.active } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: screeningKeys.reviewers() });
      flash.show(t.updated);
    },
  });
  const columns: Column<ReviewerRow>[] = [
    {
      key: "name",
      header: t.name,
      rowHeader: true,
      render: (r) => (
        <Group gap={6}>
          <Text fw={600} size="sm">
            {r.displayName}
          </Text>
          {r.isSample && <SampleBadge />}
        </Group>
      ),
    },
    { key: "affiliation", header: t.affiliation, render: (r) => r.affiliation || scm.dash },
    { key: "organisation", header: t.organisation, render: (r) => r.organisationName },
    { key: "kind", header: t.kindLabel, nowrap: true, render: (r) => (r.external ? t.external : t.staff) },
    {
      key: "state",
      header: t.state,
      nowrap: true,
      render: (r) => (
        <Group gap={4}>
          <StatusBadge label={r.active ? t.active : t.inactive} tone={r.active ? "good" : "neutral"} size="sm" />
          {r.userDisabled && <StatusBadge label={t.disabledLogin} tone="danger" size="sm" />}
        </Group>
      ),
    },
    { key: "counts", header: t.counts, nowrap: true, render: (r) => t.countsValue(r.reviewsDraft, r.reviewsSubmitted) },
    {
      key: "actions",
      header: scm.detail.moves,
      nowrap: true,
      render: (r) => (
        <Group gap={4} wrap="nowrap">
          <Button size="xs" variant="default" onClick={() => setEditing(r)}>
            {t.editAffiliation}
            <span className="yk-visually-hidden">（{r.displayName}）</span>
          </Button>
          <Button
            size="xs"
            variant="default"
            loading={toggle.isPending && toggle.variables?.userId === r.userId}
            onClick={() => toggle.mutate(r)}
          >
            {r.active ? t.deactivate : t.activate}
            <span className="yk-visually-hidden">（{r.displayName}）</span>
          </Button>
        </Group>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t.title}
        subtitle={t.intro}
        breadcrumbs={[{ label: sm.moduleName, href: "/sdgs" }, { label: t.title }]}
        actions={<Button onClick={() => setAdding(true)}>{t.add}</Button>}
      />
      <ErrorAlert error={toggle.error} />
      <DataTable
        caption={t.caption}
        columns={columns}
        rows={reviewers.data?.items}
        rowKey={(r) => r.userId}
        loading={reviewers.isPending}
        error={reviewers.error}
        empty={t.empty}
        minWidth={900}
      />
      {adding && <AddReviewerDialog onClose={() => setAdding(false)} />}
      {editing && <AffiliationDialog reviewer={editing} onClose={() => setEditing(null)} />}
    </>
  );
}

function AddReviewerDialog({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const [text, setText] = useState("");
  const [chosen, setChosen] = useState<ReviewerCandidate | null>(null);
  const [affiliation, setAffiliation] = useState("");
  const [missing, setMissing] = useState(false);
  const save = useMutation({
    mutationFn: (userId: string) => call(createReviewer, { body: { userId, affiliation } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: screeningKeys.reviewers() });
      flash.show(t.created);
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t.addTitle} centered size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!chosen) setMissing(true);
          else save.mutate(chosen.id);
        }}
        noValidate
      >
        <Stack>
          <ErrorAlert error={save.error} />
          <SearchCombobox<ReviewerCandidate>
            label={t.user}
            description={t.userHelp}
            value={text}
            required
            error={missing && !chosen ? t.pickFirst : undefined}
            onChange={(value) => {
              setText(value);
              setChosen(null);
            }}
            onSelect={(c) => {
              setChosen(c);
              setText(c.displayName);
              if (!affiliation) setAffiliation(c.organisationName);
            }}
            queryKey={(q) => screeningKeys.candidates(q)}
            search={async (q) => (await call(listReviewerCandidates, { query: { q } })).items}
            itemKey={(c) => c.id}
            itemLabel={(c) => c.displayName}
            itemDetail={(c) => `${c.organisationName}・${c.external ? t.external : t.staff}${c.registered ? `・${t.registered}` : ""}`}
            exclude={(c) => c.registered}
            texts={t.combobox}
          />
          <TextInput label={t.affiliation} maxLength={200} value={affiliation} onChange={(e) => setAffiliation(e.currentTarget.value)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {scm.detail.cancel}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function AffiliationDialog({ reviewer, onClose }: { reviewer: ReviewerRow; onClose: () => void }) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const [affiliation, setAffiliation] = useState(reviewer.affiliation);
  const save = useMutation({
    mutationFn: () => call(updateReviewer, { params: { userId: reviewer.userId }, body: { affiliation } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: screeningKeys.reviewers() });
      flash.show(t.updated);
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={`${t.editAffiliation}（${reviewer.displayName}）`} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
        noValidate
      >
        <Stack>
          <ErrorAlert error={save.error} />
          <TextInput
            label={t.affiliation}
            maxLength={200}
            value={affiliation}
            onChange={(e) => setAffiliation(e.currentTarget.value)}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {scm.detail.cancel}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t.editAffiliation}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
