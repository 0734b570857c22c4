// /public/region/calendar (and /public/region/en/calendar): the events of the 18 市町 month by month. The month is a
// grid (Sunday first) that the keyboard walks: one day at a time is a Tab stop, the arrow keys move by a day or a
// week, Home/End to the week's ends, PageUp/PageDown to the previous/next month; the chosen day's events are listed
// under the grid as links, and the whole month's events in a list beside. Filters (市町, keyword) and the .ics of the
// same conditions for calendar apps; the feeds.
import { Anchor, Box, Button, Group, List, NativeSelect, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useRouter, useSearch } from "@tanstack/react-router";
import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from "react";
import { downloadEventsIcs, downloadRssFeed, type PublicCalendarEvent } from "../../../common/api/region-public";
import { todayInJapan } from "../../../common/dates";
import { urlFor } from "../../api/client";
import { warekiOf } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { InternalLink } from "../../ui/InternalLink";
import { dayIso, daysIn, eventsByDay, monthOf, shiftMonth, weekdayOf, weeksOf } from "./calendarDays";
import { EventPeriod } from "./EventPeriod";
import { HubHeader } from "./HubHeader";
import { useHubVisit } from "./hubVisit";
import { ItemName } from "./ItemCards";
import { type HubLang, type HubText, hubText } from "./publicMessages";
import { useCalendarMonth, usePublicMunicipalities } from "./publicQueries";

interface CalendarSearch {
  month?: string;
  municipality?: string;
  q?: string;
}

const CELL_EVENTS = 3;
const SUNDAY = "#c92a2a";
const SATURDAY = "#1864ab";

function CalendarView({ lang }: { lang: HubLang }) {
  const text = hubText[lang];
  const router = useRouter();
  const search = useSearch({ strict: false }) as CalendarSearch;
  const today = todayInJapan();
  const month = search.month && /^\d{4}-(0[1-9]|1[0-2])$/.test(search.month) ? search.month : monthOf(today);
  const municipality = search.municipality && /^\d{6}$/.test(search.municipality) ? search.municipality : undefined;
  useHubVisit({ pageKind: "calendar", lang, municipalityCode: municipality });
  const events = useCalendarMonth({ month, municipality, q: search.q || undefined });
  const municipalities = usePublicMunicipalities();
  const [draft, setDraft] = useState({ municipality: municipality ?? "", q: search.q ?? "" });
  // a month changed by PageUp/PageDown keeps the keyboard in the grid
  const keyboardMonth = useRef(false);
  const calendarPath = `${text.hubPath}/calendar`;
  const go = (next: CalendarSearch) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) if (value) params.set(key, value);
    router.history.push(params.size ? `${calendarPath}?${params}` : calendarPath);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    go({ month, municipality: draft.municipality || undefined, q: draft.q.trim() || undefined });
  };
  const [year, monthNumber] = month.split("-").map(Number);
  const monthLabel = text.calendar.monthLabel(year, monthNumber, warekiOf(`${month}-01`, "month"));
  const otherParams = new URLSearchParams(Object.entries(search).filter(([, v]) => !!v) as [string, string][]);
  const otherLanguagePath = `${text.otherLanguage.path}/calendar${otherParams.size ? `?${otherParams}` : ""}`;
  const icsQuery = { municipality, q: search.q || undefined, lang: lang === "en" ? ("en" as const) : undefined };

  return (
    <Box lang={lang}>
      <HubHeader
        text={text}
        title={text.calendar.title}
        section="calendar"
        intro={text.calendar.intro}
        otherLanguagePath={otherLanguagePath}
      />
      <Stack gap="lg">
        <Paper withBorder p="md" component="form" role="search" aria-label={text.search.form} onSubmit={submit}>
          <Group gap="md" align="end" wrap="wrap">
            <NativeSelect
              label={text.search.municipality}
              value={draft.municipality}
              data={[
                { value: "", label: text.search.all },
                ...(municipalities.data?.municipalities ?? []).map((m) => ({ value: m.code, label: lang === "en" ? m.nameEn : m.name })),
              ]}
              onChange={(e) => setDraft({ ...draft, municipality: e.currentTarget.value })}
            />
            <TextInput
              label={text.search.keyword}
              value={draft.q}
              maxLength={100}
              onChange={(e) => setDraft({ ...draft, q: e.currentTarget.value })}
            />
            <Button type="submit">{text.search.submit}</Button>
          </Group>
        </Paper>

        <Group justify="space-between" wrap="wrap" gap="sm">
          <Title order={2} size="h3" id="calendar-month">
            {monthLabel}
          </Title>
          <Group gap="xs">
            <Button variant="default" onClick={() => go({ ...search, month: shiftMonth(month, -1) })}>
              {text.calendar.prev}
            </Button>
            <Button variant="default" onClick={() => go({ ...search, month: undefined })} disabled={month === monthOf(today)}>
              {text.calendar.today}
            </Button>
            <Button variant="default" onClick={() => go({ ...search, month: shiftMonth(month, 1) })}>
              {text.calendar.next}
            </Button>
          </Group>
        </Group>
        <ErrorAlert error={events.error} />
        {events.data?.truncated && (
          <Text role="note" size="sm">
            {text.calendar.truncated}
          </Text>
        )}
        <MonthGrid
          key={month}
          text={text}
          month={month}
          today={today}
          label={text.calendar.grid(monthLabel)}
          events={events.data?.events ?? []}
          focusOnMount={keyboardMonth.current}
          onMonth={(next) => {
            keyboardMonth.current = true;
            go({ ...search, month: next });
          }}
        />
        <Box component="details">
          <Text component="summary" fw={600} style={{ cursor: "pointer" }}>
            {text.calendar.listHeading}
          </Text>
          {events.data && events.data.events.length === 0 ? (
            <Text size="sm" mt="xs">
              {text.calendar.none}
            </Text>
          ) : (
            <List size="sm" spacing={6} mt="xs" aria-label={text.calendar.listHeading}>
              {(events.data?.events ?? []).map((event) => (
                <EventLine key={event.id} event={event} text={text} />
              ))}
            </List>
          )}
        </Box>
        <Stack gap={4}>
          <Anchor href={urlFor(downloadEventsIcs, { query: icsQuery })} download fw={600}>
            {text.calendar.ics}
          </Anchor>
          <Text size="xs" c="dimmed">
            {text.calendar.icsHint}
          </Text>
          <Text size="sm">
            {text.calendar.feedEvents}:{" "}
            <Anchor href={urlFor(downloadRssFeed, { query: { kind: "events", municipality, lang: icsQuery.lang } })}>RSS</Anchor>
          </Text>
        </Stack>
      </Stack>
    </Box>
  );
}

