// Wires the portal's security into the app: cookies, strict headers, the session hook (with CSRF),
// and the dependencies the identity routes need.
import cookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Database } from '../db/pool.js';
import type { AuditLog } from '../audit/audit-log.js';
import { loadKeyring } from '../crypto/keyring.js';
import { useAppRole } from '../audit/app-role.js';
import type { IdentityDeps } from '../identity/context.js';
import { createMailer, type Mailer } from '../identity/mail.js';
import { relyingPartyFor } from '../identity/webauthn.js';
import { registerSecurityHeaders } from './headers.js';
import { registerSessionHook } from './session-hook.js';

export async function registerPortalSecurity(
  app: FastifyInstance,
  options: { config: Config; db: Database; audit: AuditLog; mailer?: Mailer },
): Promise<IdentityDeps> {
  const logger = app.log as unknown as Logger;
  const deps: IdentityDeps = {
    db: options.db,
    config: options.config,
    keyring: loadKeyring(options.config),
    mailer: options.mailer ?? createMailer(options.config, logger),
    audit: options.audit,
    rp: relyingPartyFor(options.config.publicUrl),
    logger,
  };
  // From here on the app's connections cannot rewrite the audit trail.
  await useAppRole(options.db, logger);
  if (!app.hasDecorator('parseCookie')) await app.register(cookie);
  await registerSecurityHeaders(app);
  registerSessionHook(app, deps);
  return deps;
}
