// Pieces the 取込設定 editor's sections share (MappingEditor.tsx, MappingColumnsSection.tsx, MappingValueMaps.tsx): the
// titled section with its intro line, and the red 「削除」 button beside a row.
import { Button, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { Section } from "../../ui/Section";

export function MappingSection({
  id,
  title,
  intro,
  introGap = "md",
  children,
}: {
  id: string;
  title: string;
  intro: string;
  introGap?: "sm" | "md";
  children: ReactNode;
}) {
  return (
    <Section id={id} title={title} titleGap={4}>
      <Text size="sm" mb={introGap}>
        {intro}
      </Text>
      {children}
    </Section>
  );
}

/** Removes one row of a list; `label` names the row for screen readers. */
export function RemoveRowButton({ label, onClick, children }: { label: string; onClick: () => void; children: ReactNode }) {
  return (
    <Button variant="subtle" color="red" c="red.9" size="compact-sm" mt={6} aria-label={label} onClick={onClick}>
      {children}
    </Button>
  );
}
