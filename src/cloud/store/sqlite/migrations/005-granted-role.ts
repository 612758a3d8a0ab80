/**
 * The role of whoever granted a credential, as the cloud checked it: a kiosk may only revoke,
 * reschedule or resend what a kiosk granted, not leasing's grant made on the same console.
 * Older rows take the role their grant's change recorded.
 */
export const grantedRole = `
ALTER TABLE credentials ADD COLUMN granted_role TEXT CHECK (granted_role IN ('admin', 'leasing', 'maintenance', 'kiosk'));
UPDATE credentials SET granted_role = (
  SELECT json_extract(ch.actor_json, '$.role') FROM changes ch
  WHERE ch.kind IN ('credential.granted', 'credential.reissued') AND ch.origin <> 'cloud'
    AND json_extract(ch.payload_json, '$.credentialId') = credentials.id
    AND json_extract(ch.actor_json, '$.role') IN ('admin', 'leasing', 'maintenance', 'kiosk')
  ORDER BY ch.cursor LIMIT 1);
`;
