// SQL for the resource tables. Values always go through bound parameters; many rows are written with
// one statement each (unnest of arrays) so bulk import and single writes share the same path.
import type { Queryable } from '../../db/pool.js';
import type { IndexRows } from '../indexing/extract.js';

export interface StoredVersion {
  resourceType: string;
  id: string;
  versionId: string;
  lastUpdated: string;
  deleted: boolean;
  /** The resource JSON exactly as stored (null for a deletion). */
  content: string | null;
  compartments: string[];
}

export interface VersionToWrite extends StoredVersion {
  /** Index rows to store; ignored for deletions. */
  rows: IndexRows | null;
  /** True when no earlier version exists, so there are no old index rows to remove. */
  isNew: boolean;
}

const COLUMNS = 'resource_type, id, version_id, last_updated, deleted, content, compartments';

export function toStoredVersion(row: Record<string, unknown>): StoredVersion {
  return {
    resourceType: row.resource_type as string,
    id: row.id as string,
    versionId: String(row.version_id),
    lastUpdated: new Date(row.last_updated as string).toISOString(),
    deleted: row.deleted as boolean,
    content: (row.content as string | null) ?? null,
    compartments: (row.compartments as string[]) ?? [],
  };
}

/**
 * The current version, or undefined. `compartmentFilter` is the access door's SQL condition on the
 * `compartments` and `resource_type` columns (see access/sql.ts).
 */
export async function readCurrent(db: Queryable, resourceType: string, id: string, lockForUpdate = false): Promise<StoredVersion | undefined> {
  const result = await db.query(
    `SELECT ${COLUMNS} FROM fhir_resource WHERE resource_type = $1 AND id = $2${lockForUpdate ? ' FOR UPDATE' : ''}`,
    [resourceType, id],
  );
  return result.rows[0] ? toStoredVersion(result.rows[0]) : undefined;
}

export async function readVersion(db: Queryable, resourceType: string, id: string, versionId: string): Promise<StoredVersion | undefined> {
  if (!/^\d{1,18}$/.test(versionId)) return undefined;
  const result = await db.query(
    `SELECT ${COLUMNS} FROM fhir_resource_history WHERE resource_type = $1 AND id = $2 AND version_id = $3`,
    [resourceType, id, versionId],
  );
  return result.rows[0] ? toStoredVersion(result.rows[0]) : undefined;
}

export async function writeVersions(db: Queryable, versions: VersionToWrite[]): Promise<void> {
  if (versions.length === 0) return;
  const cols = {
    type: versions.map((v) => v.resourceType),
    id: versions.map((v) => v.id),
    version: versions.map((v) => v.versionId),
    updated: versions.map((v) => v.lastUpdated),
    deleted: versions.map((v) => v.deleted),
    content: versions.map((v) => v.content),
    // Arrays of arrays cannot be unnested one level in SQL, so compartments travel as JSON.
    compartments: versions.map((v) => JSON.stringify(v.compartments)),
  };
  const params = [cols.type, cols.id, cols.version, cols.updated, cols.deleted, cols.content, cols.compartments];
  const source = `SELECT t, i, v::bigint, u::timestamptz, d, c, ARRAY(SELECT jsonb_array_elements_text(p::jsonb))
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::boolean[], $6::text[], $7::text[]) AS x(t, i, v, u, d, c, p)`;
  await db.query(
    `INSERT INTO fhir_resource (${COLUMNS}) ${source}
     ON CONFLICT (resource_type, id) DO UPDATE SET version_id = EXCLUDED.version_id, last_updated = EXCLUDED.last_updated,
       deleted = EXCLUDED.deleted, content = EXCLUDED.content, compartments = EXCLUDED.compartments`,
    params,
  );
  await db.query(`INSERT INTO fhir_resource_history (${COLUMNS}) ${source}`, params);

  const replaced = versions.filter((v) => !v.isNew);
  if (replaced.length > 0) await deleteIndexRows(db, replaced.map((v) => v.resourceType), replaced.map((v) => v.id));
  await insertIndexRows(db, versions.filter((v) => !v.deleted && v.rows));
}

const INDEX_TABLES = ['sp_token', 'sp_string', 'sp_reference', 'sp_date', 'sp_number', 'sp_quantity', 'sp_uri'];

async function deleteIndexRows(db: Queryable, types: string[], ids: string[]): Promise<void> {
  for (const table of INDEX_TABLES) {
    await db.query(
      `DELETE FROM ${table} WHERE (resource_type, resource_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      [types, ids],
    );
  }
}

async function insertIndexRows(db: Queryable, versions: VersionToWrite[]): Promise<void> {
  const table = <R>(pick: (rows: IndexRows) => R[], columns: ((r: R) => unknown)[]) => {
    const arrays: unknown[][] = [[], [], ...columns.map(() => [])];
    for (const v of versions) {
      for (const r of pick(v.rows as IndexRows)) {
        arrays[0].push(v.resourceType);
        arrays[1].push(v.id);
        columns.forEach((col, i) => arrays[i + 2].push(col(r)));
      }
    }
    return arrays;
  };
  const inserts: [string, string, unknown[][]][] = [
    ['sp_token', 'param, system, code, text_norm', table((r) => r.token, [(r) => r.param, (r) => r.system, (r) => r.code, (r) => r.textNorm])],
    ['sp_string', 'param, value, value_norm', table((r) => r.string, [(r) => r.param, (r) => r.value, (r) => r.valueNorm])],
    ['sp_reference', 'param, target_type, target_id, reference', table((r) => r.reference, [(r) => r.param, (r) => r.targetType, (r) => r.targetId, (r) => r.reference])],
    ['sp_date', 'param, lo, hi', table((r) => r.date, [(r) => r.param, (r) => r.lo, (r) => r.hi])],
    ['sp_number', 'param, value', table((r) => r.number, [(r) => r.param, (r) => r.value])],
    ['sp_quantity', 'param, value, system, code, unit', table((r) => r.quantity, [(r) => r.param, (r) => r.value, (r) => r.system, (r) => r.code, (r) => r.unit])],
    ['sp_uri', 'param, value', table((r) => r.uri, [(r) => r.param, (r) => r.value])],
  ];
  const casts: Record<string, string[]> = {
    sp_date: ['text', 'timestamptz', 'timestamptz'],
    sp_number: ['text', 'numeric'],
    sp_quantity: ['text', 'numeric', 'text', 'text', 'text'],
  };
  for (const [name, columns, arrays] of inserts) {
    if (arrays[0].length === 0) continue;
    const colCasts = casts[name] ?? columns.split(',').map(() => 'text');
    const placeholders = ['$1::text[]', '$2::text[]', ...colCasts.map((c, i) => `$${i + 3}::${c}[]`)].join(', ');
    await db.query(`INSERT INTO ${name} (resource_type, resource_id, ${columns}) SELECT * FROM unnest(${placeholders})`, arrays);
  }
}
