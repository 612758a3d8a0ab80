import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { expireEndedCredentials } from '../../../src/main/access/expire-credentials';
import { grantGuestAccess } from '../../../src/main/access/grant-guest-access';
import { revocationExposure } from '../../../src/main/access/revocation-exposure';
import { revokeCredential } from '../../../src/main/access/revoke-credential';
import { getCommunity } from '../../../src/main/store/community-repo';
import type { Db } from '../../../src/main/store/database';
import { recordDoorProgrammed } from '../../../src/main/store/door-table-repo';
import { pendingDoors } from '../../../src/main/store/hardware-repo';
import { assignLiveLock, recordReportedSlot, saveLiveLock } from '../../../src/main/store/live-locks-repo';
import { mayRun } from '../../../src/shared/contract';
import { GrantRequest, type Credential } from '../../../src/shared/domain';
import { avery, bluetoothOnlyUnit, comboUnit, demoStore, jane, tempDir } from '../../helpers/test-console';
import { yaleLock } from '../hardware/live-locks/live-lock-fixtures';

const dirs: string[] = [];
const dbs: Db[] = [];
afterEach(() => {
  dbs.splice(0).forEach((db) => db.close());
  dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

/** A demo store whose clock the test moves, from Thursday 2026-11-26 09:00 in Chicago. */
function community() {
  const dir = tempDir();
  dirs.push(dir);
  const clock = { now: new Date('2026-11-26T15:00:00Z') };
  const now = () => clock.now;
  const db = demoStore(dir, now);
  dbs.push(db);
  const ctx = { db, now, community: () => getCommunity(db) };
  const at = (iso: string) => {
    clock.now = new Date(iso);
    return iso;
  };
  const grant = (unitId: string, schedule: object, kind: 'pin' | 'ble' = 'pin'): Credential =>
    grantGuestAccess(ctx, avery, GrantRequest.parse({ unitId, kind, guest: jane, schedule }));
  /** A technician's job that brings a door to what it should hold now (as program-door.ts records it). */
  const program = (doorId: string, iso: string) => {
    const version = db.prepare('SELECT desired_version FROM doors WHERE id = ?').pluck().get(doorId) as number;
    recordDoorProgrammed(db, doorId, { version, at: iso, checksum: 0 });
  };
  const drops = () => db.prepare("SELECT actor, subject_id AS subjectId, summary FROM audit_log WHERE action = 'door.code_dropped' ORDER BY seq").all() as { actor: string; subjectId: string; summary: string }[];
  const doorName = (id: string) => db.prepare('SELECT name FROM doors WHERE id = ?').pluck().get(id) as string;
  return { db, ctx, at, grant, program, drops, doorName };
}

describe('revocation exposure', () => {
  it('lists every door still holding a revoked code since it was revoked, and puts those doors first on the round', () => {
    const c = community();
    const credential = c.grant(comboUnit, { type: 'permanent' });
    const doors = credential.doors.map((d) => d.id);
    for (const d of doors) c.program(d, c.at('2026-11-26T15:05:00Z'));
    expect(revocationExposure(c.db).credentials).toEqual([]);

    const revokedAt = c.at('2026-11-26T16:00:00.000Z');
    revokeCredential(c.ctx, avery, { credentialId: credential.id });
    const exposure = revocationExposure(c.db);
    expect(exposure.credentials).toHaveLength(1);
    expect(exposure.credentials[0]).toMatchObject({ credentialId: credential.id, guestName: 'Jane Doe', endReason: 'revoked', endedAt: revokedAt });
    expect(exposure.credentials[0]!.doors.map((d) => d.doorId).sort()).toEqual([...doors].sort());
    expect(exposure.credentials[0]!.doors.every((d) => d.since === revokedAt && d.link === 'round')).toBe(true);
    expect(exposure).toMatchObject({ doorCount: doors.length, oldestSince: revokedAt });
    const pin = c.db.prepare('SELECT pin_code FROM credentials WHERE id = ?').pluck().get(credential.id) as string;
    expect(JSON.stringify(exposure)).not.toContain(pin);
    expect(revocationExposure(c.db, comboUnit).credentials).toHaveLength(1);
    expect(revocationExposure(c.db, bluetoothOnlyUnit).credentials).toEqual([]);

    // The round: doors still holding the code first, whatever else waited longer.
    const round = pendingDoors(c.db);
    expect(round.slice(0, doors.length).map((d) => d.id).sort()).toEqual([...doors].sort());
    expect(round[0]).toMatchObject({ exposedSince: revokedAt, exposedCount: 1 });
    expect(round.slice(doors.length).every((d) => d.exposedSince === null)).toBe(true);
  });

  it('does not count a door that never held the code: revoked before its door was programmed', () => {
    const c = community();
    const credential = c.grant(comboUnit, { type: 'permanent' });
    c.at('2026-11-26T16:00:00Z');
    revokeCredential(c.ctx, avery, { credentialId: credential.id });
    expect(revocationExposure(c.db).credentials).toEqual([]);
    expect(pendingDoors(c.db).filter((d) => credential.doors.some((x) => x.id === d.id)).every((d) => d.exposedSince === null)).toBe(true);
  });

  it('counts an expired code from the moment the clock ended it', () => {
    const c = community();
    const credential = c.grant(comboUnit, { type: 'temporary', starts: '2026-11-26T09:00', ends: '2026-11-27T18:00' });
    for (const d of credential.doors) c.program(d.id, c.at('2026-11-26T15:05:00Z'));
    c.at('2026-11-28T01:00:00.000Z'); // 19:00 on the 27th in Chicago
    const mine = () => revocationExposure(c.db).credentials.find((x) => x.credentialId === credential.id);
    // Past its end but not yet taken off its doors by the sweep (every 30 s): not ended yet.
    expect(mine()).toBeUndefined();
    expect(expireEndedCredentials(c.ctx)).toBeGreaterThan(0); // the demo's own guests end too
    const expired = mine();
    expect(expired).toMatchObject({ credentialId: credential.id, endReason: 'expired', endedAt: '2026-11-28T01:00:00.000Z' });
    expect(expired!.doors).toHaveLength(credential.doors.length);
  });

  it('logs once, in the same transaction as the report, when a door finally drops the code', () => {
    const c = community();
    const credential = c.grant(comboUnit, { type: 'permanent' });
    const [first, second] = credential.doors.map((d) => d.id);
    for (const d of credential.doors) c.program(d.id, c.at('2026-11-26T15:05:00Z'));
    c.at('2026-11-26T16:00:00.000Z');
    revokeCredential(c.ctx, avery, { credentialId: credential.id });

    // A report whose transaction fails records neither the door's state nor the drop.
    expect(() => c.db.transaction(() => {
      c.program(first!, '2026-11-28T16:00:00.000Z');
      throw new Error('the write that recorded it failed');
    })()).toThrow();
    expect(c.drops()).toEqual([]);
    expect(revocationExposure(c.db).credentials[0]!.doors.map((d) => d.doorId)).toContain(first);

    c.program(first!, c.at('2026-11-28T16:00:00.000Z'));
    expect(c.drops()).toEqual([{ actor: c.doorName(first!), subjectId: credential.id, summary: `${c.doorName(first!)} dropped Jane Doe’s code, 2 days after it was revoked` }]);
    const left = revocationExposure(c.db).credentials[0]!.doors.map((d) => d.doorId);
    expect(left).not.toContain(first);
    expect(left).toContain(second);

    c.program(first!, c.at('2026-11-29T16:00:00.000Z'));
    expect(c.drops()).toHaveLength(1);
    for (const d of credential.doors) c.program(d.id, c.at('2026-11-30T16:00:00.000Z'));
    expect(c.drops()).toHaveLength(credential.doors.length);
    expect(revocationExposure(c.db)).toEqual({ credentialCount: 0, credentials: [], doorCount: 0, oldestSince: null });
  });

  it('covers Bluetooth locks on the round and live Z-Wave locks by what they reported per slot', () => {
    const c = community();
    const pass = c.grant(bluetoothOnlyUnit, { type: 'permanent' }, 'ble');
    for (const d of pass.doors) c.program(d.id, c.at('2026-11-26T15:05:00Z'));
    c.at('2026-11-26T15:10:00Z');
    const code = c.grant(comboUnit, { type: 'permanent' });
    const liveDoor = code.doors.find((d) => d.kind === 'unit')!.id;
    saveLiveLock(c.db, 'c0ffee01', yaleLock(5), '2026-11-26T15:06:00Z');
    assignLiveLock(c.db, 'c0ffee01', 5, liveDoor, '2026-11-26T15:06:00Z');
    const slot = c.db.prepare('SELECT slot FROM door_credentials WHERE credential_id = ? AND door_id = ?').pluck().get(code.id, liveDoor) as number;
    recordReportedSlot(c.db, liveDoor, { slot, credentialId: code.id, codeDigest: 'digest', state: 'enabled', problem: null, reportedAt: '2026-11-26T15:07:00Z' });

    c.at('2026-11-26T18:00:00.000Z');
    revokeCredential(c.ctx, avery, { credentialId: pass.id });
    revokeCredential(c.ctx, avery, { credentialId: code.id });
    const exposure = revocationExposure(c.db);
    const bluetooth = exposure.credentials.find((x) => x.credentialId === pass.id)!;
    expect(bluetooth.kind).toBe('ble');
    expect(bluetooth.doors.map((d) => d.doorId).sort()).toEqual(pass.doors.map((d) => d.id).sort());
    const live = exposure.credentials.find((x) => x.credentialId === code.id)!;
    // Only the live door: the code's other doors were never programmed with it.
    expect(live.doors).toEqual([{ doorId: liveDoor, doorName: c.doorName(liveDoor), link: 'live', since: '2026-11-26T18:00:00.000Z' }]);

    recordReportedSlot(c.db, liveDoor, { slot, credentialId: null, codeDigest: null, state: 'available', problem: null, reportedAt: '2026-11-26T18:00:30.000Z' });
    expect(c.drops()).toEqual([{ actor: c.doorName(liveDoor), subjectId: code.id, summary: `${c.doorName(liveDoor)} dropped Jane Doe’s code, under a minute after it was revoked` }]);
    expect(revocationExposure(c.db).credentials.map((x) => x.credentialId)).toEqual([pass.id]);
    const unitDoor = pass.doors.find((d) => d.kind === 'unit')!.id;
    c.program(unitDoor, '2026-11-27T18:00:00.000Z');
    expect(c.drops()[1]!.summary).toBe(`${c.doorName(unitDoor)} dropped Jane Doe’s Bluetooth pass, 24 h after it was revoked`);
  });

  it('counts every exposed credential in the figure but names only the 100 longest exposed, oldest first', () => {
    const c = community();
    const pinUnits = c.db
      .prepare(`SELECT u.id FROM units u JOIN doors d ON d.unit_id = u.id AND d.kind = 'unit' JOIN lock_models m ON m.id = d.lock_model_id
                WHERE m.capabilities_json LIKE '%"pin"%' ORDER BY u.id`)
      .pluck()
      .all() as string[];
    const credentials = Array.from({ length: 120 }, (_, i) => c.grant(pinUnits[i % pinUnits.length]!, { type: 'permanent' }));
    const doors = new Set(credentials.flatMap((x) => x.doors.map((d) => d.id)));
    for (const d of doors) c.program(d, c.at('2026-11-26T15:05:00Z'));
    // Revoked a minute apart, the last granted first: the oldest exposure is the 120th grant.
    credentials.toReversed().forEach((x, i) => {
      c.at(new Date(Date.parse('2026-11-26T16:00:00Z') + i * 60_000).toISOString());
      revokeCredential(c.ctx, avery, { credentialId: x.id });
    });

    const exposure = revocationExposure(c.db);
    expect(exposure.credentialCount).toBe(120);
    expect(exposure.doorCount).toBe(doors.size);
    expect(exposure.oldestSince).toBe('2026-11-26T16:00:00.000Z');
    expect(exposure.credentials.map((x) => x.credentialId)).toEqual(credentials.toReversed().slice(0, 100).map((x) => x.id));
    // A unit's panel names all of that unit's, however many the community has.
    const unit = credentials[0]!.unitId;
    const ofUnit = revocationExposure(c.db, unit);
    expect(ofUnit.credentials.map((x) => x.credentialId).sort()).toEqual(credentials.filter((x) => x.unitId === unit).map((x) => x.id).sort());
    expect(ofUnit.credentialCount).toBe(ofUnit.credentials.length);
  });

  it('is shown to the office and its technicians, never to a kiosk', () => {
    expect(['admin', 'leasing', 'maintenance'].every((role) => mayRun('access.exposure', role as 'admin'))).toBe(true);
    expect(mayRun('access.exposure', 'kiosk')).toBe(false);
    expect(mayRun('access.exposure', null)).toBe(false);
  });
});
