// Which columns form each subtable, worked out from the lines when the header does not say (no dotted headers).
// kintone writes a record as one line per row of its longest subtable: the main fields (メインの項目) are repeated on
// every line, and each subtable's rows start on the record's first line and go down line by line, its columns left
// empty below its last row. Hence two rules, both measured over the records of two lines or more:
//  1. a column whose value differs between the lines of one record belongs to a subtable (a main field never
//     differs: the reader reports it when the header or the clerk says otherwise);
//  2. a column's depth in a record is the number of lines down to its last filled cell. Columns of one subtable reach
//     the same depth, its row count, in every record; a column that never reaches deeper than another (a field often
//     left empty) joins the subtable whose depth it matches in the most records (then the nearest in header order).
//     Columns that each reach deeper than the other in some record are in different subtables.
// Two subtables that have the same number of rows in every record of the file cannot be told apart this way and come
// out as one; a subtable field whose value never differs within a record comes out as a main field. The inspect
// summary shows the grouping and the clerk corrects it in the mapping (`subtableOf`).

/** A growable list of small integers: one depth per multi-line record, without an array of numbers per column. */
class DepthList {
  private data = new Uint16Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Uint16Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = Math.min(value, 0xffff);
  }

  at(i: number): number {
    return this.data[i];
  }
}

export class SubtableInference {
  private readonly varies: boolean[];
  private readonly depths: DepthList[];
  /** records of two lines or more, the only ones that tell anything */
  multiLineRecords = 0;

  /** `candidates`: the positions (in a line's cells) of the columns whose place is open. */
  constructor(private readonly candidates: readonly number[]) {
    this.varies = candidates.map(() => false);
    this.depths = candidates.map(() => new DepthList());
  }

  /** One record's lines (cells as parsed). */
  add(lines: readonly (readonly string[])[]): void {
    if (lines.length < 2) return;
    this.multiLineRecords += 1;
    const first = lines[0];
    for (const [k, col] of this.candidates.entries()) {
      const top = first[col] ?? "";
      let depth = top === "" ? 0 : 1;
      let differs = false;
      for (let i = 1; i < lines.length; i++) {
        const cell = lines[i][col] ?? "";
        if (cell !== "") depth = i + 1;
        if (cell !== top) differs = true;
      }
      if (differs) this.varies[k] = true;
      this.depths[k].push(depth);
    }
  }

  /** In how many records column a, where filled, reaches exactly as deep as column b. */
  private sameDepth(a: number, b: number): number {
    let n = 0;
    for (let r = 0; r < this.multiLineRecords; r++) {
      const d = this.depths[a].at(r);
      if (d > 0 && d === this.depths[b].at(r)) n += 1;
    }
    return n;
  }

  /**
   * The subtables found, each as the positions of its columns in header order; the subtables in the order of their
   * first column. Columns in none of them are main fields.
   */
  groups(): number[][] {
    const members = this.candidates.map((_, k) => k).filter((k) => this.varies[k]);
    const n = this.multiLineRecords;
    // deeper[a * m + b]: some record where column a reaches further down than column b
    const m = this.candidates.length;
    const deeper = new Uint8Array(m * m);
    for (let r = 0; r < n; r++) {
      for (const a of members) {
        const da = this.depths[a].at(r);
        for (const b of members) if (da > this.depths[b].at(r)) deeper[a * m + b] = 1;
      }
    }
    const isDeeper = (a: number, b: number) => deeper[a * m + b] === 1;
    // The columns no other column always outreaches: each subtable's full columns.
    const tops = members.filter((a) => !members.some((b) => isDeeper(b, a) && !isDeeper(a, b)));
    const groupOf = new Map<number, number>();
    const groups: number[][] = [];
    for (const a of tops) {
      const same = groups.findIndex((g) => !isDeeper(a, g[0]) && !isDeeper(g[0], a));
      if (same >= 0) {
        groups[same].push(a);
        groupOf.set(a, same);
      } else {
        groupOf.set(a, groups.length);
        groups.push([a]);
      }
    }
    for (const a of members) {
      if (groupOf.has(a)) continue;
      const fits = tops.filter((t) => !isDeeper(a, t));
      const nearest = fits
        .map((t) => ({ t, same: this.sameDepth(a, t) }))
        .sort((x, y) => y.same - x.same || Math.abs(x.t - a) - Math.abs(y.t - a) || x.t - y.t)[0]?.t;
      if (nearest === undefined) {
        groupOf.set(a, groups.length);
        groups.push([a]);
      } else {
        const g = groupOf.get(nearest)!;
        groups[g].push(a);
        groupOf.set(a, g);
      }
    }
    return groups.map((g) => g.sort((x, y) => x - y).map((k) => this.candidates[k])).sort((x, y) => x[0] - y[0]);
  }
}
