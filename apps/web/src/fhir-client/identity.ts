// The identity API (docs/api/identity.md): session, sign-in, MFA, enrollment, passwords, sessions,
// access log, profile. Problems are RFC 9457 JSON (features/identity/problem-text.ts words them).
import { ApiError, request } from './http.js';

export interface SessionInfo {
  patientId: string;
  /** Staff and administrators get the staff app; a session saved before this field is a patient's. */
  kind?: 'patient' | 'staff' | 'admin';
  displayName: string;
  email?: string;
  csrfToken?: string;
  /** When the session ends if idle (ISO instant). */
  expiresAt?: string;
  idleTimeoutSeconds?: number;
  locale?: string;
  mfaPrompt?: boolean;
}

/** The server's Session object (only the members the web app reads). */
interface ServerSession {
  user: { displayName: string; email?: string; patientId: string | null; locale?: string; kind: 'patient' | 'staff' | 'admin' };
  csrfToken: string;
  idleExpiresAt: string;
  idleTimeoutSeconds: number;
  mfaPrompt?: boolean;
}

export function toSessionInfo(s: ServerSession): SessionInfo {
  return {
    patientId: s.user.patientId ?? '',
    kind: s.user.kind,
    displayName: s.user.displayName,
    email: s.user.email,
    csrfToken: s.csrfToken,
    expiresAt: s.idleExpiresAt,
    idleTimeoutSeconds: s.idleTimeoutSeconds,
    locale: s.user.locale,
    mfaPrompt: s.mfaPrompt,
  };
}


/** The server sets this readable cookie beside the HttpOnly session cookie (security/cookies.ts). */
const SESSION_HINT = 'portico_signed_in=1';

/** False only when this browser has surely no session: no sign-in happened in this browser session. */
export function maySession(): boolean {
  return typeof document === 'undefined' || document.cookie.split(/;\s*/).includes(SESSION_HINT);
}

export async function fetchSession(): Promise<SessionInfo | undefined> {
  if (!maySession()) return undefined;
  try {
    return toSessionInfo(await request<ServerSession>('/api/session', { quiet401: true }));
  } catch (err) {
    if (err instanceof ApiError && (err.kind === 'unauthorized' || err.kind === 'not-found')) return undefined;
    throw err;
  }
}

export async function keepAlive(): Promise<SessionInfo> {
  return toSessionInfo(await request<ServerSession>('/api/session/keepalive', { method: 'POST', body: {} }));
}

export async function signOut(): Promise<void> {
  await request('/api/auth/logout', { method: 'POST', body: {}, quiet401: true });
}

/** `mfa-required` carries the CSRF token of the short pending session, for the second-step calls. */
export type SignInResult = { status: 'signed-in'; session: ServerSession } | { status: 'mfa-required'; methods: string[]; csrfToken?: string };

export function signIn(email: string, password: string): Promise<SignInResult> {
  return request<SignInResult>('/api/auth/login', { method: 'POST', body: { email, password }, quiet401: true });
}
export function verifyTotp(code: string): Promise<SignInResult> {
  return request<SignInResult>('/api/auth/mfa/totp', { method: 'POST', body: { code }, quiet401: true });
}
export function verifyRecoveryCode(code: string): Promise<SignInResult> {
  return request<SignInResult>('/api/auth/mfa/recovery', { method: 'POST', body: { code }, quiet401: true });
}
export function passkeyOptions(): Promise<unknown> {
  return request('/api/auth/passkey/options', { method: 'POST', body: {}, quiet401: true });
}
export function passkeyVerify(response: unknown): Promise<SignInResult> {
  return request<SignInResult>('/api/auth/passkey/verify', { method: 'POST', body: { response }, quiet401: true });
}

