// The 地場産品 section of the gift form: the 類型 and its reason, the 3イ question, and the certifications as a list of
// rows (@mantine/form list items, so an error such as "certifications.1.name" stays on its row).
import { Button, Fieldset, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { GIFT_LIMITS, LOCAL_PRODUCT_TYPES } from "../../../common/furusato/gift-schema";
import { FormSection } from "../../ui/FormSection";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { RadioFieldset } from "../../ui/RadioFieldset";
import { Counter } from "./components";
import { emptyCertification, fieldError, type GiftFormApi } from "./gift-form-values";
import { fm } from "./messages";

/** The schema allows ten certifications a gift. */
const MAX_CERTIFICATIONS = 10;

export function GiftLocalSection({ form }: { form: GiftFormApi }) {
  const { values } = form;
  return (
    <FormSection id="sec-local" title={fm.form.sections.local}>
      <NativeSelect
        label={fm.form.localType}
        {...form.getInputProps("localProductType")}
        data={[
          { value: "", label: fm.form.localTypeNone },
          ...LOCAL_PRODUCT_TYPES.map((t) => ({ value: t, label: fm.form.localTypeOption(t) })),
        ]}
        maw={320}
      />
      <Textarea
        label={fm.form.localReason}
        {...form.getInputProps("localProductReason")}
        autosize
        minRows={2}
        description={<Counter value={values.localProductReason} max={GIFT_LIMITS.localProductReason} />}
        inputWrapperOrder={["label", "input", "description", "error"]}
      />
      {values.localProductType === "3イ" && (
        <RadioFieldset
          legend={fm.form.rawMaterial}
          name="raw-material"
          value={values.rawMaterialSamePrefecture}
          options={[
            { value: "yes", label: fm.yes },
            { value: "no", label: fm.no },
          ]}
          onChange={(value) => form.setFieldValue("rawMaterialSamePrefecture", value)}
          error={fieldError(form, "rawMaterialSamePrefecture")}
        />
      )}
      {values.evidenceFileIds.length > 0 && <Text size="sm">{fm.form.evidence(values.evidenceFileIds.length)}</Text>}
      <Certifications form={form} />
    </FormSection>
  );
}

function Certifications({ form }: { form: GiftFormApi }) {
  const rows = form.values.certifications;
  return (
    <Fieldset legend={fm.form.certifications} variant="unstyled" styles={{ legend: { fontWeight: 600, marginBottom: 4 } }}>
      <Text size="sm" c="dimmed" mb="xs">
        {fm.form.certificationsHelp}
      </Text>
      <Stack gap="sm">
        {rows.length === 0 && <Text size="sm">{fm.form.noCertifications}</Text>}
        {rows.map((row, index) => {
          const n = index + 1;
          const path = `certifications.${index}` as const;
          return (
            <Paper key={row.key} withBorder p="sm" bg="#fbfcfe">
              <SimpleGrid cols={{ base: 1, md: 3 }}>
                <TextInput label={fm.form.certificationName(n)} {...form.getInputProps(`${path}.name`)} required />
                <JapaneseDateInput
                  label={fm.form.certificationFrom(n)}
                  value={row.validFrom}
                  onChange={(value) => form.setFieldValue(`${path}.validFrom`, value)}
                  error={fieldError(form, `${path}.validFrom`)}
                />
                <JapaneseDateInput
                  label={fm.form.certificationUntil(n)}
                  value={row.validUntil}
                  onChange={(value) => form.setFieldValue(`${path}.validUntil`, value)}
                  error={fieldError(form, `${path}.validUntil`)}
                />
              </SimpleGrid>
              <Group justify="flex-end" mt="xs">
                <Button variant="subtle" color="red" size="compact-sm" onClick={() => form.removeListItem("certifications", index)}>
                  {fm.form.certificationRemove(n)}
                </Button>
              </Group>
            </Paper>
          );
        })}
        {rows.length < MAX_CERTIFICATIONS && (
          <Group>
            <Button variant="default" size="sm" onClick={() => form.insertListItem("certifications", emptyCertification())}>
              {fm.form.certificationAdd}
            </Button>
          </Group>
        )}
      </Stack>
    </Fieldset>
  );
}
