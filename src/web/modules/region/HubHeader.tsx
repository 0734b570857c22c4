// The head of every hub page: breadcrumbs back to 公開ページ and the hub, the page's one <h1> (also the document's
// title), its introduction, and the hub's own menu (search, map, calendar, the other language). On the English pages
// the content is lang="en"; the breadcrumb to 公開ページ stays Japanese, marked lang="ja".
import { Breadcrumbs, Group, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { InternalLink } from "../../ui/InternalLink";
import { useDocumentTitle } from "../../ui/useDocumentTitle";
import type { HubText } from "./publicMessages";

export type HubSection = "search" | "map" | "calendar" | "item";

interface HubHeaderProps {
  text: HubText;
  title: string;
  /** which of the hub's pages this is ("search": the hub itself) */
  section: HubSection;
  /** the line under the h1 */
  intro?: ReactNode;
  /** the same page in the other language (defaults to the other language's hub) */
  otherLanguagePath?: string;
  /** the title's language when it differs from the page's (an untranslated name on an English page) */
  titleLang?: string;
}

export function HubHeader({ text, title, section, intro, otherLanguagePath, titleLang }: HubHeaderProps) {
  useDocumentTitle(title);
  const isHub = section === "search";
  const links: { key: HubSection; label: string; href: string }[] = [
    { key: "search", label: text.nav.search, href: text.hubPath },
    { key: "map", label: text.nav.map, href: `${text.hubPath}/map` },
    { key: "calendar", label: text.nav.calendar, href: `${text.hubPath}/calendar` },
  ];
  return (
    <Stack gap="xs" mb="lg" className="yk-page-header">
      <nav aria-label="パンくずリスト" className="yk-no-print">
        <Breadcrumbs separator="›">
          <InternalLink href="/public" size="sm">
            <span lang="ja">{text.publicHome}</span>
          </InternalLink>
          {isHub ? (
            <Text size="sm" aria-current="page">
              {title}
            </Text>
          ) : (
            <InternalLink href={text.hubPath} size="sm">
              {text.hubTitle}
            </InternalLink>
          )}
          {!isHub && (
            <Text size="sm" aria-current="page" lang={titleLang}>
              {title}
            </Text>
          )}
        </Breadcrumbs>
      </nav>
      <Title order={1} className="yk-h1" lang={titleLang}>
        {title}
      </Title>
      {intro && (
        <Text c="dimmed" size="sm" component="div">
          {intro}
        </Text>
      )}
      <Group component="nav" aria-label={text.nav.label} gap="md" wrap="wrap" className="yk-no-print">
        {links.map((link) =>
          link.key === section ? (
            <Text key={link.key} size="sm" fw={700} aria-current="page">
              {link.label}
            </Text>
          ) : (
            <InternalLink key={link.key} href={link.href} size="sm">
              {link.label}
            </InternalLink>
          ),
        )}
        <InternalLink href={otherLanguagePath ?? text.otherLanguage.path} size="sm">
          <span lang={text.otherLanguage.lang}>{text.otherLanguage.label}</span>
        </InternalLink>
      </Group>
    </Stack>
  );
}
