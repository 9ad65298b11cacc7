-- Marks that the demo clinic was seeded (or deliberately not, on a database that already had data),
-- so it is never seeded twice, also when several app nodes start at once.
CREATE TABLE demo_seed (
  id         integer PRIMARY KEY CHECK (id = 1),
  seeded_at  timestamptz NOT NULL DEFAULT now(),
  patients   integer NOT NULL,
  resources  integer NOT NULL,
  note       text
);
