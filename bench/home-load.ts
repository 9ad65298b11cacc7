// The Home screen's data, as the web app loads it (apps/web/src/features/records/load-home.ts
// loadHome, features/identity/session.tsx), replayed by virtual patients with real portal session
// cookies. One "Home load" is:
//   1. GET /api/session (the app renders nothing signed-in before it answers), then
//   2. the five searches of homeSearches (the app's own list, so the two cannot drift), issued at
//      once, one page each: the newest lab DiagnosticReports trimmed with _elements (no results),
//      the next few upcoming Appointments, and three `_summary=count` searches for the summary.
// Each virtual user has its own keep-alive agent capped at 6 connections, like a browser's
// per-origin HTTP/1.1 limit.
// Runs in a worker thread so the client does not share the server's event loop.
import { request } from 'node:http';
import { Worker } from 'node:worker_threads';
import type { Queryable } from '../apps/server/src/db/pool.js';
import { createAccount } from '../apps/server/src/identity/accounts.js';
import { hashPassword } from '../apps/server/src/identity/passwords.js';
import { SESSION_COOKIE } from '../apps/server/src/identity/sessions.js';
import { homeSearches } from '../apps/web/src/features/records/load-home.js';
import { searchUrl } from '../apps/web/src/fhir-client/search-count.js';

export interface HomeUser {
  patientId: string;
  /** The Cookie header value carrying the portal session. */
  cookie: string;
}

export interface HomeLoadResult {
  loads: number;
  requests: number;
  errors: number;
  firstError?: string;
  seconds: number;
  loadsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

/** The app's searches for Home, in the order loadHome starts them, as the URLs it fetches. */
export function homeSearchUrls(patientId: string, now = new Date()): string[] {
  return Object.values(homeSearches(patientId, now)).map((s) => searchUrl(s.type, s.params));
}

const PASSWORD = 'bench-harbor-lantern-58';

/**
 * One patient account per chart (identity module's createAccount), each signed in over HTTP the way
 * the web app does (POST /api/auth/login), so the cookie is a real, active portal session.
 */
export async function signInPatients(db: Queryable, port: number, patientIds: string[]): Promise<HomeUser[]> {
  const passwordHash = await hashPassword(PASSWORD);
  const users: HomeUser[] = [];
  for (const [i, patientId] of patientIds.entries()) {
    const email = `bench.patient.${i}@example.org`;
    await createAccount(db, { email, kind: 'patient', displayName: `Bench patient ${i}`, passwordHash, patientId });
    const { status, setCookie, body } = await postJson(port, '/api/auth/login', { email, password: PASSWORD });
    const token = setCookie.map((c) => c.split(';')[0]).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    if (status !== 200 || !token || (JSON.parse(body) as { status?: string }).status !== 'signed-in') throw new Error(`bench sign-in failed: ${status} ${body}`);
    users.push({ patientId, cookie: token });
  }
  return users;
}

function postJson(port: number, path: string, body: unknown): Promise<{ status: number; setCookie: string[]; body: string }> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const req = request({ host: '127.0.0.1', port, method: 'POST', path, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, setCookie: res.headers['set-cookie'] ?? [], body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

const CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { port, users, concurrency, seconds } = workerData;
const latencies = [];
let errors = 0, firstError, requests = 0;
const deadline = performance.now() + seconds * 1000;
function get(agent, cookie, path) {
  return new Promise((resolve) => {
    requests++;
    const req = http.request({ host: '127.0.0.1', port, method: 'GET', path, agent,
      headers: { cookie, accept: 'application/json, application/fhir+json', 'accept-language': 'en' } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        if (res.statusCode >= 400) { errors++; firstError ??= 'GET ' + path.replace(/patient=[^&]+/, 'patient=…') + ' -> ' + res.statusCode; resolve(undefined); return; }
        try { resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))); } catch (e) { errors++; firstError ??= 'bad JSON from ' + path; resolve(undefined); }
      });
    });
    req.on('error', (e) => { errors++; firstError ??= String(e); resolve(undefined); });
    req.end();
  });
}
async function user(index) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 6 });
  // Virtual user i takes turns with patients i, i + concurrency, …, so every account is exercised.
  for (let n = 0; performance.now() < deadline; n++) {
    const u = users[(index + n * concurrency) % users.length];
    const start = performance.now();
    const session = await get(agent, u.cookie, '/api/session');
    if (session && session.user && session.user.patientId !== u.patientId) { errors++; firstError ??= 'session is for another patient'; }
    await Promise.all(u.urls.map((url) => get(agent, u.cookie, url)));
    latencies.push(performance.now() - start);
  }
  agent.destroy();
}
const started = performance.now();
Promise.all(Array.from({ length: concurrency }, (_, i) => user(i))).then(() => {
  parentPort.postMessage({ latencies: Float64Array.from(latencies), errors, firstError, requests, seconds: (performance.now() - started) / 1000 });
});
`;

export function runHomeLoad(options: { port: number; users: HomeUser[]; concurrency: number; seconds: number }): Promise<HomeLoadResult> {
  const users = options.users.map((u) => ({ ...u, urls: homeSearchUrls(u.patientId) }));
  return new Promise((resolve, reject) => {
    const worker = new Worker(CLIENT, { eval: true, workerData: { port: options.port, users, concurrency: options.concurrency, seconds: options.seconds } });
    worker.once('error', reject);
    worker.once('message', (msg: { latencies: Float64Array; errors: number; firstError?: string; requests: number; seconds: number }) => {
      void worker.terminate();
      const sorted = Array.from(msg.latencies).sort((a, b) => a - b);
      const pct = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : NaN);
      resolve({
        loads: sorted.length,
        requests: msg.requests,
        errors: msg.errors,
        firstError: msg.firstError,
        seconds: msg.seconds,
        loadsPerSecond: sorted.length / msg.seconds,
        p50: pct(0.5),
        p95: pct(0.95),
        p99: pct(0.99),
      });
    });
  });
}
