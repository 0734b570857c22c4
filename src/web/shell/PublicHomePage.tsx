// /public: the home of the public (citizen) pages — every page anyone may read without signing in, each under the
// title its own page carries (issue 12 item 9). A module adds its public pages in its manifest (`publicPages`).
import { Paper, SimpleGrid, Text, Title } from "@mantine/core";
import { m } from "../messages";
import { PUBLIC_PAGES } from "../modules";
import { AnchorLink } from "../ui/links";
import type { ModuleNavPath } from "../ui/ModuleNav";
import { PageHeader } from "../ui/PageHeader";

export function PublicHomePage() {
  return (
    <>
      <PageHeader title={m.publicHome.title} subtitle={m.publicHome.intro} />
      <SimpleGrid cols={{ base: 1, md: 3 }} component="ul" aria-label={m.publicHome.pagesCaption} className="yk-plain-list">
        {PUBLIC_PAGES.map((page) => (
          <li key={page.to}>
            <Paper withBorder p="lg" h="100%">
              <Title order={2} size="h3" mb="xs">
                <AnchorLink to={page.to as ModuleNavPath} underline="always">
                  {page.title}
                </AnchorLink>
              </Title>
              <Text size="sm">{page.description}</Text>
            </Paper>
          </li>
        ))}
      </SimpleGrid>
    </>
  );
}
