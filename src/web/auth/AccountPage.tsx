// /account: the signed-in user's own account — password change, and ログイン中の端末 (their sessions: when, where and
// which browser each started, "この端末"), ending any other one or all others at once.
import { Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { endOtherSessions, endOwnSession, listOwnSessions, type OwnSession } from "../../common/api/platform";
import { call } from "../api/client";
import { m } from "../messages";
import { ConfirmButton } from "../ui/ConfirmButton";
import { type Column, DataTable } from "../ui/DataTable";
import { DateTimeText } from "../ui/dates";
import { useFlash } from "../ui/Flash";
import { PageHeader } from "../ui/PageHeader";
import { ChangePasswordModal } from "./ChangePasswordModal";
import { useCurrentUser } from "./session";
import { describeUserAgent } from "./user-agent";

const sessionsKey = ["auth", "sessions"] as const;
const t = m.account;

export function AccountPage() {
  const user = useCurrentUser();
  const [passwordOpened, password] = useDisclosure(false);
  const queryClient = useQueryClient();
  const flash = useFlash();
  const sessions = useQuery({ queryKey: sessionsKey, queryFn: () => call(listOwnSessions, {}) });
  const others = sessions.data?.items.filter((s) => !s.current) ?? [];

  async function end(session: OwnSession) {
    await call(endOwnSession, { params: { id: session.id } });
    await queryClient.invalidateQueries({ queryKey: sessionsKey });
    flash.show(t.ended);
  }

  async function endOthers() {
    const { ended } = await call(endOtherSessions, { body: {} });
    await queryClient.invalidateQueries({ queryKey: sessionsKey });
    flash.show(t.endedOthers(ended));
  }

  const columns: Column<OwnSession>[] = [
    {
      key: "device",
      header: t.device,
      rowHeader: true,
      render: (s) => (
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" title={s.userAgent ?? undefined}>
            {describeUserAgent(s.userAgent) ?? t.unknownDevice}
          </Text>
          {s.current && (
            <Badge color="teal" variant="light">
              {t.thisSession}
            </Badge>
          )}
        </Group>
      ),
    },
    { key: "address", header: t.address, render: (s) => s.clientAddress ?? t.unknownAddress },
    { key: "createdAt", header: t.createdAt, render: (s) => <DateTimeText timestamp={s.createdAt} /> },
    { key: "lastSeenAt", header: t.lastSeenAt, render: (s) => <DateTimeText timestamp={s.lastSeenAt} /> },
    {
      key: "actions",
      header: m.admin.actions,
      render: (s) =>
        s.current ? null : (
          <ConfirmButton
            size="xs"
            variant="light"
            color="red"
            title={t.endTitle}
            message={t.endConfirm(describeUserAgent(s.userAgent) ?? t.unknownDevice)}
            confirmLabel={t.end}
            onConfirm={() => end(s)}
            aria-label={`${t.end}: ${describeUserAgent(s.userAgent) ?? t.unknownDevice}（${s.clientAddress ?? t.unknownAddress}）`}
          >
            {t.end}
          </ConfirmButton>
        ),
    },
  ];

  return (
    <Stack>
      <PageHeader title={t.title} subtitle={`${user.displayName}（${user.loginId}）`} />
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h3" mb="xs">
          {t.passwordHeading}
        </Title>
        <Text size="sm" mb="sm">
          {t.passwordNote}
        </Text>
        <Button variant="light" onClick={password.open}>
          {m.shell.changePassword}
        </Button>
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h3" mb="xs">
          {t.sessionsHeading}
        </Title>
        <Text size="sm" mb="sm">
          {t.sessionsIntro}
        </Text>
        <DataTable
          caption={t.sessionsCaption}
          captionHidden
          columns={columns}
          rows={sessions.data?.items}
          rowKey={(s) => s.id}
          loading={sessions.isFetching && !sessions.data}
          error={sessions.error}
        />
        <Group mt="sm">
          {others.length > 0 ? (
            <ConfirmButton variant="default" color="red" message={t.endOthersConfirm} confirmLabel={t.endOthers} onConfirm={endOthers}>
              {t.endOthers}
            </ConfirmButton>
          ) : (
            sessions.data && (
              <Text size="sm" c="dimmed">
                {t.onlyThis}
              </Text>
            )
          )}
        </Group>
      </Paper>
      <ChangePasswordModal opened={passwordOpened} onClose={password.close} loginId={user.loginId} />
    </Stack>
  );
}
