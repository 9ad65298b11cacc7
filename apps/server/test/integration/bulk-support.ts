// Helpers for the Bulk Data export tests: demo data, kick-off, polling and downloads over inject().
import assert from 'node:assert/strict';
import type { Resource } from '@medplum/fhirtypes';
import type { FastifyInstance } from 'fastify';
import type { Authenticator } from '../../src/auth/authenticate.js';
import { bearerToken } from '../../src/auth/authenticate.js';
import { patientPolicy } from '../../src/access/policy.js';
import { generateClinic } from '../../src/demo/generate-clinic.js';
import { importClinic } from '../../src/demo/seed.js';
import { inProcessExecutor } from '../../src/import/run-import.js';
import type { FhirRepository } from '../../src/fhir/repository.js';

export const ASYNC = { prefer: 'respond-async', accept: 'application/fhir+json' };

export async function seedClinic(repo: FhirRepository, patients: number): Promise<{ groupId: string; patientIds: string[] }> {
  const executor = inProcessExecutor(repo);
  const result = await importClinic(executor, patients, { seed: 7, asOf: new Date('2025-01-01T00:00:00Z') });
  await executor.close();
  assert.equal(result.problems.length, 0, JSON.stringify(result.problems.slice(0, 3)));
  const clinic = generateClinic({ patients, seed: 7, asOf: new Date('2025-01-01T00:00:00Z') });
  const group = clinic.shared.find((r) => r.resourceType === 'Group') as Resource;
  const patientIds = [...clinic.patients()].map((chart) => chart[0].id as string);
  return { groupId: group.id as string, patientIds };
}

/** Lets `Bearer test-patient-<id>` act as that patient (a patient-scoped policy, as a patient's app gets). */
export function patientTokens(authenticators: Authenticator[]): void {
  authenticators.unshift({
    name: 'test-patient',
    authenticate: async (request) => {
      const m = /^test-patient-(.+)$/.exec(bearerToken(request) ?? '');
      return m ? patientPolicy({ kind: 'patient', userId: `user-${m[1]}`, patientId: m[1] }) : undefined;
    },
  });
}

export async function kickOff(app: FastifyInstance, token: string, url: string, headers: Record<string, string> = ASYNC): Promise<string> {
  const res = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}`, ...headers } });
  assert.equal(res.statusCode, 202, res.body);
  const location = res.headers['content-location'] as string;
  assert.match(location, /^http:\/\/localhost:3000\/fhir\/\$export-status\/[0-9a-f-]{36}$/);
  return location;
}

export interface Manifest {
  transactionTime: string;
  request: string;
  requiresAccessToken: boolean;
  output: { type: string; url: string; count: number }[];
  error: { type: string; url: string; count: number }[];
}

export const pathOf = (url: string) => new URL(url).pathname;

export async function waitForManifest(app: FastifyInstance, token: string, statusUrl: string, timeoutMs = 30_000): Promise<Manifest> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await app.inject({ method: 'GET', url: pathOf(statusUrl), headers: { authorization: `Bearer ${token}` } });
    if (res.statusCode === 200) {
      assert.match(String(res.headers['content-type']), /^application\/json/);
      return res.json() as Manifest;
    }
    assert.equal(res.statusCode, 202, res.body);
    assert.ok(res.headers['x-progress'], 'a 202 carries X-Progress');
    assert.ok(res.headers['retry-after'], 'a 202 carries Retry-After');
    if (Date.now() > deadline) throw new Error(`export not finished: ${String(res.headers['x-progress'])}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function download(app: FastifyInstance, token: string, url: string): Promise<Resource[]> {
  const res = await app.inject({ method: 'GET', url: pathOf(url), headers: { authorization: `Bearer ${token}` } });
  assert.equal(res.statusCode, 200, res.body);
  assert.match(String(res.headers['content-type']), /^application\/fhir\+ndjson/);
  return res.body.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Resource);
}

/** Every resource of the manifest's output files, by type. */
export async function downloadAll(app: FastifyInstance, token: string, manifest: Manifest): Promise<Map<string, Resource[]>> {
  const byType = new Map<string, Resource[]>();
  for (const file of manifest.output) {
    const resources = await download(app, token, file.url);
    assert.equal(resources.length, file.count, `count of ${file.type}`);
    for (const r of resources) assert.equal(r.resourceType, file.type);
    byType.set(file.type, [...(byType.get(file.type) ?? []), ...resources]);
  }
  return byType;
}
