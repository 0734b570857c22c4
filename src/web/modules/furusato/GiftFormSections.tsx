// The sections of the gift form (GiftFormPage.tsx), each bound to the form's @mantine/form state; the 地場産品 section
// with its certifications is in GiftFormLocal.tsx.
import { Checkbox, Group, NativeSelect, SimpleGrid, Switch, Text, Textarea, TextInput } from "@mantine/core";
import type { GiftDetail } from "../../../common/api/furusato";
import { ALLERGEN_STATES, GIFT_LIMITS, REQUIRED_ALLERGENS, TEMPERATURES } from "../../../common/furusato/gift-schema";
import { FormSection } from "../../ui/FormSection";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { RadioFieldset } from "../../ui/RadioFieldset";
import { Counter } from "./components";
import { fieldError, type GiftFormApi } from "./gift-form-values";
import { fm } from "./messages";

/** The counter goes under the input and above its message. */
const COUNTED = ["label", "input", "description", "error"] as ("label" | "input" | "description" | "error")[];

export interface SupplierOption {
  value: string;
  label: string;
  disabled: boolean;
}

export function GiftBasicSection({
  form,
  gift,
  supplierOptions,
}: {
  form: GiftFormApi;
  gift?: GiftDetail;
  /** staff registering a gift choose its supplier; absent otherwise */
  supplierOptions?: SupplierOption[];
}) {
  const { values } = form;
  return (
    <FormSection id="sec-basic" title={fm.form.sections.basic}>
      {supplierOptions && (
        <NativeSelect
          label={fm.form.supplier}
          {...form.getInputProps("supplierId")}
          data={[{ value: "", label: fm.form.supplierPlaceholder }, ...supplierOptions]}
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
        {...form.getInputProps("title")}
        required
        description={<Counter value={values.title} max={GIFT_LIMITS.title} />}
        inputWrapperOrder={COUNTED}
      />
      <TextInput
        label={fm.form.catchCopy}
        {...form.getInputProps("catchCopy")}
        description={<Counter value={values.catchCopy} max={GIFT_LIMITS.catchCopy} />}
        inputWrapperOrder={COUNTED}
      />
      <Textarea
        label={fm.form.description}
        {...form.getInputProps("description")}
        autosize
        minRows={5}
        maxRows={16}
        description={<Counter value={values.description} max={GIFT_LIMITS.description} />}
        inputWrapperOrder={COUNTED}
      />
      <Textarea
        label={fm.form.imageUrls}
        {...form.getInputProps("imageUrls")}
        autosize
        minRows={2}
        maxRows={8}
        description={fm.form.imageUrlsDescription}
        error={fieldError(form, "imageUrls", true)}
      />
    </FormSection>
  );
}

export function GiftContentsSection({ form }: { form: GiftFormApi }) {
  const { values } = form;
  return (
    <FormSection id="sec-contents" title={fm.form.sections.contents}>
      <Textarea
        label={fm.form.contents}
        {...form.getInputProps("contents")}
        required
        autosize
        minRows={2}
        description={
          <>
            <Counter value={values.contents} max={GIFT_LIMITS.contents} />
            <Text span size="xs" c="dimmed" ml="sm">
              {fm.form.contentsDescription}
            </Text>
          </>
        }
        inputWrapperOrder={COUNTED}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NativeSelect
          label={fm.form.temperature}
          {...form.getInputProps("temperature")}
          data={[{ value: "", label: fm.form.localTypePlaceholder }, ...TEMPERATURES.map((t) => ({ value: t, label: t }))]}
          required
        />
        <TextInput
          label={fm.form.shippingSize}
          {...form.getInputProps("shippingSize")}
          description={fm.form.shippingSizeDescription}
          maxLength={10}
        />
        <TextInput
          label={fm.form.limitedQuantity}
          {...form.getInputProps("limitedQuantity")}
          inputMode="numeric"
          description={fm.form.limitedQuantityDescription}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={fm.form.bestBefore} {...form.getInputProps("bestBefore")} />
        <TextInput label={fm.form.deliveryPeriod} {...form.getInputProps("deliveryPeriod")} />
        <TextInput label={fm.form.originOfIngredients} {...form.getInputProps("originOfIngredients")} />
        <TextInput label={fm.form.placeOfProcessing} {...form.getInputProps("placeOfProcessing")} />
        <JapaneseDateInput
          label={fm.form.applicationFrom}
          value={values.applicationPeriod.from}
          onChange={(value) => form.setFieldValue("applicationPeriod.from", value)}
          error={fieldError(form, "applicationPeriod.from")}
        />
        <JapaneseDateInput
          label={fm.form.applicationUntil}
          value={values.applicationPeriod.until}
          onChange={(value) => form.setFieldValue("applicationPeriod.until", value)}
          error={fieldError(form, "applicationPeriod.until")}
        />
      </SimpleGrid>
      <Textarea
        label={fm.form.handlingNotes}
        {...form.getInputProps("handlingNotes")}
        autosize
        minRows={2}
        description={<Counter value={values.handlingNotes} max={GIFT_LIMITS.text} />}
        inputWrapperOrder={COUNTED}
      />
      <Group gap="xl">
        <Checkbox label={fm.form.noshi} {...form.getInputProps("noshi", { type: "checkbox" })} />
        <Checkbox label={fm.form.wrapping} {...form.getInputProps("wrapping", { type: "checkbox" })} />
      </Group>
    </FormSection>
  );
}

export function GiftAllergensSection({ form }: { form: GiftFormApi }) {
  return (
    <FormSection id="sec-allergens" title={fm.form.sections.allergens} help={fm.form.allergensHelp}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
        {REQUIRED_ALLERGENS.map((name) => (
          <RadioFieldset
            key={name}
            legend={fm.form.allergenLegend(name)}
            name={`allergen-${name}`}
            value={form.values.allergens[name] ?? ""}
            options={ALLERGEN_STATES.map((s) => ({ value: s, label: s }))}
            onChange={(value) => form.setFieldValue(`allergens.${name}`, value)}
            error={fieldError(form, `allergens.${name}`)}
          />
        ))}
      </SimpleGrid>
    </FormSection>
  );
}

export function GiftSubscriptionSection({ form }: { form: GiftFormApi }) {
  return (
    <FormSection id="sec-subscription" title={fm.form.sections.subscription}>
      <Switch label={fm.form.subscriptionToggle} {...form.getInputProps("subscription.enabled", { type: "checkbox" })} />
      {form.values.subscription.enabled && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={fm.form.deliveries}
            {...form.getInputProps("subscription.deliveries")}
            inputMode="numeric"
            description={fm.form.deliveriesDescription}
            required
          />
          <TextInput
            label={fm.form.schedule}
            {...form.getInputProps("subscription.schedule")}
            description={fm.form.scheduleDescription}
            required
          />
        </SimpleGrid>
      )}
    </FormSection>
  );
}

/** The first 調達費用 and 送料 of a new gift (later changes go through the gift's cost history). */
export function GiftCostSection({ form }: { form: GiftFormApi }) {
  return (
    <FormSection id="sec-cost" title={fm.form.sections.cost} help={fm.form.costHelp}>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={fm.form.procurementCost}
          {...form.getInputProps("procurementCost")}
          inputMode="numeric"
          rightSection={<Text size="sm">{fm.form.yenSuffix}</Text>}
          required
        />
        <TextInput
          label={fm.form.shippingCost}
          {...form.getInputProps("shippingCost")}
          inputMode="numeric"
          rightSection={<Text size="sm">{fm.form.yenSuffix}</Text>}
          required
        />
        <JapaneseDateInput
          label={fm.form.costEffectiveFrom}
          value={form.values.costEffectiveFrom}
          onChange={(value) => form.setFieldValue("costEffectiveFrom", value)}
          error={fieldError(form, "costEffectiveFrom")}
          required
        />
      </SimpleGrid>
    </FormSection>
  );
}
