// The gift page's listings per portal: the suggested amount, 掲載 by portal and the second-person approval.
import { Alert, Button, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Fragment, useRef, useState } from "react";
import { approveListingAmount, type GiftDetail, setListing } from "../../../common/api/furusato";
import { parseJapaneseDate, todayInJapan } from "../../../common/dates";
import { RETURN_RATIO_LIMIT } from "../../../common/furusato/rules";
import { call } from "../../api/client";
import { m } from "../../messages";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { DateText } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrors } from "../../ui/errors";
import { useFlash } from "../../ui/Flash";
import { FormActions } from "../../ui/FormSection";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { parseNumberText, percent, returnRatio, SeverityBadge, yen } from "./components";
import { fm } from "./messages";
import { storeGift } from "./queries";

type Listing = GiftDetail["listings"][number];

interface PortalLike {
  code: string;
  name: string;
  active: boolean;
}

export function ListingsSection({ gift, isManager, portals }: { gift: GiftDetail; isManager: boolean; portals: PortalLike[] | undefined }) {
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

/** The listing form's values: text as typed (a new listing starts empty, dated today). */
interface ListingValues {
  donationAmount: string;
  titleVariant: string;
  stock: string;
  listingDate: string;
}

function listingValues(listing: Listing | undefined): ListingValues {
  return {
    donationAmount: listing ? String(listing.donationAmount) : "",
    titleVariant: listing?.titleVariant ?? "",
    stock: listing?.stock === null || listing?.stock === undefined ? "" : String(listing.stock),
    listingDate: listing?.listingDate ?? todayInJapan(),
  };
}

function listingErrors(values: ListingValues): Record<string, string> {
  const errors: Record<string, string> = {};
  const amount = parseNumberText(values.donationAmount);
  if (amount === null) errors.donationAmount = fm.listings.amountRequired;
  else if (amount === undefined || !Number.isInteger(amount)) errors.donationAmount = fm.form.numberInvalid;
  // 在庫 may stay empty (no limit).
  const stock = parseNumberText(values.stock);
  if (stock === undefined || (stock !== null && (!Number.isInteger(stock) || stock < 0))) errors.stock = fm.form.numberInvalid;
  if (!values.listingDate.trim()) errors.listingDate = fm.listings.dateRequired;
  else if (!parseJapaneseDate(values.listingDate)) errors.listingDate = m.date.invalid;
  return errors;
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
  const form = useForm<ListingValues>({ initialValues: listingValues(listing), validate: listingErrors });
  const amountRef = useRef<HTMLInputElement>(null);
  const save = useMutation({
    mutationFn: (values: ListingValues) =>
      call(setListing, {
        params: { id: gift.id, portalCode: portal.code },
        body: {
          donationAmount: parseNumberText(values.donationAmount) as number,
          stock: parseNumberText(values.stock) ?? null,
          titleVariant: values.titleVariant.trim(),
          listingDate: values.listingDate.trim(),
        },
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
    onError: (error) => form.setErrors(fieldErrors(error)),
  });
  const submit = form.onSubmit(
    (values) => save.mutate(values),
    (errors) => {
      if (errors.donationAmount) amountRef.current?.focus();
    },
  );
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
                  form.setFieldValue("donationAmount", String(suggestion.amount));
                  form.clearFieldError("donationAmount");
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
            {...form.getInputProps("donationAmount")}
            inputMode="numeric"
            required
          />
          <TextInput
            label={fm.listings.titleVariant}
            description={fm.listings.titleVariantDescription}
            {...form.getInputProps("titleVariant")}
            maxLength={300}
          />
          <TextInput
            label={fm.listings.stockLabel}
            description={fm.listings.stockDescription}
            {...form.getInputProps("stock")}
            inputMode="numeric"
          />
          <JapaneseDateInput
            label={fm.listings.dateLabel}
            {...form.getInputProps("listingDate")}
            value={form.values.listingDate}
            required
          />
        </SimpleGrid>
        <FormActions
          submitLabel={fm.save}
          saving={save.isPending}
          cancel={
            <Button variant="default" onClick={onDone}>
              {fm.cancel}
            </Button>
          }
        />
      </Stack>
    </form>
  );
}

// ------------------------------------------------------------------ details

/** 特定原材料 first, in their customary order; any others after them. */
