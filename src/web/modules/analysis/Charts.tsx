// The trend and peer charts on the pages: the same SVG the reports carry (common/analysis/charts.ts, built from the
// figures with every text XML-escaped, no script), and beside it a table of the same figures for screen readers and
// for reading exact values (a missing year or a body without a value is written 「データなし」, never 0).
import { Box, Table, Text, VisuallyHidden } from "@mantine/core";
import { useId } from "react";
import {
  type ChartUnit,
  formatChartValue,
  type PeerBar,
  peerChartSvg,
  type TrendSeries,
  trendChartSvg,
} from "../../../common/analysis/charts";
import { formatFiscalYear } from "../../../common/dates";
import { fm } from "./figure-messages";

function SvgFigure({ svg, label }: { svg: string; label: string }) {
  return (
    <Box
      role="img"
      aria-label={label}
      style={{ maxWidth: "100%", overflowX: "auto" }}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: the SVG is built by charts.ts from numbers and XML-escaped text, with no script
      dangerouslySetInnerHTML={{ __html: svg.replace("<svg ", '<svg aria-hidden="true" style="max-width:100%;height:auto" ') }}
    />
  );
}

const valueText = (unit: ChartUnit, value: number | null) => (value === null ? fm.chartNoData : formatChartValue(unit, value));

export function TrendChart({ title, unit, series }: { title: string; unit: ChartUnit; series: TrendSeries[] }) {
  const captionId = useId();
  const years = [...new Set(series.flatMap((s) => s.points.map((p) => p.fiscalYear)))].sort((a, b) => a - b);
  return (
    <div data-testid="trend-chart" data-title={title}>
      <SvgFigure svg={trendChartSvg({ title, unit, series })} label={title} />
      <VisuallyHidden>
        <Table aria-labelledby={captionId}>
          <caption id={captionId}>{fm.chartTableCaption(title)}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{fm.chartYear}</Table.Th>
              {series.map((s) => (
                <Table.Th scope="col" key={s.name}>
                  {s.name}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {years.map((fy) => (
              <Table.Tr key={fy}>
                <Table.Th scope="row">{formatFiscalYear(fy)}</Table.Th>
                {series.map((s) => (
                  <Table.Td key={s.name}>{valueText(unit, s.points.find((p) => p.fiscalYear === fy)?.value ?? null)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </VisuallyHidden>
    </div>
  );
}

export function PeerChart({ title, unit, fiscalYear, bars }: { title: string; unit: ChartUnit; fiscalYear: number; bars: PeerBar[] }) {
  const captionId = useId();
  const heading = `${title}（${formatFiscalYear(fiscalYear)}）`;
  return (
    <div data-testid="peer-chart" data-title={title}>
      <SvgFigure svg={peerChartSvg({ title, unit, fiscalYear, bars })} label={heading} />
      <Table mt="xs" withTableBorder aria-labelledby={captionId} fz="sm">
        <caption id={captionId}>
          <Text size="sm" ta="left">
            {fm.chartTableCaption(heading)}
          </Text>
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{fm.peerBody}</Table.Th>
            <Table.Th scope="col" ta="right">
              {fm.peerValue}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {bars.map((b) => (
            <Table.Tr key={b.name} fw={b.isSubject ? 700 : undefined}>
              <Table.Th scope="row" fw={b.isSubject ? 700 : 400}>
                {b.name}
                {b.isSubject ? fm.subjectMark : ""}
              </Table.Th>
              <Table.Td ta="right">{valueText(unit, b.value)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
