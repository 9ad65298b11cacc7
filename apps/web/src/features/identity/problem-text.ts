import { ApiError } from '../../fhir-client/http.js';
import type { Messages } from '../../i18n/en.js';

/** The server's problem `detail` is a sentence for the user (English); in Spanish, or for network errors, use our own words. */
export function problemText(err: unknown, m: Messages, locale: string): string {
  if (err instanceof ApiError) {
    if (err.kind === 'network') return m.errors.network;
    if (locale === 'en' && err.message && err.status < 500) return err.message;
  }
  return m.errors.generic;
}
