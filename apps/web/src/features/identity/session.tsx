// Who is signed in. The session itself is an HttpOnly cookie the script never sees; this context
// holds what the identity API says about it (the patient, the CSRF token, when it expires).
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { setCsrfToken, setUnauthorizedHandler } from '../../fhir-client/http.js';
import { fetchSession, saveProfileLocale, signOut as apiSignOut, type SessionInfo } from '../../fhir-client/identity.js';
import { isLocale, useI18n } from '../../i18n/index.js';
import { wipeOfflineStore } from '../offline/secure-store.js';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out'; reason?: 'expired' }
  | { status: 'signed-in'; session: SessionInfo };

interface SessionContextValue {
  state: SessionState;
  /** Re-reads the session from the server (after sign-in or MFA). */
  refresh(): Promise<void>;
  signOut(reason?: 'expired'): Promise<void>;
}

const SNAPSHOT = 'portico.session';
const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const i18n = useI18n();
  const language = useRef(i18n);
  language.current = i18n;
  const refresh = useCallback(async () => {
    try {
      const session = await fetchSession();
      setCsrfToken(session?.csrfToken);
      if (session) {
        // A language picked on this device goes to the account (emails use it); otherwise the
        // account's language is used here, so a new phone opens in the patient's language.
        const { locale, chosen, setLocale } = language.current;
        if (chosen && session.locale !== locale) void saveProfileLocale(locale).catch(() => undefined);
        else if (!chosen && isLocale(session.locale) && session.locale !== locale) setLocale(session.locale);
      }
      if (session) sessionStorage.setItem(SNAPSHOT, JSON.stringify({ patientId: session.patientId, displayName: session.displayName, kind: session.kind }));
      else sessionStorage.removeItem(SNAPSHOT);
      setState(session ? { status: 'signed-in', session } : { status: 'signed-out' });
    } catch {
      // Offline: within the same browser session the patient keeps reading what was saved (the
      // offline key lives in sessionStorage too); a new session has neither and must sign in.
      const snapshot = sessionStorage.getItem(SNAPSHOT);
      setState(snapshot ? { status: 'signed-in', session: JSON.parse(snapshot) as SessionInfo } : { status: 'signed-out' });
    }
  }, []);
  const signOut = useCallback(async (reason?: 'expired') => {
    await apiSignOut().catch(() => undefined);
    // Sign-out wipes everything kept for offline reading on this device.
    await wipeOfflineStore();
    sessionStorage.removeItem(SNAPSHOT);
    setCsrfToken(undefined);
    setState({ status: 'signed-out', reason });
  }, []);
  useEffect(() => {
    void refresh();
    setUnauthorizedHandler(() => {
      void wipeOfflineStore();
      sessionStorage.removeItem(SNAPSHOT);
      setState({ status: 'signed-out', reason: 'expired' });
    });
    return () => setUnauthorizedHandler(undefined);
  }, [refresh]);
  return <SessionContext.Provider value={{ state, refresh, signOut }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in patient; screens behind sign-in only. */
export function usePatient(): SessionInfo {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('usePatient without a session');
  return state.session;
}
