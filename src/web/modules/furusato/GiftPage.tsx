// /furusato/gifts/$id: the gift page — workflow actions (allowedActions), rule findings, listings per portal with the
// suggested amount and the second-person approval, images and evidence with their uploads, dated cost history with
// 費用を改定, and the review timeline.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Loader,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, Fragment, useRef, useState } from "react";
import {
  approveListingAmount,
  changeGiftCost,
  copyGift,
  downloadEvidence,
  type GIFT_ACTIONS,
  type GiftDetail,
  publicGiftImage,
  setListing,
  transitionGift,
  uploadEvidence,
  uploadGiftImage,
} from "../../../common/api/furusato";
import { parseJapaneseDate } from "../../../common/dates";
import { REQUIRED_ALLERGENS } from "../../../common/furusato/gift-schema";
import { RETURN_RATIO_LIMIT } from "../../../common/furusato/rules";
import { DOCUMENT_TYPES, DOCUMENT_UPLOAD_MAX_BYTES, FILES_PER_GIFT_MAX, IMAGE_TYPES } from "../../../common/upload-limits";
import { call, upload, urlFor } from "../../api/client";
import { useCurrentUser } from "../../auth/session";
import { m } from "../../messages";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { DateText, DateTimeText } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrors } from "../../ui/errors";
import { useFlash } from "../../ui/Flash";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { AnchorLink, ButtonLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import {
  FindingsPanel,
  FurusatoNav,
  GiftStatusBadge,
  parseNumberText,
  percent,
  returnRatio,
  SampleBadge,
  SeverityBadge,
  yen,
} from "./components";
import { FileUploadForm } from "./FileUploadForm";
import { fm } from "./messages";
import { PendingChangePanel } from "./PendingChange";
import { storeGift, useFurusatoAccess, useGift, usePortals } from "./queries";

type GiftAction = (typeof GIFT_ACTIONS)[number];
type Listing = GiftDetail["listings"][number];

function todayIso(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

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

// ------------------------------------------------------------------ listings

interface PortalLike {
  code: string;
  name: string;
  active: boolean;
}

function ListingsSection({ gift, isManager, portals }: { gift: GiftDetail; isManager: boolean; portals: PortalLike[] | undefined }) {
  const [editing, setEditing] = useState<string | null>(null);
  const byPortal = new Map(gift.listings.map((l) => [l.portalCode, l]));
  const rows: { portal: PortalLike; listing: Listing | undefined }[] = [];
  for (const portal of portals ?? []) {
    const listing = byPortal.get(portal.code);
    if (listing || (portal.active && isManager)) rows.push({ portal, listing });
  }
  for (const listing of gift.listings) {
    if (!rows.some((r) => r.portal.code === listing.portalCode)) {
      rows.push({ portal: { code: listing.portalCode, name: listing.portalName, active: true }, listing });
    }
  }
  const errorPortals = new Set(gift.findings.filter((f) => f.severity === "error" && f.portalCode).map((f) => f.portalCode));
  const columnCount = isManager ? 8 : 7;

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="listings-heading">
      <Title order={2} id="listings-heading" mb="sm" className="yk-section-title">
        {fm.listings.heading}
      </Title>
      <Table.ScrollContainer minWidth={900} type="native">
        <Table withTableBorder verticalSpacing="sm" className="yk-table">
          <caption className="yk-visually-hidden">{fm.listings.caption}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{fm.listings.portal}</Table.Th>
              <Table.Th scope="col" style={{ textAlign: "right" }}>
                {fm.listings.amount}
              </Table.Th>
              <Table.Th scope="col" style={{ textAlign: "right" }}>
                {fm.listings.approved}
              </Table.Th>
              <Table.Th scope="col" style={{ textAlign: "right" }} title={fm.listings.ratioHelp}>
                {fm.listings.ratio}
              </Table.Th>
              <Table.Th scope="col">{fm.listings.state}</Table.Th>
              <Table.Th scope="col" style={{ textAlign: "right" }}>
                {fm.listings.stock}
              </Table.Th>
              <Table.Th scope="col">{fm.listings.listingDate}</Table.Th>
              {isManager && <Table.Th scope="col">{fm.listings.actions}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={columnCount}>
                  <Text ta="center" py="md">
                    {fm.listings.empty}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {rows.map(({ portal, listing }) => {
              const hasError = errorPortals.has(portal.code);
              const ratio = listing ? returnRatio(gift.procurementCost, gift.deliveries, listing.donationAmount) : null;
              const overLimit = ratio !== null && ratio > RETURN_RATIO_LIMIT;
              const needsApproval = listing !== undefined && listing.approvedDonationAmount !== listing.donationAmount;
              const formId = `listing-form-${portal.code}`;
              return (
                <Fragment key={portal.code}>
                  <Table.Tr
                    style={hasError ? { background: "#fdecec", boxShadow: "inset 5px 0 0 #e03131" } : undefined}
                    data-error={hasError || undefined}
                  >
                    <Table.Th scope="row" style={{ fontWeight: 600 }}>
                      <Stack gap={2}>
                        <span>
                          {portal.name}
                          {!portal.active && (
                            <Text span size="xs" c="dimmed">
                              {fm.listings.inactive}
                            </Text>
                          )}
                        </span>
                        {hasError && <SeverityBadge severity="error">{fm.listings.rowError}</SeverityBadge>}
                      </Stack>
                    </Table.Th>
                    <Table.Td style={{ textAlign: "right", whiteSpace: "nowrap" }}>
                      {listing ? yen(listing.donationAmount) : fm.listings.notListed}
                    </Table.Td>
                    <Table.Td style={{ textAlign: "right", whiteSpace: "nowrap" }}>
                      {listing ? (
                        <Stack gap={2} align="flex-end">
                          <span>{yen(listing.approvedDonationAmount)}</span>
                          {needsApproval && <SeverityBadge severity="warning">{fm.listings.needsApproval}</SeverityBadge>}
                        </Stack>
                      ) : (
                        fm.dash
                      )}
                    </Table.Td>
                    <Table.Td
                      style={{
                        textAlign: "right",
                        whiteSpace: "nowrap",
                        color: overLimit ? "#9b1c1c" : undefined,
                        fontWeight: overLimit ? 700 : undefined,
                      }}
                    >
                      {overLimit && <span aria-hidden="true">● </span>}
                      {percent(ratio)}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>{listing ? listing.state : fm.dash}</Table.Td>
                    <Table.Td style={{ textAlign: "right" }}>
                      {listing ? (listing.stock === null ? fm.listings.stockUnlimited : listing.stock) : fm.dash}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>
                      {listing ? <DateText iso={listing.listingDate} western="title" /> : fm.dash}
                    </Table.Td>
                    {isManager && (
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          <Button
                            size="compact-sm"
                            variant={editing === portal.code ? "filled" : "default"}
                            aria-expanded={editing === portal.code}
                            aria-controls={editing === portal.code ? formId : undefined}
                            aria-label={listing ? fm.listings.edit(portal.name) : fm.listings.add(portal.name)}
                            onClick={() => setEditing(editing === portal.code ? null : portal.code)}
                          >
                            {listing ? fm.listings.editShort : fm.listings.addShort}
                          </Button>
                          {listing && needsApproval && <ApproveButton gift={gift} listing={listing} />}
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                  {isManager && editing === portal.code && (
                    <Table.Tr id={formId} className="yk-detail-row">
                      <Table.Td colSpan={columnCount}>
                        <ListingForm gift={gift} portal={portal} listing={listing} onDone={() => setEditing(null)} />
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function ApproveButton({ gift, listing }: { gift: GiftDetail; listing: Listing }) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  return (
    <ConfirmButton
      size="compact-sm"
      color="green"
      aria-label={fm.listings.approveLabel(listing.portalName)}
      title={fm.listings.approveLabel(listing.portalName)}
      message={fm.listings.approveConfirm(listing.portalName, yen(listing.donationAmount), yen(listing.approvedDonationAmount))}
      confirmLabel={fm.listings.approve}
      onConfirm={async () => {
        const updated = await call(approveListingAmount, { params: { id: gift.id, portalCode: listing.portalCode }, body: {} });
        storeGift(queryClient, updated);
        flash.show(fm.listings.approved_);
      }}
    >
      {fm.listings.approve}
    </ConfirmButton>
  );
}

function ListingForm({
  gift,
  portal,
  listing,
  onDone,
}: {
  gift: GiftDetail;
  portal: PortalLike;
  listing: Listing | undefined;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const suggestion = gift.suggestions.find((s) => s.portalCode === portal.code);
  const [amount, setAmount] = useState(listing ? String(listing.donationAmount) : "");
  const [titleVariant, setTitleVariant] = useState(listing?.titleVariant ?? "");
  const [stock, setStock] = useState(listing?.stock === null || listing?.stock === undefined ? "" : String(listing.stock));
  const [listingDate, setListingDate] = useState(listing?.listingDate ?? todayIso());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const amountRef = useRef<HTMLInputElement>(null);
  const save = useMutation({
    mutationFn: (body: { donationAmount: number; stock: number | null }) =>
      call(setListing, {
        params: { id: gift.id, portalCode: portal.code },
        body: { ...body, titleVariant: titleVariant.trim(), listingDate: listingDate.trim() },
      }),
    onSuccess: (updated) => {
      storeGift(queryClient, updated);
      const saved = updated.listings.find((l) => l.portalCode === portal.code);
      flash.show(
        saved && saved.approvedDonationAmount !== saved.donationAmount
          ? fm.listings.savedNeedsApproval(portal.name)
          : fm.listings.saved(portal.name),
      );
      onDone();
    },
    onError: (error) => setErrors(fieldErrors(error)),
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    const donationAmount = parseNumberText(amount);
    const stockValue = parseNumberText(stock);
    if (donationAmount === null) found.donationAmount = fm.listings.amountRequired;
    else if (donationAmount === undefined || !Number.isInteger(donationAmount)) found.donationAmount = fm.form.numberInvalid;
    if (stockValue === undefined || (stockValue !== null && (!Number.isInteger(stockValue) || stockValue < 0)))
      found.stock = fm.form.numberInvalid;
    if (!listingDate.trim()) found.listingDate = fm.listings.dateRequired;
    else if (!parseJapaneseDate(listingDate)) found.listingDate = m.date.invalid;
    setErrors(found);
    if (Object.keys(found).length > 0) {
      if (found.donationAmount) amountRef.current?.focus();
      return;
    }
    save.mutate({ donationAmount: donationAmount as number, stock: stockValue ?? null });
  }
  const headingId = `listing-form-heading-${portal.code}`;
  return (
    <form onSubmit={submit} noValidate aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={3} size="h5" id={headingId}>
          {fm.listings.formHeading(portal.name)}
        </Title>
        <ErrorAlert error={save.error} />
        {suggestion && (
          <Alert color="blue" variant="light">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Stack gap={2}>
                <Text size="sm" fw={700}>
                  {fm.listings.suggestedWithFloor(yen(suggestion.amount), yen(suggestion.floor))}
                </Text>
                <Text size="xs" className="yk-prewrap">
                  {suggestion.explanation}
                </Text>
              </Stack>
              <Button
                size="compact-sm"
                variant="light"
                aria-label={fm.listings.fillSuggestedLabel(yen(suggestion.amount))}
                onClick={() => {
                  setAmount(String(suggestion.amount));
                  setErrors((e) => ({ ...e, donationAmount: "" }));
                  amountRef.current?.focus();
                }}
              >
                {fm.listings.fillSuggested}
              </Button>
            </Group>
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <TextInput
            ref={amountRef}
            label={fm.listings.amountLabel}
            value={amount}
            onChange={(e) => setAmount(e.currentTarget.value)}
            error={errors.donationAmount || undefined}
            inputMode="numeric"
            required
          />
          <TextInput
            label={fm.listings.titleVariant}
            description={fm.listings.titleVariantDescription}
            value={titleVariant}
            onChange={(e) => setTitleVariant(e.currentTarget.value)}
            error={errors.titleVariant || undefined}
            maxLength={300}
          />
          <TextInput
            label={fm.listings.stockLabel}
            description={fm.listings.stockDescription}
            value={stock}
            onChange={(e) => setStock(e.currentTarget.value)}
            error={errors.stock || undefined}
            inputMode="numeric"
          />
          <JapaneseDateInput
            label={fm.listings.dateLabel}
            value={listingDate}
            onChange={(value) => setListingDate(value)}
            error={errors.listingDate || undefined}
            required
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={save.isPending}>
            {fm.save}
          </Button>
          <Button variant="default" onClick={onDone}>
            {fm.cancel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

// ------------------------------------------------------------------ details

/** 特定原材料 first, in their customary order; any others after them. */
function allergenOrder(name: string): number {
  const index = (REQUIRED_ALLERGENS as readonly string[]).indexOf(name);
  return index === -1 ? REQUIRED_ALLERGENS.length : index;
}

function DetailsSection({ gift }: { gift: GiftDetail }) {
  const d = gift.details;
  const allergens = Object.entries(d.allergens)
    .sort(([a], [b]) => allergenOrder(a) - allergenOrder(b))
    .map(([name, state]) => fm.gift.allergenState(name, state))
    .join(fm.listSep);
  const items: [string, React.ReactNode][] = [
    [fm.form.catchCopy, d.catchCopy || fm.dash],
    [
      fm.form.contents,
      <span key="contents" className="yk-prewrap">
        {d.contents}
      </span>,
    ],
    [
      fm.form.description,
      <span key="description" className="yk-prewrap">
        {d.description || fm.dash}
      </span>,
    ],
    [fm.form.temperature, d.temperature],
    [fm.form.shippingSize, d.shippingSize || fm.dash],
    [
      fm.form.sections.subscription,
      d.subscription ? fm.gift.subscription(d.subscription.deliveries, d.subscription.schedule) : fm.gift.single,
    ],
    [fm.gift.costNow, gift.procurementCost === null ? fm.dash : fm.gift.costLine(yen(gift.procurementCost), yen(gift.shippingCost))],
    [
      fm.gift.applicationPeriod,
      d.applicationPeriod.from || d.applicationPeriod.until ? (
        <Fragment key="period">
          <DateText iso={d.applicationPeriod.from} western="title" />
          {fm.rangeSep}
          <DateText iso={d.applicationPeriod.until} western="title" />
        </Fragment>
      ) : (
        fm.dash
      ),
    ],
    [fm.form.deliveryPeriod, d.deliveryPeriod || fm.dash],
    [fm.gift.allergens, allergens || fm.dash],
    [fm.gift.localType, d.localProductType ? fm.form.localTypeOption(d.localProductType) : fm.notSet],
    [fm.gift.localReason, d.localProductReason || fm.dash],
    ...(d.localProductType === "3イ"
      ? ([
          [
            fm.form.rawMaterial,
            d.rawMaterialSamePrefecture === null ? fm.form.rawMaterialUnknown : d.rawMaterialSamePrefecture ? fm.yes : fm.no,
          ],
        ] as [string, React.ReactNode][])
      : []),
    [
      fm.gift.certifications,
      d.certifications.length === 0 ? (
        fm.none
      ) : (
        <Stack key="certifications" gap={2}>
          {d.certifications.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: certifications are positional (names may repeat)
            <span key={`${c.name}-${i}`}>
              {c.name}
              {fm.open}
              <DateText iso={c.validFrom} western="title" />
              {fm.rangeSep}
              <DateText iso={c.validUntil} western="title" />
              {fm.close}
            </span>
          ))}
        </Stack>
      ),
    ],
  ];
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="details-heading">
      <Title order={2} id="details-heading" mb="sm" className="yk-section-title">
        {fm.gift.detailsHeading}
      </Title>
      <dl className="yk-furusato-dl">
        {items.map(([term, value]) => (
          <Fragment key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
    </Paper>
  );
}

// ------------------------------------------------------------------ images (画像)

const PUBLIC_IMAGE_PATH = /^\/api\/public\/furusato\/images\/([0-9a-f-]{36})$/i;

/**
 * Where to load a thumbnail from, or null for an address this page does not load. Uploaded images carry their
 * public address (which may name the configured public host): they are loaded through this origin's own path, so
 * the CSP (img-src 'self') allows them. Other hosts typed into 画像のURL are not fetched from the browser.
 */
function thumbnailSrc(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url, window.location.origin);
  } catch {
    return null;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return null;
  const match = PUBLIC_IMAGE_PATH.exec(parsed.pathname);
  if (match?.[1]) return urlFor(publicGiftImage, { params: { fileId: match[1] } });
  return parsed.origin === window.location.origin ? parsed.pathname + parsed.search : null;
}

const THUMB_BOX = { width: 160, height: 120, borderRadius: 4, border: "1px solid var(--mantine-color-gray-4)" } as const;

function Thumbnail({ url, alt, index }: { url: string; alt: string; index: number }) {
  const [broken, setBroken] = useState(false);
  const src = thumbnailSrc(url);
  if (!src) {
    return (
      <Stack gap={2} justify="center" p="xs" style={{ ...THUMB_BOX, overflow: "hidden" }}>
        <Text size="xs" fw={600}>
          {fm.images.external(index)}
        </Text>
        <Text size="xs" style={{ overflowWrap: "anywhere" }}>
          {url}
        </Text>
      </Stack>
    );
  }
  if (broken) {
    return (
      <Stack justify="center" p="xs" style={THUMB_BOX}>
        <Text size="xs">{fm.images.broken(index)}</Text>
      </Stack>
    );
  }
  return (
    <img
      src={src}
      alt={alt}
      width={160}
      height={120}
      loading="lazy"
      decoding="async"
      onError={() => setBroken(true)}
      style={{ ...THUMB_BOX, objectFit: "cover", display: "block", background: "var(--mantine-color-gray-0)" }}
    />
  );
}

function ImagesSection({ gift, canAttach, isOwnSupplier }: { gift: GiftDetail; canAttach: boolean; isOwnSupplier: boolean }) {
  const queryClient = useQueryClient();
  const urls = gift.details.imageUrls;
  const hasExternal = urls.some((url) => thumbnailSrc(url) === null);
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="images-heading">
      <Title order={2} id="images-heading" mb="xs" className="yk-section-title">
        {fm.images.heading}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {fm.images.intro}
      </Text>
      {urls.length === 0 ? (
        <Text size="sm">{fm.images.empty}</Text>
      ) : (
        <ul aria-label={fm.images.caption} style={{ listStyle: "none", margin: 0, padding: 0, display: "flex", flexWrap: "wrap", gap: 12 }}>
          {urls.map((url, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: image addresses are positional (the same one may repeat)
            <li key={`${url}-${index}`}>
              <Thumbnail url={url} alt={fm.images.alt(gift.title, index + 1)} index={index + 1} />
            </li>
          ))}
        </ul>
      )}
      {hasExternal && (
        <Text size="xs" c="dimmed" mt="xs">
          {fm.images.externalHelp}
        </Text>
      )}
      {canAttach && (
        <FileUploadForm
          headingId="images-form-heading"
          accept={IMAGE_TYPES}
          maxBytes={DOCUMENT_UPLOAD_MAX_BYTES}
          limit={{ count: urls.length, max: FILES_PER_GIFT_MAX, fullMessage: fm.images.full }}
          messages={{
            submit: fm.images.upload,
            fileLabel: fm.images.uploadLabel,
            fileHelp: fm.images.uploadHelp,
            placeholder: fm.images.placeholder,
            chooseFile: fm.images.chooseFile,
            wrongType: fm.images.wrongType,
            tooLarge: fm.images.tooLarge,
            uploading: fm.images.uploading,
            uploaded: (file) => fm.images.uploaded(file.name),
          }}
          upload={(file) => upload(uploadGiftImage, { params: { id: gift.id } }, file)}
          onUploaded={(updated) => storeGift(queryClient, updated)}
        />
      )}
      {!canAttach && isOwnSupplier && (
        <Text size="sm" c="dimmed" mt="md">
          {fm.images.supplierOnlyDraft}
        </Text>
      )}
    </Paper>
  );
}

// ------------------------------------------------------------------ evidence (地場産品の根拠資料)

function EvidenceSection({ gift, canAttach, isOwnSupplier }: { gift: GiftDetail; canAttach: boolean; isOwnSupplier: boolean }) {
  const queryClient = useQueryClient();
  const fileIds = gift.details.evidenceFileIds;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="evidence-heading">
      <Title order={2} id="evidence-heading" mb="xs" className="yk-section-title">
        {fm.evidence.heading}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {fm.evidence.intro}
      </Text>
      {fileIds.length === 0 ? (
        <Text size="sm">{fm.evidence.empty}</Text>
      ) : (
        <List size="sm" spacing={4} aria-label={fm.evidence.caption}>
          {fileIds.map((fileId, index) => (
            <List.Item key={fileId}>
              <Group gap="sm" wrap="wrap">
                <Text span size="sm">
                  {fm.evidence.item(index + 1)}
                </Text>
                <Anchor
                  href={urlFor(downloadEvidence, { params: { id: gift.id, fileId } })}
                  download
                  size="sm"
                  aria-label={fm.evidence.downloadLabel(index + 1)}
                >
                  {fm.evidence.download}
                </Anchor>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {canAttach && (
        <FileUploadForm
          headingId="evidence-form-heading"
          accept={DOCUMENT_TYPES}
          maxBytes={DOCUMENT_UPLOAD_MAX_BYTES}
          limit={{ count: fileIds.length, max: FILES_PER_GIFT_MAX, fullMessage: fm.evidence.full }}
          messages={{
            submit: fm.evidence.upload,
            fileLabel: fm.evidence.uploadLabel,
            fileHelp: fm.evidence.uploadHelp,
            placeholder: fm.evidence.placeholder,
            chooseFile: fm.evidence.chooseFile,
            wrongType: fm.evidence.wrongType,
            tooLarge: fm.evidence.tooLarge,
            uploading: fm.evidence.uploading,
            uploaded: (file) => fm.evidence.uploaded(file.name),
          }}
          upload={(file) => upload(uploadEvidence, { params: { id: gift.id } }, file)}
          onUploaded={(updated) => storeGift(queryClient, updated)}
        />
      )}
      {!canAttach && isOwnSupplier && (
        <Text size="sm" c="dimmed" mt="md">
          {fm.evidence.supplierOnlyDraft}
        </Text>
      )}
    </Paper>
  );
}

// ------------------------------------------------------------------ costs

function CostsSection({ gift, canChange }: { gift: GiftDetail; canChange: boolean }) {
  const today = todayIso();
  const costs = [...gift.costs].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom) || b.createdAt.localeCompare(a.createdAt));
  const current = costs.find((c) => c.effectiveFrom <= today);
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="costs-heading">
      <Title order={2} id="costs-heading" mb="sm" className="yk-section-title">
        {fm.costs.heading}
      </Title>
      <Table.ScrollContainer minWidth={640} type="native">
        <Table withTableBorder striped verticalSpacing="xs" className="yk-table">
          <caption className="yk-visually-hidden">{fm.costs.caption}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{fm.costs.effectiveFrom}</Table.Th>
              <Table.Th scope="col" style={{ textAlign: "right" }}>
                {fm.costs.procurement}
              </Table.Th>
              <Table.Th scope="col" style={{ textAlign: "right" }}>
                {fm.costs.shipping}
              </Table.Th>
              <Table.Th scope="col">{fm.costs.author}</Table.Th>
              <Table.Th scope="col">{fm.costs.createdAt}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {costs.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={5}>{fm.costs.empty}</Table.Td>
              </Table.Tr>
            )}
            {costs.map((cost) => (
              <Table.Tr key={`${cost.effectiveFrom}-${cost.createdAt}`}>
                <Table.Th scope="row" style={{ fontWeight: 500 }}>
                  <Group gap={6} wrap="nowrap">
                    <DateText iso={cost.effectiveFrom} />
                    {cost === current && (
                      <Badge size="xs" variant="outline" color="green" styles={{ root: { color: "#1e5631", textTransform: "none" } }}>
                        {fm.costs.current}
                      </Badge>
                    )}
                  </Group>
                </Table.Th>
                <Table.Td style={{ textAlign: "right" }}>{yen(cost.procurementCost)}</Table.Td>
                <Table.Td style={{ textAlign: "right" }}>{yen(cost.shippingCost)}</Table.Td>
                <Table.Td>{cost.authorLabel}</Table.Td>
                <Table.Td>
                  <DateTimeText timestamp={cost.createdAt} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {canChange && <CostForm gift={gift} />}
    </Paper>
  );
}

function CostForm({ gift }: { gift: GiftDetail }) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const [effectiveFrom, setEffectiveFrom] = useState(todayIso());
  const [procurement, setProcurement] = useState(gift.procurementCost === null ? "" : String(gift.procurementCost));
  const [shipping, setShipping] = useState(gift.shippingCost === null ? "" : String(gift.shippingCost));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState("");
  const formRef = useRef<HTMLFormElement>(null);
  const save = useMutation({
    mutationFn: (body: { procurementCost: number; shippingCost: number }) =>
      call(changeGiftCost, { params: { id: gift.id }, body: { ...body, effectiveFrom: effectiveFrom.trim() } }),
    onSuccess: (updated) => {
      storeGift(queryClient, updated);
      const errorCount = updated.findings.filter((f) => f.severity === "error").length;
      const message = errorCount > 0 ? fm.costs.savedWithErrors(errorCount) : fm.costs.saved;
      setStatus(message);
      flash.show(message);
    },
    onError: (error) => setErrors(fieldErrors(error)),
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    setStatus("");
    const found: Record<string, string> = {};
    const p = parseNumberText(procurement);
    const s = parseNumberText(shipping);
    if (!effectiveFrom.trim()) found.effectiveFrom = fm.costs.dateRequired;
    else if (!parseJapaneseDate(effectiveFrom)) found.effectiveFrom = m.date.invalid;
    if (p === null) found.procurementCost = fm.form.procurementRequired;
    else if (p === undefined || !Number.isInteger(p) || p < 0) found.procurementCost = fm.form.numberInvalid;
    if (s === null) found.shippingCost = fm.form.shippingRequired;
    else if (s === undefined || !Number.isInteger(s) || s < 0) found.shippingCost = fm.form.numberInvalid;
    setErrors(found);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    save.mutate({ procurementCost: p as number, shippingCost: s as number });
  }
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="cost-form-heading">
      <Stack gap="sm" mt="lg">
        <Title order={3} size="h4" id="cost-form-heading">
          {fm.costs.change}
        </Title>
        <Text size="sm" c="dimmed">
          {fm.costs.changeHelp}
        </Text>
        <ErrorAlert error={save.error} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <JapaneseDateInput
            label={fm.costs.effectiveLabel}
            value={effectiveFrom}
            onChange={(value) => setEffectiveFrom(value)}
            error={errors.effectiveFrom || undefined}
            required
          />
          <TextInput
            label={fm.costs.procurementLabel}
            value={procurement}
            onChange={(e) => setProcurement(e.currentTarget.value)}
            error={errors.procurementCost || undefined}
            inputMode="numeric"
            required
          />
          <TextInput
            label={fm.costs.shippingLabel}
            value={shipping}
            onChange={(e) => setShipping(e.currentTarget.value)}
            error={errors.shippingCost || undefined}
            inputMode="numeric"
            required
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={save.isPending}>
            {fm.costs.change}
          </Button>
          <Text size="sm" role="status" aria-live="polite" fw={600}>
            {status}
          </Text>
        </Group>
      </Stack>
    </form>
  );
}

// ------------------------------------------------------------------ reviews

function ReviewsSection({ gift }: { gift: GiftDetail }) {
  const reviews = [...gift.reviews].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="reviews-heading">
      <Title order={2} id="reviews-heading" mb="sm" className="yk-section-title">
        {fm.reviews.heading}
      </Title>
      {reviews.length === 0 ? (
        <Text size="sm">{fm.reviews.empty}</Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2} active={0}>
          {reviews.map((review, i) => (
            <Timeline.Item
              // biome-ignore lint/suspicious/noArrayIndexKey: review records have no id in the API
              key={`${review.createdAt}-${i}`}
              title={
                <Group gap="xs" wrap="wrap">
                  <Text fw={700} component="span">
                    {review.action}
                  </Text>
                  <Text size="sm" component="span">
                    {fm.reviews.transition(review.fromStatus, review.toStatus)}
                  </Text>
                </Group>
              }
            >
              {review.comment && (
                <Text size="sm" className="yk-prewrap">
                  {review.comment}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {fm.reviews.by(review.actorLabel)}
                {fm.wideSpace}
                <DateTimeText timestamp={review.createdAt} western="beside" />
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Paper>
  );
}
