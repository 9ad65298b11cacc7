// Test fixtures for the SMART authorization server: a real listening server (so real clients can
// reach it), a stand-in portal sign-in, a cookie-keeping "browser" that follows redirects and fills
// the plain-HTML login and consent forms.
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { AuditLog } from '../../src/audit/audit-log.js';
import type { Authenticator } from '../../src/auth/authenticate.js';
import { bearerToken } from '../../src/auth/authenticate.js';
import { authenticateSystemToken, createSystemToken } from '../../src/auth/system-token.js';
import { systemPolicy } from '../../src/access/policy.js';
import { loadFhirDefinitions } from '../../src/fhir/definitions.js';
import { FhirRepository, type RepositoryDeps } from '../../src/fhir/repository.js';
import { fhirRoutes } from '../../src/fhir/routes.js';
import type { PortalIdentity } from '../../src/smart/identity-port.js';
import { registerSmart } from '../../src/smart/routes.js';
import type { SmartUser } from '../../src/smart/tokens.js';
import type { SmartContext } from '../../src/smart/context.js';
import { createTestDatabase, testConfig, type TestDatabase } from '../support/harness.js';

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface Account {
  password: string;
  totp?: string;
  user: SmartUser;
}

/** Stand-in for the identity module: accounts by email, a session cookie `portico_session=<user id>`. */
export function fakeIdentity(accounts: Record<string, Account>): PortalIdentity {
  const byId = (id: string) => Object.values(accounts).find((a) => a.user.id === id);
  return {
    async currentSession(request) {
      const m = /portico_session=([^;]+)/.exec(request.headers.cookie ?? '');
      const account = m ? byId(m[1]) : undefined;
      return account ? { user: account.user, csrfToken: `csrf-${account.user.id}` } : undefined;
    },
    async signIn(_request, email, password, totp) {
      const account = accounts[email];
      if (!account || account.password !== password) return { ok: false, reason: 'invalid-credentials' };
      if (account.totp && !totp) return { ok: false, reason: 'mfa-required' };
      if (account.totp && totp !== account.totp) return { ok: false, reason: 'invalid-code' };
      return { ok: true, user: account.user, setCookie: [`portico_session=${account.user.id}; Path=/; HttpOnly; SameSite=Strict`] };
    },
  };
}

export interface SmartServer {
  app: FastifyInstance;
  base: string;
  fhirBase: string;
  ctx: SmartContext;
  repo: FhirRepository;
  systemToken: string;
  audit: AuditLog;
  db: TestDatabase['db'];
  close(): Promise<void>;
}

export async function startSmartServer(accounts: Record<string, Account>): Promise<SmartServer> {
  loadFhirDefinitions();
  const testDb = await createTestDatabase();
  const port = await freePort();
  const config = testConfig({ PUBLIC_URL: `http://127.0.0.1:${port}` });
  const app = Fastify({ logger: false });
  const audit = new AuditLog(testDb.db, app.log as never);
  const repositoryDeps: RepositoryDeps = { db: testDb.db, audit, baseUrl: config.fhirBaseUrl };
  const authenticators: Authenticator[] = [
    { name: 'system-token', authenticate: async (r) => (bearerToken(r) ? authenticateSystemToken(testDb.db, bearerToken(r)!) : undefined) },
  ];
  const ctx = await registerSmart(app, { config, db: testDb.db, audit, repositoryDeps, authenticators, identity: fakeIdentity(accounts) });
  await app.register(fhirRoutes, { prefix: '/fhir', deps: repositoryDeps, authenticators });
  await app.listen({ port, host: '127.0.0.1' });
  const { token } = await createSystemToken(testDb.db, 'test');
  return {
    app, base: config.publicUrl, fhirBase: config.fhirBaseUrl, ctx, audit, db: testDb.db, systemToken: token,
    repo: new FhirRepository(repositoryDeps, { policy: systemPolicy('test') }),
    async close() {
      await app.close();
      await audit.close();
      await testDb.drop();
    },
  };
}

/** A browser: keeps cookies, follows redirects until it leaves the server or lands on a page. */
export class Browser {
  cookies = new Map<string, string>();

  constructor(private readonly serverBase: string) {}

  private keep(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/Max-Age=0/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(url: string, init: { method?: string; form?: Record<string, string | string[]> } = {}): Promise<Response> {
    const headers: Record<string, string> = {};
    if (url.startsWith(this.serverBase) && this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | undefined;
    if (init.form) {
      const p = new URLSearchParams();
      for (const [k, v] of Object.entries(init.form)) for (const x of [v].flat()) p.append(k, x);
      body = p.toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    const res = await fetch(url, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body, redirect: 'manual' });
    if (url.startsWith(this.serverBase)) this.keep(res);
    return res;
  }

  /** Follows redirects on the server; returns the final response and its URL (an off-server redirect target is not fetched unless `follow`). */
  async go(url: string, init: { method?: string; form?: Record<string, string | string[]> } = {}, follow = (u: string) => u.startsWith(this.serverBase)): Promise<{ res: Response; url: string }> {
    let res = await this.request(url, init);
    let current = url;
    for (let i = 0; i < 10 && res.status >= 300 && res.status < 400; i++) {
      const next = new URL(res.headers.get('location')!, current).toString();
      if (!follow(next)) return { res, url: next };
      current = next;
      res = await this.request(next);
    }
    return { res, url: current };
  }
}

export function formOf(html: string, actionPart: string): { action: string; csrf: string } {
  const action = new RegExp(`action="([^"]*${actionPart}[^"]*)"`).exec(html)?.[1];
  const csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!action || !csrf) throw new Error(`No ${actionPart} form in page: ${html.slice(0, 300)}`);
  return { action, csrf };
}

export function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export async function tokenRequest(base: string, form: Record<string, string>, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/auth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(form).toString() });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}
