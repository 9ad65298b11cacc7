-- Lab results a portal account has opened: "new" on Home and Test results means released lately
-- and not opened yet by this account, on any of its devices. Only ids and times, no health data.
CREATE TABLE result_opened (
  account_id     text        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  observation_id text        NOT NULL,
  opened_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, observation_id)
);
CREATE INDEX result_opened_recent ON result_opened (account_id, opened_at);
