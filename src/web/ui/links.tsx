// Mantine components as typed router links (TanStack Router's createLink keeps `to`/`params` checked).
import { Anchor, type AnchorProps, Button, type ButtonProps, NavLink, type NavLinkProps } from "@mantine/core";
import { createLink, type LinkComponent } from "@tanstack/react-router";
import { type AnchorHTMLAttributes, forwardRef } from "react";

type AnchorAttrs = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "color" | "style">;

const MantineAnchor = forwardRef<HTMLAnchorElement, AnchorProps & AnchorAttrs>(function MantineAnchor(props, ref) {
  return <Anchor ref={ref} {...props} />;
});
const CreatedAnchorLink = createLink(MantineAnchor);
export const AnchorLink: LinkComponent<typeof MantineAnchor> = (props) => <CreatedAnchorLink preload="intent" {...props} />;

const MantineButtonAnchor = forwardRef<HTMLAnchorElement, ButtonProps & AnchorAttrs>(function MantineButtonAnchor(props, ref) {
  return <Button ref={ref} component="a" {...props} />;
});
const CreatedButtonLink = createLink(MantineButtonAnchor);
export const ButtonLink: LinkComponent<typeof MantineButtonAnchor> = (props) => <CreatedButtonLink preload="intent" {...props} />;

const MantineNavAnchor = forwardRef<HTMLAnchorElement, NavLinkProps & Omit<AnchorAttrs, "onChange">>(function MantineNavAnchor(props, ref) {
  return <NavLink ref={ref} component="a" {...props} />;
});
const CreatedNavLink = createLink(MantineNavAnchor);
export const NavLinkLink: LinkComponent<typeof MantineNavAnchor> = (props) => <CreatedNavLink {...props} />;
