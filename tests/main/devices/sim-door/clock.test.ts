import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { describeDoor, readAudit, setClock } from '../../../../src/main/devices/keyprog/commands';
import { zoneTransitions } from '../../../../src/main/devices/keyprog/zone-transitions';
import { hex } from '../keyprog/hex';
import { rig } from './rig';

const threeDays = 3 * 24 * 3600;
/** Lock-local epoch-s of a UTC instant at an offset. */
const localAt = (iso: string, offsetMinutes: number) => Date.parse(iso) / 1000 + offsetMinutes * 60 - 946_684_800;

describe("a lock's clock in America/Chicago", () => {
  it('shows a clock far off, and is put right with the community zone rules', async () => {
    const { send, door } = rig('kestrel-kb500');
    door.inject({ kind: 'clock_far_off', offsetSeconds: threeDays });
    expect(await send(describeDoor)).toMatchObject({ clock: { utcSeconds: 1_768_478_400 + threeDays, offsetMinutes: 0 } });

    const setting = zoneTransitions('America/Chicago', Temporal.Instant.from('2026-01-15T12:00:00Z'));
    expect(await send(setClock, setting)).toEqual({ status: 'ok' });
    expect(await send(describeDoor)).toMatchObject({ clock: { utcSeconds: 1_768_478_400, offsetMinutes: -360 } });
  });

  it('follows the transitions it was given through spring forward and fall back, on its own', async () => {
    const { send, door, advanceTo } = rig('arden-kp200');
    await send(setClock, zoneTransitions('America/Chicago', Temporal.Instant.from('2026-01-15T12:00:00Z')));

    const at = async (iso: string) => {
      advanceTo(iso);
      door.simulateUse(1);
      const described = await send(describeDoor);
      if (described.status !== 'ok') throw new Error(described.status);
      const audit = await send(readAudit, { afterRecord: described.lastAuditRecord - 1, maxRecords: 1 });
      if (audit.status !== 'ok') throw new Error(audit.status);
      return { offset: described.clock.offsetMinutes, localTime: audit.records[0]?.localTime };
    };
    expect(await at('2026-03-08T07:59:59Z')).toEqual({ offset: -360, localTime: localAt('2026-03-08T07:59:59Z', -360) }); // 01:59:59 CST
    expect(await at('2026-03-08T08:00:00Z')).toEqual({ offset: -300, localTime: localAt('2026-03-08T08:00:00Z', -300) }); // 03:00 CDT
    expect(await at('2026-11-01T06:59:59Z')).toEqual({ offset: -300, localTime: localAt('2026-11-01T06:59:59Z', -300) }); // 01:59:59 CDT
    expect(await at('2026-11-01T07:00:00Z')).toEqual({ offset: -360, localTime: localAt('2026-11-01T07:00:00Z', -360) }); // 01:00 CST again
    expect(await at('2029-11-04T07:00:00Z')).toEqual({ offset: -360, localTime: localAt('2029-11-04T07:00:00Z', -360) }); // the eighth
    // Past its last transition the lock keeps the last offset it knows, until the next visit.
    expect(await at('2030-03-10T08:00:00Z')).toMatchObject({ offset: -360 });
  });

  it('records the clock set in the audit trail', async () => {
    const { send } = rig('arden-kp200');
    await send(setClock, zoneTransitions('America/Chicago', Temporal.Instant.from('2026-01-15T12:00:00Z')));
    expect(await send(readAudit, { afterRecord: 0, maxRecords: 5 })).toEqual({
      status: 'ok',
      more: false,
      records: [{ number: 1, localTime: localAt('2026-01-15T12:00:00Z', -360), event: 'clock_set', slot: null }],
    });
  });

  it('answers invalid_arguments to transitions that are not upcoming', async () => {
    const { programmer } = rig('arden-kp200');
    const stale = setClock.encode({ utcSeconds: 2000, offsetMinutes: 0, transitions: [{ atUtcSeconds: 1000, offsetMinutes: 60 }] });
    expect(await programmer.handle(stale, new AbortController().signal)).toEqual(hex('09'));
  });
});
