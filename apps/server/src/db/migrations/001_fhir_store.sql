-- FHIR resource store. The current version of each resource lives in fhir_resource; every version
-- (including the current one) lives in fhir_resource_history. The JSON is kept as text so reads can
-- send the stored bytes without parsing and re-serialising them.
CREATE TABLE fhir_resource (
  resource_type text        NOT NULL,
  id            text        NOT NULL,
  version_id    bigint      NOT NULL,
  last_updated  timestamptz NOT NULL,
  deleted       boolean     NOT NULL DEFAULT false,
  content       text,
  -- Ids of the patients whose compartment holds this resource (FHIR CompartmentDefinition/patient).
  -- The access-control door filters every query on this column.
  compartments  text[]      NOT NULL DEFAULT '{}',
  PRIMARY KEY (resource_type, id)
);
CREATE INDEX fhir_resource_compartments ON fhir_resource USING gin (compartments);
CREATE INDEX fhir_resource_last_updated ON fhir_resource (resource_type, last_updated);

CREATE TABLE fhir_resource_history (
  resource_type text        NOT NULL,
  id            text        NOT NULL,
  version_id    bigint      NOT NULL,
  last_updated  timestamptz NOT NULL,
  deleted       boolean     NOT NULL DEFAULT false,
  content       text,
  compartments  text[]      NOT NULL DEFAULT '{}',
  PRIMARY KEY (resource_type, id, version_id)
);
CREATE INDEX fhir_resource_history_time ON fhir_resource_history (last_updated);

-- Search index rows, one table per search parameter type, written at the same time as the resource
-- from the official SearchParameter definitions. `param` is the search parameter code.
CREATE TABLE sp_token (
  resource_type text NOT NULL,
  resource_id   text NOT NULL,
  param         text NOT NULL,
  system        text,
  code          text,
  text_norm     text
);
CREATE INDEX sp_token_lookup ON sp_token (resource_type, param, code, system);
CREATE INDEX sp_token_resource ON sp_token (resource_type, resource_id);

CREATE TABLE sp_string (
  resource_type text NOT NULL,
  resource_id   text NOT NULL,
  param         text NOT NULL,
  value         text NOT NULL,
  -- lower-cased, accents removed: FHIR string search is case- and accent-insensitive
  value_norm    text NOT NULL
);
CREATE INDEX sp_string_lookup ON sp_string (resource_type, param, value_norm text_pattern_ops);
CREATE INDEX sp_string_resource ON sp_string (resource_type, resource_id);

CREATE TABLE sp_reference (
  resource_type text NOT NULL,
  resource_id   text NOT NULL,
  param         text NOT NULL,
  target_type   text,
  target_id     text,
  -- the literal reference as written (absolute URLs, canonicals, identifiers)
  reference     text NOT NULL
);
CREATE INDEX sp_reference_lookup ON sp_reference (resource_type, param, target_id);
CREATE INDEX sp_reference_target ON sp_reference (target_type, target_id);
CREATE INDEX sp_reference_resource ON sp_reference (resource_type, resource_id);

CREATE TABLE sp_date (
  resource_type text        NOT NULL,
  resource_id   text        NOT NULL,
  param         text        NOT NULL,
  -- the instant range the value covers (a date 2020-01-01 covers the whole day)
  lo            timestamptz,
  hi            timestamptz
);
CREATE INDEX sp_date_lookup ON sp_date (resource_type, param, lo, hi);
CREATE INDEX sp_date_resource ON sp_date (resource_type, resource_id);

CREATE TABLE sp_number (
  resource_type text    NOT NULL,
  resource_id   text    NOT NULL,
  param         text    NOT NULL,
  value         numeric NOT NULL
);
CREATE INDEX sp_number_lookup ON sp_number (resource_type, param, value);
CREATE INDEX sp_number_resource ON sp_number (resource_type, resource_id);

CREATE TABLE sp_quantity (
  resource_type text    NOT NULL,
  resource_id   text    NOT NULL,
  param         text    NOT NULL,
  value         numeric NOT NULL,
  system        text,
  code          text,
  unit          text
);
CREATE INDEX sp_quantity_lookup ON sp_quantity (resource_type, param, value);
CREATE INDEX sp_quantity_resource ON sp_quantity (resource_type, resource_id);

CREATE TABLE sp_uri (
  resource_type text NOT NULL,
  resource_id   text NOT NULL,
  param         text NOT NULL,
  value         text NOT NULL
);
CREATE INDEX sp_uri_lookup ON sp_uri (resource_type, param, value);
CREATE INDEX sp_uri_resource ON sp_uri (resource_type, resource_id);
