// The "Register an app" form as data: what the administrator typed becomes the registry API's body,
// or a problem per field in words the form shows next to it. The server checks the same rules
// again (docs/api/smart.md "App registry"); checking here lets the form say what is wrong in the
// administrator's language. Pure.
import type { AppRegistration, ClientType } from '../../fhir-client/staff.js';

export interface RegistrationDraft {
  name: string;
  type: ClientType;
  backend: boolean;
  /** One URI per line. */
  redirectUris: string;
  launchUrl: string;
  jwksUrl: string;
  /** Pasted JSON Web Key Set. */
  jwks: string;
}

export type DraftField = 'name' | 'type' | 'redirectUris' | 'launchUrl' | 'jwksUrl' | 'jwks';
export type DraftProblem = 'nameNeeded' | 'urisNeeded' | 'urlInvalid' | 'keysNeeded' | 'jwksInvalid' | 'privateKey' | 'backendNeedsConfidential';

export const emptyDraft: RegistrationDraft = { name: '', type: 'public', backend: false, redirectUris: '', launchUrl: '', jwksUrl: '', jwks: '' };

/** https, or http on a loopback host (RFC 8252 §7.3); no fragment. */
export function isAppUrl(value: string): boolean {
  try {
    const url = new URL(value);
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    return !url.hash && (url.protocol === 'https:' || (url.protocol === 'http:' && loopback));
  } catch {
    return false;
  }
}

/** Redirect URIs may also use an app's private scheme (com.example.app:/callback), as the server allows. */
const isRedirectUri = (value: string) => isAppUrl(value) || /^[a-z][a-z0-9+.-]*\.[a-z0-9+.-]+:\/[^#]*$/.test(value);

function parseJwks(text: string): { keys: object[] } | DraftProblem {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'jwksInvalid';
  }
  const keys = (value as { keys?: unknown })?.keys;
  if (!Array.isArray(keys) || keys.length === 0 || !keys.every((k) => k && typeof k === 'object' && typeof (k as { kty?: unknown }).kty === 'string')) return 'jwksInvalid';
  if (keys.some((k) => 'd' in (k as object))) return 'privateKey';
  return { keys: keys as object[] };
}

export function toRegistration(draft: RegistrationDraft): { body: AppRegistration } | { problems: Partial<Record<DraftField, DraftProblem>> } {
  const problems: Partial<Record<DraftField, DraftProblem>> = {};
  const name = draft.name.trim();
  if (!name) problems.name = 'nameNeeded';
  if (draft.backend && draft.type === 'public') problems.type = 'backendNeedsConfidential';
  const redirectUris = draft.backend ? [] : draft.redirectUris.split(/\s+/).filter(Boolean);
  if (!draft.backend && redirectUris.length === 0) problems.redirectUris = 'urisNeeded';
  else if (!redirectUris.every(isRedirectUri)) problems.redirectUris = 'urlInvalid';
  const launchUrl = draft.backend ? '' : draft.launchUrl.trim();
  if (launchUrl && !isAppUrl(launchUrl)) problems.launchUrl = 'urlInvalid';
  const body: AppRegistration = { name, type: draft.type, redirectUris, ...(draft.backend ? { backend: true } : {}), ...(launchUrl ? { launchUrl } : {}) };
  if (draft.type === 'confidential-asymmetric') {
    const jwksUrl = draft.jwksUrl.trim();
    const jwks = draft.jwks.trim();
    if (jwksUrl && !isAppUrl(jwksUrl)) problems.jwksUrl = 'urlInvalid';
    else if (jwksUrl) body.jwksUrl = jwksUrl;
    if (jwks) {
      const parsed = parseJwks(jwks);
      if (typeof parsed === 'string') problems.jwks = parsed;
      else body.jwks = parsed;
    }
    if (!jwksUrl && !jwks) problems.jwksUrl = 'keysNeeded';
  }
  return Object.keys(problems).length ? { problems } : { body };
}
