import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { webStatic } from '../../src/web/static.js';

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
