-- Long values in B-tree indexed search columns are stored as index keys (fhir/indexing/index-keys.ts):
-- the first 200 characters, '~sha256:' and the SHA-256 (hex) of the whole value in UTF-8, so an
-- oversized value no longer fails the write and exact matches stay exact. Searches now look for keys,
-- so rows stored before with values longer than that are rewritten with the same formula.
UPDATE sp_token SET code = left(code, 200) || '~sha256:' || encode(sha256(convert_to(code, 'UTF8')), 'hex') WHERE length(code) > 200;
UPDATE sp_token SET system = left(system, 200) || '~sha256:' || encode(sha256(convert_to(system, 'UTF8')), 'hex') WHERE length(system) > 200;
UPDATE sp_patient_token SET code = left(code, 200) || '~sha256:' || encode(sha256(convert_to(code, 'UTF8')), 'hex') WHERE length(code) > 200;
UPDATE sp_patient_token SET system = left(system, 200) || '~sha256:' || encode(sha256(convert_to(system, 'UTF8')), 'hex') WHERE length(system) > 200;
UPDATE sp_string SET value_norm = left(value_norm, 200) || '~sha256:' || encode(sha256(convert_to(value_norm, 'UTF8')), 'hex') WHERE length(value_norm) > 200;
UPDATE sp_uri SET value = left(value, 200) || '~sha256:' || encode(sha256(convert_to(value, 'UTF8')), 'hex') WHERE length(value) > 200;
