// A bordered section of a page, named by its h2 (`id` ties the two): the card most pages are built of, and the same
// card holding one table (its caption hidden, since the heading already names it).
import { Group, Paper, Title, type TitleProps } from "@mantine/core";
import type { ReactNode } from "react";
import { DataTable, type DataTableProps } from "./DataTable";

interface SectionProps {
  id: string;
  title: ReactNode;
  /** the space under the heading */
  titleGap?: TitleProps["mb"];
  /** shown at the end of the heading's line (a link or button that adds to the section) */
  actions?: ReactNode;
  children?: ReactNode;
}

export function Section({ id, title, titleGap = "sm", actions, children }: SectionProps) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={id}>
      {actions ? (
        <Group justify="space-between" mb={titleGap}>
          <Title order={2} id={id} className="yk-section-title">
            {title}
          </Title>
          {actions}
        </Group>
      ) : (
        <Title order={2} id={id} mb={titleGap} className="yk-section-title">
          {title}
        </Title>
      )}
      {children}
    </Paper>
  );
}

/** A section that is one table; `children` follow the table (a note, a form). */
export function TableSection<T, K extends string = string>({
  id,
  title,
  titleGap,
  actions,
  children,
  ...table
}: SectionProps & Omit<DataTableProps<T, K>, "captionHidden">) {
  return (
    <Section id={id} title={title} titleGap={titleGap} actions={actions}>
      <DataTable {...table} captionHidden />
      {children}
    </Section>
  );
}
