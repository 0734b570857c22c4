// /international/trips/new and /international/trips/$id/edit: a 海外出張 — 件名, 目的, 課, dates, the travellers, the
// external companions, the itinerary (visits), the cost lines, the related projects and the report's due date. While
// the trip is 計画 or 変更 every field can change; after 決裁 only the settled amounts (the server holds the same rule).
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Loader,
  MultiSelect,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type ReactNode, useState } from "react";
import {
  COST_KIND_LABELS,
  COST_KINDS,
  createTrip,
  listProjects,
  PAID_BY,
  PAID_BY_LABELS,
  REGION_CLASS_LABELS,
  REGION_CLASSES,
  type RegionClass,
  TRAVELLER_ROLE_LABELS,
  TRAVELLER_ROLES,
  type TripDetail,
  type TripInput,
  updateTrip,
} from "../../../common/api/international";
import { plannedAllowances } from "../../../common/international/travel-allowances";
import { organisationOptions } from "../../admin/organisationOptions";
import { call } from "../../api/client";
import { useCurrentUser } from "../../auth/session";
import { m } from "../../messages";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrors } from "../../ui/errors";
import { useFlash } from "../../ui/Flash";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { AnchorLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { useFocusFirstInvalid } from "../../ui/useFocusFirstInvalid";
import { useOrganisations } from "../policy";
import { focusSoon, InternationalNav, YenInput } from "./components";
import { parseNumberText } from "./form-numbers";
import { partnerLabel } from "./labels";
import { im } from "./messages";
import { internationalKeys, invalidateInternational, useInternationalAccess, usePartners, useTravelRates, useTrip } from "./queries";
import { StaffPicker } from "./StaffPicker";
import { sm } from "./staffMessages";
import { allowanceTripOf, applyAllowances, regionClassFromCosts } from "./trip-allowances";
import { emptyCost, emptyTraveller, emptyVisit, parseTrip, type TripValues, tripValues } from "./trip-form-values";

const f = im.tripForm;
const ROW_STYLE = { margin: 0, minWidth: 0 };
/** The states in which a trip's every field may change (after 決裁 only the settled amounts). */
const OPEN_STATES = new Set(["planned", "changed"]);

export function TripFormPage({ id }: { id?: string }) {
  const access = useInternationalAccess();
  const trip = useTrip(id ?? "");
  const breadcrumbs = [
    { label: im.moduleName, href: "/international" },
    { label: im.trips.title, href: "/international/trips" },
  ];
  if (id && trip.error) {
    return (
      <>
        <PageHeader title={f.editShort} breadcrumbs={breadcrumbs} />
        <InternationalNav />
        <ErrorAlert error={trip.error} />
      </>
    );
  }
  if (!access.data || (id && !trip.data)) {
    return (
      <>
        <PageHeader title={id ? f.editShort : f.createTitle} breadcrumbs={breadcrumbs} />
        <Loader aria-label={m.common.loading} />
      </>
    );
  }
  const detail = id ? trip.data : undefined;
  if ((detail && !detail.canEdit) || (!detail && !access.data.canCreate)) {
    return (
      <>
        <PageHeader title={detail ? f.editTitle(detail.title) : f.createTitle} breadcrumbs={breadcrumbs} />
        <InternationalNav />
        <Alert color="yellow" variant="light" role="status">
          {detail ? f.cannotEdit : f.cannotCreate}
        </Alert>
      </>
    );
  }
  return <TripForm key={detail ? detail.id : "new"} trip={detail} ownerOrganisationId={access.data.organisationId} />;
}

function FormSection({ id, title, actions, children }: { id: string; title: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="sm">
        <Title order={2} id={id} className="yk-section-title">
          {title}
        </Title>
        {actions}
      </Group>
      <Stack gap="md">{children}</Stack>
    </Paper>
  );
}

function errorText(error: ReactNode): string | undefined {
  return error ? String(error) : undefined;
}

function TripForm({ trip, ownerOrganisationId }: { trip?: TripDetail; ownerOrganisationId: string }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const flash = useFlash();
  const user = useCurrentUser();
  const partners = usePartners();
  const organisations = useOrganisations();
  const projects = useQuery({
    queryKey: internationalKeys.projects({ pageSize: 200, sort: "name" }),
    queryFn: () => call(listProjects, { query: { page: 1, pageSize: 200, sort: "name" } }),
  });
  const form = useForm<TripValues>({
    initialValues: tripValues(trip, { ownerOrganisationId, self: { userId: user.id, name: user.displayName } }),
    validate: (values) => {
      const parsed = parseTrip(values);
      return parsed.ok ? {} : parsed.errors;
    },
  });
  const { ref, focusFirstInvalid } = useFocusFirstInvalid();
  const isNew = !trip;
  const settledOnly = trip !== undefined && !OPEN_STATES.has(trip.status);
  // The version the form was filled from: a newer one loaded later (on refocus) must not turn a stale form into a save.
  const [version] = useState(trip?.version ?? 0);

  const save = useMutation({
    mutationFn: (body: TripInput) =>
      trip ? call(updateTrip, { params: { id: trip.id }, body: { version, trip: body } }) : call(createTrip, { body }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(internationalKeys.trip(saved.id), saved);
      flash.show(isNew ? f.created : f.updated);
      await invalidateInternational(queryClient);
      navigate({ to: "/international/trips/$id", params: { id: saved.id } });
    },
    onError: (error) => {
      // After a 409 the form keeps what was typed and says to reload (the newer record is not loaded under it).
      const errors = Object.fromEntries(Object.entries(fieldErrors(error)).map(([key, value]) => [key.replace(/^trip\./, ""), value]));
      form.setErrors(errors);
      focusFirstInvalid();
    },
  });

  const values = form.values;
  const errorCount = Object.values(form.errors).filter(Boolean).length;
  const partnerItems = partners.data?.items ?? [];
  const projectOptions = (projects.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.ownerName}）` }));
  for (const p of trip?.projects ?? [])
    if (!projectOptions.some((o) => o.value === p.id)) projectOptions.push({ value: p.id, label: p.name });
  const orgOptions = organisationOptions(organisations.data?.items ?? []);
  const plannedTotal = values.costs.reduce((sum, c) => sum + (Number(parseNumberText(c.planned)) || 0), 0);
  const settledTotal = values.costs.reduce((sum, c) => sum + (Number(parseNumberText(c.settled)) || 0), 0);
  const title = trip ? f.editTitle(trip.title) : f.createTitle;
  const linkedIds = values.travellers.flatMap((t) => (t.userId ? [t.userId] : []));

  return (
    <>
      <PageHeader
        title={title}
        subtitle={f.intro}
        breadcrumbs={[
          { label: im.moduleName, href: "/international" },
          { label: im.trips.title, href: "/international/trips" },
          ...(trip ? [{ label: trip.title, href: `/international/trips/${trip.id}` }] : []),
          { label: trip ? f.editShort : f.createTitle },
        ]}
      />
      <InternationalNav />
      <form
        ref={ref}
        noValidate
        onSubmit={form.onSubmit((v) => {
          const parsed = parseTrip(v);
          if (parsed.ok) save.mutate(parsed.body);
        }, focusFirstInvalid)}
      >
        <Stack gap="lg">
          <ErrorAlert error={save.error} conflictMessage={f.conflict} />
          {errorCount > 0 && !save.error && (
            <Alert color="red" variant="light" role="alert" title={f.errorsHeading}>
              {f.errorsCount(errorCount)}
              {form.errors.travellers ? <Text size="sm">{String(form.errors.travellers)}</Text> : null}
            </Alert>
          )}
          {settledOnly && (
            <Alert color="blue" variant="light" role="note">
              {f.settledOnly}
            </Alert>
          )}
          <fieldset disabled={settledOnly} style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
            <VisuallyHidden component="legend">{f.basics}</VisuallyHidden>
            <Stack gap="lg">
              <FormSection id="intl-trip-basics" title={f.basics}>
                <TextInput label={f.title} required maxLength={200} {...form.getInputProps("title")} />
                <Textarea label={f.purpose} autosize minRows={2} maxLength={4000} {...form.getInputProps("purpose")} />
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <NativeSelect
                    label={f.owner}
                    required
                    description={f.ownerHelp}
                    inputWrapperOrder={["label", "input", "description", "error"]}
                    disabled={user.role !== "admin"}
                    data={orgOptions.length > 0 ? orgOptions : [{ value: values.ownerOrganisationId, label: user.organisationName }]}
                    {...form.getInputProps("ownerOrganisationId")}
                  />
                  <JapaneseDateInput
                    label={f.reportDueOn}
                    description={f.reportDueHelp}
                    value={values.reportDueOn}
                    onChange={(v) => form.setFieldValue("reportDueOn", v)}
                    error={errorText(form.errors.reportDueOn)}
                  />
                </SimpleGrid>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <JapaneseDateInput
                    label={f.departsOn}
                    required
                    value={values.departsOn}
                    onChange={(v) => form.setFieldValue("departsOn", v)}
                    error={errorText(form.errors.departsOn)}
                  />
                  <JapaneseDateInput
                    label={f.returnsOn}
                    required
                    value={values.returnsOn}
                    onChange={(v) => form.setFieldValue("returnsOn", v)}
                    error={errorText(form.errors.returnsOn)}
                  />
                </SimpleGrid>
                <Textarea
                  label={f.companions}
                  description={f.companionsHelp}
                  inputWrapperOrder={["label", "input", "description", "error"]}
                  autosize
                  minRows={1}
                  maxLength={1000}
                  {...form.getInputProps("companions")}
                />
                <MultiSelect
                  label={f.projects}
                  description={f.projectsHelp}
                  inputWrapperOrder={["label", "input", "description", "error"]}
                  searchable
                  clearable
                  data={projectOptions}
                  value={values.projectIds}
                  onChange={(ids) => form.setFieldValue("projectIds", ids)}
                />
              </FormSection>

              <FormSection
                id="intl-trip-travellers"
                title={f.travellers}
                actions={
                  <Button
                    variant="default"
                    size="compact-md"
                    onClick={() => {
                      const row = emptyTraveller();
                      form.insertListItem("travellers", row);
                      focusSoon(`traveller-${row.key}`);
                    }}
                  >
                    {f.addTraveller}
                  </Button>
                }
              >
                {form.errors.travellers && (
                  <Text size="sm" c="#c92a2a" role="alert">
                    {String(form.errors.travellers)}
                  </Text>
                )}
                {values.travellers.map((row, i) => {
                  const self = row.userId === user.id;
                  return (
                    <Paper key={row.key} withBorder p="sm" component="fieldset" style={ROW_STYLE}>
                      <VisuallyHidden component="legend">{`${f.travellerRow} ${im.row(i + 1)}`}</VisuallyHidden>
                      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} style={{ alignItems: "end" }}>
                        <StaffPicker
                          id={`traveller-${row.key}`}
                          label={f.travellerName}
                          required
                          maxLength={100}
                          value={row.name}
                          linked={row.userId !== null}
                          excludeIds={linkedIds.filter((userId) => userId !== row.userId)}
                          error={form.errors[`travellers.${i}.name`] ?? form.errors[`travellers.${i}.userId`]}
                          onChange={(text) => {
                            form.setFieldValue(`travellers.${i}.name`, text);
                            // a changed name no longer names the member of staff it was linked to
                            if (row.userId) form.setFieldValue(`travellers.${i}.userId`, null);
                          }}
                          onSelect={(member) => {
                            form.setFieldValue(`travellers.${i}.userId`, member.id);
                            form.setFieldValue(`travellers.${i}.name`, member.displayName);
                          }}
                        />
                        <NativeSelect
                          label={f.travellerRole}
                          data={TRAVELLER_ROLES.map((r) => ({ value: r, label: TRAVELLER_ROLE_LABELS[r] }))}
                          {...form.getInputProps(`travellers.${i}.role`)}
                        />
                        <NativeSelect
                          label={f.paidBy}
                          data={PAID_BY.map((p) => ({ value: p, label: PAID_BY_LABELS[p] }))}
                          {...form.getInputProps(`travellers.${i}.paidBy`)}
                        />
                        <Button variant="subtle" color="red" onClick={() => form.removeListItem("travellers", i)}>
                          {im.removeRow(f.travellerRow, i + 1)}
                        </Button>
                      </SimpleGrid>
                      <Group gap="md" mt="xs">
                        <Checkbox
                          label={f.travellerSelf}
                          checked={self}
                          onChange={(e) => {
                            const checked = e.currentTarget.checked;
                            form.setFieldValue(`travellers.${i}.userId`, checked ? user.id : null);
                            if (checked && !row.name.trim()) form.setFieldValue(`travellers.${i}.name`, user.displayName);
                          }}
                        />
                        {row.userId && !self && (
                          <Text size="xs" c="dimmed">
                            {f.travellerLinked}
                          </Text>
                        )}
                      </Group>
                    </Paper>
                  );
                })}
              </FormSection>

              <FormSection
                id="intl-trip-visits"
                title={f.visits}
                actions={
                  <Button
                    variant="default"
                    size="compact-md"
                    onClick={() => {
                      const row = emptyVisit(values.visits.at(-1)?.visitOn ?? values.departsOn);
                      form.insertListItem("visits", row);
                      focusSoon(`visit-${row.key}`);
                    }}
                  >
                    {f.addVisit}
                  </Button>
                }
              >
                {values.visits.length === 0 && <Text c="dimmed">{f.noVisits}</Text>}
                {values.visits.map((row, i) => (
                  <Paper key={row.key} withBorder p="sm" component="fieldset" style={ROW_STYLE}>
                    <Text component="legend" fw={700} size="sm" px={4}>
                      {`${f.visitRow} ${i + 1}`}
                    </Text>
                    <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
                      <JapaneseDateInput
                        id={`visit-${row.key}`}
                        label={f.visitOn}
                        required
                        value={row.visitOn}
                        onChange={(v) => form.setFieldValue(`visits.${i}.visitOn`, v)}
                        error={errorText(form.errors[`visits.${i}.visitOn`])}
                      />
                      <NativeSelect
                        label={f.partner}
                        value={row.partnerId}
                        data={[{ value: "", label: f.partnerNone }, ...partnerItems.map((p) => ({ value: p.id, label: partnerLabel(p) }))]}
                        onChange={(e) => {
                          const partnerId = e.currentTarget.value;
                          form.setFieldValue(`visits.${i}.partnerId`, partnerId);
                          // The partner names the place: fill the country and city the row does not have yet.
                          const partner = partnerItems.find((p) => p.id === partnerId);
                          if (partner) {
                            if (!row.country.trim()) form.setFieldValue(`visits.${i}.country`, partner.country);
                            if (!row.city.trim()) form.setFieldValue(`visits.${i}.city`, partner.city);
                            if (!row.organisation.trim() && partner.organisation)
                              form.setFieldValue(`visits.${i}.organisation`, partner.organisation);
                          }
                        }}
                      />
                      <TextInput label={f.country} required maxLength={60} {...form.getInputProps(`visits.${i}.country`)} />
                      <TextInput label={f.city} required maxLength={100} {...form.getInputProps(`visits.${i}.city`)} />
                      <TextInput label={f.organisation} maxLength={200} {...form.getInputProps(`visits.${i}.organisation`)} />
                      <TextInput label={f.counterpart} maxLength={200} {...form.getInputProps(`visits.${i}.counterpart`)} />
                      <TextInput
                        label={f.visitPurpose}
                        maxLength={1000}
                        {...form.getInputProps(`visits.${i}.purpose`)}
                        style={{ gridColumn: "span 2" }}
                      />
                    </SimpleGrid>
                    <Group justify="flex-end" mt="xs">
                      <Button variant="subtle" color="red" onClick={() => form.removeListItem("visits", i)}>
                        {im.removeRow(f.visitRow, i + 1)}
                      </Button>
                    </Group>
                  </Paper>
                ))}
              </FormSection>
            </Stack>
          </fieldset>

          <FormSection
            id="intl-trip-costs"
            title={f.costs}
            actions={
              settledOnly ? null : (
                <Button
                  variant="default"
                  size="compact-md"
                  onClick={() => {
                    const row = emptyCost();
                    form.insertListItem("costs", row);
                    focusSoon(`cost-${row.key}`);
                  }}
                >
                  {f.addCost}
                </Button>
              )
            }
          >
            {!settledOnly && <AllowancesPanel values={values} onApply={(costs) => form.setFieldValue("costs", costs)} />}
            {values.costs.length === 0 && <Text c="dimmed">{f.noCosts}</Text>}
            {values.costs.map((row, i) => (
              <Paper key={row.key} withBorder p="sm" component="fieldset" style={ROW_STYLE}>
                <VisuallyHidden component="legend">{`${f.costRow} ${im.row(i + 1)}`}</VisuallyHidden>
                <SimpleGrid cols={{ base: 1, sm: 2, md: 5 }} style={{ alignItems: "end" }}>
                  <NativeSelect
                    id={`cost-${row.key}`}
                    label={f.costKind}
                    disabled={settledOnly}
                    data={COST_KINDS.map((k) => ({ value: k, label: COST_KIND_LABELS[k] }))}
                    {...form.getInputProps(`costs.${i}.costKind`)}
                  />
                  <TextInput
                    label={f.costDescription}
                    disabled={settledOnly}
                    maxLength={200}
                    {...form.getInputProps(`costs.${i}.description`)}
                  />
                  <YenInput
                    label={f.planned}
                    required
                    disabled={settledOnly}
                    value={row.planned}
                    onChange={(v) => form.setFieldValue(`costs.${i}.planned`, v)}
                    error={errorText(form.errors[`costs.${i}.planned`])}
                  />
                  <YenInput
                    label={f.settled}
                    placeholder={f.settledHelp}
                    value={row.settled}
                    onChange={(v) => form.setFieldValue(`costs.${i}.settled`, v)}
                    error={errorText(form.errors[`costs.${i}.settled`])}
                  />
                  {!settledOnly && (
                    <Button variant="subtle" color="red" onClick={() => form.removeListItem("costs", i)}>
                      {im.removeRow(f.costRow, i + 1)}
                    </Button>
                  )}
                </SimpleGrid>
              </Paper>
            ))}
            {values.costs.length > 0 && (
              <Group justify="flex-end" gap="lg">
                <Text size="sm">
                  {im.trip.planned} {im.trip.total}: <strong>{im.yen(plannedTotal)}</strong>
                </Text>
                <Text size="sm">
                  {im.trip.settled} {im.trip.total}: <strong>{im.yen(settledTotal)}</strong>
                </Text>
              </Group>
            )}
          </FormSection>

          <Group justify="flex-end">
            {trip ? (
              <AnchorLink to="/international/trips/$id" params={{ id: trip.id }}>
                {m.common.cancel}
              </AnchorLink>
            ) : (
              <AnchorLink to="/international/trips">{m.common.cancel}</AnchorLink>
            )}
            <Button type="submit" loading={save.isPending}>
              {isNew ? f.submitCreate : f.submitEdit}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}

/**
 * 「旅費の基準額で計算」: the clerk chooses the destination's 地域区分 (kept only in the lines' descriptions, from which
 * the form reopens with it) and the 日当・宿泊料 lines are computed from the rate versions in force on the departure day.
 */
function AllowancesPanel({ values, onApply }: { values: TripValues; onApply: (costs: TripValues["costs"]) => void }) {
  const t = sm.allowances;
  const rates = useTravelRates();
  const [regionClass, setRegionClass] = useState<RegionClass | null>(() => regionClassFromCosts(values.costs));
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const apply = () => {
    const result = plannedAllowances(allowanceTripOf(values, regionClass), rates.data?.items ?? []);
    if (!result.ok) return setOutcome({ ok: false, text: result.message });
    onApply(applyAllowances(values.costs, result.lines));
    setOutcome({ ok: true, text: t.applied(result.lines.map((l) => `${l.description} = ${im.yen(l.planned)}`)) });
  };
  return (
    <Paper withBorder p="sm" bg="var(--mantine-color-gray-0)" component="fieldset" style={ROW_STYLE}>
      <Text component="legend" fw={700} size="sm" px={4}>
        {t.heading}
      </Text>
      <Group align="end" gap="md" wrap="wrap">
        <NativeSelect
          label={t.regionClass}
          value={regionClass ?? ""}
          onChange={(e) => {
            setRegionClass((e.currentTarget.value || null) as RegionClass | null);
            setOutcome(null);
          }}
          data={[{ value: "", label: t.choose }, ...REGION_CLASSES.map((r) => ({ value: r, label: REGION_CLASS_LABELS[r] }))]}
          style={{ minWidth: 220, flex: "0 1 320px" }}
        />
        <Button variant="default" onClick={apply} disabled={!rates.data} aria-describedby="intl-trip-allowances-help">
          {t.apply}
        </Button>
      </Group>
      <Text size="xs" c="dimmed" mt={6} id="intl-trip-allowances-help">
        {rates.data ? `${t.regionClassHelp}${t.applyHelp}` : t.ratesLoading}
      </Text>
      {rates.error ? <ErrorAlert error={rates.error} /> : null}
      <div role="status" aria-live="polite">
        {outcome ? (
          <Text size="sm" mt="xs" c={outcome.ok ? undefined : "#c92a2a"}>
            {outcome.text}
          </Text>
        ) : null}
      </div>
    </Paper>
  );
}
