import { Anchor, Box, Burger, Button, Container, Divider, Drawer, Group, Menu, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { BrandMark } from '../components/brand-mark.js';
import { AnchorLink, ButtonLink, NavLinkLink } from '../components/links.js';
import { visibleAdminSections } from '../features/admin/admin-sections.js';
import { NotificationBell } from '../features/notifications/notification-bell.js';
import { ExchangeNav } from '../features/exchange/exchange-nav.js';
import { LanguageSwitch } from './language-switch.js';
import { useSession } from './session.js';

/** Page frame: skip link, header with navigation (Burger + Drawer below lg: the full header is crowded at 992 px for DOST leaders), one <main>, footer. */
export function AppLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user, hasPermission, signOut } = useSession();
  const [drawerOpened, drawer] = useDisclosure(false);
  const pathname = useRouterState({ select: (state) => state.location.pathname });

  // After moving to another page: close the drawer and put keyboard/screen-reader focus at the start of the content.
  const previousPathname = useRef(pathname);
  useEffect(() => {
    drawer.close();
    if (previousPathname.current !== pathname) {
      previousPathname.current = pathname;
      document.getElementById('main-content')?.focus({ preventScroll: true });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pathname]);

  const adminSections = visibleAdminSections(hasPermission);
  const hasOrganisation = (user?.roles ?? []).some((grant) => grant.organisationId !== null);

  // Leave the page first: a protected page would otherwise send the signed-out user to /sign-in?next=...
  const onSignOut = async () => {
    drawer.close();
    await navigate({ to: '/' });
    await signOut();
  };

  return (
    <>
      <a className="skip-link" href="#main-content">
        {t('nav.skipToContent')}
      </a>
      <header className="app-header">
        <Container size="xl" h={64}>
          <Group h="100%" justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
              <Burger
                opened={drawerOpened}
                onClick={drawer.toggle}
                hiddenFrom="lg"
                size="sm"
                aria-label={t('nav.openMenu')}
                data-testid="nav-burger"
              />
              <Link to="/" className="brand-link" aria-label={t('app.shortName')} data-testid="nav-home">
                <BrandMark />
                <Box className="brand-text" style={{ minWidth: 0, lineHeight: 1.15 }}>
                  <Text fw={700} size="md" c="harbour.9" component="span" display="block" visibleFrom="xs">
                    {t('app.shortName')}
                  </Text>
                  <Text size="xs" c="gray.7" component="span" display="block" visibleFrom="xl">
                    {t('app.tagline')}
                  </Text>
                </Box>
              </Link>
            </Group>

            <Group gap={4} visibleFrom="lg" component="nav" aria-label={t('nav.mainLabel')} wrap="nowrap">
              <Link to="/catalog" className="header-nav-link" data-testid="nav-catalog">
                {t('nav.catalog')}
              </Link>
              <Link to="/reference" className="header-nav-link" data-testid="nav-reference">
                {t('referenceHub.nav')}
              </Link>
              <Link to="/exchange" className="header-nav-link" data-testid="nav-exchange">
                {t('exchange.nav')}
              </Link>
              {hasOrganisation ? (
                <Link to="/organisation" className="header-nav-link" data-testid="nav-organisation">
                  {t('nav.organisation')}
                </Link>
              ) : null}
              {hasPermission('registration.file') ? (
                <Link to="/registrations" className="header-nav-link" data-testid="nav-registrations">
                  {t('registrationFiling.nav')}
                </Link>
              ) : null}
              {hasPermission('registration.process') ? (
                <Link to="/work/registrations" className="header-nav-link" data-testid="nav-registration-work">
                  {t('registrationProcessing.nav')}
                </Link>
              ) : null}
              {hasPermission('registration.tax_view') ? (
                <Link to="/tax/registrations" className="header-nav-link" data-testid="nav-tax-registrations">
                  {t('registrationOversight.nav.tax')}
                </Link>
              ) : null}
              {hasPermission('registration.statistics') ? (
                <Link to="/registrations/statistics" className="header-nav-link" data-testid="nav-registration-statistics">
                  {t('registrationOversight.nav.statistics')}
                </Link>
              ) : null}
              {adminSections.length > 0 ? (
                <Link to="/admin" className="header-nav-link" data-testid="nav-admin">
                  {t('nav.admin')}
                </Link>
              ) : null}
            </Group>

            <Group gap="sm" wrap="nowrap">
              {user && hasPermission('notifications.read') ? <NotificationBell /> : null}
              <LanguageSwitch />
              {user ? (
                <Box visibleFrom="lg">
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <Button variant="default" size="sm" data-testid="user-menu" maw={220}>
                        <Text span truncate="end" size="sm" fw={500}>
                          {user.name}
                        </Text>
                      </Button>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Label>{user.email}</Menu.Label>
                      <Menu.Item onClick={() => void navigate({ to: '/account' })} data-testid="nav-account">
                        {t('nav.account')}
                      </Menu.Item>
                      <Menu.Item onClick={() => void navigate({ to: '/two-factor' })} data-testid="nav-two-factor">
                        {t('nav.twoFactor')}
                      </Menu.Item>
                      <Menu.Divider />
                      <Menu.Item onClick={() => void onSignOut()} data-testid="nav-sign-out">
                        {t('nav.signOut')}
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                </Box>
              ) : (
                <Group gap="xs" visibleFrom="lg" wrap="nowrap">
                  <ButtonLink to="/sign-in" variant="subtle" size="sm" data-testid="nav-sign-in">
                    {t('nav.signIn')}
                  </ButtonLink>
                  <ButtonLink to="/sign-up" size="sm" data-testid="nav-sign-up">
                    {t('nav.signUp')}
                  </ButtonLink>
                </Group>
              )}
            </Group>
          </Group>
        </Container>
      </header>

      <Drawer
        opened={drawerOpened}
        onClose={drawer.close}
        title={t('app.shortName')}
        size="xs"
        hiddenFrom="lg"
        closeButtonProps={{ 'aria-label': t('nav.closeMenu') }}
      >
        <Stack gap={2} component="nav" aria-label={t('nav.mainLabel')}>
          <NavLinkLink to="/" label={t('nav.home')} activeOptions={{ exact: true }} data-testid="nav-mobile-home" />
          <NavLinkLink to="/catalog" label={t('nav.catalog')} data-testid="nav-mobile-catalog" />
          <NavLinkLink to="/reference" label={t('referenceHub.nav')} data-testid="nav-mobile-reference" />
          <NavLinkLink to="/exchange" label={t('exchange.nav')} data-testid="nav-mobile-exchange" />
          {hasOrganisation ? (
            <NavLinkLink to="/organisation" label={t('nav.organisation')} data-testid="nav-mobile-organisation" />
          ) : null}
          {hasPermission('registration.file') ? (
            <NavLinkLink to="/registrations" label={t('registrationFiling.nav')} data-testid="nav-mobile-registrations" />
          ) : null}
          {hasPermission('registration.process') ? (
            <NavLinkLink to="/work/registrations" label={t('registrationProcessing.nav')} data-testid="nav-mobile-registration-work" />
          ) : null}
          {hasPermission('registration.tax_view') ? (
            <NavLinkLink to="/tax/registrations" label={t('registrationOversight.nav.tax')} data-testid="nav-mobile-tax-registrations" />
          ) : null}
          {hasPermission('registration.process') ? (
            <NavLinkLink to="/work/registrations/tax-queries" label={t('registrationOversight.nav.taxQueries')} data-testid="nav-mobile-tax-queries" />
          ) : null}
          {hasPermission('registration.statistics') ? (
            <NavLinkLink to="/registrations/statistics" label={t('registrationOversight.nav.statistics')} data-testid="nav-mobile-registration-statistics" />
          ) : null}
          {adminSections.length > 0 ? (
            <>
              <Divider my="xs" label={t('nav.admin')} labelPosition="left" />
              {adminSections.map((section) => (
                <NavLinkLink
                  key={section.key}
                  to={section.to}
                  label={t(`admin.sections.${section.key}`)}
                  data-testid={`nav-mobile-admin-${section.key}`}
                />
              ))}
            </>
          ) : null}
          <Divider my="xs" />
          {user ? (
            <>
              <Text size="sm" fw={600} px="sm">
                {user.name}
              </Text>
              <Text size="xs" c="dimmed" px="sm" mb={4}>
                {user.email}
              </Text>
              <NavLinkLink to="/account" label={t('nav.account')} data-testid="nav-mobile-account" />
              <NavLinkLink to="/two-factor" label={t('nav.twoFactor')} data-testid="nav-mobile-two-factor" />
              <Button variant="light" mt="sm" onClick={() => void onSignOut()} data-testid="nav-mobile-sign-out">
                {t('nav.signOut')}
              </Button>
            </>
          ) : (
            <Stack gap="xs" mt="xs">
              <ButtonLink to="/sign-in" variant="default" data-testid="nav-mobile-sign-in">
                {t('nav.signIn')}
              </ButtonLink>
              <ButtonLink to="/sign-up" data-testid="nav-mobile-sign-up">
                {t('nav.signUp')}
              </ButtonLink>
            </Stack>
          )}
        </Stack>
      </Drawer>

      <main id="main-content" className="app-main" tabIndex={-1}>
        <ExchangeNav />
        <Outlet />
      </main>

      <footer className="app-footer">
        <Container size="xl" py="xl">
          <Group justify="space-between" align="flex-start" gap="lg">
            <Stack gap={4} maw={560}>
              <Text fw={700}>{t('app.name')}</Text>
              <Text size="sm">{t('footer.basis')}</Text>
            </Stack>
            <Stack gap={6} component="nav" aria-label={t('footer.linksLabel')}>
              <AnchorLink to="/catalog" size="sm">
                {t('nav.catalog')}
              </AnchorLink>
              <AnchorLink to="/reference" size="sm">
                {t('referenceHub.nav')}
              </AnchorLink>
              <AnchorLink to="/check-technology" size="sm">
                {t('classification.title')}
              </AnchorLink>
              <Anchor href="/api/docs" size="sm" data-testid="footer-api-docs">
                {t('footer.apiDocs')}
              </Anchor>
            </Stack>
          </Group>
        </Container>
      </footer>
    </>
  );
}
