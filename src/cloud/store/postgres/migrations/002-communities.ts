/**
 * Many communities in one cloud (the tenancy step 001 planned): every table takes
 * community_id, filled with the one community's id, first in each primary key, unique key
 * and foreign key. A unit, door, staff member, credential, mutation id or leased code of one
 * community never meets another's with the same id.
 *
 * Cloud-wide on purpose: a pairing code's hash and a console token's hash (random, how the
 * cloud learns which community a request is for), and the change cursor and text id (one
 * sequence each; pulls and sends filter by community). The write lock is one per community
 * (postgres-cloud-store.ts), so within a community cursors are still handed out in commit
 * order, which is all a pull, always of one community, needs.
 */
const tenant = '(SELECT id FROM community)';

/** Tables in the order their keys may be rebuilt: parents before the tables that reference them. */
const tables = ['lock_models', 'buildings', 'units', 'doors', 'staff', 'pairing_codes', 'consoles', 'mutation_results', 'credentials', 'door_credentials', 'changes', 'text_outbox', 'audit_anchors', 'staff_keys', 'sign_in_failures', 'pin_leases'];

const addColumn = tables
  .map((t) => `ALTER TABLE ${t} ADD COLUMN community_id text;
UPDATE ${t} SET community_id = ${tenant};
ALTER TABLE ${t} ALTER COLUMN community_id SET NOT NULL;`)
  .join('\n');

export const communities = `
-- The append-only trigger forbids the UPDATE that fills the new column: off while it runs.
ALTER TABLE audit_anchors DISABLE TRIGGER audit_anchors_no_change;
${addColumn}
ALTER TABLE audit_anchors ENABLE TRIGGER audit_anchors_no_change;

-- Old keys go (CASCADE takes the foreign keys that lean on them), then come back with community_id first.
ALTER TABLE lock_models DROP CONSTRAINT lock_models_pkey CASCADE;
ALTER TABLE buildings DROP CONSTRAINT buildings_pkey CASCADE;
ALTER TABLE units DROP CONSTRAINT units_pkey CASCADE;
ALTER TABLE doors DROP CONSTRAINT doors_pkey CASCADE;
ALTER TABLE staff DROP CONSTRAINT staff_pkey CASCADE;
ALTER TABLE consoles DROP CONSTRAINT consoles_pkey CASCADE;
ALTER TABLE mutation_results DROP CONSTRAINT mutation_results_pkey CASCADE;
ALTER TABLE mutation_results DROP CONSTRAINT mutation_results_console_id_seq_key;
ALTER TABLE credentials DROP CONSTRAINT credentials_pkey CASCADE;
ALTER TABLE door_credentials DROP CONSTRAINT door_credentials_pkey;
ALTER TABLE text_outbox DROP CONSTRAINT text_outbox_idempotency_key_key;
ALTER TABLE audit_anchors DROP CONSTRAINT audit_anchors_pkey;
ALTER TABLE staff_keys DROP CONSTRAINT staff_keys_pkey;
ALTER TABLE staff_keys DROP CONSTRAINT staff_keys_console_id_staff_id_key;
ALTER TABLE sign_in_failures DROP CONSTRAINT sign_in_failures_pkey;
ALTER TABLE pin_leases DROP CONSTRAINT pin_leases_pkey;
DROP INDEX credentials_live_pin, door_credentials_slot, door_credentials_credential, pin_leases_console;

ALTER TABLE lock_models ADD PRIMARY KEY (community_id, id), ADD FOREIGN KEY (community_id) REFERENCES community(id);
ALTER TABLE buildings ADD PRIMARY KEY (community_id, id), ADD FOREIGN KEY (community_id) REFERENCES community(id);
ALTER TABLE units ADD PRIMARY KEY (community_id, id), ADD FOREIGN KEY (community_id, building_id) REFERENCES buildings(community_id, id);
ALTER TABLE doors ADD PRIMARY KEY (community_id, id),
  ADD FOREIGN KEY (community_id, building_id) REFERENCES buildings(community_id, id),
  ADD FOREIGN KEY (community_id, unit_id) REFERENCES units(community_id, id),
  ADD FOREIGN KEY (community_id, lock_model_id) REFERENCES lock_models(community_id, id);
ALTER TABLE staff ADD PRIMARY KEY (community_id, id), ADD FOREIGN KEY (community_id) REFERENCES community(id);
ALTER TABLE pairing_codes ADD FOREIGN KEY (community_id) REFERENCES community(id);
ALTER TABLE consoles ADD PRIMARY KEY (community_id, id), ADD FOREIGN KEY (community_id) REFERENCES community(id);
ALTER TABLE mutation_results ADD PRIMARY KEY (community_id, mutation_id), ADD UNIQUE (community_id, console_id, seq),
  ADD FOREIGN KEY (community_id, console_id) REFERENCES consoles(community_id, id);
ALTER TABLE credentials ADD PRIMARY KEY (community_id, id),
  ADD FOREIGN KEY (community_id, unit_id) REFERENCES units(community_id, id),
  ADD FOREIGN KEY (community_id, origin_console_id) REFERENCES consoles(community_id, id);
ALTER TABLE door_credentials ADD PRIMARY KEY (community_id, door_id, credential_id),
  ADD FOREIGN KEY (community_id, door_id) REFERENCES doors(community_id, id),
  ADD FOREIGN KEY (community_id, credential_id) REFERENCES credentials(community_id, id);
ALTER TABLE changes ADD FOREIGN KEY (community_id) REFERENCES community(id);
ALTER TABLE text_outbox ADD UNIQUE (community_id, idempotency_key), ADD FOREIGN KEY (community_id) REFERENCES community(id);
ALTER TABLE audit_anchors ADD PRIMARY KEY (community_id, console_id, seq), ADD FOREIGN KEY (community_id, console_id) REFERENCES consoles(community_id, id);
ALTER TABLE staff_keys ADD PRIMARY KEY (community_id, key_id), ADD UNIQUE (community_id, console_id, staff_id),
  ADD FOREIGN KEY (community_id, console_id) REFERENCES consoles(community_id, id),
  ADD FOREIGN KEY (community_id, staff_id) REFERENCES staff(community_id, id);
ALTER TABLE sign_in_failures ADD PRIMARY KEY (community_id, console_id, staff_id), ADD FOREIGN KEY (community_id, console_id) REFERENCES consoles(community_id, id);
-- A code is leased to at most one console of its community; another community may lease the same digits.
ALTER TABLE pin_leases ADD PRIMARY KEY (community_id, code), ADD FOREIGN KEY (community_id, console_id) REFERENCES consoles(community_id, id);

CREATE INDEX credentials_live_pin ON credentials (community_id, pin_code) WHERE pin_code IS NOT NULL AND ended_at IS NULL;
CREATE INDEX door_credentials_slot ON door_credentials (community_id, door_id, slot);
CREATE INDEX door_credentials_credential ON door_credentials (community_id, credential_id);
CREATE INDEX changes_community ON changes (community_id, cursor);
CREATE INDEX pin_leases_console ON pin_leases (community_id, console_id, code);
`;
