// ポータル一括出力: one zip with one upload file per portal, holding only what changed since that portal's last export.
//
// Pure: the previous export state comes in, the next one goes out (the caller stores it once the files were uploaded).
// A listing's fingerprint is the hash of its rendered cell values, so any change that would alter the file — a new
// description, a new donation amount, an edited template — is detected, and nothing else is. Columns whose value
// depends on the action (楽天 コントロールカラム n/u, 倉庫指定) are left out of the fingerprint: new/stop are tracked
// by the state itself, and a listing that was new last time must not look changed because it now renders "u".
// Per column a short hash is kept as well, only to NAME the changed fields in the diff.
import JSZip from "jszip";
import type { Gift, Listing, Portal } from "../../../common/furusato/types";
import { ValidationError } from "../../platform/errors";
import { fieldHashesOf, fingerprintOf } from "./bundle-hashes";
import {
  type CompiledTemplate,
  compilePortalTemplate,
  type PortalFileBuilder,
  type PortalTemplate,
  startPortalFile,
  type UnencodableCell,
} from "./portal-template";

export interface BundlePortal {
  portal: Portal;
  template: PortalTemplate;
}

/** A gift as listed on one portal; stopped listings (state 停止) are included so that their stop row can be sent. */
export interface BundleInputRow {
  gift: Gift;
  listing: Listing;
}

/** What a portal last received for one listing. */
export interface ListingExportState {
  giftCode: string;
  /** hash of the listing's rendered values (action-dependent columns excluded) */
  fingerprint: string;
  /** 8 hex digits per fingerprinted column (PortalExportState.columns), to name the changed fields */
  fieldHashes: string;
  /** the last row sent was a stop row */
  stopped: boolean;
}

export interface PortalExportState {
  portalCode: string;
  /** headers of the fingerprinted columns, in order, when the state was written */
  columns: string[];
  /** ISO timestamp of the last export that sent this portal a file; null if none did */
  exportedAt: string | null;
  listings: ListingExportState[];
}

/** JSON-safe (arrays, not objects keyed by codes), to be stored as is. */
export interface BundleState {
  portals: PortalExportState[];
}

export const EMPTY_BUNDLE_STATE: BundleState = { portals: [] };

export interface ChangedListing {
  giftCode: string;
  /** headers of the columns whose value changed */
  fields: string[];
  /** it had been stopped and is accepted again */
  reopened: boolean;
}

export interface PortalDiff {
  portalCode: string;
  portalName: string;
  /** the portal's file in the zip; null when nothing changed for it */
  file: string | null;
  added: string[];
  changed: ChangedListing[];
  stopped: string[];
  unchanged: number;
  /** exported before but absent from this run's rows: nothing was sent for them (withdraw them on the portal by hand) */
  missing: string[];
  /**
   * Fields staff did not have to type into this portal's admin screen: every non-empty, non-constant cell of an added
   * listing, every changed field of a changed one (+1 to reopen it), and one switch per stopped listing.
   */
  fieldEditsAvoided: number;
  /** the fingerprinted columns differ from the previous export's (the template was edited) */
  templateChanged: boolean;
  /** characters the file's encoding cannot hold (written as 〓): fix them before uploading */
  unencodable: UnencodableCell[];
}

export interface PlannedFile {
  portalCode: string;
  /** path inside the zip: "<code>_<name>/<fileName>" */
  path: string;
  bytes: Uint8Array;
}

export interface BundlePlan {
  files: PlannedFile[];
  diff: PortalDiff[];
  state: BundleState;
}

export interface BundleResult {
  zip: Uint8Array;
  diff: PortalDiff[];
  state: BundleState;
}

/** The zip settings of every bundle (the bench's floor uses the same). */
export const BUNDLE_ZIP_OPTIONS = { type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } } as const;

const UNKNOWN_HASH = "--------";

