// /international/map: the partner cities on a world map drawn offline (WorldMap.tsx), for one 年度 or for all years,
// and the same figures as a table below it — the table is the map's text alternative and links to each partner.
import { Alert, Group, Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { getInternationalMap, PARTNER_RELATION_LABELS } from "../../../common/api/international";
import { call } from "../../api/client";
import { fiscalYearLabel } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { FiscalYearSelect } from "../../ui/FiscalYear";
import { AnchorLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { EmptyState, InternationalNav, Loading } from "./components";
import { mm } from "./mapMessages";
import { RELATION_COLOURS, WorldMap } from "./WorldMap";

export function MapPage({ fiscalYear }: { fiscalYear?: number }) {
  const navigate = useNavigate();
  const map = useQuery({
    queryKey: ["international", "map", fiscalYear ?? null],
    queryFn: () => call(getInternationalMap, { query: fiscalYear === undefined ? {} : { fiscalYear } }),
  });
  const yearText = fiscalYear === undefined ? mm.allYears : fiscalYearLabel(fiscalYear);
  const points = map.data?.points ?? [];
  return (
    <>
      <PageHeader
        title={mm.map.title}
        breadcrumbs={[{ label: mm.moduleName, href: "/international" }, { label: mm.map.title }]}
        subtitle={mm.map.intro}
      />
      <InternationalNav />
      <Stack gap="md">
        <FiscalYearSelect
          label={mm.fiscalYear}
          allLabel={mm.allYears}
          value={fiscalYear ?? null}
          onChange={(fy) => navigate({ to: "/international/map", search: fy === null ? {} : { fiscalYear: fy } })}
          w={260}
        />
        <ErrorAlert error={map.error} />
        {map.isPending && <Loading />}
        {map.data && (
          <>
            {points.length === 0 ? <EmptyState>{mm.map.empty}</EmptyState> : <WorldMap points={points} />}
            {map.data.unplaced > 0 && (
              <Alert color="yellow" variant="light" data-testid="map-unplaced">
                {mm.map.unplaced(map.data.unplaced)}
              </Alert>
            )}
            {points.length > 0 && (
              // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable for keyboard users.
              <section className="yk-table-scroll" tabIndex={0} aria-label={mm.map.tableCaption(yearText)}>
                <Table striped withTableBorder verticalSpacing={6} fz="sm" className="yk-table" miw={560} data-testid="map-table">
                  <caption className="yk-caption">{mm.map.tableCaption(yearText)}</caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{mm.map.partner}</Table.Th>
                      <Table.Th scope="col">{mm.map.country}</Table.Th>
                      <Table.Th scope="col">{mm.map.relation}</Table.Th>
                      <Table.Th scope="col" style={{ textAlign: "right" }}>
                        {mm.map.projects}
                      </Table.Th>
                      <Table.Th scope="col" style={{ textAlign: "right" }}>
                        {mm.map.trips}
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {points.map((p) => (
                      <Table.Tr key={p.partnerId}>
                        <Table.Th scope="row" fw={400}>
                          <AnchorLink to="/international/partners/$id" params={{ id: p.partnerId }}>
                            {p.label}
                          </AnchorLink>
                        </Table.Th>
                        <Table.Td>{p.country}</Table.Td>
                        <Table.Td>
                          <Group gap={6} wrap="nowrap">
                            <svg width="12" height="12" role="presentation">
                              <circle cx={6} cy={6} r={5} fill={RELATION_COLOURS[p.relation]} />
                            </svg>
                            {PARTNER_RELATION_LABELS[p.relation]}
                          </Group>
                        </Table.Td>
                        <Table.Td style={{ textAlign: "right" }}>{mm.count(p.projects)}</Table.Td>
                        <Table.Td style={{ textAlign: "right" }}>{mm.count(p.trips)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </section>
            )}
            <Text size="xs" c="dimmed">
              {mm.map.insetNote}
            </Text>
          </>
        )}
      </Stack>
    </>
  );
}
