import { Stack, Text } from "@mantine/core";
import { m } from "../messages";
import { AnchorLink } from "../ui/links";
import { PageHeader } from "../ui/PageHeader";

export function NotFoundPage() {
  return (
    <Stack p="lg" component="main" id="main">
      <PageHeader title={m.shell.notFoundTitle} />
      <Text>{m.shell.notFoundBody}</Text>
      <AnchorLink to="/">{m.shell.toHome}</AnchorLink>
    </Stack>
  );
}
