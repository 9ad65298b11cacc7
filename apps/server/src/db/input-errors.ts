// PostgreSQL SQLSTATE class 22 ("data exception": a NUL byte in text, an impossible date, a number
// out of range, …) comes from a value the client sent reaching SQL as a bound parameter. It is the
// client's mistake, so the HTTP layer answers 400; the database's message is neither shown nor
// logged, because it can quote the value (a search term, a name).
export function isBadInputFromDatabase(error: unknown): boolean {
  const e = error as { code?: unknown; severity?: unknown } | undefined;
  return typeof e?.code === 'string' && /^22[0-9A-Z]{3}$/.test(e.code) && typeof e.severity === 'string';
}

/** What may be logged about such an error: its SQLSTATE only. */
export const sqlStateOf = (error: unknown) => ({ sqlState: (error as { code?: string }).code });

/**
 * SQLSTATE 40001 (serialization_failure), 40P01 (deadlock_detected) or 23505 (unique_violation, two
 * writers of one new resource version): two requests changed the same rows at once and PostgreSQL
 * rolled one back. Retrying that request is safe (the importer does, import/write-unit.ts).
 */
export function isWriteConflict(error: unknown): boolean {
  const e = error as { code?: unknown; severity?: unknown } | undefined;
  return (e?.code === '40001' || e?.code === '40P01' || e?.code === '23505') && typeof e.severity === 'string';
}

/**
 * SQLSTATE 57014 (query_canceled): a statement ran past `statement_timeout` (db/pool.ts), which bounds
 * the database work one request can take. Not the client's mistake alone, so it answers 503.
 */
export function isStatementTimeout(error: unknown): boolean {
  const e = error as { code?: unknown; severity?: unknown } | undefined;
  return e?.code === '57014' && typeof e.severity === 'string';
}
