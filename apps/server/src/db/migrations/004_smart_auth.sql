-- SMART App Launch authorization server state. Every secret (client secrets, codes, access and
-- refresh tokens, EHR launch handles, browser binding of a pending authorization) is stored only
-- as a SHA-256 hash; signing keys' private halves are encrypted when PORTICO_SECRET_KEY is set.
CREATE TABLE smart_client (
  client_id      text        PRIMARY KEY,
  name           text        NOT NULL,
  -- public | confidential-symmetric | confidential-asymmetric
  client_type    text        NOT NULL,
  secret_hash    text,
  redirect_uris  text[]      NOT NULL DEFAULT '{}',
  jwks_url       text,
  jwks           jsonb,
  backend        boolean     NOT NULL DEFAULT false,
  launch_url     text,
  -- admin | dynamic (RFC 7591)
  registered_by  text        NOT NULL DEFAULT 'admin',
  created_at     timestamptz NOT NULL DEFAULT now(),
  revoked_at     timestamptz
);

CREATE TABLE smart_signing_key (
  kid          text        PRIMARY KEY,
  alg          text        NOT NULL,
  public_jwk   jsonb       NOT NULL,
  -- AES-256-GCM sealed private JWK ("enc:v1:…") or, without PORTICO_SECRET_KEY, "plain:…"
  private_jwk  text        NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  -- no longer used to sign after this; still published until expires_at so issued tokens verify
  retire_at    timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL
);

-- A pending authorization request between /authorize and the code (login, consent).
CREATE TABLE smart_auth_request (
  id             text        PRIMARY KEY,
  browser_hash   text        NOT NULL,
  csrf_token     text        NOT NULL,
  client_id      text        NOT NULL REFERENCES smart_client(client_id),
  redirect_uri   text        NOT NULL,
  scope          text        NOT NULL,
  state          text,
  code_challenge text        NOT NULL,
  nonce          text,
  ui_locales     text,
  launch_patient   text,
  launch_encounter text,
  launch_user      text,
  user_json      jsonb,
  created_at     timestamptz NOT NULL DEFAULT now(),
  expires_at     timestamptz NOT NULL,
  done_at        timestamptz
);

-- What a patient (or user) allowed an app: the connected-apps list and the root of its tokens.
CREATE TABLE smart_grant (
  id            text        PRIMARY KEY,
  client_id     text        NOT NULL REFERENCES smart_client(client_id),
  user_id       text,
  user_json     jsonb,
  patient_id    text,
  scope         text        NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_used_at  timestamptz,
  revoked_at    timestamptz
);
CREATE INDEX smart_grant_patient ON smart_grant (patient_id) WHERE revoked_at IS NULL;

CREATE TABLE smart_code (
  code_hash      text        PRIMARY KEY,
  grant_id       text        NOT NULL REFERENCES smart_grant(id),
  client_id      text        NOT NULL,
  redirect_uri   text        NOT NULL,
  code_challenge text        NOT NULL,
  context        jsonb       NOT NULL,
  expires_at     timestamptz NOT NULL,
  used_at        timestamptz
);

CREATE TABLE smart_token (
  token_hash   text        PRIMARY KEY,
  -- access | refresh
  kind         text        NOT NULL,
  client_id    text        NOT NULL,
  grant_id     text        REFERENCES smart_grant(id),
  scope        text        NOT NULL,
  context      jsonb       NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  revoked_at   timestamptz
);
CREATE INDEX smart_token_grant ON smart_token (grant_id);

-- private_key_jwt assertion ids already seen (RFC 7523 §3 item 7), kept until the assertion expires.
CREATE TABLE smart_jti (
  client_id   text        NOT NULL,
  jti         text        NOT NULL,
  expires_at  timestamptz NOT NULL,
  PRIMARY KEY (client_id, jti)
);

-- EHR launch handles created when staff open an app for a patient from the portal.
CREATE TABLE smart_launch (
  launch_hash  text        PRIMARY KEY,
  client_id    text        NOT NULL REFERENCES smart_client(client_id),
  patient_id   text,
  encounter_id text,
  user_id      text,
  expires_at   timestamptz NOT NULL
);
