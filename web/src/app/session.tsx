import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { SessionInfo, SessionUser } from '../../../common/src/api/auth.js';
import { api, lastApiActivity, onUnauthenticated, setCsrfToken } from '../lib/api.js';
import { changeLanguage, currentLanguage, hasStoredLanguage } from './i18n.js';

interface SessionContextValue {
  /** null until the first GET /session answered. */
  session: SessionInfo | null;
  /** Error of the last session load, when the API could not be reached. */
  loadError: unknown;
  user: SessionUser | null;
  isSignedIn: boolean;
  refresh: () => Promise<SessionInfo | null>;
  /** Stores a SessionInfo returned by sign-in, TOTP verify/enable. */
  applySession: (session: SessionInfo, options?: { adoptLocale?: boolean }) => void;
  updateUser: (user: SessionUser) => void;
  signOut: () => Promise<void>;
  hasPermission: (permission: string) => boolean;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionInfo | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);

  const store = useCallback((next: SessionInfo) => {
    setCsrfToken(next.csrfToken);
    setSession(next);
  }, []);

  const refresh = useCallback(async () => {
    try {
      const next = await api.get<SessionInfo>('/session');
      setLoadError(null);
      store(next);
      return next;
    } catch (error) {
      setLoadError(error);
      return null;
    }
  }, [store]);

  useEffect(() => {
    void refresh();
    return onUnauthenticated(() => void refresh());
  }, [refresh]);

  // Re-check the session when the tab becomes visible again (idle timeout may have passed).
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [refresh]);

  // After the server's idle timeout without any request, ask again: an expired session sends protected pages to sign-in.
  const idleSeconds = session?.state === 'anonymous' ? 0 : (session?.idleTimeoutSeconds ?? 0);
  useEffect(() => {
    if (idleSeconds <= 0) return;
    const timer = window.setInterval(() => {
      if (Date.now() - lastApiActivity() > idleSeconds * 1000 + 5000) void refresh();
    }, 30_000);
    return () => window.clearInterval(timer);
  }, [idleSeconds, refresh]);

  const applySession = useCallback(
    (next: SessionInfo, options: { adoptLocale?: boolean } = {}) => {
      store(next);
      const locale = next.user?.locale;
      if (options.adoptLocale && locale && !hasStoredLanguage() && locale !== currentLanguage()) {
        void changeLanguage(locale, false);
      }
    },
    [store],
  );

  const updateUser = useCallback((user: SessionUser) => {
    setSession((previous) => (previous ? { ...previous, user } : previous));
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.post('/auth/sign-out');
    } finally {
      await refresh();
    }
  }, [refresh]);

  const value = useMemo<SessionContextValue>(() => {
    const user = session?.state === 'active' ? session.user : null;
    const permissions = new Set(user?.permissions ?? []);
    return {
      session,
      loadError,
      user,
      isSignedIn: user !== null,
      refresh,
      applySession,
      updateUser,
      signOut,
      hasPermission: (permission) => permissions.has(permission),
    };
  }, [session, loadError, refresh, applySession, updateUser, signOut]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside SessionProvider');
  return value;
}
