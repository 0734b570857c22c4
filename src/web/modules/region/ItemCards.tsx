// The hub's list of items (search results, featured items): each a card with its kind, 市町, name (a link to its
// page), dates for events, address, the beginning of its description and, near a point, its distance. On the English
// pages an item without a translation shows its Japanese name marked lang="ja".
import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { PublicItemSummary } from "../../../common/api/region-public";
import { InternalLink } from "../../ui/InternalLink";
import { DATASET_COLOURS } from "./datasetStyle";
import { EventPeriod } from "./EventPeriod";
import type { HubText } from "./publicMessages";

export function DatasetBadge({ dataset, text }: { dataset: PublicItemSummary["dataset"]; text: HubText }) {
  const colour = DATASET_COLOURS[dataset];
  return (
    <Badge variant="outline" styles={{ root: { textTransform: "none", color: colour, borderColor: colour, background: "#fff" } }}>
      {text.datasetLabel(dataset)}
    </Badge>
  );
}

export function HubBadges({ item, text }: { item: Pick<PublicItemSummary, "dataset" | "featured" | "isSample">; text: HubText }) {
  return (
    <>
      <DatasetBadge dataset={item.dataset} text={text} />
      {item.featured && (
        <Badge variant="filled" styles={{ root: { textTransform: "none", background: "#fff3bf", color: "#5c3c00" } }}>
          {text.badges.featured}
        </Badge>
      )}
      {item.isSample && (
        <Badge variant="outline" color="gray" styles={{ root: { color: "#495057", textTransform: "none" } }}>
          {text.badges.sample}
        </Badge>
      )}
    </>
  );
}

/** The item's name in the page's language; a Japanese name on an English page is marked as such. */
export function ItemName({ item, text }: { item: { name: string; nameEn: string }; text: HubText }) {
  const untranslated = text.lang === "en" && !item.nameEn;
  return <span lang={untranslated ? "ja" : undefined}>{text.name(item)}</span>;
}

export function itemHref(text: HubText, id: string): string {
  return `${text.hubPath}/items/${id}`;
}

function ItemCard({ item, text, headingLevel }: { item: PublicItemSummary; text: HubText; headingLevel: 2 | 3 }) {
  const summary = text.lang === "en" ? item.summaryEn || item.summary : item.summary;
  return (
    <Paper withBorder p="md" h="100%" component="article">
      <Stack gap={6}>
        <Group gap={6} wrap="wrap">
          <HubBadges item={item} text={text} />
          <Text size="sm" c="dimmed">
            {text.municipalityName(item)}
          </Text>
        </Group>
        <Title order={headingLevel} size="h4">
          <InternalLink href={itemHref(text, item.id)}>
            <ItemName item={item} text={text} />
          </InternalLink>
        </Title>
        {item.dataset === "event" && item.startDate && (
          <Text size="sm" fw={600}>
            <EventPeriod
              startDate={item.startDate}
              endDate={item.endDate}
              startTime={item.startTime}
              endTime={item.endTime}
              lang={text.lang}
            />
          </Text>
        )}
        {item.address && (
          <Text size="sm" lang={text.lang === "en" ? "ja" : undefined}>
            {item.address}
          </Text>
        )}
        {summary && (
          <Text size="sm" lang={text.lang === "en" && !item.summaryEn ? "ja" : undefined}>
            {summary}
          </Text>
        )}
        {item.distanceKm !== null && (
          <Text size="sm" c="dimmed">
            {text.results.distance(item.distanceKm)}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

export function ItemCards({
  items,
  text,
  label,
  headingLevel = 3,
}: {
  items: PublicItemSummary[];
  text: HubText;
  label: string;
  headingLevel?: 2 | 3;
}) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" component="ul" aria-label={label} className="yk-plain-list">
      {items.map((item) => (
        <li key={item.id}>
          <ItemCard item={item} text={text} headingLevel={headingLevel} />
        </li>
      ))}
    </SimpleGrid>
  );
}
