// Helpers for the /fhir parts of the hostile-input battery (hostile-fhir-*.test.ts): requests with
// a bearer token, searches by POST (long values do not fit a URL), and row counts to prove that a
// refused request wrote nothing.
import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from '../support/harness.js';

export interface FhirClient {
  send(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  /** Ids of the matches of a search sent as POST [type]/_search with a form body. */
  search(type: string, params: Record<string, string>): Promise<string[]>;
}

export function fhirClient(t: Pick<TestApp, 'app'>, token: string): FhirClient {
  const send = (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: method as 'GET',
      url,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/fhir+json' }), ...headers },
      payload: body === undefined ? undefined : JSON.stringify(body),
    });
  return {
    send,
    async search(type, params) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/fhir/${type}/_search`,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(params).toString(),
      });
      if (res.statusCode !== 200) throw new Error(`search ${type} -> ${res.statusCode} ${res.body.slice(0, 200)}`);
      return ((res.json() as { entry?: { resource: { id: string } }[] }).entry ?? []).map((e) => e.resource.id).sort();
    },
  };
}

const TABLES = ['fhir_resource', 'fhir_resource_history', 'sp_token', 'sp_string', 'sp_reference', 'sp_date', 'sp_number', 'sp_quantity', 'sp_uri', 'sp_patient_token'];

/** Rows in the resource, history and index tables. */
export async function rowCounts(t: Pick<TestApp, 'db'>): Promise<Record<string, number> & { resources: number }> {
  const { rows } = await t.db.query<Record<string, string>>(`SELECT ${TABLES.map((table) => `(SELECT count(*) FROM ${table}) AS ${table}`).join(', ')}`);
  const counts = Object.fromEntries(Object.entries(rows[0]).map(([k, v]) => [k, Number(v)]));
  return { ...counts, resources: counts.fhir_resource };
}
