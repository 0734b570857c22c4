// /furusato/gifts/new and /furusato/gifts/$id/edit: the whole gift form on @mantine/form, validated with the shared
// giftDetailsSchema (the same limits as the API; gift-form-values.ts), errors inline in Japanese and the character
// limits shown as counters. The sections are in GiftFormSections.tsx and GiftFormLocal.tsx.
import { Alert, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { createGift, type GiftDetail, updateGift } from "../../../common/api/furusato";
import { call } from "../../api/client";
import { useCurrentUser } from "../../auth/session";
import { m } from "../../messages";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrors } from "../../ui/errors";
import { useFlash } from "../../ui/Flash";
import { FormActions } from "../../ui/FormSection";
import { AnchorLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { QueryBoundary } from "../../ui/QueryBoundary";
import { useFocusFirstInvalid } from "../../ui/useFocusFirstInvalid";
import { FurusatoNav } from "./components";
import { GiftLocalSection } from "./GiftFormLocal";
import { GiftAllergensSection, GiftBasicSection, GiftContentsSection, GiftCostSection, GiftSubscriptionSection } from "./GiftFormSections";
import { formKeys, type GiftFormValues, type GiftPayload, giftFormErrors, giftFormValues, giftPayload } from "./gift-form-values";
import { fm } from "./messages";
import { storeGift, useFurusatoAccess, useGift, useSuppliers } from "./queries";

export function GiftFormPage({ id }: { id?: string }) {
  if (id) return <EditGift id={id} />;
  return <GiftForm />;
}

function EditGift({ id }: { id: string }) {
  const gift = useGift(id);
  return (
    <QueryBoundary query={gift} title={fm.form.editShort}>
      {(data) => <GiftForm key={`${data.id}-${data.version}`} gift={data} />}
    </QueryBoundary>
  );
}

function GiftForm({ gift }: { gift?: GiftDetail }) {
  const user = useCurrentUser();
  // A supplier's account registers gifts for itself (the server names the supplier); staff choose one.
  const access = useFurusatoAccess();
  const ownSupplierId = access.data?.supplierId ?? null;
  const isPartner = ownSupplierId !== null || user.role === "partner";
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const flash = useFlash();
  const suppliers = useSuppliers();
  const isNew = !gift;
  const [initialValues] = useState(() => giftFormValues(gift));
  const form = useForm<GiftFormValues>({
    initialValues,
    validate: (values) => giftFormErrors(values, { isNew, isPartner }),
  });
  const { ref: formRef, focusFirstInvalid } = useFocusFirstInvalid();
  /** a supplier editing an approved gift: saving sends a change proposal to the city */
  const proposes = gift?.editProposes === true;

  const save = useMutation({
    mutationFn: async (payload: GiftPayload) => {
      if (gift) return call(updateGift, { params: { id: gift.id }, body: { version: gift.version, details: payload.details } });
      const supplierId = isPartner ? (ownSupplierId ?? suppliers.data?.items[0]?.id ?? "") : form.values.supplierId;
      return call(createGift, {
        body: {
          supplierId,
          details: payload.details,
          procurementCost: payload.procurementCost,
          shippingCost: payload.shippingCost,
          costEffectiveFrom: payload.costEffectiveFrom,
        },
      });
    },
    onSuccess: (saved) => {
      storeGift(queryClient, saved);
      flash.show(isNew ? fm.form.created(saved.code) : proposes ? fm.form.proposed : fm.form.updated);
      navigate({ to: "/furusato/gifts/$id", params: { id: saved.id } });
    },
    onError: (error) => {
      form.setErrors(formKeys(fieldErrors(error)));
      focusFirstInvalid();
    },
  });

  const submit = form.onSubmit(
    (values) => save.mutate(giftPayload(values)),
    () => focusFirstInvalid(),
  );

  const title = isNew ? fm.form.createTitle : fm.form.editTitle(gift.title);
  const breadcrumbs = [
    { label: fm.moduleName, href: "/furusato" },
    ...(gift ? [{ label: gift.title, href: `/furusato/gifts/${gift.id}` }] : []),
    { label: isNew ? fm.form.createTitle : fm.form.editShort },
  ];
  const hasErrors = Object.values(form.errors).some(Boolean);
  const supplierOptions = (suppliers.data?.items ?? []).map((s) => ({
    value: s.id,
    label: s.status === "受付停止" ? fm.form.supplierSuspended(`${s.code} ${s.name}`) : `${s.code} ${s.name}`,
    disabled: s.status === "受付停止",
  }));

  if (gift && !gift.canEdit) {
    return (
      <>
        <PageHeader title={title} breadcrumbs={breadcrumbs} />
        <Alert color="yellow" variant="light" role="status">
          {fm.form.cannotEdit}
        </Alert>
        <AnchorLink to="/furusato/gifts/$id" params={{ id: gift.id }} mt="md" display="inline-block">
          {fm.form.backToGift}
        </AnchorLink>
      </>
    );
  }

  return (
    <>
      <PageHeader title={title} breadcrumbs={breadcrumbs} subtitle={fm.form.intro} />
      <FurusatoNav />
      {proposes && (
        <Alert
          color="blue"
          variant="light"
          title={fm.form.proposeNoticeTitle}
          mb="lg"
          styles={{ root: { borderLeft: "5px solid #1c7ed6" } }}
        >
          <Stack gap={4}>
            <Text size="sm">{fm.form.proposeNotice}</Text>
            {gift?.pendingDetails && <Text size="sm">{fm.form.proposePending}</Text>}
          </Stack>
        </Alert>
      )}
      {!proposes && gift?.pendingDetails && (
        <Alert color="yellow" variant="light" mb="lg">
          {fm.form.managerPending}
        </Alert>
      )}
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack gap="lg">
          {hasErrors && !save.error && (
            <Alert color="red" variant="light" role="alert" title={m.errors.fieldsHeading}>
              {fm.form.invalid}
            </Alert>
          )}
          <ErrorAlert error={save.error} conflictMessage={fm.form.conflict} />

          <GiftBasicSection form={form} gift={gift} supplierOptions={isNew && !isPartner ? supplierOptions : undefined} />
          <GiftContentsSection form={form} />
          <GiftAllergensSection form={form} />
          <GiftLocalSection form={form} />
          <GiftSubscriptionSection form={form} />
          {isNew && <GiftCostSection form={form} />}

          <FormActions
            submitLabel={isNew ? fm.form.submitCreate : proposes ? fm.form.submitPropose : fm.form.submitEdit}
            saving={save.isPending}
            cancel={
              gift ? (
                <AnchorLink to="/furusato/gifts/$id" params={{ id: gift.id }}>
                  {fm.cancel}
                </AnchorLink>
              ) : (
                <AnchorLink to="/furusato">{fm.cancel}</AnchorLink>
              )
            }
          />
        </Stack>
      </form>
    </>
  );
}
