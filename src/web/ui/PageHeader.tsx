// Every page starts with one <h1> and sets the document title from it.
import { Breadcrumbs, Group, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { InternalLink } from "./InternalLink";
import { useDocumentTitle } from "./useDocumentTitle";

export interface Crumb {
  label: string;
  /** an already-built path; the last crumb is the current page and has none */
  href?: string;
}

interface PageHeaderProps {
  title: string;
  /** document title when it should differ from the h1 */
  documentTitle?: string;
  subtitle?: ReactNode;
  actions?: ReactNode;
  breadcrumbs?: Crumb[];
  badges?: ReactNode;
}

export function PageHeader({ title, documentTitle, subtitle, actions, breadcrumbs, badges }: PageHeaderProps) {
  useDocumentTitle(documentTitle ?? title);
  return (
    <Stack gap="xs" mb="lg" className="yk-page-header">
      {breadcrumbs && breadcrumbs.length > 0 && (
        <nav aria-label="パンくずリスト" className="yk-no-print">
          <Breadcrumbs separator="›">
            {breadcrumbs.map((crumb) =>
              crumb.href ? (
                <InternalLink key={crumb.label} href={crumb.href} size="sm">
                  {crumb.label}
                </InternalLink>
              ) : (
                <Text key={crumb.label} size="sm" aria-current="page">
                  {crumb.label}
                </Text>
              ),
            )}
          </Breadcrumbs>
        </nav>
      )}
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <Stack gap={4} style={{ flex: "1 1 24rem", minWidth: 0 }}>
          <Title order={1} className="yk-h1">
            {title}
          </Title>
          {badges && <Group gap="xs">{badges}</Group>}
          {subtitle && (
            <Text c="dimmed" size="sm" component="div">
              {subtitle}
            </Text>
          )}
        </Stack>
        {actions && (
          <Group gap="xs" className="yk-no-print" wrap="wrap">
            {actions}
          </Group>
        )}
      </Group>
    </Stack>
  );
}
