import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import type { Db } from '../../../../src/main/store/database';
import { assignLiveLock, liveLockForDoor, liveLocksOf, recordLiveDoorInSync, recordReportedSlot, removeLiveLock, reportedSlots, saveLiveLock, setLiveLockBattery } from '../../../../src/main/store/live-locks-repo';
import { markDoorChanged } from '../../../../src/main/store/door-credentials-repo';
import { pendingDoors } from '../../../../src/main/store/hardware-repo';
import { demoStore, tempDir } from '../../../helpers/test-console';
import { yaleLock } from './live-lock-fixtures';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function store(): Db {
  const dir = tempDir();
  dirs.push(dir);
  return demoStore(dir);
}

const lock = yaleLock(5);

const unitDoor = (db: Db, n = 0): string => db.prepare("SELECT id FROM doors WHERE kind = 'unit' ORDER BY id LIMIT 1 OFFSET ?").pluck().get(n) as string;

describe('the live locks store', () => {
  it('keeps one lock per door: assigning a second lock to a door leaves the first unassigned', () => {
    const db = store();
    const door = unitDoor(db);
    saveLiveLock(db, 'c0ffee01', lock, 'now');
    saveLiveLock(db, 'c0ffee01', { ...lock, nodeId: 6 }, 'now');
    assignLiveLock(db, 'c0ffee01', 5, door, 'now');
    expect(liveLockForDoor(db, door)).toEqual({ nodeId: 5, capabilities: lock.capabilities });
    assignLiveLock(db, 'c0ffee01', 6, door, 'later');
    expect(liveLockForDoor(db, door)?.nodeId).toBe(6);
    expect(liveLocksOf(db, 'c0ffee01').map((l) => [l.nodeId, l.doorId])).toEqual([[5, null], [6, door]]);
    db.close();
  });

  it('takes a live door off the technician round and puts its battery where the grid reads it', () => {
    const db = store();
    const pending = pendingDoors(db)[0]!;
    saveLiveLock(db, 'c0ffee01', lock, 'now');
    assignLiveLock(db, 'c0ffee01', 5, pending.id, 'now');
    expect(pendingDoors(db).map((d) => d.id)).not.toContain(pending.id);
    // Once in sync and changed again, the queue brings it, not a technician.
    recordLiveDoorInSync(db, pending.id, 1, 'now');
    markDoorChanged(db, pending.id, 'later');
    expect(pendingDoors(db).map((d) => d.id)).not.toContain(pending.id);
    setLiveLockBattery(db, 'c0ffee01', 5, 12, true);
    expect(db.prepare('SELECT battery_percent FROM doors WHERE id = ?').pluck().get(pending.id)).toBe(12);
    db.close();
  });

  it('keeps a digest of what the lock reported, never the code, and forgets it when the lock leaves the network', () => {
    const db = store();
    const door = unitDoor(db);
    saveLiveLock(db, 'c0ffee01', lock, 'now');
    assignLiveLock(db, 'c0ffee01', 5, door, 'now');
    recordReportedSlot(db, door, { slot: 3, credentialId: null, codeDigest: 'abc', state: 'enabled', problem: null, reportedAt: 'now' });
    expect(reportedSlots(db, door).map((s) => s.slot)).toEqual([3]);
    expect(removeLiveLock(db, 'c0ffee01', 5)).toBe(door);
    expect(reportedSlots(db, door)).toEqual([]);
    expect(liveLockForDoor(db, door)).toBeNull();
    db.close();
  });
});
