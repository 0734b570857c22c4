// /region 「広域連携」: the module's home — a card for every page of the module that is registered.
import { Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useRouter } from "@tanstack/react-router";
import { AnchorLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { REGION_HOME_CARDS } from "./home-cards";
import { rgm } from "./messages";

export function HomePage() {
  const router = useRouter();
  const registered = (path: string) => path in (router.routesByPath as Record<string, unknown>);
  const cards = REGION_HOME_CARDS.filter((card) => registered(card.href));
  return (
    <Stack>
      <PageHeader title={rgm.home.title} subtitle={rgm.home.intro} />
      <SimpleGrid cols={{ base: 1, md: 2, lg: 3 }}>
        {cards.map((card) => (
          <Paper key={card.href} withBorder p="md">
            <Title order={2} size="h4">
              <AnchorLink to={card.href}>{card.label}</AnchorLink>
            </Title>
            <Text size="sm" mt="xs">
              {card.description}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
