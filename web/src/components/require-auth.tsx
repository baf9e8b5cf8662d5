import { Navigate, useLocation } from '@tanstack/react-router';
import type { ReactNode } from 'react';
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
 * Renders children for an active session. Anonymous visitors (or an expired session) go to /sign-in?next=...;
 * staff who still must enrol two-factor go to /two-factor.
 */
export function RequireAuth({ children, permission }: RequireAuthProps) {
  const { session, loadError, hasPermission } = useSession();
  const location = useLocation();
  if (!session) {
    return loadError ? <ErrorAlert error={loadError} /> : <PageLoader />;
  }
  const next = location.href;
  if (session.state === 'anonymous' || session.state === 'mfa_required') {
    return <Navigate to="/sign-in" search={{ next }} replace />;
  }
  if (session.state === 'mfa_enrolment_required') {
    return <Navigate to="/two-factor" search={{ next }} replace />;
  }
  if (permission && !hasPermission(permission)) {
    return <ErrorAlert error={new ApiError(403, 'FORBIDDEN', 'forbidden')} />;
  }
  return <>{children}</>;
}
