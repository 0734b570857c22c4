// 「保存した条件」 of the 国際関連事業 and 海外出張 lists: a menu of the user's own saved views (choosing one opens the
// list with its conditions), 「この条件を保存」 (a dialog asking for a name; the same name asks before overwriting),
// and a dialog to rename or delete them. The conditions themselves stay in the URL, as before; a view is a named copy
// kept on the server (GET/POST/PATCH/DELETE /api/international/saved-views), visible to its user only.
import { Alert, Badge, Button, Group, Menu, Modal, Stack, Table, Text, TextInput } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useMemo, useRef, useState } from "react";
import type { BodyOf } from "../../../common/api/contract";
import { listInternationalFields, listPartners } from "../../../common/api/international";
import {
  deleteSavedView,
  listSavedViews,
  renameSavedView,
  SAVED_VIEW_NAME_MAX,
  type SavedView,
  type SavedViewList,
  savedViewName,
  saveSavedView,
} from "../../../common/api/international-views";
import { ApiError, call } from "../../api/client";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { errorMessage } from "../../ui/errors";
import { useFlash } from "../../ui/Flash";
import { useOrganisations } from "../policy";
import { partnerLabel } from "./labels";
import { internationalKeys } from "./queries";
import { type ConditionNames, type Conditions, conditionsToSave, describeConditions, matchingView } from "./saved-views";
import { vm } from "./viewMessages";

const viewsKey = (list: SavedViewList) => [...internationalKeys.all, "saved-views", list] as const;

/** The names a view's conditions point at: 分野 and 相手先 only for the projects' list (the trips' has neither). */
function useConditionNames(list: SavedViewList): ConditionNames {
  const projects = list === "projects";
  const fields = useQuery({
    queryKey: internationalKeys.fields,
    queryFn: () => call(listInternationalFields),
    staleTime: 60_000,
    enabled: projects,
  });
  const partners = useQuery({
    queryKey: internationalKeys.partners,
    queryFn: () => call(listPartners),
    staleTime: 60_000,
    enabled: projects,
  });
  const organisations = useOrganisations();
  return useMemo(
    () => ({
      fields: new Map((fields.data?.items ?? []).map((f) => [f.id, f.name])),
      partners: new Map((partners.data?.items ?? []).map((p) => [p.id, partnerLabel(p)])),
      organisations: new Map((organisations.data?.items ?? []).map((o) => [o.id, o.name])),
    }),
    [fields.data, partners.data, organisations.data],
  );
}

/** A nameless check of the name as the API makes it (trimmed, 1–50 characters), in its Japanese words. */
function nameError(name: string): string | null {
  const parsed = savedViewName.safeParse(name);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? null);
}

interface SavedViewsProps {
  list: SavedViewList;
  /** the page's conditions as its URL has them */
  search: Conditions;
  /** opens the list with a view's conditions */
  onApply: (conditions: Record<string, unknown>) => void;
}

