// /furusato/gifts/new and /furusato/gifts/$id/edit: the whole gift form, validated with the shared giftDetailsSchema
// (the same limits as the API), errors inline in Japanese and the character limits shown as counters.
import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Loader,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from "react";
import { createGift, type GiftDetail, updateGift } from "../../../common/api/furusato";
import { parseJapaneseDate } from "../../../common/dates";
import {
  ALLERGEN_STATES,
  GIFT_LIMITS,
  type GiftDetails,
  giftDetailsSchema,
  LOCAL_PRODUCT_TYPES,
  REQUIRED_ALLERGENS,
  TEMPERATURES,
} from "../../../common/furusato/gift-schema";
import { japaneseErrorMap } from "../../../common/zod-japanese";
import { call } from "../../api/client";
import { useCurrentUser } from "../../auth/session";
import { m } from "../../messages";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrors } from "../../ui/errors";
import { useFlash } from "../../ui/Flash";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { AnchorLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { RadioFieldset } from "../../ui/RadioFieldset";
import { Counter, FurusatoNav, parseNumberText } from "./components";
import { fm } from "./messages";
import { storeGift, useFurusatoAccess, useGift, useSuppliers } from "./queries";

type AllergenState = (typeof ALLERGEN_STATES)[number];
type LocalType = (typeof LOCAL_PRODUCT_TYPES)[number];

interface CertificationRow {
  key: number;
  name: string;
  validFrom: string;
  validUntil: string;
}

interface FormState {
  supplierId: string;
  title: string;
  catchCopy: string;
  description: string;
  contents: string;
  shippingSize: string;
  temperature: string;
  handlingNotes: string;
  bestBefore: string;
  originOfIngredients: string;
  placeOfProcessing: string;
  applicationFrom: string;
  applicationUntil: string;
  deliveryPeriod: string;
  limitedQuantity: string;
  noshi: boolean;
  wrapping: boolean;
  imageUrls: string;
  allergens: Record<string, AllergenState>;
  subscription: boolean;
  deliveries: string;
  schedule: string;
  localProductType: LocalType | "";
  localProductReason: string;
  rawMaterialSamePrefecture: "yes" | "no" | "";
  evidenceFileIds: string[];
  certifications: CertificationRow[];
  procurementCost: string;
  shippingCost: string;
  costEffectiveFrom: string;
}

type TextField = {
  [K in keyof FormState]: FormState[K] extends string ? K : never;
}[keyof FormState];

function todayIso(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

let rowKey = 0;
const nextKey = () => ++rowKey;

function initialState(gift?: GiftDetail): FormState {
  // A supplier revising a proposal that is still waiting starts from the proposal, not from the live details.
  const d = gift?.editProposes && gift.pendingDetails ? gift.pendingDetails : gift?.details;
  const allergens: Record<string, AllergenState> = {};
  for (const name of REQUIRED_ALLERGENS) allergens[name] = "未確認";
  Object.assign(allergens, d?.allergens ?? {});
  return {
    supplierId: gift?.supplierId ?? "",
    title: d?.title ?? "",
    catchCopy: d?.catchCopy ?? "",
    description: d?.description ?? "",
    contents: d?.contents ?? "",
    shippingSize: d?.shippingSize ?? "",
    temperature: d?.temperature ?? "",
    handlingNotes: d?.handlingNotes ?? "",
    bestBefore: d?.bestBefore ?? "",
    originOfIngredients: d?.originOfIngredients ?? "",
    placeOfProcessing: d?.placeOfProcessing ?? "",
    applicationFrom: d?.applicationPeriod.from ?? "",
    applicationUntil: d?.applicationPeriod.until ?? "",
    deliveryPeriod: d?.deliveryPeriod ?? "",
    limitedQuantity: d?.limitedQuantity ? String(d.limitedQuantity) : "",
    noshi: d?.noshi ?? false,
    wrapping: d?.wrapping ?? false,
    imageUrls: (d?.imageUrls ?? []).join("\n"),
    allergens,
    subscription: Boolean(d?.subscription),
    deliveries: d?.subscription ? String(d.subscription.deliveries) : "",
    schedule: d?.subscription?.schedule ?? "",
    localProductType: d?.localProductType ?? "",
    localProductReason: d?.localProductReason ?? "",
    rawMaterialSamePrefecture: d?.rawMaterialSamePrefecture === true ? "yes" : d?.rawMaterialSamePrefecture === false ? "no" : "",
    evidenceFileIds: d?.evidenceFileIds ?? [],
    certifications: (d?.certifications ?? []).map((c) => ({
      key: nextKey(),
      name: c.name,
      validFrom: c.validFrom ?? "",
      validUntil: c.validUntil ?? "",
    })),
    procurementCost: "",
    shippingCost: "",
    costEffectiveFrom: todayIso(),
  };
}

/** The form as the schema's input, plus errors for numbers that could not be read. */
function toDetails(form: FormState): { details: unknown; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const number = (key: string, text: string): number | null => {
    const n = parseNumberText(text);
    if (n === undefined) {
      errors[key] = fm.form.numberInvalid;
      return null;
    }
    return n;
  };
  const date = (text: string) => (text.trim() ? text.trim() : null);
  const limitedQuantity = number("limitedQuantity", form.limitedQuantity);
  const deliveries = form.subscription ? number("subscription.deliveries", form.deliveries) : null;
  const details = {
    title: form.title,
    catchCopy: form.catchCopy,
    description: form.description,
    contents: form.contents,
    shippingSize: form.shippingSize,
    temperature: form.temperature || undefined,
    handlingNotes: form.handlingNotes,
    allergens: form.allergens,
    bestBefore: form.bestBefore,
    originOfIngredients: form.originOfIngredients,
    placeOfProcessing: form.placeOfProcessing,
    applicationPeriod: { from: date(form.applicationFrom), until: date(form.applicationUntil) },
    deliveryPeriod: form.deliveryPeriod,
    limitedQuantity,
    noshi: form.noshi,
    wrapping: form.wrapping,
    imageUrls: form.imageUrls
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean),
    subscription: form.subscription ? { deliveries: deliveries ?? Number.NaN, schedule: form.schedule } : null,
    localProductType: form.localProductType || null,
    localProductReason: form.localProductReason,
    rawMaterialSamePrefecture:
      form.localProductType === "3イ" ? (form.rawMaterialSamePrefecture === "" ? null : form.rawMaterialSamePrefecture === "yes") : null,
    evidenceFileIds: form.evidenceFileIds,
    certifications: form.certifications.map((c) => ({ name: c.name, validFrom: date(c.validFrom), validUntil: date(c.validUntil) })),
  };
  return { details, errors };
}

/** Server field keys are "details.title"; the form's are "title". */
function formKeys(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(fields)) out[key.replace(/^details\./, "")] = message;
  return out;
}

