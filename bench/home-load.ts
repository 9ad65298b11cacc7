// The Home screen's data, as the web app loads it (apps/web/src/features/records/load-home.ts
// loadHome, features/identity/session.tsx), replayed by virtual patients with real portal session
// cookies. One "Home load" is:
//   1. GET /api/session (the app renders nothing signed-in before it answers; it also gives the
//      CSRF token), then
//   2. POST /fhir with homeBatch (the app's own request, so the two cannot drift): a batch of five
//      searches, one page each: the newest lab DiagnosticReports trimmed with _elements (no
//      results), the next few upcoming Appointments, and three `_summary=count` searches.
// Each virtual user has its own keep-alive agent, like a browser tab.
// Runs in a worker thread so the client does not share the server's event loop.
import { request } from 'node:http';
import { Worker } from 'node:worker_threads';
import type { Queryable } from '../apps/server/src/db/pool.js';
import { createAccount } from '../apps/server/src/identity/accounts.js';
import { hashPassword } from '../apps/server/src/identity/passwords.js';
import { SESSION_COOKIE } from '../apps/server/src/identity/sessions.js';
import { homeBatch } from '../apps/web/src/features/records/load-home.js';

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

/** The body of the app's Home request (loadHome) for a patient, as JSON. */
export function homeRequestBody(patientId: string, now = new Date()): string {
  return JSON.stringify(homeBatch(patientId, now));
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
function call(agent, cookie, method, path, body, csrf) {
  return new Promise((resolve) => {
    requests++;
    const headers = { cookie, accept: 'application/json, application/fhir+json', 'accept-language': 'en' };
    if (body) Object.assign(headers, { 'content-type': 'application/fhir+json', 'x-csrf-token': csrf });
    const req = http.request({ host: '127.0.0.1', port, method, path, agent, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        if (res.statusCode >= 400) { errors++; firstError ??= method + ' ' + path + ' -> ' + res.statusCode; resolve(undefined); return; }
        try { resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))); } catch (e) { errors++; firstError ??= 'bad JSON from ' + path; resolve(undefined); }
      });
    });
    req.on('error', (e) => { errors++; firstError ??= String(e); resolve(undefined); });
    req.end(body);
  });
}
async function user(index) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 6 });
  // Virtual user i takes turns with patients i, i + concurrency, …, so every account is exercised.
  for (let n = 0; performance.now() < deadline; n++) {
    const u = users[(index + n * concurrency) % users.length];
    const start = performance.now();
    const session = await call(agent, u.cookie, 'GET', '/api/session');
    if (session && session.user && session.user.patientId !== u.patientId) { errors++; firstError ??= 'session is for another patient'; }
    const batch = await call(agent, u.cookie, 'POST', '/fhir', u.body, session && session.csrfToken);
    const failed = batch && (batch.entry || []).find((e) => !String(e.response && e.response.status).startsWith('2'));
    if (failed) { errors++; firstError ??= 'batch entry -> ' + failed.response.status; }
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
  const users = options.users.map((u) => ({ ...u, body: homeRequestBody(u.patientId) }));
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
