import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { webStatic } from '../../src/web/static.js';
import { precompressAssets } from '../../src/web/precompress.js';

test('the web app is served with SPA fallback, long-cached assets, and API paths left alone', async () => {
  const dist = mkdtempSync(join(tmpdir(), 'portico-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(dist, 'assets', 'index-abc.js'), 'console.log(1)');
  const app = Fastify();
  await app.register(webStatic, { distDir: dist });
  const page = await app.inject({ url: '/results/123' });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<title>app/);
  assert.equal(page.headers['cache-control'], 'no-cache');
  const asset = await app.inject({ url: '/assets/index-abc.js' });
  assert.equal(asset.headers['cache-control'], 'public, max-age=31536000, immutable');
  assert.equal((await app.inject({ url: '/assets/gone-123.js' })).statusCode, 404);
  for (const path of ['/fhir/Patient', '/api/nothing', '/healthz', '/.well-known/x', '/oauth/authorize']) assert.equal((await app.inject({ url: path })).statusCode, 404, path);
  assert.equal((await app.inject({ url: '/..%2f..%2fetc%2fpasswd' })).statusCode === 200 ? (await app.inject({ url: '/..%2f..%2fetc%2fpasswd' })).body.includes('root:') : false, false);
  await app.close();
});

test('a clear page explains a missing build', async () => {
  const app = Fastify();
  await app.register(webStatic, { distDir: mkdtempSync(join(tmpdir(), 'portico-empty-')) });
  const res = await app.inject({ url: '/' });
  assert.equal(res.statusCode, 503);
  assert.match(res.body, /npm run build:web/);
  await app.close();
});

test('hashed assets go out brotli- or gzip-compressed to browsers that accept it, the original to others', async () => {
  const dist = mkdtempSync(join(tmpdir(), 'portico-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>app</title>');
  const script = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `word-${i % 37}`))};\n`;
  writeFileSync(join(dist, 'assets', 'index-abc.js'), script);
  precompressAssets(dist);
  const app = Fastify();
  await app.register(webStatic, { distDir: dist });
  const br = await app.inject({ url: '/assets/index-abc.js', headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
  assert.equal(br.statusCode, 200);
  assert.equal(br.headers['content-encoding'], 'br');
  assert.match(String(br.headers['content-type']), /javascript/);
  assert.equal(br.headers.vary, 'accept-encoding');
  assert.equal(br.headers['cache-control'], 'public, max-age=31536000, immutable');
  assert.ok(br.rawPayload.length < script.length / 3, `${br.rawPayload.length} bytes`);
  assert.equal(brotliDecompressSync(br.rawPayload).toString('utf8'), script);
  const gz = await app.inject({ url: '/assets/index-abc.js', headers: { 'accept-encoding': 'gzip' } });
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.equal(gunzipSync(gz.rawPayload).toString('utf8'), script);
  const plain = await app.inject({ url: '/assets/index-abc.js' });
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.equal(plain.body, script);
  // The SPA page has no compressed copy and still answers.
  const page = await app.inject({ url: '/results', headers: { 'accept-encoding': 'br' } });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<title>app/);
  await app.close();
});
