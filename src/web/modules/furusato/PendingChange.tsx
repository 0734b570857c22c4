// A supplier's proposed change to an approved gift (pendingDetails): the field-by-field comparison with the current
// details, and for the module's staff the 変更を承認 / 差し戻す decision (POST /api/furusato/gifts/:id/pending).
import { Alert, Button, Group, Modal, Paper, Stack, Table, Text, Textarea, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useRef, useState } from "react";
import { decideChange, type GiftDetail } from "../../../common/api/furusato";
import { type GiftDetails, REQUIRED_ALLERGENS } from "../../../common/furusato/gift-schema";
import { call } from "../../api/client";
import { m } from "../../messages";
import { DateText, DateTimeText } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrors } from "../../ui/errors";
import { useFlash } from "../../ui/Flash";
import { formatNumber } from "./components";
import { fm } from "./messages";
import { storeGift } from "./queries";

interface ChangedField {
  key: string;
  label: string;
  current: ReactNode;
  proposed: ReactNode;
}

/** JSON with object keys sorted, so that equal values compare equal whatever order their keys came in. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

const LIST_STYLE = { margin: 0, paddingLeft: "1.2em" } as const;

function Empty() {
  return (
    <Text span size="sm" c="dimmed">
      {fm.pending.empty}
    </Text>
  );
}

function textValue(value: string): ReactNode {
  return value.trim() ? <span className="yk-prewrap">{value}</span> : <Empty />;
}

function periodValue(period: GiftDetails["applicationPeriod"]): ReactNode {
  if (!period.from && !period.until) return <Empty />;
  return (
    <>
      <DateText iso={period.from} />
      {fm.rangeSep}
      <DateText iso={period.until} />
    </>
  );
}

function certificationsValue(certifications: GiftDetails["certifications"]): ReactNode {
  if (certifications.length === 0) return fm.none;
  return (
    <ul style={LIST_STYLE}>
      {certifications.map((c, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: certifications are positional (names may repeat)
        <li key={`${c.name}-${i}`}>
          {c.name}
          {fm.open}
          <DateText iso={c.validFrom} />
          {fm.rangeSep}
          <DateText iso={c.validUntil} />
          {fm.close}
        </li>
      ))}
    </ul>
  );
}

function imagesValue(urls: string[]): ReactNode {
  if (urls.length === 0) return fm.pending.noImages;
  return (
    <ul style={LIST_STYLE}>
      {urls.map((url, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the same URL may appear twice
        <li key={`${url}-${i}`} style={{ overflowWrap: "anywhere" }}>
          {url}
        </li>
      ))}
    </ul>
  );
}

function yesNo(value: boolean | null): string {
  return value === null ? fm.form.rawMaterialUnknown : value ? fm.yes : fm.no;
}

/** 特定原材料 first, in their customary order; any others after them. */
function allergenOrder(name: string): number {
  const index = (REQUIRED_ALLERGENS as readonly string[]).indexOf(name);
  return index === -1 ? REQUIRED_ALLERGENS.length : index;
}

/** The fields that differ between the current details and the proposal, in the form's order, with Japanese labels. */
export function changedFields(current: GiftDetails, proposed: GiftDetails): ChangedField[] {
  const rows: ChangedField[] = [];
  const add = <K extends keyof GiftDetails>(key: K, label: string, render: (value: GiftDetails[K]) => ReactNode) => {
    if (stable(current[key]) !== stable(proposed[key])) {
      rows.push({ key, label, current: render(current[key]), proposed: render(proposed[key]) });
    }
  };
  add("title", fm.form.title, textValue);
  add("catchCopy", fm.form.catchCopy, textValue);
  add("description", fm.form.description, textValue);
  add("contents", fm.form.contents, textValue);
  add("shippingSize", fm.form.shippingSize, textValue);
  add("temperature", fm.form.temperature, (v) => v);
  add("handlingNotes", fm.form.handlingNotes, textValue);
  add("bestBefore", fm.form.bestBefore, textValue);
  add("originOfIngredients", fm.form.originOfIngredients, textValue);
  add("placeOfProcessing", fm.form.placeOfProcessing, textValue);
  add("applicationPeriod", fm.pending.applicationPeriod, periodValue);
  add("deliveryPeriod", fm.form.deliveryPeriod, textValue);
  add("limitedQuantity", fm.form.limitedQuantity, (v) => (v === null ? fm.pending.limitedNone : fm.pending.limited(formatNumber(v))));
  add("noshi", fm.form.noshi, (v) => (v ? fm.pending.supported : fm.pending.notSupported));
  add("wrapping", fm.form.wrapping, (v) => (v ? fm.pending.supported : fm.pending.notSupported));
  add("imageUrls", fm.form.imageUrls, imagesValue);
  // One row per allergen whose state changed (a whole list of eight would hide the one that moved).
  const allergenNames = [...new Set([...Object.keys(current.allergens), ...Object.keys(proposed.allergens)])].sort(
    (a, b) => allergenOrder(a) - allergenOrder(b) || a.localeCompare(b),
  );
  for (const name of allergenNames) {
    const before = current.allergens[name];
    const after = proposed.allergens[name];
    if (before !== after) {
      rows.push({
        key: `allergens.${name}`,
        label: fm.pending.allergen(name),
        current: before ?? fm.pending.allergenUnset,
        proposed: after ?? fm.pending.allergenUnset,
      });
    }
  }
  add("subscription", fm.form.sections.subscription, (v) => (v ? fm.pending.subscription(v.deliveries, v.schedule) : fm.gift.single));
  add("localProductType", fm.gift.localType, (v) => (v ? fm.form.localTypeOption(v) : fm.notSet));
  add("localProductReason", fm.form.localReason, textValue);
  add("rawMaterialSamePrefecture", fm.form.rawMaterial, yesNo);
  add("evidenceFileIds", fm.evidence.heading, (v) => fm.pending.evidenceCount(v.length));
  add("certifications", fm.gift.certifications, certificationsValue);
  return rows;
}