function Section({ id, title, children, help }: { id: string; title: string; children: ReactNode; help?: string }) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={id}>
      <Title order={2} id={id} mb="sm" className="yk-section-title">
        {title}
      </Title>
      {help && (
        <Text size="sm" c="dimmed" mb="sm">
          {help}
        </Text>
      )}
      <Stack gap="md">{children}</Stack>
    </Paper>
  );
}

export function GiftFormPage({ id }: { id?: string }) {
  if (id) return <EditGift id={id} />;
  return <GiftForm />;
}

function EditGift({ id }: { id: string }) {
  const gift = useGift(id);
  if (gift.error) {
    return (
      <>
        <PageHeader title={fm.form.editShort} />
        <ErrorAlert error={gift.error} />
      </>
    );
  }
  if (!gift.data) return <Loader aria-label={m.common.loading} />;
  return <GiftForm key={`${gift.data.id}-${gift.data.version}`} gift={gift.data} />;
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
  const [form, setForm] = useState<FormState>(() => initialState(gift));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [focusTick, setFocusTick] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const isNew = !gift;
  /** a supplier editing an approved gift: saving sends a change proposal to the city */
  const proposes = gift?.editProposes === true;

  useEffect(() => {
    if (focusTick === 0) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid) {
      const target = invalid.matches("fieldset") ? invalid.querySelector<HTMLElement>("input") : invalid;
      target?.focus();
    }
  }, [focusTick]);

  function set<K extends keyof FormState>(key: K, value: FormState[K]) {
    setForm((current) => ({ ...current, [key]: value }));
    if (errors[key as string]) setErrors((current) => ({ ...current, [key as string]: "" }));
  }

  const text = (key: TextField) => ({
    value: form[key],
    onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set(key, event.currentTarget.value),
    error: errors[key] || undefined,
  });

  const save = useMutation({
    mutationFn: async (payload: { details: GiftDetails; procurementCost: number; shippingCost: number }) => {
      if (gift) return call(updateGift, { params: { id: gift.id }, body: { version: gift.version, details: payload.details } });
      const supplierId = isPartner ? (ownSupplierId ?? suppliers.data?.items[0]?.id ?? "") : form.supplierId;
      return call(createGift, {
        body: {
          supplierId,
          details: payload.details,
          procurementCost: payload.procurementCost,
          shippingCost: payload.shippingCost,
          costEffectiveFrom: form.costEffectiveFrom.trim(),
        },
      });
    },
    onSuccess: (saved) => {
      storeGift(queryClient, saved);
      flash.show(isNew ? fm.form.created(saved.code) : proposes ? fm.form.proposed : fm.form.updated);
      navigate({ to: "/furusato/gifts/$id", params: { id: saved.id } });
    },
    onError: (error) => {
      setErrors(formKeys(fieldErrors(error)));
      setFocusTick((n) => n + 1);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const { details, errors: found } = toDetails(form);
    const parsed = giftDetailsSchema.safeParse(details, { error: japaneseErrorMap });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = issue.path.join(".");
        found[key] ??= issue.message;
      }
    }
    let procurementCost = 0;
    let shippingCost = 0;
    if (isNew) {
      if (!isPartner && !form.supplierId) found.supplierId = fm.form.supplierRequired;
      const p = parseNumberText(form.procurementCost);
      const s = parseNumberText(form.shippingCost);
      if (p === null) found.procurementCost = fm.form.procurementRequired;
      else if (p === undefined || !Number.isInteger(p) || p < 0) found.procurementCost = fm.form.numberInvalid;
      else procurementCost = p;
      if (s === null) found.shippingCost = fm.form.shippingRequired;
      else if (s === undefined || !Number.isInteger(s) || s < 0) found.shippingCost = fm.form.numberInvalid;
      else shippingCost = s;
      if (!form.costEffectiveFrom.trim()) found.costEffectiveFrom = fm.costs.dateRequired;
      else if (!parseJapaneseDate(form.costEffectiveFrom)) found.costEffectiveFrom = m.date.invalid;
    }
    setErrors(found);
    if (Object.keys(found).length > 0 || !parsed.success) {
      setFocusTick((n) => n + 1);
      return;
    }
    save.mutate({ details: parsed.data, procurementCost, shippingCost });
  }

  const title = isNew ? fm.form.createTitle : fm.form.editTitle(gift.title);
  const breadcrumbs = [
    { label: fm.moduleName, href: "/furusato" },
    ...(gift ? [{ label: gift.title, href: `/furusato/gifts/${gift.id}` }] : []),
    { label: isNew ? fm.form.createTitle : fm.form.editShort },
  ];
  const hasErrors = Object.values(errors).some(Boolean);
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

          <Section id="sec-basic" title={fm.form.sections.basic}>
            {isNew && !isPartner && (
              <NativeSelect
                label={fm.form.supplier}
                value={form.supplierId}
                onChange={(e) => set("supplierId", e.currentTarget.value)}
                data={[{ value: "", label: fm.form.supplierPlaceholder }, ...supplierOptions]}
                error={errors.supplierId || undefined}
                required
              />
            )}
            {gift && (
              <Text size="sm">
                {fm.form.supplier}: {gift.supplierName}
              </Text>
            )}
            <TextInput
              label={fm.form.title}
              {...text("title")}
              required
              description={<Counter value={form.title} max={GIFT_LIMITS.title} />}
              inputWrapperOrder={["label", "input", "description", "error"]}
            />
            <TextInput
              label={fm.form.catchCopy}
              {...text("catchCopy")}
              description={<Counter value={form.catchCopy} max={GIFT_LIMITS.catchCopy} />}
              inputWrapperOrder={["label", "input", "description", "error"]}
            />
            <Textarea
              label={fm.form.description}
              {...text("description")}
              autosize
              minRows={5}
              maxRows={16}
              description={<Counter value={form.description} max={GIFT_LIMITS.description} />}
              inputWrapperOrder={["label", "input", "description", "error"]}
            />
            <Textarea
              label={fm.form.imageUrls}
              {...text("imageUrls")}
              autosize
              minRows={2}
              maxRows={8}
              description={fm.form.imageUrlsDescription}
              error={errors.imageUrls || Object.entries(errors).find(([k, v]) => k.startsWith("imageUrls.") && v)?.[1] || undefined}
            />
          </Section>

          <Section id="sec-contents" title={fm.form.sections.contents}>
            <Textarea
              label={fm.form.contents}
              {...text("contents")}
              required
              autosize
              minRows={2}
              description={
                <>
                  <Counter value={form.contents} max={GIFT_LIMITS.contents} />
                  <Text span size="xs" c="dimmed" ml="sm">
                    {fm.form.contentsDescription}
                  </Text>
                </>
              }
              inputWrapperOrder={["label", "input", "description", "error"]}
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <NativeSelect
                label={fm.form.temperature}
                value={form.temperature}
                onChange={(e) => set("temperature", e.currentTarget.value)}
                data={[{ value: "", label: fm.form.localTypePlaceholder }, ...TEMPERATURES.map((t) => ({ value: t, label: t }))]}
                error={errors.temperature || undefined}
                required
              />
              <TextInput
                label={fm.form.shippingSize}
                {...text("shippingSize")}
                description={fm.form.shippingSizeDescription}
                maxLength={10}
              />
              <TextInput
                label={fm.form.limitedQuantity}
                {...text("limitedQuantity")}
                inputMode="numeric"
                description={fm.form.limitedQuantityDescription}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={fm.form.bestBefore} {...text("bestBefore")} />
              <TextInput label={fm.form.deliveryPeriod} {...text("deliveryPeriod")} />
              <TextInput label={fm.form.originOfIngredients} {...text("originOfIngredients")} />
              <TextInput label={fm.form.placeOfProcessing} {...text("placeOfProcessing")} />
              <JapaneseDateInput
                label={fm.form.applicationFrom}
                value={form.applicationFrom}
                onChange={(value) => set("applicationFrom", value)}
                error={errors["applicationPeriod.from"] || undefined}
              />
              <JapaneseDateInput
                label={fm.form.applicationUntil}
                value={form.applicationUntil}
                onChange={(value) => set("applicationUntil", value)}
                error={errors["applicationPeriod.until"] || undefined}
              />
            </SimpleGrid>
            <Textarea
              label={fm.form.handlingNotes}
              {...text("handlingNotes")}
              autosize
              minRows={2}
              description={<Counter value={form.handlingNotes} max={GIFT_LIMITS.text} />}
              inputWrapperOrder={["label", "input", "description", "error"]}
            />
            <Group gap="xl">
              <Checkbox label={fm.form.noshi} checked={form.noshi} onChange={(e) => set("noshi", e.currentTarget.checked)} />
              <Checkbox label={fm.form.wrapping} checked={form.wrapping} onChange={(e) => set("wrapping", e.currentTarget.checked)} />
            </Group>
          </Section>

          <Section id="sec-allergens" title={fm.form.sections.allergens} help={fm.form.allergensHelp}>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
              {REQUIRED_ALLERGENS.map((name) => (
                <RadioFieldset
                  key={name}
                  legend={fm.form.allergenLegend(name)}
                  name={`allergen-${name}`}
                  value={form.allergens[name] ?? ""}
                  options={ALLERGEN_STATES.map((s) => ({ value: s, label: s }))}
                  onChange={(value) => set("allergens", { ...form.allergens, [name]: value })}
                  error={errors[`allergens.${name}`]}
                />
              ))}
            </SimpleGrid>
          </Section>

          <Section id="sec-local" title={fm.form.sections.local}>
            <NativeSelect
              label={fm.form.localType}
              value={form.localProductType}
              onChange={(e) => set("localProductType", e.currentTarget.value as LocalType | "")}
              data={[
                { value: "", label: fm.form.localTypeNone },
                ...LOCAL_PRODUCT_TYPES.map((t) => ({ value: t, label: fm.form.localTypeOption(t) })),
              ]}
              error={errors.localProductType || undefined}
              maw={320}
            />
            <Textarea
              label={fm.form.localReason}
              {...text("localProductReason")}
              autosize
              minRows={2}
              description={<Counter value={form.localProductReason} max={GIFT_LIMITS.localProductReason} />}
              inputWrapperOrder={["label", "input", "description", "error"]}
            />
            {form.localProductType === "3イ" && (
              <RadioFieldset
                legend={fm.form.rawMaterial}
                name="raw-material"
                value={form.rawMaterialSamePrefecture}
                options={[
                  { value: "yes", label: fm.yes },
                  { value: "no", label: fm.no },
                ]}
                onChange={(value) => set("rawMaterialSamePrefecture", value)}
                error={errors.rawMaterialSamePrefecture}
              />
            )}
            {form.evidenceFileIds.length > 0 && <Text size="sm">{fm.form.evidence(form.evidenceFileIds.length)}</Text>}
            <Fieldset legend={fm.form.certifications} variant="unstyled" styles={{ legend: { fontWeight: 600, marginBottom: 4 } }}>
              <Text size="sm" c="dimmed" mb="xs">
                {fm.form.certificationsHelp}
              </Text>
              <Stack gap="sm">
                {form.certifications.length === 0 && <Text size="sm">{fm.form.noCertifications}</Text>}
                {form.certifications.map((row, index) => {
                  const n = index + 1;
                  const update = (patch: Partial<CertificationRow>) =>
                    set(
                      "certifications",
                      form.certifications.map((c) => (c.key === row.key ? { ...c, ...patch } : c)),
                    );
                  return (
                    <Paper key={row.key} withBorder p="sm" bg="#fbfcfe">
                      <SimpleGrid cols={{ base: 1, md: 3 }}>
                        <TextInput
                          label={fm.form.certificationName(n)}
                          value={row.name}
                          onChange={(e) => update({ name: e.currentTarget.value })}
                          error={errors[`certifications.${index}.name`] || undefined}
                          required
                        />
                        <JapaneseDateInput
                          label={fm.form.certificationFrom(n)}
                          value={row.validFrom}
                          onChange={(value) => update({ validFrom: value })}
                          error={errors[`certifications.${index}.validFrom`] || undefined}
                        />
                        <JapaneseDateInput
                          label={fm.form.certificationUntil(n)}
                          value={row.validUntil}
                          onChange={(value) => update({ validUntil: value })}
                          error={errors[`certifications.${index}.validUntil`] || undefined}
                        />
                      </SimpleGrid>
                      <Group justify="flex-end" mt="xs">
                        <Button
                          variant="subtle"
                          color="red"
                          size="compact-sm"
                          onClick={() =>
                            set(
                              "certifications",
                              form.certifications.filter((c) => c.key !== row.key),
                            )
                          }
                        >
                          {fm.form.certificationRemove(n)}
                        </Button>
                      </Group>
                    </Paper>
                  );
                })}
                {form.certifications.length < 10 && (
                  <Group>
                    <Button
                      variant="default"
                      size="sm"
                      onClick={() =>
                        set("certifications", [...form.certifications, { key: nextKey(), name: "", validFrom: "", validUntil: "" }])
                      }
                    >
                      {fm.form.certificationAdd}
                    </Button>
                  </Group>
                )}
              </Stack>
            </Fieldset>
          </Section>

          <Section id="sec-subscription" title={fm.form.sections.subscription}>
            <Switch
              label={fm.form.subscriptionToggle}
              checked={form.subscription}
              onChange={(e) => set("subscription", e.currentTarget.checked)}
            />
            {form.subscription && (
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={fm.form.deliveries}
                  {...text("deliveries")}
                  error={errors["subscription.deliveries"] || undefined}
                  inputMode="numeric"
                  description={fm.form.deliveriesDescription}
                  required
                />
                <TextInput
                  label={fm.form.schedule}
                  {...text("schedule")}
                  error={errors["subscription.schedule"] || undefined}
                  description={fm.form.scheduleDescription}
                  required
                />
              </SimpleGrid>
            )}
          </Section>

          {isNew && (
            <Section id="sec-cost" title={fm.form.sections.cost} help={fm.form.costHelp}>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <TextInput
                  label={fm.form.procurementCost}
                  {...text("procurementCost")}
                  inputMode="numeric"
                  rightSection={<Text size="sm">{fm.form.yenSuffix}</Text>}
                  required
                />
                <TextInput
                  label={fm.form.shippingCost}
                  {...text("shippingCost")}
                  inputMode="numeric"
                  rightSection={<Text size="sm">{fm.form.yenSuffix}</Text>}
                  required
                />
                <JapaneseDateInput
                  label={fm.form.costEffectiveFrom}
                  value={form.costEffectiveFrom}
                  onChange={(value) => set("costEffectiveFrom", value)}
                  error={errors.costEffectiveFrom || undefined}
                  required
                />
              </SimpleGrid>
            </Section>
          )}

          <Group>
            <Button type="submit" loading={save.isPending}>
              {isNew ? fm.form.submitCreate : proposes ? fm.form.submitPropose : fm.form.submitEdit}
            </Button>
            {gift ? (
              <AnchorLink to="/furusato/gifts/$id" params={{ id: gift.id }}>
                {fm.cancel}
              </AnchorLink>
            ) : (
              <AnchorLink to="/furusato">{fm.cancel}</AnchorLink>
            )}
          </Group>
        </Stack>
      </form>
    </>
  );
}
