// What the identity routes and the session hook share.
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Database } from '../db/pool.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { Keyring } from '../crypto/keyring.js';
import type { Mailer } from './mail.js';
import type { RelyingParty } from './webauthn.js';
import type { Account, MfaStatus } from './accounts.js';
import type { SessionRow } from './sessions.js';

export interface IdentityDeps {
  db: Database;
  config: Config;
  keyring: Keyring;
  mailer: Mailer;
  audit: AuditLog;
  rp: RelyingParty;
  logger?: Logger;
}

/** The portal session of the current request, when its cookie names a live one. */
export interface PortalContext {
  session: SessionRow;
  account: Account;
  /** Staff/admin without MFA: only MFA set-up is allowed until they add a method. */
  mfaSetupRequired: boolean;
  hasMfa: boolean;
  /** As read with the session at the start of the request. */
  mfa: MfaStatus;
}

declare module 'fastify' {
  interface FastifyRequest {
    portal?: PortalContext;
  }
}
