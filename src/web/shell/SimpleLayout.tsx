// Layout of the pages that need no sign-in: login, setup, and the public (citizen) pages.

import { Box, Container, Group, Text } from "@mantine/core";
import { Link, Outlet } from "@tanstack/react-router";
import { m, SYSTEM_NAME, SYSTEM_NAME_EN } from "../messages";
import { AnchorLink } from "../ui/links";

export function SimpleLayout({ variant }: { variant: "auth" | "public" }) {
  return (
    <>
      <a className="yk-skip-link" href="#main">
        {m.shell.skipLink}
      </a>
      <Box component="header" className="yk-header yk-no-print" py="sm">
        <Container size={variant === "auth" ? "sm" : "lg"}>
          <Group justify="space-between" wrap="nowrap">
            <Link to={variant === "public" ? "/public" : "/login"} className="yk-brand">
              <span className="yk-brand-name">{SYSTEM_NAME}</span>
              <span className="yk-brand-sub">{variant === "public" ? m.shell.publicSiteName : SYSTEM_NAME_EN}</span>
            </Link>
          </Group>
        </Container>
      </Box>
      <Box component="main" id="main" tabIndex={-1} py="xl">
        <Container size={variant === "auth" ? "sm" : "lg"}>
          <Outlet />
        </Container>
      </Box>
      <Box component="footer" py="lg" className="yk-no-print">
        <Container size={variant === "auth" ? "sm" : "lg"}>
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {m.shell.footer}
            </Text>
            {variant === "auth" ? (
              <AnchorLink to="/public" size="sm">
                {m.auth.publicPages}
              </AnchorLink>
            ) : null}
          </Group>
        </Container>
      </Box>
    </>
  );
}