export function PendingChangePanel({ gift, isManager, isSupplier }: { gift: GiftDetail; isManager: boolean; isSupplier: boolean }) {
  const proposed = gift.pendingDetails;
  if (!proposed) return null;
  const rows = changedFields(gift.details, proposed);
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="pending-heading" styles={{ root: { borderLeft: "5px solid #e0a800" } }}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} id="pending-heading" className="yk-section-title">
            {fm.pending.heading}
          </Title>
          <Text size="sm">
            {fm.pending.proposedAt}: <DateTimeText timestamp={gift.pendingAt} western="beside" />
          </Text>
        </Group>
        <Text size="sm" c="dimmed">
          {fm.pending.intro}
        </Text>
        {isSupplier && !isManager && (
          <Alert color="blue" variant="light">
            {fm.pending.supplierNote}
          </Alert>
        )}
        {rows.length === 0 ? (
          <Text size="sm">{fm.pending.noDifferences}</Text>
        ) : (
          <Table.ScrollContainer minWidth={640} type="native">
            <Table withTableBorder verticalSpacing="xs" className="yk-table" layout="fixed">
              <caption className="yk-visually-hidden">{fm.pending.caption}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" style={{ width: "22%" }}>
                    {fm.pending.field}
                  </Table.Th>
                  <Table.Th scope="col">{fm.pending.current}</Table.Th>
                  <Table.Th scope="col">{fm.pending.proposed}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.key}>
                    <Table.Th scope="row" style={{ fontWeight: 600, verticalAlign: "top" }}>
                      {row.label}
                    </Table.Th>
                    <Table.Td style={{ verticalAlign: "top" }}>{row.current}</Table.Td>
                    <Table.Td style={{ verticalAlign: "top", background: "#fff8e1", fontWeight: 600 }}>{row.proposed}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {isManager && (
          <Group gap="sm">
            <DecideButton gift={gift} approve />
            <DecideButton gift={gift} approve={false} />
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function DecideButton({ gift, approve }: { gift: GiftDetail; approve: boolean }) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const [opened, setOpened] = useState(false);
  const [comment, setComment] = useState("");
  const [commentError, setCommentError] = useState("");
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const label = approve ? fm.pending.approve : fm.pending.sendBack;
  const run = useMutation({
    mutationFn: () => call(decideChange, { params: { id: gift.id }, body: { approve, comment: comment.trim() } }),
    onSuccess: (updated) => {
      storeGift(queryClient, updated);
      setOpened(false);
      setComment("");
      flash.show(approve ? fm.pending.approved : fm.pending.sentBack);
    },
    onError: (error) => {
      const fields = fieldErrors(error);
      if (fields.comment) {
        setCommentError(fields.comment);
        commentRef.current?.focus();
      }
    },
  });
  function close() {
    if (run.isPending) return;
    setOpened(false);
    run.reset();
    setCommentError("");
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!approve && !comment.trim()) {
      setCommentError(fm.pending.commentRequired);
      commentRef.current?.focus();
      return;
    }
    run.mutate();
  }
  const commentHasError = run.error !== null && Boolean(fieldErrors(run.error).comment);
  return (
    <>
      <Button color={approve ? "green" : "orange"} variant={approve ? "filled" : "outline"} onClick={() => setOpened(true)}>
        {label}
      </Button>
      <Modal opened={opened} onClose={close} title={approve ? fm.pending.approveTitle : fm.pending.sendBackTitle} centered>
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text>{approve ? fm.pending.approveMessage : fm.pending.sendBackMessage}</Text>
            <ErrorAlert error={commentHasError ? null : run.error} />
            <Textarea
              ref={commentRef}
              label={fm.gift.comment}
              description={approve ? fm.gift.commentOptional : undefined}
              value={comment}
              onChange={(e) => {
                setComment(e.currentTarget.value);
                if (commentError) setCommentError("");
              }}
              error={commentError || undefined}
              required={!approve}
              autosize
              minRows={3}
              maxLength={1000}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close} disabled={run.isPending}>
                {m.common.cancel}
              </Button>
              <Button type="submit" color={approve ? "green" : "orange"} loading={run.isPending}>
                {label}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
