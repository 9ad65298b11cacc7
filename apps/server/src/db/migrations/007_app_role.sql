-- The role the app works as: every privilege it needs on every table, but no UPDATE, DELETE or
-- TRUNCATE on audit_event, so the audit trail is append-only for the app itself (the trigger of
-- migration 002 stays as a second wall). The app switches to it with SET ROLE on each connection.
-- Where the connected user may not create roles (some managed databases), the migration only
-- notes it; the app then logs that the trigger alone protects the trail.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'portico_app') THEN
    BEGIN
      CREATE ROLE portico_app NOLOGIN NOINHERIT;
    EXCEPTION
      WHEN insufficient_privilege THEN
        RAISE NOTICE 'cannot create role portico_app: audit_event is protected by its trigger only';
        RETURN;
      WHEN duplicate_object THEN NULL;
    END;
  END IF;
  BEGIN
    EXECUTE format('GRANT portico_app TO %I', current_user);
  EXCEPTION WHEN OTHERS THEN NULL;
  END;
  EXECUTE 'GRANT USAGE ON SCHEMA public TO portico_app';
  EXECUTE 'GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA public TO portico_app';
  EXECUTE 'GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO portico_app';
  EXECUTE 'REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM portico_app';
  -- Tables later migrations create get the same grants.
  EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON TABLES TO portico_app', current_user);
  EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO portico_app', current_user);
EXCEPTION
  WHEN insufficient_privilege THEN
    RAISE NOTICE 'cannot set up role portico_app: audit_event is protected by its trigger only';
END
$$;
