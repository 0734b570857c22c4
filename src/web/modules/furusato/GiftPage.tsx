// /furusato/gifts/$id: the gift page — workflow actions (allowedActions), rule findings, listings per portal with the
// suggested amount and the second-person approval, images and evidence with their uploads, dated cost history with
// 費用を改定, and the review timeline.
import { Badge, Button, Group, Loader, Modal, Stack, Text, Textarea } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useRef, useState } from "react";
import { copyGift, type GIFT_ACTIONS, type GiftDetail, transitionGift } from "../../../common/api/furusato";
import { call } from "../../api/client";
import { useCurrentUser } from "../../auth/session";
import { m } from "../../messages";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrors } from "../../ui/errors";
import { useFlash } from "../../ui/Flash";
import { AnchorLink, ButtonLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { FindingsPanel, FurusatoNav, GiftStatusBadge, SampleBadge, SeverityBadge } from "./components";
import { EvidenceSection, ImagesSection } from "./GiftAttachments";
import { CostsSection } from "./GiftCosts";
import { DetailsSection, ReviewsSection } from "./GiftDetails";
import { ListingsSection } from "./GiftListings";
import { fm } from "./messages";
import { PendingChangePanel } from "./PendingChange";
import { storeGift, useFurusatoAccess, useGift, usePortals } from "./queries";

type GiftAction = (typeof GIFT_ACTIONS)[number];

const ACTION_COLOURS: Record<GiftAction, { color: string; variant: "filled" | "outline" | "default" }> = {
  提出: { color: "blue", variant: "filled" },
  // Outline buttons show their colour as text on the grey page header: shades dark enough for 4.5:1 there.
  差戻し: { color: "#a04000", variant: "outline" },
  承認: { color: "green", variant: "filled" },
  受付停止: { color: "red.9", variant: "outline" },
  再開: { color: "blue", variant: "outline" },
  取り下げ: { color: "red.9", variant: "outline" },
};

export function GiftPage({ id }: { id: string }) {
  const gift = useGift(id);
  if (gift.error) {
    return (
      <>
        <PageHeader title={fm.gift.notFound} breadcrumbs={[{ label: fm.moduleName, href: "/furusato" }, { label: fm.gift.notFound }]} />
        <ErrorAlert error={gift.error} />
      </>
    );
  }
  if (!gift.data) return <Loader aria-label={m.common.loading} />;
  return <GiftView gift={gift.data} />;
}

function GiftView({ gift }: { gift: GiftDetail }) {
  const user = useCurrentUser();
  // Who may do what comes from the server (担当者, or this gift's own supplier), not from the role.
  const access = useFurusatoAccess();
  const isOwnSupplier = access.data?.supplierId != null && access.data.supplierId === gift.supplierId;
  const isPartner = isOwnSupplier || user.role === "partner";
  const isManager = access.data?.manager === true;
  const portals = usePortals();
  const portalNames = new Map<string, string>((portals.data?.items ?? []).map((p) => [p.code, p.name]));
  for (const listing of gift.listings) portalNames.set(listing.portalCode, listing.portalName);
  const canCopy = isManager || isOwnSupplier;
  const canChangeCost = (isManager || isOwnSupplier) && gift.status !== "取り下げ";
  const canAttach = isManager || (isOwnSupplier && gift.status === "入力中");

  return (
    <>
      <PageHeader
        title={gift.title}
        breadcrumbs={[{ label: fm.moduleName, href: "/furusato" }, { label: gift.title }]}
        badges={
          <>
            <Badge variant="outline" color="dark" radius="sm" styles={{ root: { textTransform: "none" } }}>
              {fm.gift.code} {gift.code}
            </Badge>
            <GiftStatusBadge status={gift.status} />
            {gift.blocked && <SeverityBadge severity="error">{fm.status.blocked}</SeverityBadge>}
            {gift.isSample && <SampleBadge />}
          </>
        }
        subtitle={
          <Group gap="md" wrap="wrap">
            <span>
              {fm.gift.supplier}:{" "}
              {isPartner ? (
                gift.supplierName
              ) : (
                <AnchorLink to="/furusato/suppliers/$id" params={{ id: gift.supplierId }}>
                  {gift.supplierName}
                </AnchorLink>
              )}
            </span>
            {gift.copiedFrom && (
              <span>
                {fm.gift.copiedFrom}:{" "}
                <AnchorLink to="/furusato/gifts/$id" params={{ id: gift.copiedFrom }}>
                  {fm.gift.copiedFromLink}
                </AnchorLink>
              </span>
            )}
          </Group>
        }
        actions={
          <>
            {gift.allowedActions.map((action) => (
              <TransitionButton key={action} gift={gift} action={action} />
            ))}
            {gift.canEdit && (
              <ButtonLink to="/furusato/gifts/$id/edit" params={{ id: gift.id }} variant="default">
                {fm.gift.edit}
              </ButtonLink>
            )}
            {canCopy && <CopyButton gift={gift} />}
          </>
        }
      />
      <FurusatoNav />
      <Stack gap="lg">
        <PendingChangePanel gift={gift} isManager={isManager} isSupplier={isPartner} />
        <FindingsPanel findings={gift.findings} blocked={gift.blocked} portalNames={portalNames} />
        <ListingsSection gift={gift} isManager={isManager} portals={portals.data?.items} />
        <DetailsSection gift={gift} />
        <ImagesSection gift={gift} canAttach={canAttach} isOwnSupplier={isOwnSupplier} />
        <EvidenceSection gift={gift} canAttach={canAttach} isOwnSupplier={isOwnSupplier} />
        <CostsSection gift={gift} canChange={canChangeCost} />
        <ReviewsSection gift={gift} />
      </Stack>
    </>
  );
}

// ------------------------------------------------------------------ workflow

function TransitionButton({ gift, action }: { gift: GiftDetail; action: GiftAction }) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const [opened, setOpened] = useState(false);
  const [comment, setComment] = useState("");
  const [commentError, setCommentError] = useState("");
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const needsComment = action === "差戻し";
  const run = useMutation({
    mutationFn: () => call(transitionGift, { params: { id: gift.id }, body: { action, comment: comment.trim() } }),
    onSuccess: (updated) => {
      storeGift(queryClient, updated);
      setOpened(false);
      setComment("");
      flash.show(fm.gift.actionDone(action));
    },
    onError: (error) => {
      const fields = fieldErrors(error);
      if (fields.comment) {
        setCommentError(fields.comment);
        commentRef.current?.focus();
      }
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    if (needsComment && !comment.trim()) {
      setCommentError(fm.gift.commentRequired);
      commentRef.current?.focus();
      return;
    }
    run.mutate();
  }
  const style = ACTION_COLOURS[action];
  return (
    <>
      <Button color={style.color} variant={style.variant} onClick={() => setOpened(true)}>
        {action}
      </Button>
      <Modal
        opened={opened}
        onClose={() => {
          if (!run.isPending) {
            setOpened(false);
            run.reset();
            setCommentError("");
          }
        }}
        title={fm.gift.actionTitle(action)}
        centered
      >
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text>{fm.gift.actionMessage[action]}</Text>
            <ErrorAlert error={run.error} />
            <Textarea
              ref={commentRef}
              label={fm.gift.comment}
              description={needsComment ? undefined : fm.gift.commentOptional}
              value={comment}
              onChange={(e) => {
                setComment(e.currentTarget.value);
                if (commentError) setCommentError("");
              }}
              error={commentError || undefined}
              required={needsComment}
              autosize
              minRows={3}
              maxLength={1000}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpened(false)} disabled={run.isPending}>
                {m.common.cancel}
              </Button>
              <Button type="submit" color={style.color} loading={run.isPending}>
                {action}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

function CopyButton({ gift }: { gift: GiftDetail }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const flash = useFlash();
  return (
    <ConfirmButton
      variant="default"
      message={fm.gift.copyConfirm}
      confirmLabel={fm.gift.copy}
      onConfirm={async () => {
        const copy = await call(copyGift, { params: { id: gift.id }, body: {} });
        storeGift(queryClient, copy);
        flash.show(fm.gift.copied(copy.code));
        await navigate({ to: "/furusato/gifts/$id/edit", params: { id: copy.id } });
      }}
    >
      {fm.gift.copy}
    </ConfirmButton>
  );
}
