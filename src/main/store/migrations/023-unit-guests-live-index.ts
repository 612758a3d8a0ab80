/**
 * The triggers that keep unit_guests (migration 002) read a unit's live credentials through
 * the partial index of live ones (credentials_unit_live), named outright: left to itself
 * SQLite took credentials_unit, every credential the unit ever had, ended ones included, and
 * a console that pulled a hundred thousand changes (each grant or revoke rewriting its unit's
 * row) read ever more ended credentials at each one.
 */
function unitGuestsOf(units: string): string {
  return `INSERT INTO unit_guests (unit_id, names, companies, phones)
    SELECT c.unit_id, group_concat(g.name, char(31)), group_concat(coalesce(g.company, ''), char(31)),
      group_concat(g.phone_e164, char(31))
    FROM credentials c INDEXED BY credentials_unit_live JOIN guests g ON g.id = c.guest_id
    WHERE c.ended_at IS NULL AND c.unit_id IN (${units})
    GROUP BY c.unit_id;`;
}

function refresh(name: string, when: string, units: string): string {
  return `DROP TRIGGER ${name};
CREATE TRIGGER ${name} ${when} BEGIN
  DELETE FROM unit_guests WHERE unit_id IN (${units});
  ${unitGuestsOf(units)}
END;`;
}

export const unitGuestsLiveIndex = `
${refresh('credentials_unit_guests_insert', 'AFTER INSERT ON credentials WHEN new.ended_at IS NULL', 'new.unit_id')}
${refresh('credentials_unit_guests_update', 'AFTER UPDATE OF ended_at, unit_id, guest_id ON credentials', 'old.unit_id, new.unit_id')}
${refresh('credentials_unit_guests_delete', 'AFTER DELETE ON credentials WHEN old.ended_at IS NULL', 'old.unit_id')}
${refresh('guests_unit_guests_update', 'AFTER UPDATE OF name, company, phone_e164 ON guests', 'SELECT unit_id FROM credentials WHERE guest_id = new.id AND ended_at IS NULL')}
`;