export function enrollWithActivation(code: string, birthDate: string, password: string): Promise<SignInResult> {
  return request<SignInResult>('/api/enroll/activation', { method: 'POST', body: { code, birthDate, password }, quiet401: true });
}
export function enrollSelf(body: { givenName: string; familyName: string; birthDate: string; mrn?: string; phoneLast4?: string; email: string }): Promise<{ status: string; detail: string }> {
  return request('/api/enroll/self', { method: 'POST', body, quiet401: true });
}
export function enrollVerify(token: string, password: string): Promise<SignInResult> {
  return request<SignInResult>('/api/enroll/verify', { method: 'POST', body: { token, password }, quiet401: true });
}
export function forgotPassword(email: string): Promise<{ status: string; detail: string }> {
  return request('/api/password/forgot', { method: 'POST', body: { email }, quiet401: true });
}
export function resetPassword(token: string, password: string): Promise<{ status: string }> {
  return request('/api/password/reset', { method: 'POST', body: { token, password }, quiet401: true });
}
export function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  return request('/api/password/change', { method: 'POST', body: { currentPassword, newPassword }, quiet401: true });
}

export interface MfaStatus {
  totp: boolean;
  recoveryCodesRemaining: number;
  passkeys: { id: string; name: string; createdAt: string; lastUsedAt: string | null }[];
  required: boolean;
}
export const mfaStatus = () => request<MfaStatus>('/api/mfa');
export const totpSetup = () => request<{ secret: string; otpauthUri: string; qrSvgDataUrl: string }>('/api/mfa/totp/setup', { method: 'POST', body: {} });
export const totpConfirm = (code: string) => request<{ recoveryCodes: string[] }>('/api/mfa/totp/confirm', { method: 'POST', body: { code } });
export const passkeyRegistrationOptions = () => request<unknown>('/api/mfa/passkeys/options', { method: 'POST', body: {} });
export const passkeyRegistrationVerify = (response: unknown, name: string) => request('/api/mfa/passkeys/verify', { method: 'POST', body: { response, name } });

export interface SessionListItem {
  id: string;
  current: boolean;
  createdAt: string;
  lastSeenAt: string;
  ipAddress: string;
  userAgent: string;
}
export const listSessions = () => request<{ sessions: SessionListItem[] }>('/api/sessions');
export const endSession = (id: string) => request<void>(`/api/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' });
export const signOutEverywhere = () => request<void>('/api/sessions/logout-all', { method: 'POST', body: {} });

export interface AccessLogEntry {
  id: string;
  recorded: string;
  action: string;
  outcome: string;
  actor: { kind: string; name: string };
  resourceTypes: string[];
  count: number;
}
export const accessLog = (before?: string) =>
  request<{ entries: AccessLogEntry[]; next: string | null }>(`/api/access-log?${new URLSearchParams({ count: '20', ...(before ? { before } : {}) })}`);

/** Lab results this account opened while they could still be new (GET /api/records/opened-results). */
export interface OpenedResults {
  /** A result is new for this many days after its release. */
  newForDays: number;
  opened: string[];
}
export const fetchOpenedResults = (signal?: AbortSignal) => request<OpenedResults>('/api/records/opened-results', { signal });
/** Tells the server this account opened a result, so it is not new on any device. */
export const postResultOpened = (observationId: string) =>
  request<void>('/api/records/opened-results', { method: 'POST', body: { observation: observationId } });

/** Saves the language on the account, for emails and other devices (PUT /api/profile/locale). */
export const saveProfileLocale = (locale: string) => request<{ locale: string }>('/api/profile/locale', { method: 'PUT', body: { locale } });

/** The whole chart as a plain-language PDF (GET /api/records/export.pdf), as a Blob. */
export async function fetchRecordPdf(locale: string, signal?: AbortSignal): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(`/api/records/export.pdf?${new URLSearchParams({ locale })}`, { credentials: 'same-origin', signal });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError('network', 0, 'network error');
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    throw new ApiError(response.status === 401 ? 'unauthorized' : response.status === 403 ? 'forbidden' : 'server', response.status, 'PDF export failed', body);
  }
  return response.blob();
}

export interface ConnectedApp {
  clientId: string;
  name: string;
  scope: string;
  access: { resourceType: string; read: boolean; write: boolean; categories: string[] | null }[];
  offlineAccess: boolean;
  grantedAt: string;
  lastUsedAt: string | null;
}
export const listConnectedApps = () => request<{ apps: ConnectedApp[] }>('/api/connected-apps');
export const revokeConnectedApp = (clientId: string) => request<void>(`/api/connected-apps/${encodeURIComponent(clientId)}`, { method: 'DELETE' });
