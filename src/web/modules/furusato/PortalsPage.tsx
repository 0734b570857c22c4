// /furusato/portals: 寄附受付サイト (fee, point programme, field limits, active) and an editor that adds or changes a
// portal — including its export template as JSON, checked by the server — without a code change.
import { Badge, Button, Checkbox, Group, Modal, SimpleGrid, Stack, Switch, Text, Textarea, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import type { z } from "zod";
import { type portal as portalSchema, savePortal } from "../../../common/api/furusato";
import { FIELD_LABELS } from "../../../common/furusato/rules";
import { call } from "../../api/client";
import { m } from "../../messages";
import { type Column, DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrors } from "../../ui/errors";
import { useFlash } from "../../ui/Flash";
import { PageHeader } from "../../ui/PageHeader";
import { FurusatoNav, parseNumberText } from "./components";
import { fm } from "./messages";
import { furusatoKeys, useFurusatoAccess, usePortals } from "./queries";

type Portal = z.infer<typeof portalSchema>;
const LIMIT_FIELDS = ["title", "catchCopy", "description", "supplierName", "contents"] as const;
type LimitField = (typeof LIMIT_FIELDS)[number];

/** 10% for 0.1, 12.5% for 0.125 (no floating-point noise). */
function feePercent(ratio: number): string {
  return String(Math.round(ratio * 100_000) / 1000);
}

const NEW_TEMPLATE = {
  file: { encoding: "utf-8-bom", delimiter: ",", lineEnding: "\r\n", quote: "minimal", headerLines: [], fileName: "items.csv" },
  columns: [
    { header: "code", value: { field: "gift.code" } },
    { header: "title", value: { field: "gift.title" } },
    { header: "amount", value: { field: "listing.donationAmount" } },
  ],
};

/** Fields of the editor other than the template (any other field error is about the template). */
const FORM_FIELDS = new Set(["code", "name", "feeRatio", "grantsPoints", "active", "fieldLimits"]);

/** The browser's JSON error, reduced to where it is (line and column), since its wording is not Japanese. */
function jsonProblem(text: string, error: unknown): string {
  const position = error instanceof Error ? /position (\d+)/.exec(error.message) : null;
  if (!position) return fm.portals.templateInvalidJson;
  const before = text.slice(0, Number(position[1]));
  const line = before.split("\n").length;
  const column = before.length - before.lastIndexOf("\n");
  return fm.portals.templateInvalidJsonAt(line, column);
}

export function PortalsPage() {
  const access = useFurusatoAccess();
  const portals = usePortals();
  const [editing, setEditing] = useState<Portal | "new" | null>(null);
  const mayManage = access.data?.manager === true;
  const columns: Column<Portal>[] = [
    {
      key: "name",
      header: fm.portals.name,
      rowHeader: true,
      render: (p) => (
        <Stack gap={0}>
          <Text fw={600} size="sm">
            {p.name}
          </Text>
          <Text size="xs" c="dimmed">
            {p.code}
          </Text>
        </Stack>
      ),
    },
    { key: "fee", header: fm.portals.fee, align: "right", nowrap: true, render: (p) => `${feePercent(p.feeRatio)}%` },
    {
      key: "points",
      header: fm.portals.points,
      nowrap: true,
      render: (p) =>
        p.grantsPoints ? (
          <Badge
            variant="outline"
            radius="sm"
            styles={{ root: { background: "#fff4d6", color: "#6b3d00", borderColor: "#e0b44c", textTransform: "none" } }}
          >
            {fm.portals.pointsYes}
          </Badge>
        ) : (
          <Text span size="sm">
            {fm.portals.pointsNo}
          </Text>
        ),
    },
    {
      key: "limits",
      header: fm.portals.limits,
      render: (p) => {
        const entries = LIMIT_FIELDS.filter((f) => typeof p.fieldLimits[f] === "number");
        if (entries.length === 0) return fm.portals.noLimits;
        return <Text size="sm">{entries.map((f) => fm.portals.limit(FIELD_LABELS[f], p.fieldLimits[f] as number)).join(fm.listSep)}</Text>;
      },
    },
    {
      key: "active",
      header: fm.portals.active,
      nowrap: true,
      render: (p) => (
        <Badge
          variant="outline"
          radius="sm"
          styles={{
            root: p.active
              ? { background: "#e6f4ea", color: "#1e5631", borderColor: "#8cc9a0", textTransform: "none" }
              : { background: "#f1f3f5", color: "#343a40", borderColor: "#adb5bd", textTransform: "none" },
          }}
        >
          {p.active ? fm.portals.activeYes : fm.portals.activeNo}
        </Badge>
      ),
    },
    ...(mayManage
      ? [
          {
            key: "edit",
            header: fm.edit,
            render: (p: Portal) => (
              <Button size="compact-sm" variant="default" aria-label={fm.portals.editLabel(p.name)} onClick={() => setEditing(p)}>
                {fm.edit}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <PageHeader
        title={fm.portals.title}
        subtitle={fm.portals.intro}
        actions={mayManage ? <Button onClick={() => setEditing("new")}>{fm.portals.add}</Button> : null}
      />
      <FurusatoNav />
      <DataTable
        caption={fm.portals.caption}
        columns={columns}
        rows={portals.data?.items}
        rowKey={(p) => p.code}
        loading={portals.isFetching && !portals.data}
        error={portals.error}
        empty={fm.portals.empty}
        minWidth={800}
      />
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === "new" || editing === null ? fm.portals.editorTitleNew : fm.portals.editorTitleEdit(editing.name)}
        size="xl"
      >
        {editing !== null && (
          <PortalEditor
            portal={editing === "new" ? null : editing}
            existingCodes={(portals.data?.items ?? []).map((p) => p.code)}
            onDone={() => setEditing(null)}
          />
        )}
      </Modal>
    </>
  );
}

function PortalEditor({ portal, existingCodes, onDone }: { portal: Portal | null; existingCodes: string[]; onDone: () => void }) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const [code, setCode] = useState(portal?.code ?? "");
  const [name, setName] = useState(portal?.name ?? "");
  const [fee, setFee] = useState(portal ? feePercent(portal.feeRatio) : "");
  const [grantsPoints, setGrantsPoints] = useState(portal?.grantsPoints ?? false);
  const [active, setActive] = useState(portal?.active ?? true);
  const [limits, setLimits] = useState<Record<LimitField, string>>(() => {
    const out = {} as Record<LimitField, string>;
    for (const f of LIMIT_FIELDS) out[f] = typeof portal?.fieldLimits[f] === "number" ? String(portal.fieldLimits[f]) : "";
    return out;
  });
  const [template, setTemplate] = useState(() => JSON.stringify(portal ? portal.template : NEW_TEMPLATE, null, 2));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstError = () => requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());

  const save = useMutation({
    mutationFn: (body: { feeRatio: number; fieldLimits: Partial<Record<LimitField, number>>; template: unknown }) =>
      call(savePortal, {
        params: { code: code.trim() },
        // A blank limit means "no limit" (Portal.fieldLimits is partial); the contract's record type lists every key.
        body: { ...body, fieldLimits: body.fieldLimits as Record<LimitField, number>, name: name.trim(), grantsPoints, active },
      }),
    onSuccess: (saved) => {
      queryClient.invalidateQueries({ queryKey: furusatoKeys.portals });
      queryClient.invalidateQueries({ queryKey: ["furusato", "gift"] });
      queryClient.invalidateQueries({ queryKey: ["furusato", "gifts"] });
      flash.show(fm.portals.saved(saved.name));
      onDone();
    },
    onError: (error) => {
      // The server checks the template; its findings (file.encoding, columns.0.value …) go under the JSON field.
      const fields = fieldErrors(error);
      const templateProblems = Object.entries(fields)
        .filter(([key]) => !FORM_FIELDS.has(key) && !key.startsWith("fieldLimits."))
        .map(([key, message]) =>
          key === "template" || key === "_" ? message : fm.portals.templateAt(key.replace(/^template\./, ""), message),
        );
      setErrors({ ...fields, ...(templateProblems.length > 0 ? { template: templateProblems.join(fm.listSep) } : {}) });
      focusFirstError();
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    const trimmedCode = code.trim();
    if (!/^[a-z0-9-]{2,30}$/.test(trimmedCode)) found.code = fm.portals.codeInvalid;
    else if (!portal && existingCodes.includes(trimmedCode)) found.code = fm.portals.codeTaken;
    if (!name.trim()) found.name = fm.portals.nameRequired;
    const feeValue = parseNumberText(fee);
    if (feeValue === null || feeValue === undefined || feeValue < 0 || feeValue > 99) found.feeRatio = fm.portals.feeInvalid;
    const fieldLimits: Partial<Record<LimitField, number>> = {};
    for (const f of LIMIT_FIELDS) {
      const n = parseNumberText(limits[f]);
      if (n === null) continue;
      if (n === undefined || !Number.isInteger(n) || n < 1 || n > 100_000) found[`fieldLimits.${f}`] = fm.portals.limitInvalid;
      else fieldLimits[f] = n;
    }
    let parsedTemplate: unknown;
    try {
      parsedTemplate = JSON.parse(template);
    } catch (error) {
      found.template = jsonProblem(template, error);
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return focusFirstError();
    // Percent → ratio without floating-point noise (12.5 → 0.125).
    const feeRatio = Math.round((feeValue as number) * 1000) / 100_000;
    save.mutate({ feeRatio, fieldLimits, template: parsedTemplate });
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={save.error} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={fm.portals.codeLabel}
            description={fm.portals.codeDescription}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={errors.code || undefined}
            readOnly={portal !== null}
            maxLength={30}
            autoCapitalize="none"
            spellCheck={false}
            required
          />
          <TextInput
            label={fm.portals.nameLabel}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name || undefined}
            maxLength={100}
            required
          />
          <TextInput
            label={fm.portals.feeLabel}
            description={fm.portals.feeDescription}
            value={fee}
            onChange={(e) => setFee(e.currentTarget.value)}
            error={errors.feeRatio || undefined}
            inputMode="decimal"
            rightSection={<Text size="sm">%</Text>}
            required
          />
        </SimpleGrid>
        <Checkbox label={fm.portals.grantsPoints} checked={grantsPoints} onChange={(e) => setGrantsPoints(e.currentTarget.checked)} />
        <Switch label={fm.portals.activeLabel} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
        <fieldset className="yk-fieldset">
          <legend>{fm.portals.limitsLegend}</legend>
          <Text size="sm" c="dimmed" mb="xs">
            {fm.portals.limitsHelp}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 5 }}>
            {LIMIT_FIELDS.map((f) => (
              <TextInput
                key={f}
                label={FIELD_LABELS[f]}
                value={limits[f]}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setLimits((current) => ({ ...current, [f]: value }));
                }}
                error={errors[`fieldLimits.${f}`] || undefined}
                inputMode="numeric"
              />
            ))}
          </SimpleGrid>
        </fieldset>
        <Textarea
          label={fm.portals.template}
          description={fm.portals.templateDescription}
          value={template}
          onChange={(e) => setTemplate(e.currentTarget.value)}
          error={errors.template || undefined}
          autosize
          minRows={8}
          maxRows={24}
          spellCheck={false}
          styles={{ input: { fontFamily: 'ui-monospace, "BIZ UDGothic", Menlo, Consolas, monospace', fontSize: "0.8rem" } }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone} disabled={save.isPending}>
            {m.common.cancel}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {fm.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
