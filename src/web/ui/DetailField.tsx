// A labelled value of a record's details (a label above, the value below; line breaks in the value kept).
import { Text } from "@mantine/core";
import type { ReactNode } from "react";

export function DetailField({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" fw={600} c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ whiteSpace: "pre-wrap" }}>
        {children}
      </Text>
    </div>
  );
}
