-- Patient-scoped searches (`Observation?patient=X&category=laboratory`, `…&code=…&_sort=-date`)
-- used to find every resource of the patient through sp_reference, read each one from
-- fhir_resource, probe its tokens and compute its date, then sort them all for one page.
-- sp_patient_token holds the `code` and `category` tokens of each resource once per patient its
-- `patient` search parameter points to, with the resource's `date` sort keys beside them, so the
-- page is one index range read in date order and only the resources on the page are fetched.
-- Written with the other index rows (fhir/store); see docs/decisions/0012.
CREATE TABLE sp_patient_token (
  resource_type text        NOT NULL,
  resource_id   text        NOT NULL,
  -- id of a Patient the resource's `patient` search parameter refers to
  patient_id    text        NOT NULL,
  param         text        NOT NULL,
  system        text,
  code          text        NOT NULL,
  -- `_sort=date` key: earliest start of the resource's `date` parameter ('infinity' when it has none)
  date_lo       timestamptz NOT NULL,
  -- `_sort=-date` key: latest end of the `date` parameter ('-infinity' when it has none)
  date_hi       timestamptz NOT NULL
);
CREATE INDEX sp_patient_token_lookup ON sp_patient_token (resource_type, patient_id, param, code, date_hi DESC, resource_id) INCLUDE (system, date_lo);
CREATE INDEX sp_patient_token_resource ON sp_patient_token (resource_type, resource_id);

INSERT INTO sp_patient_token (resource_type, resource_id, patient_id, param, system, code, date_lo, date_hi)
SELECT t.resource_type, t.resource_id, p.target_id, t.param, t.system, t.code, coalesce(d.lo, 'infinity'), coalesce(d.hi, '-infinity')
FROM sp_token t
JOIN (SELECT DISTINCT resource_type, resource_id, target_id FROM sp_reference
      WHERE param = 'patient' AND target_type = 'Patient' AND target_id IS NOT NULL) p
  ON p.resource_type = t.resource_type AND p.resource_id = t.resource_id
LEFT JOIN (SELECT resource_type, resource_id, min(coalesce(lo, '-infinity')) AS lo, max(coalesce(hi, 'infinity')) AS hi
           FROM sp_date WHERE param = 'date' GROUP BY resource_type, resource_id) d
  ON d.resource_type = t.resource_type AND d.resource_id = t.resource_id
WHERE t.param IN ('code', 'category') AND t.code IS NOT NULL;

ANALYZE sp_patient_token;
