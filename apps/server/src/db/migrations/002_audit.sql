-- Audit trail: one row per AuditEvent, hash-chained (hash = sha256(prev_hash || canonical event)).
-- Rows are appended in `seq` order by one writer at a time (advisory lock), and a trigger refuses
-- UPDATE and DELETE, so an edit can only come from someone who bypasses the app's role, and the
-- chain then shows where.
CREATE TABLE audit_event (
  seq          bigint      PRIMARY KEY,
  recorded     timestamptz NOT NULL,
  patient_ids  text[]      NOT NULL DEFAULT '{}',
  agent        text        NOT NULL,
  action       text        NOT NULL,
  outcome      text        NOT NULL,
  content      text        NOT NULL,
  prev_hash    text        NOT NULL,
  hash         text        NOT NULL
);
CREATE INDEX audit_event_patient ON audit_event USING gin (patient_ids);
CREATE INDEX audit_event_recorded ON audit_event (recorded);

CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only';
END;
$$;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
