// Brotli/gzip for the JSON the web app and FHIR clients read (/fhir and /api). A lab history is
// hundreds of KB of repetitive JSON; on a phone link that is seconds, compressed it is a tenth.
// The web app's own files are precompressed at build time (web/precompress.ts) and never pass here.
//
// What is compressed, and why not more (BREACH: a response that holds a secret and also reflects
// text an attacker chose leaks the secret through its compressed length; docs/decisions/0009):
// - /fhir: every response, including Bulk Data NDJSON streams. It carries health data but no
//   credential, and the only ambient credential that reaches it, the portal cookie, is
//   SameSite=Strict, so another site cannot make a victim's browser send the requests an attack needs.
// - /api: reads (GET) only, and not /api/session, which carries the CSRF token. The writes are
//   where credentials are issued (sign-in, TOTP secrets, recovery and activation codes) and are
//   small anyway. /auth (SMART tokens, client secrets) is never compressed.
import { pipeline, type Readable } from 'node:stream';
import { promisify } from 'node:util';
import { brotliCompress, constants, createBrotliCompress, createGzip, gzip } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest, onSendHookHandler } from 'fastify';

/** Below this the saving is smaller than the cost of the headers and the CPU. */
export const MIN_BYTES = 1024;
/** Text formats worth compressing; images, PDFs and archives are compressed already. */
const COMPRESSIBLE = /^(?:text\/(?!event-stream)|application\/(?:[\w.+-]*[+-])?(?:json|ndjson|xml)(?=;|\s|$))/i;
const SECRET_BEARING = new Set(['/api/session']);
/** Quality 4 / level 6: most of the size gain for a small CPU cost per response on a busy server. */
const BROTLI = { params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } };
const GZIP = { level: 6 };
const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

type Encoding = 'br' | 'gzip';

export function mayCompress(method: string, path: string): boolean {
  if (path === '/fhir' || path.startsWith('/fhir/')) return true;
  if (path.startsWith('/api/')) return (method === 'GET' || method === 'HEAD') && !SECRET_BEARING.has(path.replace(/\/+$/, ''));
  return false;
}

/** The client's preferred encoding we offer (RFC 9110 §12.5.3), brotli first; undefined for identity. */
export function negotiateEncoding(acceptEncoding: string | undefined): Encoding | undefined {
  if (!acceptEncoding) return undefined;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name.trim(), Number.isFinite(value) ? value : 0);
  }
  const weight = (name: Encoding) => q.get(name) ?? q.get('*') ?? 0;
  const br = weight('br');
  const gz = weight('gzip');
  if (br > 0 && br >= gz) return 'br';
  if (gz > 0) return 'gzip';
  return undefined;
}

function isStream(payload: unknown): payload is Readable {
  return typeof payload === 'object' && payload !== null && typeof (payload as Readable).pipe === 'function';
}

function addVary(reply: FastifyReply): void {
  const vary = String(reply.getHeader('vary') ?? '');
  if (!/\baccept-encoding\b/i.test(vary)) reply.header('vary', vary ? `${vary}, accept-encoding` : 'accept-encoding');
}

export const compressResponse: onSendHookHandler = async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
  if (!mayCompress(request.method, request.url.split('?')[0])) return payload;
  if (reply.statusCode === 204 || reply.statusCode === 304 || reply.hasHeader('content-encoding')) return payload;
  if (!COMPRESSIBLE.test(String(reply.getHeader('content-type') ?? ''))) return payload;
  if (/\bno-transform\b/i.test(String(reply.getHeader('cache-control') ?? ''))) return payload;
  const stream = isStream(payload);
  const size = typeof payload === 'string' ? Buffer.byteLength(payload) : Buffer.isBuffer(payload) ? payload.length : undefined;
  if (!stream && (size === undefined || size < MIN_BYTES)) return payload;
  // Whether or not this client gets it compressed, the body depends on Accept-Encoding.
  addVary(reply);
  const encoding = negotiateEncoding(request.headers['accept-encoding']);
  if (!encoding) return payload;
  reply.header('content-encoding', encoding).removeHeader('content-length');
  if (stream) {
    // Bulk Data files stream from the database: compress as they flow, never buffer them whole.
    const compressor = encoding === 'br' ? createBrotliCompress(BROTLI) : createGzip(GZIP);
    return pipeline(payload, compressor, (err) => {
      if (err) request.log.warn({ err }, 'compressed response stream ended early');
    });
  }
  // zlib's async functions run on the libuv thread pool, so the event loop keeps serving.
  return encoding === 'br' ? brotliAsync(payload as string | Buffer, BROTLI) : gzipAsync(payload as string | Buffer, GZIP);
};

/**
 * Adds the hook to every /fhir and /api route registered after this call. A route-level hook runs
 * after the app's own onSend hooks, so they all still see the uncompressed payload.
 */
export function registerResponseCompression(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (!(route.url === '/fhir' || route.url.startsWith('/fhir/') || route.url.startsWith('/api/'))) return;
    const existing = route.onSend ? (Array.isArray(route.onSend) ? route.onSend : [route.onSend]) : [];
    route.onSend = [...existing, compressResponse];
  });
}
