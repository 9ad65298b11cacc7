// Test fixtures for the SMART authorization server: a real listening server (so real clients can
// reach it), a stand-in portal sign-in, a cookie-keeping "browser" that follows redirects and fills
// the plain-HTML login and consent forms. `startPortalSmartServer` is the whole app (real portal
// sign-in and sessions) on loopback, for what depends on the portal session.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { AuditLog } from '../../src/audit/audit-log.js';
import type { Authenticator } from '../../src/auth/authenticate.js';
import { bearerToken } from '../../src/auth/authenticate.js';
import { authenticateSystemToken, createSystemToken } from '../../src/auth/system-token.js';
import { privilegedPolicy } from '../../src/access/policy.js';
import { loadFhirDefinitions } from '../../src/fhir/definitions.js';
import { FhirRepository, type RepositoryDeps } from '../../src/fhir/repository.js';
import { fhirRoutes } from '../../src/fhir/routes.js';
import type { PortalIdentity } from '../../src/smart/identity-port.js';
import { registerSmart } from '../../src/smart/routes.js';
import type { SmartUser } from '../../src/smart/tokens.js';
import type { SmartContext } from '../../src/smart/context.js';
import { createTestDatabase, testConfig, type TestApp, type TestDatabase } from '../support/harness.js';
import { startIdentityApp, totpNow } from '../support/identity.js';

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
      return account ? { user: account.user, csrfToken: `csrf-${account.user.id}`, sessionId: `session-${account.user.id}` } : undefined;
    },
    // Binding to the real portal session (online_access) is tested with startPortalSmartServer.
    async sessionActive() {
      return true;
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
  /** The test database's URL (for command-line tools run in a child process). */
  dbUrl: string;
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
    app, base: config.publicUrl, fhirBase: config.fhirBaseUrl, ctx, audit, db: testDb.db, dbUrl: testDb.url, systemToken: token,
    repo: new FhirRepository(repositoryDeps, { policy: privilegedPolicy('operator', { name: 'test' }) }),
    async close() {
      await app.close();
      await audit.close();
      await testDb.drop();
    },
  };
}

interface BrowserRequest {
  method?: string;
  form?: Record<string, string | string[]>;
  json?: unknown;
  headers?: Record<string, string>;
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

  async request(url: string, init: BrowserRequest = {}): Promise<Response> {
    const headers: Record<string, string> = { ...init.headers };
    if (url.startsWith(this.serverBase) && this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | undefined;
    if (init.form) {
      const p = new URLSearchParams();
      for (const [k, v] of Object.entries(init.form)) for (const x of [v].flat()) p.append(k, x);
      body = p.toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    } else if (init.json !== undefined) {
      body = JSON.stringify(init.json);
      headers['content-type'] = 'application/json';
    }
    const res = await fetch(url, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body, redirect: 'manual' });
    if (url.startsWith(this.serverBase)) this.keep(res);
    return res;
  }

