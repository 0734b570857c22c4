// The shape of a portal template (ポータル出力テンプレート) and of the export row its columns read. portal-template.ts
// validates templates against this shape and renders them.
import type { Gift, Listing, Portal } from "../../../common/furusato/types";

export type ColumnValue = { field: string } | { const: string } | { expr: string };

export interface PortalColumn {
  /** the column's name in the portal's file; also the field name shown in the export diff */
  header: string;
  value: ColumnValue;
  /** 必須: the portal refuses a row with this cell empty, so the check before export holds such a gift */
  required?: boolean;
}

export interface PortalFileFormat {
  encoding: "cp932" | "utf-8" | "utf-8-bom";
  delimiter: "," | "\t";
  lineEnding: "\r\n" | "\n";
  /** "minimal": quote only cells holding the delimiter, a quote, CR or LF; "all": quote every cell */
  quote: "minimal" | "all";
  /** rows above the header rows (a sheet's title, notes), written verbatim; any width. Absent = none */
  titleLines?: string[][];
  /** zero or more header rows written verbatim (each as long as `columns`) */
  headerLines: string[][];
  /** the name the portal expects for the upload, e.g. "item.csv" */
  fileName: string;
}

/**
 * Where a template's columns come from, shown beside the portal: "designed" = a column set written for this system, not
 * the portal's 様式; "subset" = some of the columns of a real (older) 様式; "portal-file" = read from the header file
 * the portal supplies (fileName is that file's name).
 */
export interface TemplateOrigin {
  kind: "designed" | "subset" | "portal-file";
  fileName?: string;
}

export interface PortalTemplate {
  file: PortalFileFormat;
  columns: PortalColumn[];
  origin?: TemplateOrigin;
}

/** One line of a portal file: a gift as listed on that portal, and whether it is (re)published or stopped. */
export interface ExportRow {
  gift: Gift;
  listing: Listing;
  portal: Portal;
  action: "upsert" | "stop";
  /** true when the portal has never received this listing (楽天: コントロールカラム "n" rather than "u") */
  isNew?: boolean;
}
