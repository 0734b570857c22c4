// /furusato/mappings 「取込設定」: the mappings from portal files to the ledger (name, portal, how often used), and for
// managers a form that creates one from a shipped mapping (楽天ふるさと納税の受注CSV, 汎用レイアウト). Each opens in
// the editor (/furusato/mappings/$id). Readable by all of the module's staff; writes are the managers'.
import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useRef, useState } from "react";
import type { z } from "zod";
import { createMapping, type mappingSummary } from "../../../common/api/furusato-ledger";
import { japaneseErrorMap } from "../../../common/zod-japanese";
import { call } from "../../api/client";
import { type Column, DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrors } from "../../ui/errors";
import { useFlash } from "../../ui/Flash";
import { AnchorLink, ButtonLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
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

function CreateMapping({ shipped }: { shipped: { key: string; name: string; portalCode: string }[] }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const flash = useFlash();
  const portals = usePortals();
  const [form, setForm] = useState({ shipped: "", portalCode: "", name: "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const refs = {
    shipped: useRef<HTMLSelectElement>(null),
    portalCode: useRef<HTMLSelectElement>(null),
    name: useRef<HTMLInputElement>(null),
  };

  const create = useMutation({
    mutationFn: (body: { shipped: string; portalCode: string; name: string }) => call(createMapping, { body }),
    onSuccess: (detail) => {
      queryClient.setQueryData(ledgerKeys.mapping(detail.id), detail);
      queryClient.invalidateQueries({ queryKey: ledgerKeys.mappings, exact: true });
      flash.show(t.created(detail.name));
      navigate({ to: "/furusato/mappings/$id", params: { id: detail.id } });
    },
    onError: (error) => setErrors(fieldErrors(error)),
  });

  function focusFirst(found: Record<string, string>) {
    if (found.shipped) refs.shipped.current?.focus();
    else if (found.portalCode) refs.portalCode.current?.focus();
    else if (found.name) refs.name.current?.focus();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!form.shipped) found.shipped = t.shippedRequired;
    // The API's own body schema: the same messages as the server's.
    const parsed = createMapping.body?.safeParse(form, { error: japaneseErrorMap });
    if (parsed && !parsed.success) for (const issue of parsed.error.issues) found[String(issue.path[0])] ??= issue.message;
    setErrors(found);
    if (Object.keys(found).length > 0) return focusFirst(found);
    create.mutate({ shipped: form.shipped, portalCode: form.portalCode, name: form.name.trim() });
  }

  const portalOptions = (portals.data?.items ?? []).map((p) => ({ value: p.code, label: p.name }));
  const set = (key: keyof typeof form, value: string) => {
    setForm((current) => ({ ...current, [key]: value }));
    if (errors[key]) setErrors(({ [key]: _, ...rest }) => rest);
  };

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="mapping-create-heading">
      <Title order={2} id="mapping-create-heading" className="yk-section-title" mb={4}>
        {t.createHeading}
      </Title>
      <Text size="sm" mb="sm">
        {t.createIntro}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={create.error && Object.keys(fieldErrors(create.error)).length === 0 ? create.error : null} />
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <NativeSelect
              ref={refs.shipped}
              label={t.shipped}
              required
              value={form.shipped}
              onChange={(e) => {
                const key = e.currentTarget.value;
                const chosen = shipped.find((s) => s.key === key);
                setForm((current) => ({
                  shipped: key,
                  portalCode: current.portalCode || chosen?.portalCode || "",
                  name: current.name || chosen?.name || "",
                }));
                setErrors({});
              }}
              data={[{ value: "", label: t.shippedPlaceholder }, ...shipped.map((s) => ({ value: s.key, label: s.name }))]}
              error={errors.shipped}
            />
            <NativeSelect
              ref={refs.portalCode}
              label={t.portal}
              required
              value={form.portalCode}
              onChange={(e) => set("portalCode", e.currentTarget.value)}
              data={[{ value: "", label: t.portalPlaceholder }, ...portalOptions]}
              error={errors.portalCode}
            />
            <TextInput
              ref={refs.name}
              label={t.name}
              required
              maxLength={100}
              value={form.name}
              onChange={(e) => set("name", e.currentTarget.value)}
              error={errors.name}
            />
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
