// /public/region/privacy 「外部送信について（北九州都市圏域 情報ハブ）」: the notice 電気通信事業法 27条の12 asks for, kept
// short because it can be: the hub sends nothing to third parties (its CSP allows no other origin; the map is drawn
// from the hub's own data), and it counts visits without cookies and without keeping addresses. The page counts its
// own view like every hub page.
import { List, Paper, Stack, Text, Title } from "@mantine/core";
import { PageHeader } from "../../ui/PageHeader";
import { anm } from "./analyticsMessages";
import { useHubVisit } from "./hubVisit";
import { rgm } from "./messages";

const t = anm.privacy;

export function PrivacyPage() {
  useHubVisit({ pageKind: "privacy", lang: "ja" });
  const title = rgm.publicPages.privacy.title;
  return (
    <>
      <PageHeader title={title} breadcrumbs={[{ label: t.crumb, href: "/public" }, { label: title }]} subtitle={t.lead} />
      <Stack gap="md" maw={820}>
        <Paper withBorder p="lg" component="section" aria-labelledby="privacy-third-party">
          <Title order={2} size="h3" id="privacy-third-party" mb="sm">
            {t.thirdPartyTitle}
          </Title>
          <List spacing={6}>
            {t.thirdParty.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        </Paper>
        <Paper withBorder p="lg" component="section" aria-labelledby="privacy-count">
          <Title order={2} size="h3" id="privacy-count" mb="sm">
            {t.countTitle}
          </Title>
          <Text mb="xs">{t.countIntro}</Text>
          <List spacing={6} mb="sm">
            {t.countItems.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
          <Text mb="xs">{t.hash}</Text>
          <Text>{t.dnt}</Text>
        </Paper>
        <Paper withBorder p="lg" component="section" aria-labelledby="privacy-purpose">
          <Title order={2} size="h3" id="privacy-purpose" mb="sm">
            {t.purposeTitle}
          </Title>
          <Text>{t.purpose}</Text>
        </Paper>
        <Paper withBorder p="lg" component="section" aria-labelledby="privacy-contact">
          <Title order={2} size="h3" id="privacy-contact" mb="sm">
            {t.contactTitle}
          </Title>
          <Text>{t.contact}</Text>
        </Paper>
      </Stack>
    </>
  );
}
