// The only place that talks HTTP. Requests carry the session cookie (same origin), and writes
// carry the CSRF header the identity API asks for. Errors become ApiError with a kind the UI
// can turn into plain words.
export type ApiErrorKind = 'network' | 'unauthorized' | 'forbidden' | 'not-found' | 'invalid' | 'rate-limited' | 'server';

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    readonly status: number,
    message: string,
    /** The server's problem/OperationOutcome body, when there is one. */
    readonly body?: unknown,
  ) {
    super(message);
  }
}

export const CSRF_HEADER = 'x-csrf-token';
let csrfToken: string | undefined;
let appLanguage: string | undefined;

/** The app's language, sent as Accept-Language so emails sent before an account exists use it. */
export function setRequestLanguage(locale: string | undefined): void {
  appLanguage = locale;
}
let onUnauthorized: (() => void) | undefined;

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** False until the session has been read (an app started offline shows a saved session without one). */
export const hasCsrfToken = () => csrfToken !== undefined;

/** Called when any request answers 401, so the app can show the sign-in screen. */
export function setUnauthorizedHandler(handler: (() => void) | undefined): void {
  onUnauthorized = handler;
}

export function kindFor(status: number): ApiErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'not-found';
  if (status === 429) return 'rate-limited';
  if (status >= 400 && status < 500) return 'invalid';
  return 'server';
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  contentType?: string;
  signal?: AbortSignal;
  /** Don't call the unauthorized handler (sign-in itself answers 401 for a wrong password). */
  quiet401?: boolean;
}

export async function request<T>(url: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json, application/fhir+json' };
  if (options.body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers[CSRF_HEADER] = csrfToken;
  if (appLanguage) headers['accept-language'] = appLanguage;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError('network', 0, 'network error');
  }
  const text = await response.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = text;
  }
  if (!response.ok) {
    if (response.status === 401 && !options.quiet401) onUnauthorized?.();
    const detail = (data as { detail?: string; title?: string } | undefined)?.detail ?? (data as { title?: string } | undefined)?.title ?? response.statusText;
    throw new ApiError(kindFor(response.status), response.status, String(detail), data);
  }
  return data as T;
}
