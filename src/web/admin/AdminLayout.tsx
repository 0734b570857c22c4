// The administration area is for システム管理者 only; others see a clear notice (the API refuses them too).
import { Text } from "@mantine/core";
import { Outlet } from "@tanstack/react-router";
import { useCurrentUser } from "../auth/session";
import { m } from "../messages";
import { PageHeader } from "../ui/PageHeader";

export function AdminLayout() {
  const user = useCurrentUser();
  if (user.role !== "admin") {
    return (
      <>
        <PageHeader title={m.shell.forbiddenTitle} />
        <Text>{m.shell.forbiddenBody}</Text>
      </>
    );
  }
  return <Outlet />;
}
