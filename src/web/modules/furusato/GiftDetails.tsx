// The gift page's details (内容・アレルギー・配送) and the review timeline.
import { Group, Paper, Stack, Text, Timeline, Title } from "@mantine/core";
import { Fragment } from "react";
import type { GiftDetail } from "../../../common/api/furusato";
import { REQUIRED_ALLERGENS } from "../../../common/furusato/gift-schema";
import { DateText, DateTimeText } from "../../ui/dates";
import { yen } from "./components";
import { fm } from "./messages";

function allergenOrder(name: string): number {
  const index = (REQUIRED_ALLERGENS as readonly string[]).indexOf(name);
  return index === -1 ? REQUIRED_ALLERGENS.length : index;
}

export function DetailsSection({ gift }: { gift: GiftDetail }) {
  const d = gift.details;
  const allergens = Object.entries(d.allergens)
    .sort(([a], [b]) => allergenOrder(a) - allergenOrder(b))
    .map(([name, state]) => fm.gift.allergenState(name, state))
    .join(fm.listSep);
  const items: [string, React.ReactNode][] = [
    [fm.form.catchCopy, d.catchCopy || fm.dash],
    [
      fm.form.contents,
      <span key="contents" className="yk-prewrap">
        {d.contents}
      </span>,
    ],
    [
      fm.form.description,
      <span key="description" className="yk-prewrap">
        {d.description || fm.dash}
      </span>,
    ],
    [fm.form.temperature, d.temperature],
    [fm.form.shippingSize, d.shippingSize || fm.dash],
    [
      fm.form.sections.subscription,
      d.subscription ? fm.gift.subscription(d.subscription.deliveries, d.subscription.schedule) : fm.gift.single,
    ],
    [fm.gift.costNow, gift.procurementCost === null ? fm.dash : fm.gift.costLine(yen(gift.procurementCost), yen(gift.shippingCost))],
    [
      fm.gift.applicationPeriod,
      d.applicationPeriod.from || d.applicationPeriod.until ? (
        <Fragment key="period">
          <DateText iso={d.applicationPeriod.from} western="title" />
          {fm.rangeSep}
          <DateText iso={d.applicationPeriod.until} western="title" />
        </Fragment>
      ) : (
        fm.dash
      ),
    ],
    [fm.form.deliveryPeriod, d.deliveryPeriod || fm.dash],
    [fm.gift.allergens, allergens || fm.dash],
    [fm.gift.localType, d.localProductType ? fm.form.localTypeOption(d.localProductType) : fm.notSet],
    [fm.gift.localReason, d.localProductReason || fm.dash],
    ...(d.localProductType === "3イ"
      ? ([
          [
            fm.form.rawMaterial,
            d.rawMaterialSamePrefecture === null ? fm.form.rawMaterialUnknown : d.rawMaterialSamePrefecture ? fm.yes : fm.no,
          ],
        ] as [string, React.ReactNode][])
      : []),
    [
      fm.gift.certifications,
      d.certifications.length === 0 ? (
        fm.none
      ) : (
        <Stack key="certifications" gap={2}>
          {d.certifications.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: certifications are positional (names may repeat)
            <span key={`${c.name}-${i}`}>
              {c.name}
              {fm.open}
              <DateText iso={c.validFrom} western="title" />
              {fm.rangeSep}
              <DateText iso={c.validUntil} western="title" />
              {fm.close}
            </span>
          ))}
        </Stack>
      ),
    ],
  ];
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="details-heading">
      <Title order={2} id="details-heading" mb="sm" className="yk-section-title">
        {fm.gift.detailsHeading}
      </Title>
      <dl className="yk-furusato-dl">
        {items.map(([term, value]) => (
          <Fragment key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
    </Paper>
  );
}

// ------------------------------------------------------------------ images (画像)

export function ReviewsSection({ gift }: { gift: GiftDetail }) {
  const reviews = [...gift.reviews].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="reviews-heading">
      <Title order={2} id="reviews-heading" mb="sm" className="yk-section-title">
        {fm.reviews.heading}
      </Title>
      {reviews.length === 0 ? (
        <Text size="sm">{fm.reviews.empty}</Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2} active={0}>
          {reviews.map((review, i) => (
            <Timeline.Item
              // biome-ignore lint/suspicious/noArrayIndexKey: review records have no id in the API
              key={`${review.createdAt}-${i}`}
              title={
                <Group gap="xs" wrap="wrap">
                  <Text fw={700} component="span">
                    {review.action}
                  </Text>
                  <Text size="sm" component="span">
                    {fm.reviews.transition(review.fromStatus, review.toStatus)}
                  </Text>
                </Group>
              }
            >
              {review.comment && (
                <Text size="sm" className="yk-prewrap">
                  {review.comment}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {fm.reviews.by(review.actorLabel)}
                {fm.wideSpace}
                <DateTimeText timestamp={review.createdAt} western="beside" />
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Paper>
  );
}
