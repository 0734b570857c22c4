// /furusato/portals: 寄附受付サイト (fee, point programme, field limits, active) and an editor that adds or changes a
// portal — including its export template as JSON, checked by the server — without a code change. A ふるさとチョイス
// type portal is added from its header file at /furusato/portals/choice (ChoicePortalPage).
import { Badge, Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { savePortal } from "../../../common/api/furusato";
import { FIELD_LABELS } from "../../../common/furusato/rules";
import { call } from "../../api/client";
import { m } from "../../messages";
import { type Column, DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrors } from "../../ui/errors";
import { useFlash } from "../../ui/Flash";
import { ButtonLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { useFocusFirstInvalid } from "../../ui/useFocusFirstInvalid";
import { FurusatoNav } from "./components";
import { fm } from "./messages";
import {
  checkBasics,
  feePercent,
  initialBasics,
  isBasicsField,
  LIMIT_FIELDS,
  type LimitField,
  type Portal,
  type PortalBasics,
  PortalBasicsFields,
  type PortalBasicsValue,
  VocabularyHelp,
} from "./portalForm";
import { furusatoKeys, useFurusatoAccess, usePortals } from "./queries";

const NEW_TEMPLATE = {
  file: { encoding: "utf-8-bom", delimiter: ",", lineEnding: "\r\n", quote: "minimal", headerLines: [], fileName: "items.csv" },
  columns: [
    { header: "code", value: { field: "gift.code" } },
    { header: "title", value: { field: "gift.title" } },
    { header: "amount", value: { field: "listing.donationAmount" } },
  ],
};

/** The browser's JSON error, reduced to where it is (line and column), since its wording is not Japanese. */
function jsonProblem(text: string, error: unknown): string {
  const position = error instanceof Error ? /position (\d+)/.exec(error.message) : null;
  if (!position) return fm.portals.templateInvalidJson;
  const before = text.slice(0, Number(position[1]));
  const line = before.split("\n").length;
  const column = before.length - before.lastIndexOf("\n");
  return fm.portals.templateInvalidJsonAt(line, column);
}

/** The template must at least be JSON here; the server checks what it says. */
function templateErrors(template: string): Record<string, string> {
  try {
    JSON.parse(template);
    return {};
  } catch (error) {
    return { template: jsonProblem(template, error) };
  }
}

interface PortalEditorValues {
  basics: PortalBasics;
  /** the export template as JSON text */
  template: string;
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
    {
      key: "columns",
      header: fm.portals.columns,
      render: (p) => <TemplateOrigin portal={p} />,
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
              <Group gap="xs" wrap="nowrap">
                <Button size="compact-sm" variant="default" aria-label={fm.portals.editLabel(p.name)} onClick={() => setEditing(p)}>
                  {fm.edit}
                </Button>
                <ButtonLink
                  to="/furusato/portals/choice"
                  search={{ code: p.code }}
                  size="compact-sm"
                  variant="default"
                  aria-label={fm.portals.replaceColumnsLabel(p.name)}
                >
                  {fm.portals.replaceColumns}
                </ButtonLink>
              </Group>
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
        actions={
          mayManage ? (
            <Group gap="xs">
              <Button onClick={() => setEditing("new")}>{fm.portals.add}</Button>
              <ButtonLink to="/furusato/portals/choice" variant="default">
                {fm.portals.addChoice}
              </ButtonLink>
            </Group>
          ) : null
        }
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

/**
 * How honest the portal's columns are, from the template's data: designed by us, a subset of an older 様式, or read
 * from the portal's own header file.
 */
function TemplateOrigin({ portal }: { portal: Portal }) {
  const template = portal.template as { columns?: unknown[]; origin?: { kind?: string; fileName?: string } } | null;
  const count = Array.isArray(template?.columns) ? template.columns.length : 0;
  const origin = template?.origin;
  const label =
    origin?.kind === "portal-file" && origin.fileName
      ? fm.portals.originFile(origin.fileName)
      : origin?.kind
        ? fm.portals.origin[origin.kind]
        : null;
  const warn = origin?.kind === "designed" || origin?.kind === "subset";
  return (
    <Stack gap={2}>
      <Text size="sm">{fm.portals.columnCount(count)}</Text>
      {label && (
        <Text size="xs" fw={warn ? 600 : undefined} c={warn ? "#8a4b00" : "dimmed"} data-template-origin={origin?.kind}>
          {label}
        </Text>
      )}
    </Stack>
  );
}

function PortalEditor({ portal, existingCodes, onDone }: { portal: Portal | null; existingCodes: string[]; onDone: () => void }) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const { ref: formRef, focusFirstInvalid } = useFocusFirstInvalid();
  const isNew = portal === null;
  // The basics' errors are keyed as the server names them (feeRatio, fieldLimits.title …), as PortalBasicsFields shows them.
  const form = useForm<PortalEditorValues>({
    initialValues: { basics: initialBasics(portal), template: JSON.stringify(portal ? portal.template : NEW_TEMPLATE, null, 2) },
    validate: (values) => ({
      ...checkBasics(values.basics, { isNew, existingCodes }).errors,
      ...templateErrors(values.template),
    }),
  });

  const save = useMutation({
    mutationFn: ({ code, fieldLimits, ...body }: PortalBasicsValue & { template: unknown }) =>
      call(savePortal, {
        params: { code },
        // A blank limit means "no limit" (Portal.fieldLimits is partial); the contract's record type lists every key.
        body: { ...body, fieldLimits: fieldLimits as Record<LimitField, number> },
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
        .filter(([key]) => !isBasicsField(key))
        .map(([key, message]) =>
          key === "template" || key === "_" ? message : fm.portals.templateAt(key.replace(/^template\./, ""), message),
        );
      form.setErrors({ ...fields, ...(templateProblems.length > 0 ? { template: templateProblems.join(fm.listSep) } : {}) });
      focusFirstInvalid();
    },
  });

  const submit = form.onSubmit((values) => {
    const checked = checkBasics(values.basics, { isNew, existingCodes });
    if (checked.value) save.mutate({ ...checked.value, template: JSON.parse(values.template) });
  }, focusFirstInvalid);

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={save.error} />
        <PortalBasicsFields
          value={form.values.basics}
          onChange={(update) => form.setFieldValue("basics", update)}
          // Every message here is a string (the browser's checks and the server's field errors).
          errors={form.errors as Record<string, string>}
          codeReadOnly={!isNew}
        />
        <Textarea
          label={fm.portals.template}
          description={fm.portals.templateDescription}
          {...form.getInputProps("template")}
          autosize
          minRows={8}
          maxRows={24}
          spellCheck={false}
          styles={{ input: { fontFamily: 'ui-monospace, "BIZ UDGothic", Menlo, Consolas, monospace', fontSize: "0.8rem" } }}
        />
        <VocabularyHelp />
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
