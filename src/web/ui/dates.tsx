// Dates as the city writes them: 和暦 first, 西暦 beside it (or in the title attribute where space is short).
import dayjs from "dayjs";
import { formatFiscalYear, formatWareki, isIsoDate, isMonthEnd } from "../../common/dates";

/** 令和6年11月30日, or the input unchanged when it is not a date that 和暦 can name. */
export function warekiOf(iso: string, precision?: "day" | "month-end" | "month"): string {
  try {
    return formatWareki(iso, precision ? { precision } : {});
  } catch {
    return iso;
  }
}

/** 令和6年度, or "2024年度" when the era cannot name it. */
export function fiscalYearLabel(fy: number): string {
  try {
    return formatFiscalYear(fy);
  } catch {
    return `${fy}年度`;
  }
}

/** A timestamp (ISO with time) in the browser's local time: date part and HH:mm. */
export function splitTimestamp(timestamp: string): { date: string; time: string } | null {
  const d = dayjs(timestamp);
  if (!d.isValid()) return null;
  return { date: d.format("YYYY-MM-DD"), time: d.format("HH:mm") };
}

interface DateTextProps {
  /** YYYY-MM-DD */
  iso: string | null | undefined;
  /** show 西暦 beside the 和暦 (default) or only in the title attribute */
  western?: "beside" | "title";
  precision?: "day" | "month-end" | "month";
  empty?: string;
}

/** <time> showing 和暦 with 西暦 beside it or on hover. */
export function DateText({ iso, western = "beside", precision, empty = "—" }: DateTextProps) {
  if (!iso) return <span>{empty}</span>;
  const date = iso.slice(0, 10);
  if (!isIsoDate(date)) return <span>{iso}</span>;
  const effective = precision === "month-end" && !isMonthEnd(date) ? "day" : precision;
  const wareki = warekiOf(date, effective);
  if (western === "title") {
    return (
      <time dateTime={date} title={date}>
        {wareki}
      </time>
    );
  }
  return (
    <time dateTime={date}>
      {wareki}
      <span className="yk-western">（{date}）</span>
    </time>
  );
}

/** A timestamp as 令和6年11月30日 14:05 with the 西暦 date and time in the title. */
export function DateTimeText({ timestamp, western = "title" }: { timestamp: string | null | undefined; western?: "beside" | "title" }) {
  if (!timestamp) return <span>—</span>;
  const parts = splitTimestamp(timestamp);
  if (!parts) return <span>{timestamp}</span>;
  const wareki = warekiOf(parts.date);
  if (western === "beside") {
    return (
      <time dateTime={timestamp}>
        {wareki} {parts.time}
        <span className="yk-western">（{parts.date}）</span>
      </time>
    );
  }
  return (
    <time dateTime={timestamp} title={`${parts.date} ${parts.time}`}>
      {wareki} {parts.time}
    </time>
  );
}

/** 令和6年度（2024年度） */
export function FiscalYearText({ fy, western = "beside" }: { fy: number; western?: "beside" | "title" }) {
  const label = fiscalYearLabel(fy);
  if (western === "title") return <span title={`${fy}年度`}>{label}</span>;
  return (
    <span>
      {label}
      <span className="yk-western">（{fy}年度）</span>
    </span>
  );
}
