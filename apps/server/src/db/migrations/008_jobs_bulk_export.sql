-- Background jobs shared by every node: a queue claimed with FOR UPDATE SKIP LOCKED, with a lease
-- (lease_until) the running node renews, so a job whose node died is claimed again once its lease
-- runs out. Finished jobs are kept until expires_at, then deleted with what they produced.
CREATE TABLE job (
  id           uuid        PRIMARY KEY,
  kind         text        NOT NULL,
  -- who asked (a principal key): only they may see the job and its results
  owner        text        NOT NULL,
  payload      jsonb       NOT NULL,
  status       text        NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'completed', 'failed')),
  progress     text,
  result       jsonb,
  error        text,
  attempts     integer     NOT NULL DEFAULT 0,
  locked_by    text,
  lease_until  timestamptz,
  created_at   timestamptz NOT NULL DEFAULT now(),
  started_at   timestamptz,
  finished_at  timestamptz,
  expires_at   timestamptz
);
CREATE INDEX job_claimable ON job (created_at) WHERE status IN ('queued', 'running');
CREATE INDEX job_expires ON job (expires_at) WHERE expires_at IS NOT NULL;

-- Bulk Data export output (FHIR Bulk Data Access 2.0.0): one row per NDJSON file, its text in
-- chunks of a few MB so it can be written while reading and streamed out without loading it whole.
CREATE TABLE bulk_export_file (
  id            uuid    PRIMARY KEY,
  job_id        uuid    NOT NULL REFERENCES job (id) ON DELETE CASCADE,
  -- 'output' (resources) or 'error' (OperationOutcome lines)
  kind          text    NOT NULL CHECK (kind IN ('output', 'error')),
  resource_type text    NOT NULL,
  seq           integer NOT NULL,
  count         integer NOT NULL,
  bytes         bigint  NOT NULL,
  -- patients whose data the file holds: each download is audited against them
  patient_ids   text[]  NOT NULL DEFAULT '{}'
);
CREATE INDEX bulk_export_file_job ON bulk_export_file (job_id, seq);

CREATE TABLE bulk_export_chunk (
  file_id  uuid    NOT NULL REFERENCES bulk_export_file (id) ON DELETE CASCADE,
  seq      integer NOT NULL,
  data     text    NOT NULL,
  PRIMARY KEY (file_id, seq)
);
