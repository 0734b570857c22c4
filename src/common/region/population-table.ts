// 市町別の人口表: for one basis and date, a row per 市町 with its figure and share of the region's total; a 市町
// without a figure is flagged, never counted as 0 (a cost share computed over it would be wrong without saying so).
export interface PopulationTableRow {
  code: string;
  name: string;
  population: number | null;
  /** population ÷ the total of the 市町 with a figure (0…1); null without a figure */
  share: number | null;
}

export interface PopulationTable {
  rows: PopulationTableRow[];
  /** the total of the figures present */
  total: number;
  /** the 市町 without a figure, in the list's order */
  missing: { code: string; name: string }[];
}

export function buildPopulationTable(
  municipalities: readonly { code: string; name: string }[],
  figures: ReadonlyMap<string, number>,
): PopulationTable {
  let total = 0;
  for (const m of municipalities) total += figures.get(m.code) ?? 0;
  const rows = municipalities.map((m) => {
    const population = figures.get(m.code) ?? null;
    return { code: m.code, name: m.name, population, share: population === null || total === 0 ? null : population / total };
  });
  return { rows, total, missing: rows.filter((r) => r.population === null).map(({ code, name }) => ({ code, name })) };
}

/** 「68.27%」: a share as a percentage with two decimals (a display, not a cost share: those round by their rule). */
export function formatSharePercent(share: number | null): string {
  return share === null ? "—" : `${(share * 100).toFixed(2)}%`;
}
