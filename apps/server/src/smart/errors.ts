// OAuth 2.0 error responses (RFC 6749 §5.2 for the token endpoint, §4.1.2.1 for authorization).
import { createHash, randomBytes } from 'node:crypto';

export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope'
  | 'access_denied'
  | 'unsupported_response_type'
  | 'server_error'
  | 'invalid_client_metadata'
  | 'invalid_redirect_uri';

export class OAuthError extends Error {
  constructor(
    readonly error: OAuthErrorCode,
    readonly description: string,
    /** RFC 6749 §5.2: 400, except invalid_client (401). */
    readonly status = error === 'invalid_client' ? 401 : 400,
  ) {
    super(`${error}: ${description}`);
  }

  body() {
    return { error: this.error, error_description: this.description };
  }
}

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** A random handle with 256 bits of entropy and a recognisable prefix. */
export const randomToken = (prefix: string) => prefix + randomBytes(32).toString('base64url');
