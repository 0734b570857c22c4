// App shell of the signed-in area: header (system name, global search, user menu), module navigation, main.

import { AppShell, Badge, Burger, Button, Group, Menu, ScrollArea, Text, TextInput, UnstyledButton, VisuallyHidden } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQueryClient } from "@tanstack/react-query";
import { Link, Outlet, useNavigate, useRouterState } from "@tanstack/react-router";
import { type FormEvent, useEffect, useState } from "react";
import { logout, ROLE_LABELS } from "../../common/api/platform";
import { call, setCsrfToken } from "../api/client";
import { ChangePasswordModal } from "../auth/ChangePasswordModal";
import { CurrentUserContext, sessionQuery, useCurrentUser, useSession } from "../auth/session";
import { m, SYSTEM_NAME, SYSTEM_NAME_EN } from "../messages";
import { MODULE_ADMIN_LINKS, NAV_MODULES, type WebModuleNavEntry } from "../modules";
import type { NavAttention } from "../modules/manifest";
import { useFlash } from "../ui/Flash";
import { NavLinkLink } from "../ui/links";
import type { ModuleNavPath } from "../ui/ModuleNav";

/** The administration pages of the platform; the modules' own admin pages (MODULE_ADMIN_LINKS) follow them. */
const ADMIN_LINKS = [
  { to: "/admin/users", label: m.nav.adminUsers },
  { to: "/admin/organisations", label: m.nav.adminOrganisations },
  { to: "/admin/audit", label: m.nav.adminAudit },
  { to: "/admin/statuses", label: m.nav.adminStatuses },
  { to: "/admin/maintenance", label: m.nav.adminMaintenance },
  ...MODULE_ADMIN_LINKS,
] as const;

/**
 * The modules in the sidebar. An external login (外部パートナー) sees only the module whose `partnerPaths` hold the page
 * it is on (a council member's 新ビジョン), or else the `partnerDefault` one (a supplier's ふるさと納税).
 */
function sidebarModules(isPartner: boolean, pathname: string): readonly WebModuleNavEntry[] {
  if (!isPartner) return NAV_MODULES;
  const onPath = (path: string) => pathname === path || pathname.startsWith(`${path}/`);
  const current = NAV_MODULES.filter((module) => module.partnerPaths?.some(onPath));
  return current.length > 0 ? current : NAV_MODULES.filter((module) => module.partnerDefault);
}

/** The count a module asks the person to look at (a hook per module, called in this component of its own). */
function AttentionBadge({ useAttention }: { useAttention: () => NavAttention | undefined }) {
  const attention = useAttention();
  if (!attention || attention.count === 0) return null;
  return (
    <Badge size="sm" color="red" variant="filled" title={attention.label} data-testid="nav-attention">
      <span aria-hidden="true">{attention.count.toLocaleString("ja-JP")}</span>
      <VisuallyHidden>{attention.label}</VisuallyHidden>
    </Badge>
  );
}

function GlobalSearch() {
  const navigate = useNavigate();
  const currentQ = useRouterState({
    select: (state) => (state.location.pathname === "/search" ? (state.location.search as { q?: string }).q : undefined),
  });
  const [q, setQ] = useState(currentQ ?? "");
  useEffect(() => {
    if (currentQ !== undefined) setQ(currentQ);
  }, [currentQ]);
  function submit(event: FormEvent) {
    event.preventDefault();
    const text = q.trim();
    navigate({ to: "/search", search: { q: text || undefined } });
  }
  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is not yet announced by every screen reader in use here
    <form role="search" onSubmit={submit} className="yk-global-search">
      <Group gap={6} wrap="nowrap">
        <TextInput
          visibleFrom="sm"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          placeholder={m.shell.searchPlaceholder}
          aria-label={m.shell.searchLabel}
          type="search"
          size="sm"
          w={{ base: 150, sm: 260 }}
        />
        <Button type="submit" size="sm" variant="white" color="dark" px={{ base: "xs", sm: "md" }}>
          {m.shell.searchSubmit}
        </Button>
      </Group>
    </form>
  );
}

