import { Container, Group } from '@mantine/core';
import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { RequireAuth } from '../../components/require-auth.js';
import { ApiError } from '../../lib/api.js';
import { visibleAdminSections } from './admin-sections.js';

/** Frame of the administration pages: section links the user may open, then the section. */
export function AdminLayout() {
  return (
    <RequireAuth>
      <AdminFrame />
    </RequireAuth>
  );
}

function AdminFrame() {
  const { t } = useTranslation();
  const { hasPermission } = useSession();
  const sections = visibleAdminSections(hasPermission);
  const nav = useRef<HTMLDivElement>(null);
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  // On a phone the sections are one scrolling row: bring the open section into view.
  useEffect(() => {
    const active = nav.current?.querySelector<HTMLElement>('[data-status="active"]');
    if (nav.current && active) nav.current.scrollLeft = active.offsetLeft - nav.current.offsetLeft - 16;
  }, [pathname]);
  return (
    <Container size="xl" py="lg">
      <Group
        component="nav"
        ref={nav}
        className="admin-nav"
        aria-label={t('admin.navLabel')}
        gap={4}
        mb="lg"
        pb="sm"
        wrap="wrap"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        {sections.map((section) => (
          <Link key={section.key} to={section.to} className="header-nav-link" data-testid={`nav-admin-${section.key}`}>
            {t(`admin.sections.${section.key}`)}
          </Link>
        ))}
      </Group>
      {sections.length === 0 ? <ErrorAlert error={new ApiError(403, 'FORBIDDEN', 'forbidden')} /> : <Outlet />}
    </Container>
  );
}
