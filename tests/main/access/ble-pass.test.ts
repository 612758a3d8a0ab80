import { afterEach, describe, expect, it } from 'vitest';
import { legacyBlePassOf, toTableEntry } from '../../../src/main/hardware/door-entries';
import { doorSlotsAsOf } from '../../../src/main/store/door-table-repo';
import { comboUnit, jane, openTestConsole, type TestConsole } from '../../helpers/test-console';

let c: TestConsole;
afterEach(() => c?.close());

const zone = 'America/Chicago';
const blePassGrant = { unitId: comboUnit, kind: 'ble', audience: 'guest', schedule: { type: 'permanent' }, guest: jane } as const;

describe('a Bluetooth pass', () => {
  it('is random, its own, not given away by the credential’s id, and what its doors are programmed with', async () => {
    c = openTestConsole();
    const granted: { id: string }[] = [];
    for (let i = 0; i < 2; i++) {
      const answer = await c.core.dispatch('access.grant', blePassGrant);
      if (!answer.ok) throw new Error(answer.error.message);
      granted.push(answer.value as { id: string });
    }
    const passes = granted.map((g) => c.db.prepare('SELECT ble_pass FROM credentials WHERE id = ?').pluck().get(g.id) as string);
    for (const [i, pass] of passes.entries()) {
      expect(Buffer.from(pass, 'base64url')).toHaveLength(16);
      // Every console and screen sees the id; the pass must not follow from it.
      expect(pass).not.toBe(Buffer.from(legacyBlePassOf(granted[i]!.id)).toString('base64url'));
    }
    expect(passes[0]).not.toBe(passes[1]);
    const door = `door-${comboUnit}`;
    const slot = doorSlotsAsOf(c.db, door, null).find((r) => r.credentialId === granted[0]!.id)!;
    const entry = toTableEntry(slot, zone);
    expect(entry.kind === 'ble' && Buffer.from(entry.blePass).toString('base64url')).toBe(passes[0]);
    // It travels to the cloud with the grant, like a PIN code, for the consoles that program doors.
    const payload = JSON.parse(c.db.prepare("SELECT payload_json FROM outbox WHERE json_extract(payload_json, '$.credentialId') = ?").pluck().get(granted[0]!.id) as string);
    expect(payload.blePass).toBe(passes[0]);
  });

  it('of a credential made before passes were random stays the one derived from its id, so its doors keep opening', () => {
    const record = { slot: 3, credentialId: 'cred_old', kind: 'ble' as const, pinCode: null, blePass: null, scheduleJson: JSON.stringify({ type: 'permanent' }) };
    const entry = toTableEntry(record, zone);
    expect(entry.kind === 'ble' && [...entry.blePass]).toEqual([...legacyBlePassOf('cred_old')]);
  });
});
