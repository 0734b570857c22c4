// /public/region/items/$id (and /public/region/en/items/$id): one published item — its kind and 市町, dates and hours,
// place with a small map and a link to what is near it, description, the dataset's other columns, its own site; an
// event's .ics; schema.org JSON-LD in the head. On the English page the English name and description, or the
// Japanese ones marked as not yet translated.
import { Anchor, Box, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useParams } from "@tanstack/react-router";
import { downloadItemIcs, type PublicItemDetail } from "../../../common/api/region-public";
import { itemJsonLd } from "../../../common/region/schema-org";
import { ApiError, urlFor } from "../../api/client";
import { DetailField } from "../../ui/DetailField";
import { DateTimeText } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { InternalLink } from "../../ui/InternalLink";
import { Loading } from "../../ui/Loading";
import { EventPeriod } from "./EventPeriod";
import { HubHeader } from "./HubHeader";
import { hubHref } from "./hubSearch";
import { useHubVisit } from "./hubVisit";
import { HubBadges } from "./ItemCards";
import { type HubLang, type HubText, hubText } from "./publicMessages";
import { usePublicItem } from "./publicQueries";
import { ItemLocationMap } from "./RegionMap";
import { useJsonLd } from "./useJsonLd";

const NEARBY_KM = "3";

function ItemView({ lang }: { lang: HubLang }) {
  const text = hubText[lang];
  const { id } = useParams({ strict: false }) as { id: string };
  const item = usePublicItem(id);
  useHubVisit({ pageKind: "item", lang, itemId: id, municipalityCode: item.data?.municipalityCode });
  useJsonLd(item.data ? itemJsonLd(item.data, `${window.location.origin}${text.hubPath}/items/${item.data.id}`, lang) : null);
  const otherLanguagePath = `${text.otherLanguage.path}/items/${id}`;

  if (item.error) {
    return (
      <Box lang={lang}>
        <HubHeader text={text} title={text.item.notFound} section="item" otherLanguagePath={otherLanguagePath} />
        <Stack gap="md">
          {/* a malformed id (400) is as unknown to the visitor as a missing one (404) */}
          {item.error instanceof ApiError && (item.error.status === 404 || item.error.status === 400) ? (
            <Text>{text.item.notFoundText}</Text>
          ) : (
            <ErrorAlert error={item.error} />
          )}
          <InternalLink href={text.hubPath}>{text.item.back}</InternalLink>
        </Stack>
      </Box>
    );
  }
  if (!item.data) {
    return (
      <Box lang={lang}>
        <HubHeader text={text} title={text.hubTitle} section="item" otherLanguagePath={otherLanguagePath} />
        <Loading />
      </Box>
    );
  }
  return <ItemDetail item={item.data} text={text} otherLanguagePath={otherLanguagePath} />;
}

function ItemDetail({ item, text, otherLanguagePath }: { item: PublicItemDetail; text: HubText; otherLanguagePath: string }) {
  const en = text.lang === "en";
  const nameUntranslated = en && !item.nameEn;
  const description = en ? item.descriptionEn || item.description : item.description;
  const descriptionUntranslated = en && !item.descriptionEn && !!item.description;
  const isEvent = item.dataset === "event" && !!item.startDate;
  const hours = !isEvent && item.startTime ? (item.endTime ? `${item.startTime}〜${item.endTime}` : item.startTime) : null;
  const jaOnly = en ? "ja" : undefined;
  return (
    <Box lang={text.lang}>
      <HubHeader
        text={text}
        title={text.name(item)}
        titleLang={nameUntranslated ? "ja" : undefined}
        section="item"
        otherLanguagePath={otherLanguagePath}
        intro={
          <Group gap={6} wrap="wrap">
            <HubBadges item={item} text={text} />
            <Text size="sm">{text.municipalityName(item)}</Text>
          </Group>
        }
      />
      <Stack gap="lg">
        {(nameUntranslated || descriptionUntranslated) && (
          <Text size="sm" fs="italic">
            {text.untranslated}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
          <Stack gap="md">
            {isEvent && (
              <Stack gap={4}>
                <DetailField label={text.item.period}>
                  <EventPeriod
                    startDate={item.startDate as string}
                    endDate={item.endDate}
                    startTime={item.startTime}
                    endTime={item.endTime}
                    lang={text.lang}
                  />
                </DetailField>
                <Anchor href={urlFor(downloadItemIcs, { params: { id: item.id } })} download fw={600}>
                  {text.item.ics}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {text.item.icsHint}
                </Text>
              </Stack>
            )}
            {hours && <DetailField label={text.item.hours}>{hours}</DetailField>}
            {item.nameKana && !en && <DetailField label={text.item.kana}>{item.nameKana}</DetailField>}
            {item.category && (
              <DetailField label={text.item.category}>
                <span lang={jaOnly}>{item.category}</span>
              </DetailField>
            )}
            {item.address && (
              <DetailField label={text.item.address}>
                <span lang={jaOnly}>{item.address}</span>
              </DetailField>
            )}
            {description && (
              <DetailField label={text.item.description}>
                <span lang={descriptionUntranslated ? "ja" : undefined}>{description}</span>
              </DetailField>
            )}
            {item.url && /^https?:\/\//i.test(item.url) && (
              <Anchor href={item.url} target="_blank" rel="noopener noreferrer">
                {text.item.url}
              </Anchor>
            )}
            {item.imageUrl && /^https?:\/\//i.test(item.imageUrl) && (
              <Anchor href={item.imageUrl} target="_blank" rel="noopener noreferrer">
                {text.item.image}
              </Anchor>
            )}
          </Stack>
          <Stack gap="xs" component="section" aria-labelledby="item-location">
            <Title order={2} size="h4" id="item-location">
              {text.item.location}
            </Title>
            {item.lat !== null && item.lon !== null ? (
              <>
                <ItemLocationMap item={item} text={text} />
                <InternalLink
                  href={hubHref(text.hubPath, { lat: String(item.lat), lon: String(item.lon), km: NEARBY_KM, sort: "distance" })}
                >
                  {text.item.nearby}
                </InternalLink>
              </>
            ) : (
              <Text size="sm">{text.item.noLocation}</Text>
            )}
          </Stack>
        </SimpleGrid>
        {item.details.length > 0 && (
          <Stack gap="xs" component="section" aria-labelledby="item-details">
            <Title order={2} size="h4" id="item-details">
              {text.item.details}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" lang={jaOnly}>
              {item.details.map((detail) => (
                <DetailField key={detail.column} label={detail.column}>
                  {detail.value}
                </DetailField>
              ))}
            </SimpleGrid>
          </Stack>
        )}
        <Text size="xs" c="dimmed">
          {text.item.updated}:{" "}
          {en ? (
            <time dateTime={item.updatedAt}>
              {new Date(item.updatedAt).toLocaleDateString("en-GB", {
                day: "numeric",
                month: "short",
                year: "numeric",
                timeZone: "Asia/Tokyo",
              })}
            </time>
          ) : (
            <DateTimeText timestamp={item.updatedAt} />
          )}
        </Text>
      </Stack>
    </Box>
  );
}

export function PublicItemPage() {
  return <ItemView lang="ja" />;
}

export function PublicItemPageEn() {
  return <ItemView lang="en" />;
}
