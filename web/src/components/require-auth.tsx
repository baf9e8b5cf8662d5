import { useRouter } from '@tanstack/react-router';
import { useEffect, useRef, type ReactNode } from 'react';
import { useSession } from '../app/session.js';
import { ApiError } from '../lib/api.js';
import { ErrorAlert } from './error-alert.js';
import { PageLoader } from './page-loader.js';

interface RequireAuthProps {
  children: ReactNode;
  /** Permission the page needs; the server enforces it anyway, this only avoids a useless request. */
  permission?: string;
}

/**
 * Renders children for an active session. Anonymous visitors (or an expired session: any 401 refreshes the session)
 * go to /sign-in?next=<this page>; staff who still must enrol two-factor go to /two-factor?next=<this page>.
 */
export function RequireAuth({ children, permission }: RequireAuthProps) {
  const { session, loadError, hasPermission } = useSession();
  const state = session?.state;
  const target =
    state === 'anonymous' || state === 'mfa_required' ? '/sign-in' : state === 'mfa_enrolment_required' ? '/two-factor' : null;
  useRedirectOnce(target);

  if (!session) return loadError ? <ErrorAlert error={loadError} /> : <PageLoader />;
  if (target) return <PageLoader />;
  if (permission && !hasPermission(permission)) {
    return <ErrorAlert error={new ApiError(403, 'FORBIDDEN', 'forbidden')} />;
  }
  return <>{children}</>;
}

/**
 * Navigates once to `target` with `?next=<current page>`. Imperative on purpose: a <Navigate> element re-fires on
 * every re-render while the next route's code loads, which restarts the navigation in a loop.
 */
export function useRedirectOnce(target: '/sign-in' | '/two-factor' | null): void {
  const router = useRouter();
  const done = useRef<string | null>(null);
  useEffect(() => {
    if (!target || done.current === target) return;
    done.current = target;
    const next = router.state.location.href;
    void router.navigate({ to: target, search: { next }, replace: true });
  }, [target, router]);
}