function UserMenu({ onChangePassword }: { onChangePassword: () => void }) {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const flash = useFlash();
  async function signOut() {
    try {
      await call(logout, { body: {} });
    } catch {
      // The session may already be gone; signing out locally is still right.
    }
    setCsrfToken(null);
    const signedOut = { user: null, audiences: [], csrfToken: null, setupRequired: false };
    // Mark the session signed out before going to /login: the login page sends a signed-in user on to /policy,
    // so with the old session still cached it bounced straight back into the staff area.
    queryClient.setQueryData(sessionQuery.queryKey, signedOut);
    await navigate({ to: "/login", search: {} });
    // Then forget everything cached for this user.
    queryClient.clear();
    queryClient.setQueryData(sessionQuery.queryKey, signedOut);
    flash.show(m.shell.loggedOut, "info");
  }
  return (
    <Menu position="bottom-end" width={240} shadow="md">
      <Menu.Target>
        <UnstyledButton className="yk-user-button" aria-label={m.shell.userMenu(user.displayName)}>
          <Text span c="white" fw={600} size="sm" className="yk-user-name">
            {user.displayName}
          </Text>
          <Text span c="white" size="xs" visibleFrom="sm" ml={6}>
            （{ROLE_LABELS[user.role]}）
          </Text>
          <span aria-hidden="true" style={{ color: "#fff", marginLeft: 4 }}>
            ▾
          </span>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {user.organisationName}
          <br />
          {ROLE_LABELS[user.role]}
        </Menu.Label>
        <Menu.Item onClick={onChangePassword}>{m.shell.changePassword}</Menu.Item>
        <Menu.Item onClick={() => navigate({ to: "/account" })}>{m.shell.account}</Menu.Item>
        <Menu.Divider />
        <Menu.Item onClick={signOut}>{m.shell.logout}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

export function StaffLayout() {
  const session = useSession();
  // The route guard has checked the session; it can still vanish (logout, expiry) while this layout is shown.
  const user = session.data?.user;
  if (!user) return null;
  return (
    <CurrentUserContext.Provider value={user}>
      <SignedInShell />
    </CurrentUserContext.Provider>
  );
}

function SignedInShell() {
  const user = useCurrentUser();
  const [navOpened, nav] = useDisclosure(false);
  const [passwordOpened, password] = useDisclosure(false);
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  // A supplier's own login (外部パートナー) sees only ふるさと納税.
  const isPartner = user.role === "partner";
  // A council member's login (also a partner) sees 新ビジョン only; /vision sends it on to the council member page.
  const councilPartner = isPartner && pathname.startsWith("/vision/council");
  const modules = sidebarModules(isPartner, pathname);
  useEffect(() => {
    // Close the mobile navigation after moving to another page.
    if (pathname) nav.close();
  }, [pathname, nav.close]);

  return (
    <>
      <a className="yk-skip-link" href="#main">
        {m.shell.skipLink}
      </a>
      <AppShell header={{ height: 64 }} navbar={{ width: 232, breakpoint: "sm", collapsed: { mobile: !navOpened } }} padding="lg">
        <AppShell.Header className="yk-header yk-no-print" withBorder={false}>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={navOpened}
                onClick={nav.toggle}
                hiddenFrom="sm"
                size="sm"
                color="white"
                aria-label={navOpened ? m.shell.closeNav : m.shell.openNav}
                aria-expanded={navOpened}
                aria-controls="yk-navbar"
              />
              <Link to={isPartner ? (councilPartner ? "/vision" : "/furusato") : "/policy"} className="yk-brand">
                <span className="yk-brand-name">{SYSTEM_NAME}</span>
                <Text span className="yk-brand-sub" visibleFrom="sm">
                  {SYSTEM_NAME_EN}
                </Text>
              </Link>
            </Group>
            <Group gap="md" wrap="nowrap">
              {!isPartner && <GlobalSearch />}
              <UserMenu onChangePassword={password.open} />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar id="yk-navbar" className="yk-no-print" p={0} aria-label={m.shell.mainNav}>
          <ScrollArea type="auto">
            <div>
              <h2 className="yk-nav-section">{m.shell.modulesHeading}</h2>
              <ul className="yk-nav-list">
                {modules.map((module) =>
                  module.to ? (
                    <li key={module.name}>
                      <NavLinkLink
                        to={module.to as ModuleNavPath}
                        label={module.label}
                        active={pathname.startsWith(`/${module.name}`)}
                        aria-current={pathname.startsWith(`/${module.name}`) ? "page" : undefined}
                        fw={600}
                        rightSection={module.useAttention ? <AttentionBadge useAttention={module.useAttention} /> : undefined}
                      />
                    </li>
                  ) : (
                    <li key={module.name} className="yk-nav-disabled">
                      <span>{module.label}</span>
                      <Badge size="xs" variant="outline" color="gray" styles={{ root: { color: "#495057", borderColor: "#adb5bd" } }}>
                        {m.shell.preparing}
                      </Badge>
                    </li>
                  ),
                )}
              </ul>
              {user.role === "admin" && (
                <>
                  <h2 className="yk-nav-section">{m.shell.adminHeading}</h2>
                  <ul className="yk-nav-list">
                    {ADMIN_LINKS.map((link) => (
                      <li key={link.to}>
                        <NavLinkLink
                          to={link.to as ModuleNavPath}
                          label={link.label}
                          active={pathname.startsWith(link.to)}
                          aria-current={pathname.startsWith(link.to) ? "page" : undefined}
                        />
                      </li>
                    ))}
                  </ul>
                </>
              )}
              <h2 className="yk-nav-section">{m.shell.publicHeading}</h2>
              <ul className="yk-nav-list">
                <li>
                  <NavLinkLink to="/public" label={m.shell.publicLink} />
                </li>
              </ul>
            </div>
          </ScrollArea>
        </AppShell.Navbar>
        <AppShell.Main id="main" tabIndex={-1}>
          <div className="yk-main">
            <Outlet />
          </div>
        </AppShell.Main>
      </AppShell>
      <ChangePasswordModal opened={passwordOpened} onClose={password.close} loginId={user.loginId} />
    </>
  );
}
