// A link to a path only known at run time (e.g. a search hit's url): a real <a href> that navigates in-app.
import { Anchor, type AnchorProps } from "@mantine/core";
import { useRouter } from "@tanstack/react-router";
import type { ReactNode } from "react";

export function InternalLink({ href, children, ...rest }: AnchorProps & { href: string; children: ReactNode }) {
  const router = useRouter();
  const internal = href.startsWith("/") && !href.startsWith("//") && !href.startsWith("/api/");
  return (
    <Anchor
      {...rest}
      href={href}
      onClick={(event) => {
        if (!internal || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
          return;
        event.preventDefault();
        router.history.push(href);
      }}
    >
      {children}
    </Anchor>
  );
}
