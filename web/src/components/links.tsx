import { forwardRef } from 'react';
import { Anchor, Button, NavLink, type AnchorProps, type ButtonProps, type NavLinkProps } from '@mantine/core';
import { createLink, type LinkComponent } from '@tanstack/react-router';

/** Mantine components wired to the router (typed `to`, `params`, `search`; client-side navigation). */

type AnchorBaseProps = Omit<AnchorProps, 'href'> & React.AnchorHTMLAttributes<HTMLAnchorElement>;
const AnchorBase = forwardRef<HTMLAnchorElement, AnchorBaseProps>((props, ref) => <Anchor ref={ref} {...props} />);
AnchorBase.displayName = 'AnchorBase';
const CreatedAnchorLink = createLink(AnchorBase);
export const AnchorLink: LinkComponent<typeof AnchorBase> = (props) => <CreatedAnchorLink preload="intent" {...props} />;

type ButtonBaseProps = Omit<ButtonProps, 'href'> & Omit<React.AnchorHTMLAttributes<HTMLAnchorElement>, 'color'>;
const ButtonBase = forwardRef<HTMLAnchorElement, ButtonBaseProps>((props, ref) => (
  <Button component="a" ref={ref} {...props} />
));
ButtonBase.displayName = 'ButtonBase';
const CreatedButtonLink = createLink(ButtonBase);
export const ButtonLink: LinkComponent<typeof ButtonBase> = (props) => <CreatedButtonLink preload="intent" {...props} />;

type NavLinkBaseProps = Omit<NavLinkProps, 'href'> & Omit<React.AnchorHTMLAttributes<HTMLAnchorElement>, 'color' | 'label'>;
const NavLinkBase = forwardRef<HTMLAnchorElement, NavLinkBaseProps>((props, ref) => (
  <NavLink component="a" ref={ref} {...props} />
));
NavLinkBase.displayName = 'NavLinkBase';
const CreatedNavLink = createLink(NavLinkBase);
export const NavLinkLink: LinkComponent<typeof NavLinkBase> = (props) => <CreatedNavLink preload="intent" {...props} />;
