// Helpers for identity tests: a test app with its own DATA_DIR (mail outbox, key file), accounts
// created directly in the database, and a cookie-carrying client for the /api contract.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { startTestApp, type TestApp } from './harness.js';
import { createAccount, type Account, type AccountKind } from '../../src/identity/accounts.js';
import { hashPassword } from '../../src/identity/passwords.js';
import { storeConfirmedTotp, currentTotpCode } from '../../src/identity/totp.js';
import { loadKeyring } from '../../src/crypto/keyring.js';

export const GOOD_PASSWORD = 'violet-harbor-lantern-58';

export async function startIdentityApp(overrides: Record<string, string> = {}): Promise<TestApp & { dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'portico-id-'));
  const app = await startTestApp({ DATA_DIR: dataDir, ...overrides });
  return Object.assign(app, { dataDir });
}

export async function makeAccount(
  t: TestApp,
  input: { email: string; kind?: AccountKind; patientId?: string; organizationId?: string; practitionerId?: string; roles?: string[]; password?: string; totpSecret?: string; displayName?: string },
): Promise<Account> {
  const account = await createAccount(t.db, {
    email: input.email,
    kind: input.kind ?? 'patient',
    displayName: input.displayName ?? input.email.split('@')[0],
    passwordHash: await hashPassword(input.password ?? GOOD_PASSWORD),
    patientId: input.patientId,
    organizationId: input.organizationId,
    practitionerId: input.practitionerId,
    roles: input.roles,
  });
  if (input.totpSecret) await storeConfirmedTotp(t.db, loadKeyring(t.config), account.id, input.totpSecret);
  return account;
}

export const totpNow = (secret: string, offsetSteps = 0) => currentTotpCode(secret, Date.now() + offsetSteps * 30_000);

/** A browser-like client: keeps cookies, sends the CSRF header once it knows it. */
export class Browser {
  cookies = new Map<string, string>();
  csrf: string | undefined;
  constructor(
    readonly t: TestApp,
    readonly ip = '203.0.113.10',
  ) {}

  async request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await this.t.app.inject({
      method: method as 'GET',
      url,
      remoteAddress: this.ip,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(body !== undefined ? { 'content-type': url.startsWith('/fhir') ? 'application/fhir+json' : 'application/json' } : {}),
        ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
        'user-agent': 'identity-test',
        ...headers,
      },
      payload: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (!c.value || (c.expires && c.expires.getTime() < Date.now()) || c.maxAge === 0) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const json = safeJson(res.body);
    if (json && typeof json === 'object') {
      const j = json as { csrfToken?: string; session?: { csrfToken?: string } };
      if (j.session?.csrfToken) this.csrf = j.session.csrfToken;
      else if (j.csrfToken) this.csrf = j.csrfToken;
    }
    return res;
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body: unknown = {}, headers?: Record<string, string>) => this.request('POST', url, body, headers);
  delete = (url: string) => this.request('DELETE', url);

  /** Password (+ TOTP when a secret is given) sign-in; returns the final response. */
  async signIn(email: string, password = GOOD_PASSWORD, totpSecret?: string): Promise<LightMyRequestResponse> {
    const res = await this.post('/api/auth/login', { email, password });
    if (totpSecret && res.statusCode === 200 && res.json().status === 'mfa-required') return this.post('/api/auth/mfa/totp', { code: totpNow(totpSecret) });
    return res;
  }
}

export function safeJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** Emails written to DATA_DIR/outbox (no SMTP_URL), oldest first. */
export async function outbox(dataDir: string, waitForCount = 0): Promise<{ to: string; subject: string; text: string }[]> {
  for (let i = 0; i < 50; i++) {
    let files: string[] = [];
    try {
      files = readdirSync(join(dataDir, 'outbox')).sort();
    } catch {
      /* no mail yet */
    }
    if (files.length >= waitForCount) {
      return files.map((f) => {
        const raw = readFileSync(join(dataDir, 'outbox', f), 'utf8');
        const [head, ...rest] = raw.split('\n\n');
        return { to: /^To: (.*)$/m.exec(head)?.[1] ?? '', subject: /^Subject: (.*)$/m.exec(head)?.[1] ?? '', text: rest.join('\n\n') };
      });
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`expected ${waitForCount} emails`);
}

export const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