export function SavedViews({ list, search, onApply }: SavedViewsProps) {
  const flash = useFlash();
  const views = useQuery({ queryKey: viewsKey(list), queryFn: () => call(listSavedViews, { query: { list } }) });
  const names = useConditionNames(list);
  const [dialog, setDialog] = useState<"save" | "manage" | null>(null);
  const items = views.data?.items ?? [];
  const current = matchingView(items, search);

  function apply(view: SavedView) {
    onApply(view.query);
    flash.show(vm.appliedAnnounce(view.name), "info");
  }

  return (
    <Group gap="xs" mb="sm" wrap="wrap" component="section" aria-label={vm.control}>
      <Menu position="bottom-start" withinPortal width={360} shadow="md" withInitialFocusPlaceholder={false}>
        <Menu.Target>
          <Button variant="default" rightSection={<span aria-hidden="true">▾</span>}>
            {vm.control}
            {views.data ? `（${items.length}件）` : ""}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{vm.menuLabel}</Menu.Label>
          {views.isPending && (
            <Text size="sm" px="sm" py={6}>
              {vm.loading}
            </Text>
          )}
          {views.isError && (
            <Text size="sm" px="sm" py={6} c="#9b1c1c">
              {vm.loadFailed}
            </Text>
          )}
          {views.isSuccess && items.length === 0 && (
            <Text size="sm" px="sm" py={6} c="dimmed" maw={340}>
              {vm.empty}
            </Text>
          )}
          {items.map((view) => {
            const summary = describeConditions(list, view.query, names);
            return (
              <Menu.Item key={view.id} onClick={() => apply(view)} aria-current={view.id === current?.id ? "true" : undefined}>
                <Text size="sm" fw={600} component="span">
                  {view.name}
                  {view.id === current?.id ? vm.current : ""}
                </Text>
                <Text size="xs" c="dimmed" lineClamp={2} component="span">
                  {summary.length > 0 ? summary.join(vm.listSep) : vm.noConditions}
                </Text>
              </Menu.Item>
            );
          })}
          <Menu.Divider />
          <Menu.Item onClick={() => setDialog("save")}>{vm.save}…</Menu.Item>
          {items.length > 0 && <Menu.Item onClick={() => setDialog("manage")}>{vm.manage}…</Menu.Item>}
        </Menu.Dropdown>
      </Menu>
      <Button variant="default" onClick={() => setDialog("save")}>
        {vm.save}
      </Button>
      {current && (
        <Badge variant="light" color="blue" size="lg" styles={{ root: { textTransform: "none", fontWeight: 600 } }}>
          {vm.applied(current.name)}
        </Badge>
      )}
      {dialog === "save" && (
        <SaveViewDialog
          list={list}
          conditions={conditionsToSave(list, search)}
          summary={describeConditions(list, search, names)}
          suggested={current?.name ?? ""}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === "manage" && <ManageViewsDialog list={list} views={items} names={names} onClose={() => setDialog(null)} />}
    </Group>
  );
}

function SaveViewDialog({
  list,
  conditions,
  summary,
  suggested,
  onClose,
}: {
  list: SavedViewList;
  conditions: Record<string, string | number>;
  summary: string[];
  suggested: string;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const nameRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(suggested);
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  /** the name the server already has: the dialog asks whether to overwrite it */
  const [existing, setExisting] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const overwriteRef = useRef<HTMLButtonElement>(null);
  // the question takes the focus, so that Enter overwrites and Tab reaches 「名前を変える」
  useEffect(() => {
    if (existing !== null) overwriteRef.current?.focus();
  }, [existing]);

  async function save(replace: boolean) {
    const problem = nameError(name);
    setError(problem);
    setFailure(null);
    if (problem) {
      nameRef.current?.focus();
      return;
    }
    setSaving(true);
    try {
      // the body is checked on the server with the list's own query schema (a bad condition answers 400)
      const body = { list, name, query: conditions, replace } as BodyOf<typeof saveSavedView>;
      const view = await call(saveSavedView, { body });
      await queryClient.invalidateQueries({ queryKey: viewsKey(list) });
      flash.show(replace ? vm.overwritten(view.name) : vm.saved(view.name));
      onClose();
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 409 && caught.code === "saved_view_exists") setExisting(name.trim());
      else {
        setFailure(caught);
        if (caught instanceof ApiError && caught.fields.name) setError(caught.fields.name);
      }
    } finally {
      setSaving(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void save(false);
  }

  return (
    <Modal opened onClose={onClose} title={vm.saveTitle} size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={failure} />
          <TextInput
            ref={nameRef}
            label={vm.name}
            description={vm.nameHelp}
            placeholder={vm.namePlaceholder}
            required
            data-autofocus
            maxLength={SAVED_VIEW_NAME_MAX + 10}
            value={name}
            error={error}
            onChange={(event) => {
              setName(event.currentTarget.value);
              setExisting(null);
              setError(null);
            }}
          />
          <div>
            <Text size="sm" fw={600}>
              {vm.conditions}
            </Text>
            <Text size="sm">{summary.length > 0 ? summary.join(vm.listSep) : vm.noConditions}</Text>
          </div>
          {existing !== null && (
            <Alert color="yellow" variant="light" role="alert" title={vm.existsTitle}>
              <Stack gap="xs">
                <Text size="sm">{vm.exists(existing)}</Text>
                <Group gap="xs">
                  <Button ref={overwriteRef} onClick={() => void save(true)} loading={saving}>
                    {vm.overwrite}
                  </Button>
                  <Button
                    variant="default"
                    onClick={() => {
                      setExisting(null);
                      nameRef.current?.select();
                    }}
                  >
                    {vm.rename}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          )}
          <Text size="xs" c="dimmed">
            {vm.controlHelp} {vm.limitNote}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {vm.close}
            </Button>
            <Button type="submit" loading={saving && existing === null} disabled={existing !== null}>
              {vm.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ManageViewsDialog({
  list,
  views,
  names,
  onClose,
}: {
  list: SavedViewList;
  views: readonly SavedView[];
  names: ConditionNames;
  onClose: () => void;
}) {
  const [renaming, setRenaming] = useState<string | null>(null);
  return (
    <Modal opened onClose={onClose} title={vm.manageTitle} size="xl" centered>
      <Stack>
        {views.length === 0 ? (
          <Text role="status" c="dimmed">
            {vm.empty}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="xs" aria-label={vm.manageCaption}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{vm.colName}</Table.Th>
                  <Table.Th scope="col">{vm.colConditions}</Table.Th>
                  <Table.Th scope="col">{vm.colActions}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {views.map((view) => {
                  const summary = describeConditions(list, view.query, names);
                  return (
                    <Table.Tr key={view.id}>
                      <Table.Th scope="row" fw={600} style={{ verticalAlign: "top" }}>
                        {renaming === view.id ? <RenameForm list={list} view={view} onDone={() => setRenaming(null)} /> : view.name}
                      </Table.Th>
                      <Table.Td style={{ verticalAlign: "top" }}>
                        <Text size="sm">{summary.length > 0 ? summary.join(vm.listSep) : vm.noConditions}</Text>
                      </Table.Td>
                      <Table.Td style={{ verticalAlign: "top" }}>
                        <Group gap="xs" wrap="nowrap">
                          <Button size="xs" variant="default" onClick={() => setRenaming(view.id)} disabled={renaming === view.id}>
                            {vm.renameAction}
                          </Button>
                          <DeleteViewButton list={list} view={view} />
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {vm.close}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function RenameForm({ list, view, onDone }: { list: SavedViewList; view: SavedView; onDone: () => void }) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const [name, setName] = useState(view.name);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => inputRef.current?.select(), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problem = nameError(name);
    setError(problem);
    if (problem) {
      inputRef.current?.focus();
      return;
    }
    setSaving(true);
    try {
      const renamed = await call(renameSavedView, { params: { id: view.id }, body: { name } });
      await queryClient.invalidateQueries({ queryKey: viewsKey(list) });
      flash.show(vm.renamed(renamed.name));
      onDone();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap={6}>
        <TextInput
          label={vm.renameLabel(view.name)}
          size="xs"
          required
          ref={inputRef}
          maxLength={SAVED_VIEW_NAME_MAX + 10}
          value={name}
          error={error}
          onChange={(event) => {
            setName(event.currentTarget.value);
            setError(null);
          }}
          onKeyDown={(event) => {
            if (event.key === "Escape") {
              event.stopPropagation();
              onDone();
            }
          }}
        />
        <Group gap={6}>
          <Button size="xs" type="submit" loading={saving}>
            {vm.renameSave}
          </Button>
          <Button size="xs" variant="default" onClick={onDone}>
            {vm.cancel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DeleteViewButton({ list, view }: { list: SavedViewList; view: SavedView }) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  return (
    <ConfirmButton
      size="xs"
      variant="default"
      color="red"
      confirmColor="red"
      title={vm.deleteTitle}
      confirmLabel={vm.delete}
      message={vm.deleteConfirm(view.name)}
      onConfirm={async () => {
        await call(deleteSavedView, { params: { id: view.id } });
        await queryClient.invalidateQueries({ queryKey: viewsKey(list) });
        flash.show(vm.deleted(view.name));
      }}
    >
      {vm.delete}
    </ConfirmButton>
  );
}
