// Serves the built patient web app (apps/web/dist) from the API's own origin, so the session
// cookie, CSRF header and CSP `script-src 'self'` all work without CORS.
// - Hashed files under /assets/ never change, so browsers may keep them for a year.
// - index.html, the service worker and the manifest must be revalidated, or a deploy would be
//   invisible until caches expire (and a stale service worker would pin the old app).
// - Any other GET that is not an API path gets index.html: the app routes on the client (SPA).
// - Hashed text assets have brotli/gzip copies beside them (precompress.ts, run by build:web); a
//   client that accepts one gets it (Lighthouse "Enable text compression"), others the original.
import { existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';

export interface WebStaticOptions {
  /** The folder with index.html; defaults to apps/web/dist. */
  distDir?: string;
}

/** Paths the web app must never answer: they belong to APIs, and an HTML page there would confuse clients. */
const API_PREFIXES = ['/fhir', '/api', '/healthz', '/.well-known', '/oauth'];

export function isApiPath(path: string): boolean {
  return API_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`) || path.startsWith(`${p}?`));
}

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

export async function webStatic(app: FastifyInstance, options: WebStaticOptions = {}): Promise<void> {
  const distDir = resolve(options.distDir ?? join(import.meta.dirname, '../../../web/dist'));
  const indexFile = join(distDir, 'index.html');

  await app.register(fastifyStatic, { root: distDir, serve: false, cacheControl: false, etag: true, lastModified: true, preCompressed: true });

  const serve = async (request: FastifyRequest, reply: FastifyReply) => {
    let path: string;
    try {
      path = decodeURIComponent(request.url.split('?')[0]);
    } catch {
      return reply.code(400).type('text/plain; charset=utf-8').send('Bad path');
    }
    if (isApiPath(path)) return reply.callNotFound();
    if (!existsSync(indexFile)) return sendBuildMissing(reply);

    // normalize() + the prefix check keep `..` from leaving dist (send() checks again).
    const relative = normalize(path).replace(/^[/\\]+/, '');
    const file = join(distDir, relative);
    if (relative && file.startsWith(distDir) && isFile(file)) {
      reply.header('cache-control', relative.startsWith('assets/') ? IMMUTABLE : REVALIDATE);
      // The body depends on Accept-Encoding (RFC 9110 §12.5.5), which shared caches must know.
      if (relative.startsWith('assets/')) reply.header('vary', 'accept-encoding');
      if (relative === 'sw.js') reply.header('service-worker-allowed', '/');
      return reply.sendFile(relative);
    }
    // A missing file with an extension is a real 404 (a stale asset URL), not a page of the app.
    if (extname(relative)) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
    reply.header('cache-control', REVALIDATE);
    return reply.sendFile('index.html');
  };
  app.get('/', serve);
  app.get('/*', serve);
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function sendBuildMissing(reply: FastifyReply) {
  return reply
    .code(503)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Portico web app not built</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5">
<h1>The Portico web app has not been built yet</h1>
<p>The server is running and the FHIR API answers at <a href="/fhir/metadata">/fhir</a>, but the patient web app is missing.</p>
<p>Build it with <code>npm run build:web</code> (it also runs after <code>npm install</code>), then reload this page.</p>
</body></html>`);
}
