// SQL for the resource tables. Values always go through bound parameters; many rows are written with
// one statement each (unnest of arrays) so bulk import and single writes share the same path.
import type { Queryable } from '../../db/pool.js';
import type { IndexRows } from '../indexing/extract.js';
import { patientTokenRows } from './patient-tokens.js';

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

const READ_CURRENT = { name: 'fhir-read-current', text: `SELECT ${COLUMNS} FROM fhir_resource WHERE resource_type = $1 AND id = $2` };
const READ_CURRENT_FOR_UPDATE = { name: 'fhir-read-current-lock', text: `${READ_CURRENT.text} FOR UPDATE` };

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
  // Named: the read by id is the hottest statement, so each connection plans it once.
  // (A fresh object: pg writes the values into the config it is given.)
  const result = await db.query({ ...(lockForUpdate ? READ_CURRENT_FOR_UPDATE : READ_CURRENT) }, [resourceType, id]);
  return result.rows[0] ? toStoredVersion(result.rows[0]) : undefined;
}

/**
 * Serialises writers of one resource until the transaction ends. `SELECT … FOR UPDATE` locks only a
 * row that exists, so two update-as-create requests for the same new id would both see nothing and
 * both write version 1; this lock (PostgreSQL advisory locks §13.3.5, the two-key space, apart from
 * the single-key locks used elsewhere) makes the second wait and then see the first's version.
 */
export async function lockResourceForWrite(db: Queryable, resourceType: string, id: string): Promise<void> {
  await db.query({ ...LOCK_RESOURCE }, [resourceType, id]);
}

const LOCK_RESOURCE = { name: 'fhir-lock-resource', text: 'SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))' };

export async function readVersion(db: Queryable, resourceType: string, id: string, versionId: string): Promise<StoredVersion | undefined> {
  if (!/^\d{1,18}$/.test(versionId)) return undefined;
  const result = await db.query(
    `SELECT ${COLUMNS} FROM fhir_resource_history WHERE resource_type = $1 AND id = $2 AND version_id = $3`,
    [resourceType, id, versionId],
  );
  return result.rows[0] ? toStoredVersion(result.rows[0]) : undefined;
}

/**
 * Writes versions — resource rows, history rows, and the index rows (old ones of replaced resources
 * removed) — in ONE statement of data-modifying CTEs (PostgreSQL "WITH Queries" §7.8.4): one round
 * trip, atomic on its own, so a single create needs no surrounding transaction. The sub-statements
 * share one snapshot, so the DELETE of a replaced resource's old index rows cannot see (or remove)
 * the rows the INSERTs add.
 */
export async function writeVersions(db: Queryable, versions: VersionToWrite[]): Promise<void> {
  if (versions.length === 0) return;
  const params: unknown[] = [];
  const bind = (value: unknown, cast: string) => {
    params.push(value);
    return `$${params.length}::${cast}`;
  };
  const source = `SELECT t, i, v::bigint, u::timestamptz, d, c, ARRAY(SELECT jsonb_array_elements_text(p::jsonb))
    FROM unnest(${bind(versions.map((v) => v.resourceType), 'text[]')}, ${bind(versions.map((v) => v.id), 'text[]')}, ${bind(versions.map((v) => v.versionId), 'text[]')},
      ${bind(versions.map((v) => v.lastUpdated), 'text[]')}, ${bind(versions.map((v) => v.deleted), 'boolean[]')}, ${bind(versions.map((v) => v.content), 'text[]')},
      ${bind(versions.map((v) => JSON.stringify(v.compartments)), 'text[]')}) AS x(t, i, v, u, d, c, p)`;
  // Arrays of arrays cannot be unnested one level in SQL, so compartments travel as JSON (above).
  const ctes = [
    `w_resource AS (INSERT INTO fhir_resource (${COLUMNS}) ${source}
     ON CONFLICT (resource_type, id) DO UPDATE SET version_id = EXCLUDED.version_id, last_updated = EXCLUDED.last_updated,
       deleted = EXCLUDED.deleted, content = EXCLUDED.content, compartments = EXCLUDED.compartments)`,
    `w_history AS (INSERT INTO fhir_resource_history (${COLUMNS}) ${source})`,
  ];
  const replaced = versions.filter((v) => !v.isNew);
  if (replaced.length > 0) {
    const types = bind(replaced.map((v) => v.resourceType), 'text[]');
    const ids = bind(replaced.map((v) => v.id), 'text[]');
    for (const table of INDEX_TABLES) {
      ctes.push(`d_${table} AS (DELETE FROM ${table} WHERE (resource_type, resource_id) IN (SELECT * FROM unnest(${types}, ${ids})))`);
    }
  }
  for (const [table, columns, casts, arrays] of indexRowArrays(versions.filter((v) => !v.deleted && v.rows))) {
    if (arrays[0].length === 0) continue;
    const placeholders = arrays.map((a, i) => bind(a, `${i < 2 ? 'text' : casts[i - 2]}[]`)).join(', ');
    ctes.push(`i_${table} AS (INSERT INTO ${table} (resource_type, resource_id, ${columns}) SELECT * FROM unnest(${placeholders}))`);
  }
  // Writers of one resource are serialised (lockResourceForWrite). Should two still race to the same
  // version on a path that does not lock, the unique violation (23505) propagates as it is: the
  // importer retries it, and the FHIR answer is a 409 (fault-outcomes.ts).
  await db.query(`WITH ${ctes.join(',\n')} SELECT 1`, params);
}

const INDEX_TABLES = ['sp_token', 'sp_string', 'sp_reference', 'sp_date', 'sp_number', 'sp_quantity', 'sp_uri', 'sp_patient_token'];

/** Per index table: its value columns, their SQL types, and column arrays (type, id, values…) for unnest. */
function indexRowArrays(versions: VersionToWrite[]): [string, string, string[], unknown[][]][] {
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
  return [
    ['sp_token', 'param, system, code, text_norm', ['text', 'text', 'text', 'text'], table((r) => r.token, [(r) => r.param, (r) => r.system, (r) => r.code, (r) => r.textNorm])],
    ['sp_string', 'param, value, value_norm', ['text', 'text', 'text'], table((r) => r.string, [(r) => r.param, (r) => r.value, (r) => r.valueNorm])],
    ['sp_reference', 'param, target_type, target_id, reference', ['text', 'text', 'text', 'text'], table((r) => r.reference, [(r) => r.param, (r) => r.targetType, (r) => r.targetId, (r) => r.reference])],
    ['sp_date', 'param, lo, hi', ['text', 'timestamptz', 'timestamptz'], table((r) => r.date, [(r) => r.param, (r) => r.lo, (r) => r.hi])],
    ['sp_number', 'param, value', ['text', 'numeric'], table((r) => r.number, [(r) => r.param, (r) => r.value])],
    ['sp_quantity', 'param, value, system, code, unit', ['text', 'numeric', 'text', 'text', 'text'], table((r) => r.quantity, [(r) => r.param, (r) => r.value, (r) => r.system, (r) => r.code, (r) => r.unit])],
    ['sp_uri', 'param, value', ['text', 'text'], table((r) => r.uri, [(r) => r.param, (r) => r.value])],
    ['sp_patient_token', 'patient_id, param, system, code, date_lo, date_hi', ['text', 'text', 'text', 'text', 'timestamptz', 'timestamptz'],
      table(patientTokenRows, [(r) => r.patientId, (r) => r.param, (r) => r.system, (r) => r.code, (r) => r.dateLo, (r) => r.dateHi])],
  ];
}
