// An event's dates and hours: 和暦 with 西暦 on hover in Japanese (DateText), day-month-year in English; daily hours
// over a period say so (the same reading as the .ics and the JSON-LD).
import { formatEventPeriod } from "../../../common/region/event-period";
import { timingOf } from "../../../common/region/ical";
import { DateText } from "../../ui/dates";
import type { HubLang } from "./publicMessages";

interface EventPeriodProps {
  startDate: string;
  endDate: string | null;
  startTime: string | null;
  endTime: string | null;
  lang: HubLang;
}

export function EventPeriod({ startDate, endDate, startTime, endTime, lang }: EventPeriodProps) {
  if (lang === "en") return <span>{formatEventPeriod({ startDate, endDate, startTime, endTime }, "en")}</span>;
  const multiDay = !!endDate && endDate > startDate;
  const hours = startTime ? (endTime ? `${startTime}〜${endTime}` : startTime) : "";
  const daily = timingOf({ startDate, endDate, startTime }) === "daily";
  return (
    <span>
      <DateText iso={startDate} western="title" />
      {multiDay && (
        <>
          〜<DateText iso={endDate} western="title" />
        </>
      )}
      {hours && ` ${daily ? "毎日" : ""}${hours}`}
    </span>
  );
}
