/**
 * Each console's audit-log heads (seq and hash of its newest entry), as it reported them at
 * its sync rounds: append-only, so a console whose log was later cut short or rewritten
 * cannot take back what it said (docs/sync-api.md, Audit anchors).
 *
 * And answers an older cloud kept with a guest's new code in their fix: the code reaches
 * consoles as a change; an answer is shown to staff and kept for good, so it gives the code up.
 */
export const auditAnchors = `
CREATE TABLE audit_anchors (
  console_id TEXT NOT NULL REFERENCES consoles(id),
  seq INTEGER NOT NULL,
  hash TEXT NOT NULL,
  received_at TEXT NOT NULL,
  PRIMARY KEY (console_id, seq)
) STRICT;
CREATE TRIGGER audit_anchors_no_update BEFORE UPDATE ON audit_anchors
  BEGIN SELECT RAISE(ABORT, 'audit_anchors is append-only'); END;
CREATE TRIGGER audit_anchors_no_delete BEFORE DELETE ON audit_anchors
  BEGIN SELECT RAISE(ABORT, 'audit_anchors is append-only'); END;

UPDATE mutation_results SET fix_json = json_remove(fix_json, '$.pinCode')
WHERE fix_json IS NOT NULL AND json_type(fix_json, '$.pinCode') IS NOT NULL;
`;