  /** Follows redirects on the server; returns the final response and its URL (an off-server redirect target is not fetched unless `follow`). */
  async go(url: string, init: BrowserRequest = {}, follow = (u: string) => u.startsWith(this.serverBase)): Promise<{ res: Response; url: string }> {
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

/** Every switch on the consent page as rendered (all on), plus offline access when asked. */
export function allChoices(html: string, offline = true): Record<string, string[]> {
  const t = [...html.matchAll(/name="t" value="([^"]+)"/g)].map((m) => m[1]);
  const c = [...html.matchAll(/name="c" value="([^"]+)"/g)].map((m) => m[1].replace(/&#39;/g, "'"));
  return { t, c, ...(offline ? { offline: ['yes'] } : {}) };
}

export interface AuthorizeOptions {
  clientId: string;
  redirectUri: string;
  scope: string;
  launch?: string;
  /** Sign in on the login page first (omit when the browser already has a portal session). */
  login?: { email: string; password: string; totp?: string };
  /** The consent form's switches; all on (with offline access) by default. */
  choices?: (consentHtml: string) => Record<string, string | string[]>;
  extra?: Record<string, string>;
}

/** Drives authorize → login → consent as the person in `browser` and returns the code for the app. */
export async function authorizeCode(browser: Browser, server: { base: string; fhirBase: string }, o: AuthorizeOptions) {
  const { verifier, challenge } = pkce();
  const q = new URLSearchParams({
    response_type: 'code', client_id: o.clientId, redirect_uri: o.redirectUri, scope: o.scope, state: 'state-1', aud: server.fhirBase,
    code_challenge: challenge, code_challenge_method: 'S256', ...(o.launch ? { launch: o.launch } : {}), ...o.extra,
  });
  let { res } = await browser.go(`${server.base}/auth/authorize?${q}`);
  let html = await res.text();
  assert.equal(res.status, 200, html);
  if (o.login) {
    const login = formOf(html, '/login');
    ({ res } = await browser.go(server.base + login.action, { form: { csrf: login.csrf, email: o.login.email, password: o.login.password, ...(o.login.totp ? { totp: o.login.totp } : {}) } }));
    html = await res.text();
    assert.equal(res.status, 200, html);
  }
  const consent = formOf(html, '/consent');
  const { url } = await browser.go(server.base + consent.action, { form: { csrf: consent.csrf, decision: 'allow', ...(o.choices ?? allChoices)(html) } });
  const back = new URL(url);
  assert.equal(back.searchParams.get('state'), 'state-1');
  const code = back.searchParams.get('code');
  assert.ok(code, `no code: ${url}`);
  return { code, verifier, consentHtml: html };
}

/** The app's side of the code exchange (public client unless `headers`/`form` authenticate it). */
export function exchangeCode(base: string, c: { code: string; verifier: string }, redirectUri: string, auth: { clientId?: string; headers?: Record<string, string>; form?: Record<string, string> }) {
  return tokenRequest(
    base,
    { grant_type: 'authorization_code', code: c.code, code_verifier: c.verifier, redirect_uri: redirectUri, ...(auth.clientId ? { client_id: auth.clientId } : {}), ...auth.form },
    auth.headers,
  );
}

export const basicAuth = (id: string, secret: string) => ({ authorization: `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}` });

export async function postForm(url: string, form: Record<string, string>, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(form).toString() });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
}

export type PortalServer = TestApp & { dataDir: string; base: string; fhirBase: string };

/** The whole app (real portal accounts, sessions and CSRF) listening on loopback. */
export async function startPortalSmartServer(overrides: Record<string, string> = {}): Promise<PortalServer> {
  const port = await freePort();
  const t = await startIdentityApp({ PUBLIC_URL: `http://127.0.0.1:${port}`, ...overrides });
  await t.app.listen({ port, host: '127.0.0.1' });
  return Object.assign(t, { base: t.config.publicUrl, fhirBase: t.config.fhirBaseUrl });
}

/** A person in a browser signed in to the portal through its JSON API; knows the CSRF token and session id. */
export class PortalBrowser extends Browser {
  csrf = '';
  sessionId = '';

  constructor(readonly base: string) {
    super(base);
  }

  api(method: string, path: string, json?: unknown, headers: Record<string, string> = {}) {
    return this.request(this.base + path, { method, json, headers: { ...(method !== 'GET' && this.csrf ? { 'x-csrf-token': this.csrf } : {}), ...headers } });
  }

  async signIn(email: string, password: string, totpSecret?: string): Promise<void> {
    let res = await this.api('POST', '/api/auth/login', { email, password });
    let body = (await res.json()) as { status?: string; csrfToken?: string };
    assert.equal(res.status, 200, JSON.stringify(body));
    if (body.status === 'mfa-required') {
      this.csrf = body.csrfToken ?? '';
      res = await this.api('POST', '/api/auth/mfa/totp', { code: totpNow(totpSecret!) });
      body = (await res.json()) as typeof body;
      assert.equal(res.status, 200, JSON.stringify(body));
    }
    await this.refreshSession();
  }

  /** Reads /api/session (a passive read: it does not count as activity). */
  async refreshSession(): Promise<void> {
    const res = await this.api('GET', '/api/session');
    assert.equal(res.status, 200, await res.clone().text());
    const s = (await res.json()) as { csrfToken: string; sessionId: string };
    this.csrf = s.csrfToken;
    this.sessionId = s.sessionId;
  }
}