// Windows and the portals' upload forms choke on these in file and folder names.
function safePathPart(text: string): string {
  return text.replace(/[\\/:*?"<>|\p{Cc}]/gu, "_").trim() || "_";
}

function columnLabel(header: string, index: number): string {
  return header === "" ? `（${index + 1}列目）` : header;
}

/** First index of every header; a duplicated header maps to -1 (its fields can't be told apart by name). */
function headerIndex(columns: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  columns.forEach((header, i) => {
    index.set(header, index.has(header) ? -1 : i);
  });
  return index;
}

/** Old per-column hashes re-ordered for new columns; a column the old state lacks gets a hash that never matches. */
function remapHashes(hashes: string, from: Map<string, number>, to: readonly string[]): string {
  return to
    .map((header) => {
      const i = from.get(header) ?? -1;
      return i < 0 ? UNKNOWN_HASH : hashes.slice(i * 8, i * 8 + 8) || UNKNOWN_HASH;
    })
    .join("");
}

interface PortalPlan {
  file: PlannedFile | null;
  diff: PortalDiff;
  state: PortalExportState;
}

function planPortal(
  { portal, template }: BundlePortal,
  rows: readonly BundleInputRow[],
  previous: PortalExportState | undefined,
  exportedAt: string,
): PortalPlan {
  const compiled: CompiledTemplate = compilePortalTemplate(template);
  const stableIndex = compiled.headers.map((_, i) => i).filter((i) => !compiled.usesAction[i]);
  const allStable = stableIndex.length === compiled.headers.length;
  // Columns a staff member would have typed for a new listing: not constant, not action-dependent.
  const typedIndex = stableIndex.filter((i) => !compiled.isConst[i]);
  const columns = stableIndex.map((i) => compiled.headers[i]);
  const previousColumns = previous?.columns ?? columns;
  const templateChanged =
    previous !== undefined && (previousColumns.length !== columns.length || previousColumns.some((h, i) => h !== columns[i]));
  const previousIndex = headerIndex(previousColumns);
  const carry = (s: ListingExportState): ListingExportState =>
    templateChanged ? { ...s, fieldHashes: remapHashes(s.fieldHashes, previousIndex, columns) } : s;

  const before = new Map((previous?.listings ?? []).map((s) => [s.giftCode, s]));
  const seen = new Set<string>();
  const next: ListingExportState[] = [];
  // The file is written as rows are rendered (started at the first row to send), so no row is held until the end.
  let builder: PortalFileBuilder | null = null;
  const diff: PortalDiff = {
    portalCode: portal.code,
    portalName: portal.name,
    file: null,
    added: [],
    changed: [],
    stopped: [],
    unchanged: 0,
    missing: [],
    fieldEditsAvoided: 0,
    templateChanged,
    unencodable: [],
  };

  for (const { gift, listing } of rows) {
    const code = gift.code;
    if (listing.portalCode !== portal.code || listing.giftCode !== code) {
      throw new ValidationError(
        `掲載（${listing.giftCode} / ${listing.portalCode}）が寄附受付サイト「${portal.name}」の返礼品 ${code} のものではありません`,
      );
    }
    if (seen.has(code)) throw new ValidationError(`寄附受付サイト「${portal.name}」に返礼品 ${code} の掲載が重複しています`);
    seen.add(code);

    const last = before.get(code);
    const stopNow = listing.state === "停止";
    if (stopNow && (last === undefined || last.stopped)) {
      // Never sent, or already stopped there: nothing to tell the portal.
      if (last) {
        next.push(carry(last));
        diff.unchanged++;
      }
      continue;
    }
    const cells = compiled.renderRow({ gift, listing, portal, action: stopNow ? "stop" : "upsert", isNew: last === undefined });
    const stable = allStable ? cells : stableIndex.map((i) => cells[i]);
    const fingerprint = fingerprintOf(stable);
    if (!stopNow && last && !last.stopped && last.fingerprint === fingerprint) {
      next.push(carry(last));
      diff.unchanged++;
      continue;
    }

    const fieldHashes = fieldHashesOf(stable);
    next.push({ giftCode: code, fingerprint, fieldHashes, stopped: stopNow });
    builder ??= startPortalFile(compiled);
    builder.add(cells, code);
    if (stopNow) {
      diff.stopped.push(code);
      diff.fieldEditsAvoided += 1;
    } else if (last === undefined) {
      diff.added.push(code);
      for (const i of typedIndex) if (cells[i] !== "") diff.fieldEditsAvoided++;
    } else {
      const fields = columns
        .map((header, k) => {
          const j = templateChanged ? (previousIndex.get(header) ?? -1) : k;
          const old = j < 0 ? UNKNOWN_HASH : last.fieldHashes.slice(j * 8, j * 8 + 8);
          return old === fieldHashes.slice(k * 8, k * 8 + 8) ? null : columnLabel(header, stableIndex[k]);
        })
        .filter((f): f is string => f !== null);
      diff.changed.push({ giftCode: code, fields, reopened: last.stopped });
      diff.fieldEditsAvoided += fields.length + (last.stopped ? 1 : 0);
    }
  }

  for (const s of previous?.listings ?? []) {
    if (!seen.has(s.giftCode)) {
      diff.missing.push(s.giftCode);
      next.push(carry(s));
    }
  }

  let file: PlannedFile | null = null;
  if (builder) {
    const rendered = builder.finish();
    const path = `${safePathPart(`${portal.code}_${portal.name}`)}/${template.file.fileName}`;
    file = { portalCode: portal.code, path, bytes: rendered.bytes };
    diff.file = path;
    diff.unencodable = rendered.unencodable;
  }
  return {
    file,
    diff,
    state: { portalCode: portal.code, columns, exportedAt: file ? exportedAt : (previous?.exportedAt ?? null), listings: next },
  };
}

/**
 * Renders every portal's changed rows and the next state, without zipping (sync and pure). Portals of the previous
 * state that are not in `portals` keep their state unchanged.
 */
export function planBundle(
  portals: readonly BundlePortal[],
  rowsByPortal: ReadonlyMap<string, readonly BundleInputRow[]>,
  previous: BundleState,
  { exportedAt }: { exportedAt: Date },
): BundlePlan {
  const codes = new Set<string>();
  for (const { portal } of portals) {
    if (codes.has(portal.code)) throw new ValidationError(`寄附受付サイトのコードが重複しています: ${portal.code}`);
    codes.add(portal.code);
  }
  for (const code of rowsByPortal.keys()) {
    if (!codes.has(code)) throw new ValidationError(`出力テンプレートのない寄附受付サイトの掲載があります: ${code}`);
  }
  const previousByCode = new Map(previous.portals.map((p) => [p.portalCode, p]));
  const at = exportedAt.toISOString();
  const plans = portals.map((p) => planPortal(p, rowsByPortal.get(p.portal.code) ?? [], previousByCode.get(p.portal.code), at));
  const untouched = previous.portals.filter((p) => !codes.has(p.portalCode));
  return {
    files: plans.flatMap((p) => (p.file ? [p.file] : [])),
    diff: plans.map((p) => p.diff),
    state: { portals: [...plans.map((p) => p.state), ...untouched] },
  };
}

/** One zip of the planned files, dated `exportedAt` (so the same input gives the same bytes). */
export async function zipBundleFiles(files: readonly PlannedFile[], exportedAt: Date): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const f of files) zip.file(f.path, f.bytes, { binary: true, date: exportedAt, createFolders: false });
  return zip.generateAsync({ ...BUNDLE_ZIP_OPTIONS });
}

/** The bundle for staff to download: one file per portal that has something to send, its diff, and the next state. */
export async function buildBundle(
  portals: readonly BundlePortal[],
  rowsByPortal: ReadonlyMap<string, readonly BundleInputRow[]>,
  previous: BundleState,
  options: { exportedAt: Date },
): Promise<BundleResult> {
  const plan = planBundle(portals, rowsByPortal, previous, options);
  return { zip: await zipBundleFiles(plan.files, options.exportedAt), diff: plan.diff, state: plan.state };
}
