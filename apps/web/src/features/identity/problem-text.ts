// Turns an API failure into words in the app's language. The server's problem `type` slug and
// HTTP status choose a text from the catalogue; the server's own `detail` (English) is never
// shown, so a Spanish screen never shows an English sentence.
import { ApiError } from '../../fhir-client/http.js';
import type { Messages } from '../../i18n/en.js';

type ProblemKey = Exclude<keyof Messages['problems'], 'weakReasons' | 'rate-limited'>;

export function problemSlug(err: unknown): string | undefined {
  if (!(err instanceof ApiError)) return undefined;
  const type = (err.body as { type?: unknown } | undefined)?.type;
  return typeof type === 'string' ? type.split('/').pop() : undefined;
}

export function problemText(err: unknown, m: Messages): string {
  if (!(err instanceof ApiError)) return m.errors.generic;
  if (err.kind === 'network') return m.errors.network;
  const slug = problemSlug(err);
  const body = (err.body ?? {}) as { reasons?: unknown; retryAfter?: unknown };
  if (slug === 'weak-password') {
    const reasons = Array.isArray(body.reasons) ? body.reasons.map((r) => m.problems.weakReasons[String(r)]).filter(Boolean) : [];
    return [m.problems['weak-password'], ...reasons].join(' ');
  }
  if (slug === 'rate-limited' || err.status === 429) {
    const seconds = typeof body.retryAfter === 'number' ? body.retryAfter : 60;
    return m.problems['rate-limited'](Math.max(1, Math.ceil(seconds / 60)));
  }
  if (slug && slug in m.problems) return m.problems[slug as ProblemKey] as string;
  // Unknown slug: fall back on the status, still in the app's language.
  if (err.status === 401) return m.problems.unauthenticated;
  if (err.status === 403) return m.problems.forbidden;
  if (err.status === 404 || err.status === 410) return m.problems['not-found'];
  if (err.status >= 400 && err.status < 500) return m.problems['invalid-request'];
  return m.errors.generic;
}
