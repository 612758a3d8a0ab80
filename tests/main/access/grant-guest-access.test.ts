import { afterEach, describe, expect, it } from 'vitest';
import type { Credential } from '../../../src/shared/domain';
import {
  auditCount,
  lastAudit,
  bluetoothOnlyUnit,
  comboUnit,
  jane,
  keypadOnlyUnit,
  openTestConsole,
  writeCounts,
  type TestConsole,
} from '../../helpers/test-console';

let t: TestConsole;
afterEach(() => t?.close());

async function grant(unitId: string, kind: 'pin' | 'ble' = 'pin', guest = jane) {
  return t.core.dispatch('access.grant', { unitId, kind, schedule: { type: 'permanent' }, guest });
}

function pinOf(credentialId: string): string {
  return t.db.prepare('SELECT pin_code FROM credentials WHERE id = ?').pluck().get(credentialId) as string;
}

describe('granting a Permanent PIN code', () => {
  it('covers the unit door and the doors on the guest’s way, each waiting to be programmed', async () => {
    t = openTestConsole();
    const result = await grant(comboUnit);
    if (!result.ok) throw new Error(result.error.message);
    const credential = result.value as Credential;
    expect(credential).toMatchObject({ status: 'active', kind: 'pin', schedule: { type: 'permanent' }, notification: { status: 'queued', requests: 1 } });
    expect(credential.guest.phone).toBe('+13125550142');
    const kinds = credential.doors.map((d) => d.kind);
    expect(kinds[0]).toBe('unit');
    expect(kinds).toEqual(expect.arrayContaining(['entrance', 'perimeter', 'package_room', 'amenity']));
    const unit = await t.core.dispatch('units.get', { unitId: comboUnit });
    expect(unit).toMatchObject({ ok: true, value: { unit: { doorStatus: 'pending' } } });
  });

  it('draws a code of the length every covered door accepts, unique on each door', async () => {
    t = openTestConsole();
    const a = (await grant(keypadOnlyUnit)) as { ok: true; value: Credential };
    // KP-200 takes 4 to 8 digits but the perimeter readers need at least 6.
    expect(pinOf(a.value.id)).toMatch(/^\d{6}$/);
    const codesOnGate = t.db
      .prepare(
        `SELECT c.pin_code FROM door_credentials dc JOIN credentials c ON c.id = dc.credential_id
         WHERE dc.door_id = 'garage-gate' AND dc.removed_at IS NULL AND c.kind = 'pin'`,
      )
      .pluck()
      .all() as string[];
    expect(codesOnGate.length).toBeGreaterThan(50);
    expect(new Set(codesOnGate).size).toBe(codesOnGate.length);
  });

  it('never shows the PIN code in an answer, the audit log or the activity page', async () => {
    t = openTestConsole();
    const result = (await grant(comboUnit)) as { ok: true; value: Credential };
    const pin = pinOf(result.value.id);
    const seen = JSON.stringify([
      result,
      await t.core.dispatch('units.get', { unitId: comboUnit }),
      await t.core.dispatch('activity.list', { limit: 200 }),
      t.db.prepare('SELECT summary, details_json FROM audit_log').all(),
    ]);
    expect(seen).not.toContain(pin);
  });

  it('refuses a PIN code on a Bluetooth-only lock, naming the door, and writes nothing', async () => {
    t = openTestConsole();
    const before = writeCounts(t.db);
    const result = await grant(bluetoothOnlyUnit, 'pin');
    expect(result).toEqual({
      ok: false,
      error: { code: 'not_allowed', message: 'South Tower 204 has a BT-10 Bluetooth lock, which cannot hold PIN codes.', field: 'kind' },
    });
    expect(writeCounts(t.db)).toEqual(before);
    // The refusal itself is on the record: who tried what, and why.
    expect(lastAudit(t.db)).toMatchObject({ action: 'access.refused', actor: 'Avery Brooks', summary: expect.stringContaining('cannot hold PIN codes') });
  });

  it('grants a Bluetooth pass where the lock takes one', async () => {
    t = openTestConsole();
    const result = await grant(bluetoothOnlyUnit, 'ble');
    expect(result).toMatchObject({ ok: true, value: { kind: 'ble', status: 'active' } });
  });

  it('refuses an invalid phone number with the reason and writes nothing', async () => {
    t = openTestConsole();
    const before = writeCounts(t.db);
    const result = await grant(comboUnit, 'pin', { name: 'Jane Doe', phone: '555-01' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'guest.phone', message: expect.stringContaining('not a valid phone number') } });
    expect(writeCounts(t.db)).toEqual(before);
    expect(lastAudit(t.db).action).toBe('access.refused');
  });

  it('refuses a grant on a lock with no free slot, naming the door, and writes nothing', async () => {
    t = openTestConsole();
    // BT-10 locks hold 20 credentials.
    let last;
    for (let i = 0; i < 25 && (last = await grant(bluetoothOnlyUnit, 'ble', { name: `Guest ${i}`, phone: `312-555-01${String(i).padStart(2, '0')}` })).ok; i++);
    expect(last).toMatchObject({ ok: false, error: { code: 'slots_full', message: expect.stringContaining('South Tower 204 has no free credential slot') } });
    const before = writeCounts(t.db);
    const audited = auditCount(t.db);
    await grant(bluetoothOnlyUnit, 'ble');
    expect(writeCounts(t.db)).toEqual(before);
    expect(auditCount(t.db)).toBe(audited + 1);
  });

  it('reuses a slot a revoked credential freed once a full lock’s top slot is taken', async () => {
    t = openTestConsole();
    const granted: Credential[] = [];
    for (let i = 0; ; i++) {
      const r = await grant(bluetoothOnlyUnit, 'ble', { name: `Guest ${i}`, phone: `312-555-01${String(i).padStart(2, '0')}` });
      if (!r.ok) break;
      granted.push(r.value as Credential);
    }
    const slotOf = (id: string) => t.db.prepare("SELECT slot FROM door_credentials WHERE credential_id = ? AND door_id = 'door-south-204'").pluck().get(id);
    const freed = granted[4]!;
    const freedSlot = slotOf(freed.id);
    await t.core.dispatch('access.revoke', { credentialId: freed.id });
    const next = (await grant(bluetoothOnlyUnit, 'ble', { name: 'Late guest', phone: '773-555-0111' })) as { ok: true; value: Credential };
    expect(next.ok).toBe(true);
    expect(slotOf(next.value.id)).toBe(freedSlot);
  });

  it('refuses an unknown unit with not_found', async () => {
    t = openTestConsole();
    expect(await grant('no-such-unit')).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('revoking a credential', () => {
  it('takes it off every door, keeps the history, and cannot be done twice', async () => {
    t = openTestConsole();
    const granted = (await grant(comboUnit)) as { ok: true; value: Credential };
    const revoked = await t.core.dispatch('access.revoke', { credentialId: granted.value.id, reason: 'Moved out' });
    expect(revoked).toMatchObject({ ok: true, value: { status: 'revoked', revokedBy: 'Avery Brooks' } });
    expect((revoked as { value: Credential }).value.doors).toHaveLength(granted.value.doors.length);
    const live = t.db.prepare('SELECT count(*) FROM door_credentials WHERE credential_id = ? AND removed_at IS NULL').pluck().get(granted.value.id);
    expect(live).toBe(0);
    const again = await t.core.dispatch('access.revoke', { credentialId: granted.value.id });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const activity = await t.core.dispatch('activity.list', { limit: 1, action: 'access.revoked' });
    expect(JSON.stringify(activity)).toContain('Revoked Jane Doe');
  });

  it('frees the slot for the next grant', async () => {
    t = openTestConsole();
    const first = (await grant(comboUnit)) as { ok: true; value: Credential };
    const slot = (id: string) => t.db.prepare("SELECT slot FROM door_credentials WHERE credential_id = ? AND door_id = 'door-north-204'").pluck().get(id);
    const firstSlot = slot(first.value.id);
    await t.core.dispatch('access.revoke', { credentialId: first.value.id });
    const second = (await grant(comboUnit, 'pin', { name: 'Ken Adams', phone: '773-555-0100' })) as { ok: true; value: Credential };
    expect(slot(second.value.id)).toBe(firstSlot);
  });
});
