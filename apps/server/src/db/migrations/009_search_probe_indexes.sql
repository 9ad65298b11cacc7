-- Search checks each candidate resource with EXISTS (SELECT 1 FROM sp_x WHERE resource_type, resource_id,
-- param, value …) and computes sort keys the same way. With only (resource_type, resource_id) indexed,
-- each probe read every index row of the resource from the table (an Observation has ~20 token rows).
-- Keyed by resource, parameter and value, a probe is answered from the index alone. The old indexes
-- are prefixes of the new ones (deleting a resource's rows uses the new ones), so they are dropped.
CREATE INDEX sp_token_resource_param ON sp_token (resource_type, resource_id, param, code, system);
DROP INDEX sp_token_resource;
CREATE INDEX sp_reference_resource_param ON sp_reference (resource_type, resource_id, param, target_id, target_type);
DROP INDEX sp_reference_resource;
CREATE INDEX sp_date_resource_param ON sp_date (resource_type, resource_id, param, lo, hi);
DROP INDEX sp_date_resource;
