// A small bounded HTTP load loop (keep-alive connections, fixed concurrency, stops at a deadline or
// a request cap). Runs in a worker thread so the client does not share the server's event loop.
import { Worker } from 'node:worker_threads';

export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

export interface LoadResult {
  requests: number;
  errors: number;
  firstError?: string;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
}

const CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { port, token, requests, connections, seconds, maxRequests } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const latencies = [];
let errors = 0, firstError, next = 0, sent = 0;
const deadline = performance.now() + seconds * 1000;
function one(spec) {
  return new Promise((resolve) => {
    const start = performance.now();
    const req = http.request({ host: '127.0.0.1', port, method: spec.method, path: spec.path, agent,
      headers: { authorization: 'Bearer ' + token, accept: 'application/fhir+json', ...(spec.body ? { 'content-type': 'application/fhir+json' } : {}) } }, (res) => {
      res.on('data', () => {});
      res.on('end', () => {
        latencies.push(performance.now() - start);
        if (res.statusCode >= 400) { errors++; firstError ??= spec.method + ' ' + spec.path + ' -> ' + res.statusCode; }
        resolve();
      });
    });
    req.on('error', (e) => { errors++; firstError ??= String(e); resolve(); });
    if (spec.body) req.write(spec.body);
    req.end();
  });
}
async function loop() {
  while (performance.now() < deadline && sent < maxRequests) {
    sent++;
    await one(requests[next++ % requests.length]);
  }
}
const started = performance.now();
Promise.all(Array.from({ length: connections }, loop)).then(() => {
  agent.destroy();
  parentPort.postMessage({ latencies: Float64Array.from(latencies), errors, firstError, seconds: (performance.now() - started) / 1000 });
});
`;

export function runLoad(options: { port: number; token: string; requests: LoadRequest[]; connections: number; seconds: number; maxRequests?: number }): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(CLIENT, { eval: true, workerData: { ...options, maxRequests: options.maxRequests ?? 2_000_000 } });
    worker.once('error', reject);
    worker.once('message', (msg: { latencies: Float64Array; errors: number; firstError?: string; seconds: number }) => {
      void worker.terminate();
      const sorted = Array.from(msg.latencies).sort((a, b) => a - b);
      const pct = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : NaN);
      resolve({ requests: sorted.length, errors: msg.errors, firstError: msg.firstError, seconds: msg.seconds, rps: sorted.length / msg.seconds, p50: pct(0.5), p99: pct(0.99) });
    });
  });
}