function EventLine({ event, text }: { event: PublicCalendarEvent; text: HubText }) {
  return (
    <List.Item>
      <InternalLink href={`${text.hubPath}/items/${event.id}`}>
        <ItemName item={event} text={text} />
      </InternalLink>{" "}
      <Text span size="xs">
        <EventPeriod
          startDate={event.startDate}
          endDate={event.endDate}
          startTime={event.startTime}
          endTime={event.endTime}
          lang={text.lang}
        />
        {text.lang === "en" ? `, ${event.municipalityNameEn}` : `・${event.municipalityName}`}
      </Text>
    </List.Item>
  );
}

interface MonthGridProps {
  text: HubText;
  month: string;
  today: string;
  label: string;
  events: PublicCalendarEvent[];
  /** focus the chosen day at once (the month was changed from the keyboard) */
  focusOnMount: boolean;
  onMonth: (month: string) => void;
}

function MonthGrid({ text, month, today, label, events, focusOnMount, onMonth }: MonthGridProps) {
  const last = daysIn(month);
  const [selected, setSelected] = useState(() => (monthOf(today) === month ? Number(today.slice(8, 10)) : 1));
  const cells = useRef(new Map<number, HTMLTableCellElement>());
  const moved = useRef(focusOnMount);
  const byDay = eventsByDay(month, events);
  useEffect(() => {
    // focus follows the keyboard only (not on the page's first render)
    if (moved.current) cells.current.get(selected)?.focus();
  }, [selected]);

  const onKey = (event: KeyboardEvent) => {
    const week = weekdayOf(dayIso(month, selected));
    const moves: Record<string, number> = {
      ArrowLeft: -1,
      ArrowRight: 1,
      ArrowUp: -7,
      ArrowDown: 7,
      Home: -week,
      End: 6 - week,
    };
    if (event.key === "PageUp" || event.key === "PageDown") {
      event.preventDefault();
      onMonth(shiftMonth(month, event.key === "PageUp" ? -1 : 1));
      return;
    }
    const by = moves[event.key];
    if (by === undefined) return;
    event.preventDefault();
    moved.current = true;
    setSelected(Math.min(last, Math.max(1, selected + by)));
  };

  const dayLabel = (day: number, count: number) => {
    const iso = dayIso(month, day);
    const weekday = text.calendar.weekdays[weekdayOf(iso)];
    return text.lang === "en" ? text.calendar.dayLabel(String(day), weekday, count) : text.calendar.dayLabel(warekiOf(iso), weekday, count);
  };
  const chosen = byDay.get(selected) ?? [];

  return (
    <Stack gap="md">
      <Box style={{ overflowX: "auto" }}>
        <table
          // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the month grid of the ARIA date-grid pattern, a table the arrow keys walk
          role="grid"
          aria-label={label}
          className="yk-region-calendar"
          style={{ width: "100%", minWidth: 640, borderCollapse: "collapse", tableLayout: "fixed" }}
        >
          <thead>
            <tr>
              {text.calendar.weekdays.map((weekday, i) => (
                <th
                  key={weekday}
                  scope="col"
                  style={{
                    padding: 4,
                    fontSize: 14,
                    color: i === 0 ? SUNDAY : i === 6 ? SATURDAY : "#212529",
                    borderBottom: "1px solid #adb5bd",
                  }}
                >
                  {weekday}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeksOf(month).map((week) => (
              <tr key={week.find((d) => d !== null)}>
                {week.map((day, i) =>
                  day === null ? (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the blanks of a week are its positions
                    <td key={`blank-${i}`} style={{ border: "1px solid #dee2e6", background: "#f8f9fa" }} />
                  ) : (
                    <DayCell
                      key={day}
                      day={day}
                      weekday={i}
                      isToday={dayIso(month, day) === today}
                      isSelected={day === selected}
                      label={dayLabel(day, byDay.get(day)?.length ?? 0)}
                      events={byDay.get(day) ?? []}
                      text={text}
                      cellRef={(element) => {
                        if (element) cells.current.set(day, element);
                        else cells.current.delete(day);
                      }}
                      onSelect={() => setSelected(day)}
                      onKeyDown={onKey}
                    />
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </Box>
      <Stack gap="xs" component="section" aria-labelledby="calendar-day" aria-live="polite">
        <Title order={3} size="h4" id="calendar-day">
          {dayLabel(selected, chosen.length)}
        </Title>
        {chosen.length > 0 && (
          <List size="sm" spacing={6}>
            {chosen.map((event) => (
              <EventLine key={event.id} event={event} text={text} />
            ))}
          </List>
        )}
      </Stack>
    </Stack>
  );
}

interface DayCellProps {
  day: number;
  weekday: number;
  isToday: boolean;
  isSelected: boolean;
  label: string;
  events: PublicCalendarEvent[];
  text: HubText;
  cellRef: (element: HTMLTableCellElement | null) => void;
  onSelect: () => void;
  onKeyDown: (event: KeyboardEvent) => void;
}

function DayCell({ day, weekday, isToday, isSelected, label, events, text, cellRef, onSelect, onKeyDown }: DayCellProps) {
  return (
    <td
      ref={cellRef}
      // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a day of the ARIA grid (chosen with the arrow keys or a click)
      role="gridcell"
      tabIndex={isSelected ? 0 : -1}
      aria-selected={isSelected}
      aria-label={label}
      data-testid="calendar-day"
      onClick={onSelect}
      onKeyDown={onKeyDown}
      style={{
        verticalAlign: "top",
        height: 96,
        padding: 4,
        border: "1px solid #dee2e6",
        background: isSelected ? "#e7f5ff" : "#fff",
        outlineOffset: -3,
        cursor: "pointer",
      }}
    >
      <Text
        size="sm"
        fw={isToday ? 800 : 600}
        c={weekday === 0 ? SUNDAY : weekday === 6 ? SATURDAY : "#212529"}
        style={isToday ? { textDecoration: "underline" } : undefined}
        aria-hidden="true"
      >
        {day}
      </Text>
      <Stack gap={2} aria-hidden="true">
        {events.slice(0, CELL_EVENTS).map((event) => (
          <Text key={event.id} size="xs" lineClamp={1} title={text.name(event)} style={{ color: "#3b2a86" }}>
            {text.name(event)}
          </Text>
        ))}
        {events.length > CELL_EVENTS && (
          <Text size="xs" c="dimmed">
            {text.calendar.more(events.length - CELL_EVENTS)}
          </Text>
        )}
      </Stack>
    </td>
  );
}

export function PublicCalendarPage() {
  return <CalendarView lang="ja" />;
}

export function PublicCalendarPageEn() {
  return <CalendarView lang="en" />;
}
