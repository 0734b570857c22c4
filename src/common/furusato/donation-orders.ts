// A portal file's lines grouped into orders: rows that share an order number are one donation with several gifts
// (楽天's order file has a line per item). mapDonationRows maps a whole table; DonationLineStream maps a file slice by
// slice, for files too large to hold (the donation import), with the same rules and messages.
import type { DonationRecord } from "./donation";
import {
  type ColumnIndex,
  type DonationMappingConfig,
  type DonationRowError,
  locateColumns,
  type MappingResult,
  type MappingTable,
  type MasterData,
  mapLine,
  type ParsedRow,
  type UnknownValue,
} from "./donation-mapping";

/** Two lines of one order must agree on everything but the gift: otherwise the file contradicts itself. */
function sameOrder(a: DonationRecord, b: DonationRecord): boolean {
  const { items: _a, ...restA } = a;
  const { items: _b, ...restB } = b;
  return JSON.stringify(restA) === JSON.stringify(restB);
}

/** An order being gathered from its lines: the record of its first line and where that line is. */
export interface OrderLines {
  record: DonationRecord;
  firstRow: number;
}

/** A line that starts an order: its gift, if any, is the order's first. */
export function startOrder(parsed: ParsedRow, row: number): OrderLines {
  if (parsed.item) parsed.record.items.push(parsed.item);
  return { record: parsed.record, firstRow: row };
}

/** A further line of an order already started: its gift joins the order, or the error says why it cannot. */
export function addLine(order: OrderLines, parsed: ParsedRow, row: number): DonationRowError | null {
  const orderNumber = parsed.record.orderNumber;
  if (!sameOrder(order.record, parsed.record))
    return { row, message: `受付番号「${orderNumber}」の行（${order.firstRow}行目）と、返礼品以外の内容が異なります。` };
  if (!parsed.item) return { row, message: `受付番号「${orderNumber}」が重複しています（${order.firstRow}行目）。` };
  order.record.items.push(parsed.item);
  return null;
}

export function summariseUnknown(errors: DonationRowError[]): UnknownValue[] {
  const byKey = new Map<string, UnknownValue>();
  for (const error of errors) {
    if (!error.unknown) continue;
    const key = `${error.unknown.field}\u0000${error.unknown.value}`;
    const seen = byKey.get(key);
    if (seen) seen.count += 1;
    else byKey.set(key, { ...error.unknown, count: 1, firstRow: error.row });
  }
  return [...byKey.values()];
}

/**
 * Maps every row of a portal's file. All or nothing: any error in any row gives the full list of errors and no
 * donations. Rows that share an order number are one donation with several gifts (楽天's order file has a line per
 * item).
 */
export function mapDonationRows(table: MappingTable, config: DonationMappingConfig, portalCode: string, master: MasterData): MappingResult {
  const headerIndex = config.headerRow - 1;
  const header = table.rows[headerIndex];
  const headerRowNumber = table.rowNumbers[headerIndex] ?? config.headerRow;
  if (!header)
    return {
      ok: false,
      errors: [{ row: config.headerRow, message: `${config.headerRow}行目に見出しがありません。` }],
      unknownValues: [],
      rowCount: 0,
    };
  const { index, errors: headerErrors } = locateColumns(header, headerRowNumber, config);
  const dataRows = table.rows.slice(headerIndex + 1);
  if (headerErrors.length > 0) return { ok: false, errors: headerErrors, unknownValues: [], rowCount: dataRows.length };
  if (dataRows.length === 0)
    return { ok: false, errors: [{ row: headerRowNumber + 1, message: "取り込むデータ行がありません。" }], unknownValues: [], rowCount: 0 };

  const errors: DonationRowError[] = [];
  const orders = new Map<string, OrderLines>();
  dataRows.forEach((cells, i) => {
    const row = table.rowNumbers[headerIndex + 1 + i] ?? headerRowNumber + 1 + i;
    const line = mapLine(cells, row, index, config, portalCode, master);
    errors.push(...line.errors);
    if (!line.parsed) return;
    const order = orders.get(line.parsed.record.orderNumber);
    if (!order) orders.set(line.parsed.record.orderNumber, startOrder(line.parsed, row));
    else {
      const error = addLine(order, line.parsed, row);
      if (error) errors.push(error);
    }
  });
  if (errors.length > 0) return { ok: false, errors, unknownValues: summariseUnknown(errors), rowCount: dataRows.length };
  return { ok: true, donations: [...orders.values()].map((o) => o.record), rowCount: dataRows.length };
}

/**
 * mapDonationRows for a file read slice by slice: each order is handed on (`take`) once the next order begins, so
 * only the order being gathered is held. Every portal writes the lines of one order together; an order number that
 * comes back after other orders sets `scattered`, and the caller maps the whole table with mapDonationRows instead,
 * which groups lines wherever they are. Errors are the same as mapDonationRows gives for the same file.
 */
export class DonationLineStream {
  readonly errors: DonationRowError[] = [];
  rowCount = 0;
  scattered = false;
  private position = 0;
  private headerRowNumber: number | null = null;
  private index: ColumnIndex | null = null;
  private current: OrderLines | null = null;
  private readonly started = new Set<string>();
  private ready: DonationRecord[] = [];

  constructor(
    private readonly config: DonationMappingConfig,
    private readonly portalCode: string,
    private readonly master: MasterData,
  ) {}

  /** The next rows of the file (header rows included, as in MappingTable) with their spreadsheet row numbers. */
  push(rows: string[][], rowNumbers: number[]): void {
    const headerIndex = this.config.headerRow - 1;
    rows.forEach((cells, i) => {
      const position = this.position++;
      if (position < headerIndex) return;
      if (position === headerIndex) {
        this.headerRowNumber = rowNumbers[i] ?? this.config.headerRow;
        const located = locateColumns(cells, this.headerRowNumber, this.config);
        this.errors.push(...located.errors);
        if (located.errors.length === 0) this.index = located.index;
        return;
      }
      this.rowCount += 1;
      if (this.index) this.line(cells, rowNumbers[i] ?? (this.headerRowNumber as number) + this.rowCount);
    });
  }

  private line(cells: string[], row: number): void {
    const line = mapLine(cells, row, this.index as ColumnIndex, this.config, this.portalCode, this.master);
    for (const error of line.errors) this.errors.push(error);
    if (!line.parsed) return;
    const orderNumber = line.parsed.record.orderNumber;
    if (this.current?.record.orderNumber === orderNumber) {
      const error = addLine(this.current, line.parsed, row);
      if (error) this.errors.push(error);
      return;
    }
    if (this.started.has(orderNumber)) this.scattered = true;
    this.started.add(orderNumber);
    if (this.current) this.ready.push(this.current.record);
    this.current = startOrder(line.parsed, row);
  }

  /** The orders whose lines are all in (the last one after `finish`), each handed on once. */
  take(): DonationRecord[] {
    const ready = this.ready;
    this.ready = [];
    return ready;
  }

  /** The end of the file: the last order is complete, and a file without heading or data lines gets its error. */
  finish(): void {
    if (this.current) this.ready.push(this.current.record);
    this.current = null;
    if (this.headerRowNumber === null)
      this.errors.push({ row: this.config.headerRow, message: `${this.config.headerRow}行目に見出しがありません。` });
    else if (this.index && this.rowCount === 0)
      this.errors.push({ row: this.headerRowNumber + 1, message: "取り込むデータ行がありません。" });
  }

  get unknownValues(): UnknownValue[] {
    return summariseUnknown(this.errors);
  }
}
