import { Anchor, Stack, Text } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { m } from "../messages";
import { PageHeader } from "../ui/PageHeader";

export function NotFoundPage() {
  return (
    <Stack p="lg" component="main" id="main">
      <PageHeader title={m.shell.notFoundTitle} />
      <Text>{m.shell.notFoundBody}</Text>
      <Anchor component={Link} to="/">
        {m.shell.toHome}
      </Anchor>
    </Stack>
  );
}
