-- Who registered an app in the staff app and who disabled it, for the administrators' app list.
-- A snapshot {id, displayName} of the account (like smart_grant.user_json), so the list needs no
-- join into the identity tables and still reads well after the account is gone. NULL for apps
-- registered from the command line or by dynamic registration.
ALTER TABLE smart_client ADD COLUMN registered_by_user jsonb;
ALTER TABLE smart_client ADD COLUMN revoked_by_user jsonb;
