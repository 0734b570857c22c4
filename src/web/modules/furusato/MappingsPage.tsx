// /furusato/mappings 「取込設定」: the mappings from portal files to the ledger (name, portal, how often used), and for
// managers a form that creates one from a shipped mapping (楽天ふるさと納税の受注CSV, 汎用レイアウト). Each opens in
// the editor (/furusato/mappings/$id). Readable by all of the module's staff; writes are the managers'.
import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { type FormErrors, useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { z } from "zod";
import { createMapping, type mappingSummary } from "../../../common/api/furusato-ledger";
import { call } from "../../api/client";
import { type Column, DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrors } from "../../ui/errors";
import { useFlash } from "../../ui/Flash";
import { AnchorLink, ButtonLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { useFocusFirstInvalid } from "../../ui/useFocusFirstInvalid";
import { zodResolver } from "../../ui/zodForm";
import { FurusatoNav, SampleBadge } from "./components";
import { lm } from "./ledgerMessages";
import { ledgerKeys, useMappings } from "./ledgerQueries";
import { fm } from "./messages";
import { useFurusatoAccess, usePortals } from "./queries";

const t = lm.mappings;
type MappingSummary = z.infer<typeof mappingSummary>;

export function MappingsPage() {
  const access = useFurusatoAccess();
  const manager = access.data?.manager === true;
  const mappings = useMappings();

  const columns: Column<MappingSummary>[] = [
    {
      key: "name",
      header: t.name,
      rowHeader: true,
      render: (mapping) => (
        <Group gap={6} wrap="wrap">
          <AnchorLink to="/furusato/mappings/$id" params={{ id: mapping.id }} fw={600}>
            {mapping.name}
          </AnchorLink>
          {mapping.isSample && <SampleBadge />}
        </Group>
      ),
    },
    { key: "portal", header: t.portal, render: (mapping) => mapping.portalName },
    { key: "imports", header: t.imports, align: "right", nowrap: true, render: (mapping) => fm.times(mapping.importCount) },
  ];

  return (
    <>
      <PageHeader
        title={t.title}
        subtitle={t.intro}
        breadcrumbs={[
          { label: fm.moduleName, href: "/furusato" },
          { label: lm.list.title, href: "/furusato/donations" },
          { label: t.title },
        ]}
        actions={
          <ButtonLink to="/furusato/donations/import" variant="default">
            {t.toImport}
          </ButtonLink>
        }
      />
      <FurusatoNav />
      <Stack gap="lg">
        <DataTable
          caption={t.caption}
          columns={columns}
          rows={mappings.data?.items}
          rowKey={(mapping) => mapping.id}
          loading={mappings.isPending}
          error={mappings.error}
          empty={t.empty}
          minWidth={560}
        />
        {manager && mappings.data && <CreateMapping shipped={mappings.data.shipped} />}
      </Stack>
    </>
  );
}

interface MappingValues {
  shipped: string;
  portalCode: string;
  name: string;
}

// The API's own body schema: the same messages as the server's.
const bodyErrors = zodResolver(createMapping.body ?? z.object({}));

function mappingErrors(values: MappingValues): FormErrors {
  const errors = bodyErrors(values);
  return values.shipped ? errors : { ...errors, shipped: t.shippedRequired };
}

function CreateMapping({ shipped }: { shipped: { key: string; name: string; portalCode: string }[] }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const flash = useFlash();
  const portals = usePortals();
  const { ref: formRef, focusFirstInvalid } = useFocusFirstInvalid();
  const form = useForm<MappingValues>({ initialValues: { shipped: "", portalCode: "", name: "" }, validate: mappingErrors });

  const create = useMutation({
    mutationFn: (body: MappingValues) => call(createMapping, { body }),
    onSuccess: (detail) => {
      queryClient.setQueryData(ledgerKeys.mapping(detail.id), detail);
      queryClient.invalidateQueries({ queryKey: ledgerKeys.mappings, exact: true });
      flash.show(t.created(detail.name));
      navigate({ to: "/furusato/mappings/$id", params: { id: detail.id } });
    },
    onError: (error) => {
      form.setErrors(fieldErrors(error));
      focusFirstInvalid();
    },
  });
  const submit = form.onSubmit((values) => create.mutate({ ...values, name: values.name.trim() }), focusFirstInvalid);

  const portalOptions = (portals.data?.items ?? []).map((p) => ({ value: p.code, label: p.name }));

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="mapping-create-heading">
      <Title order={2} id="mapping-create-heading" className="yk-section-title" mb={4}>
        {t.createHeading}
      </Title>
      <Text size="sm" mb="sm">
        {t.createIntro}
      </Text>
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={create.error && Object.keys(fieldErrors(create.error)).length === 0 ? create.error : null} />
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <NativeSelect
              label={t.shipped}
              required
              {...form.getInputProps("shipped")}
              onChange={(e) => {
                const key = e.currentTarget.value;
                const chosen = shipped.find((s) => s.key === key);
                // a shipped mapping fills in its portal and name where they are still blank
                form.setValues((current) => ({
                  shipped: key,
                  portalCode: current.portalCode || chosen?.portalCode || "",
                  name: current.name || chosen?.name || "",
                }));
                form.clearErrors();
              }}
              data={[{ value: "", label: t.shippedPlaceholder }, ...shipped.map((s) => ({ value: s.key, label: s.name }))]}
            />
            <NativeSelect
              label={t.portal}
              required
              {...form.getInputProps("portalCode")}
              data={[{ value: "", label: t.portalPlaceholder }, ...portalOptions]}
            />
            <TextInput label={t.name} required maxLength={100} {...form.getInputProps("name")} />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t.create}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
