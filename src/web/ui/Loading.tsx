// 「読み込み中…」 with a spinner, announced to screen readers (role status), while a page's data loads.
import { Group, Loader, Text } from "@mantine/core";
import { m } from "../messages";

export function Loading() {
  return (
    <Group role="status" gap="xs">
      <Loader size="sm" />
      <Text>{m.common.loading}</Text>
    </Group>
  );
}
