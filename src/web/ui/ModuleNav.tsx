// A module's sub-navigation: always-visible link buttons, optionally in labelled groups. The groups sit side by side
// and wrap onto further rows on narrow screens (a group's links wrap too); the current page's link is filled and
// carries aria-current="page". Real links: one Tab stop each, can open in a new tab, found by their names.
import { Group, Stack, Text } from "@mantine/core";
import type { RegisteredRouter } from "@tanstack/react-router";
import { useId } from "react";
import { ButtonLink } from "./links";

/** A path of the app's routes (checked by the compiler, as the links of TanStack Router are). */
export type ModuleNavPath = Exclude<keyof RegisteredRouter["routesByPath"] & `/${string}`, `${string}/`>;

export interface ModuleNavLink {
  to: ModuleNavPath;
  label: string;
  active: boolean;
}

export interface ModuleNavGroup {
  /** Shown above the group's links and names the group for screen readers; none for a group that needs no heading. */
  label?: string;
  links: ModuleNavLink[];
}

function NavLinks({ links }: { links: ModuleNavLink[] }) {
  return (
    <Group gap={6} wrap="wrap">
      {links.map((link) => (
        <ButtonLink
          key={link.to}
          to={link.to}
          size="compact-md"
          variant={link.active ? "filled" : "default"}
          aria-current={link.active ? "page" : undefined}
        >
          {link.label}
        </ButtonLink>
      ))}
    </Group>
  );
}

function LabelledGroup({ label, links }: { label: string; links: ModuleNavLink[] }) {
  const id = useId();
  return (
    <Stack gap={4} role="group" aria-labelledby={id}>
      <Text id={id} size="xs" fw={700} c="dimmed">
        {label}
      </Text>
      <NavLinks links={links} />
    </Stack>
  );
}

/** `label` names the `nav` landmark (e.g. 「ふるさと納税のメニュー」); groups with no links are left out. */
export function ModuleNav({ label, groups }: { label: string; groups: ModuleNavGroup[] }) {
  const shown = groups.filter((group) => group.links.length > 0);
  return (
    <nav aria-label={label} className="yk-no-print">
      <Group gap="sm" mb="md" align="flex-end" wrap="wrap" style={{ columnGap: "var(--mantine-spacing-lg)" }}>
        {shown.map((group) =>
          group.label ? (
            <LabelledGroup key={group.label} label={group.label} links={group.links} />
          ) : (
            <NavLinks key={group.links[0]?.to} links={group.links} />
          ),
        )}
      </Group>
    </nav>
  );
}
