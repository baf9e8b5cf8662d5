import { Box, Container, Group } from '@mantine/core';
import { Link, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session.js';

type Section = {
  key: 'search' | 'statistics' | 'mine' | 'connections' | 'accessRequests' | 'suggestions' | 'savedSearches' | 'review' | 'reports' | 'matching';
  to:
    | '/exchange'
    | '/exchange/statistics'
    | '/exchange/mine'
    | '/exchange/connections'
    | '/exchange/access-requests'
    | '/exchange/suggestions'
    | '/exchange/saved-searches'
    | '/work/exchange/review'
    | '/work/exchange/reports'
    | '/work/exchange/matching';
  /** Shown to everyone when absent; to signed-in users holding it otherwise. */
  permission?: string;
  exact?: boolean;
};

const SECTIONS: readonly Section[] = [
  { key: 'search', to: '/exchange', exact: true },
  { key: 'statistics', to: '/exchange/statistics' },
  { key: 'mine', to: '/exchange/mine', permission: 'exchange.listings.write' },
  { key: 'connections', to: '/exchange/connections', permission: 'exchange.connect' },
  { key: 'accessRequests', to: '/exchange/access-requests', permission: 'exchange.access.request' },
  { key: 'suggestions', to: '/exchange/suggestions', permission: 'exchange.listings.write' },
  { key: 'savedSearches', to: '/exchange/saved-searches', permission: 'exchange.searches.save' },
  { key: 'review', to: '/work/exchange/review', permission: 'exchange.listings.review' },
  { key: 'reports', to: '/work/exchange/reports', permission: 'exchange.listings.review' },
  { key: 'matching', to: '/work/exchange/matching', permission: 'exchange.matching' },
];

/** The exchange's own navigation, under the header on every exchange page; scrolls sideways on a phone. */
export function ExchangeNav() {
  const { t } = useTranslation();
  const { hasPermission } = useSession();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  if (!pathname.startsWith('/exchange') && !pathname.startsWith('/work/exchange')) return null;
  const sections = SECTIONS.filter((section) => !section.permission || hasPermission(section.permission));
  return (
    <Box className="exchange-nav" data-testid="exchange-nav">
      <Container size="xl">
        <Group component="nav" aria-label={t('exchange.navLabel')} gap={4} wrap="nowrap" className="exchange-nav-links">
          {sections.map((section) => (
            <Link
              key={section.key}
              to={section.to}
              activeOptions={{ exact: section.exact ?? false, includeSearch: false }}
              className="header-nav-link"
              data-testid={`exchange-nav-${section.key}`}
            >
              {t(`exchange.navSections.${section.key}`)}
            </Link>
          ))}
        </Group>
      </Container>
    </Box>
  );
}
