-- Bearer tokens for the operator's scripts (created with `npm run token`); only a hash is kept.
CREATE TABLE system_token (
  id          text        PRIMARY KEY,
  token_hash  text        NOT NULL UNIQUE,
  label       text        NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  revoked_at  timestamptz
);
