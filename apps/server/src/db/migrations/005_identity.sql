-- Portal identity: accounts, server-side sessions, MFA credentials, one-time tokens and sign-in
-- throttling. Session ids, one-time tokens and recovery codes are stored only as SHA-256 hashes
-- (they are 128+ bit random values, so a slow hash adds nothing); TOTP secrets are encrypted with
-- AES-256-GCM under the configured keyring ("v1:<key id>:…"). Throttle state lives here, not in
-- memory, so several app nodes share it.
CREATE TABLE account (
  id               text        PRIMARY KEY,
  -- lower-cased, trimmed
  email            text        NOT NULL UNIQUE,
  -- patient | staff | admin
  kind             text        NOT NULL CHECK (kind IN ('patient', 'staff', 'admin')),
  display_name     text        NOT NULL,
  -- argon2id PHC string
  password_hash    text,
  patient_id       text        UNIQUE,
  practitioner_id  text,
  organization_id  text,
  -- staff roles: clinician, nurse, front-desk, billing
  roles            text[]      NOT NULL DEFAULT '{}',
  locale           text        NOT NULL DEFAULT 'en',
  disabled         boolean     NOT NULL DEFAULT false,
  created_at       timestamptz NOT NULL DEFAULT now(),
  password_changed_at timestamptz
);

CREATE TABLE account_session (
  -- public handle shown in the sessions list; the cookie value is only kept as token_hash
  id                  text        PRIMARY KEY,
  token_hash          text        NOT NULL UNIQUE,
  account_id          text        NOT NULL REFERENCES account(id) ON DELETE CASCADE,
  -- mfa-pending: password accepted, second factor awaited; active: signed in
  state               text        NOT NULL CHECK (state IN ('mfa-pending', 'active')),
  csrf_token          text        NOT NULL,
  created_at          timestamptz NOT NULL DEFAULT now(),
  last_seen_at        timestamptz NOT NULL DEFAULT now(),
  idle_expires_at     timestamptz NOT NULL,
  absolute_expires_at timestamptz NOT NULL,
  ended_at            timestamptz,
  end_reason          text,
  ip_address          text,
  user_agent          text,
  auth_methods        text[]      NOT NULL DEFAULT '{}'
);
CREATE INDEX account_session_account ON account_session (account_id) WHERE ended_at IS NULL;

CREATE TABLE totp_credential (
  account_id    text        PRIMARY KEY REFERENCES account(id) ON DELETE CASCADE,
  secret_enc    text        NOT NULL,
  confirmed_at  timestamptz,
  -- the last time step accepted, so a code cannot be replayed (RFC 6238 §5.2)
  last_step     bigint      NOT NULL DEFAULT 0,
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE recovery_code (
  account_id  text        NOT NULL REFERENCES account(id) ON DELETE CASCADE,
  code_hash   text        NOT NULL,
  used_at     timestamptz,
  PRIMARY KEY (account_id, code_hash)
);

CREATE TABLE webauthn_credential (
  id            text        PRIMARY KEY,
  account_id    text        NOT NULL REFERENCES account(id) ON DELETE CASCADE,
  -- COSE public key (public: no need to encrypt)
  public_key    bytea       NOT NULL,
  counter       bigint      NOT NULL DEFAULT 0,
  transports    text[]      NOT NULL DEFAULT '{}',
  name          text        NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_used_at  timestamptz
);
CREATE INDEX webauthn_credential_account ON webauthn_credential (account_id);

CREATE TABLE webauthn_challenge (
  id          text        PRIMARY KEY,
  challenge   text        NOT NULL,
  account_id  text,
  purpose     text        NOT NULL,
  expires_at  timestamptz NOT NULL
);

-- Activation codes, email verification links, password reset links.
CREATE TABLE one_time_token (
  id               text        PRIMARY KEY,
  purpose          text        NOT NULL CHECK (purpose IN ('activation', 'enroll-verify', 'password-reset')),
  token_hash       text        NOT NULL UNIQUE,
  account_id       text        REFERENCES account(id) ON DELETE CASCADE,
  patient_id       text,
  email            text,
  created_by       text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  expires_at       timestamptz NOT NULL,
  used_at          timestamptz,
  failed_attempts  integer     NOT NULL DEFAULT 0
);
CREATE INDEX one_time_token_patient ON one_time_token (patient_id) WHERE used_at IS NULL;

-- Failed-attempt counters per key ("email:<sha256>", "ip:<address>", …).
CREATE TABLE auth_throttle (
  key              text        PRIMARY KEY,
  failures         integer     NOT NULL DEFAULT 0,
  window_start     timestamptz NOT NULL DEFAULT now(),
  locked_until     timestamptz,
  updated_at       timestamptz NOT NULL DEFAULT now()
);
