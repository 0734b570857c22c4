// /public: the home of the public (citizen) pages — every page anyone may read without signing in, each under the
// title its own page carries (issue 12 item 9). A module that adds a public page adds it to PUBLIC_PAGES.
import { Paper, SimpleGrid, Text, Title } from "@mantine/core";
import { m } from "../messages";
import { pm } from "../modules/policy/messages";
import { em } from "../modules/vision/engagementMessages";
import { vm } from "../modules/vision/messages";
import { AnchorLink } from "../ui/links";
import { PageHeader } from "../ui/PageHeader";

/** The public pages, in the order a citizen looks for them; `title` is the page's own h1. */
export const PUBLIC_PAGES = [
  { to: "/public/policy", title: pm.public.listTitle, description: m.publicHome.policy },
  { to: "/public/vision", title: vm.public.title, description: m.publicHome.vision },
  { to: "/public/vision/declarations", title: em.publicPage.title, description: m.publicHome.declarations },
] as const;

export function PublicHomePage() {
  return (
    <>
      <PageHeader title={m.publicHome.title} subtitle={m.publicHome.intro} />
      <SimpleGrid cols={{ base: 1, md: 3 }} component="ul" aria-label={m.publicHome.pagesCaption} className="yk-plain-list">
        {PUBLIC_PAGES.map((page) => (
          <li key={page.to}>
            <Paper withBorder p="lg" h="100%">
              <Title order={2} size="h3" mb="xs">
                <AnchorLink to={page.to} underline="always">
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
