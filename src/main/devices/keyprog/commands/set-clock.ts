import type { ByteReader, ByteWriter } from '../../framing/bytes';
import { maxClockTransitions } from '../message-limits';
import { defineCommand, noData, type Codec, type ResultOf } from './command';
import { doorRefusals } from './device-status';

/** A door's clock: UTC, and the offset its wall clock runs at now. */
export interface ClockReading {
  utcSeconds: number;
  /** Minutes east of UTC (Chicago in winter: -360). */
  offsetMinutes: number;
}

/** From `atUtcSeconds` on, the wall clock runs at `offsetMinutes`. */
export interface ZoneTransition {
  atUtcSeconds: number;
  offsetMinutes: number;
}

/** A lock has no time zone database: it gets the next few transitions and applies them itself. */
export interface ClockSetting extends ClockReading {
  /** Ascending, each after utcSeconds, at most maxClockTransitions. */
  transitions: ZoneTransition[];
}

/** Real offsets stay within a day (Temporal's own limit); anything beyond is a bad field. */
const maxOffsetMinutes = 24 * 60 - 1;

function readOffset(r: ByteReader, what: string): number {
  const minutes = r.i16(what);
  if (Math.abs(minutes) > maxOffsetMinutes) r.fail(`${what} ${minutes} is more than a day`);
  return minutes;
}

/** UTC unix seconds u32, offset minutes i16. */
export const clockReadingWire: Codec<ClockReading> = {
  write(w, c) {
    w.u32(c.utcSeconds, 'UTC seconds').i16(c.offsetMinutes, 'offset minutes');
  },
  read: (r) => ({ utcSeconds: r.u32('UTC seconds'), offsetMinutes: readOffset(r, 'offset minutes') }),
};

function writeSetting(w: ByteWriter, s: ClockSetting): void {
  clockReadingWire.write(w, s);
  w.u8(s.transitions.length, 'transition count');
  for (const t of s.transitions) w.u32(t.atUtcSeconds, 'transition instant').i16(t.offsetMinutes, 'transition offset');
}

function readSetting(r: ByteReader): ClockSetting {
  const reading = clockReadingWire.read(r);
  const count = r.u8('transition count');
  if (count > maxClockTransitions) r.fail(`${count} transitions, more than ${maxClockTransitions}`);
  const transitions: ZoneTransition[] = [];
  for (let i = 0; i < count && r.problem === undefined; i++) {
    const t = { atUtcSeconds: r.u32('transition instant'), offsetMinutes: readOffset(r, 'transition offset') };
    if (t.atUtcSeconds <= (transitions.at(-1)?.atUtcSeconds ?? reading.utcSeconds)) r.fail('transitions must be upcoming and ascending');
    transitions.push(t);
  }
  return { ...reading, transitions };
}

/**
 * SET_CLOCK 0x03: sets the door's clock and the zone transitions it will apply on its own.
 * Args: UTC seconds u32, offset minutes i16, count u8 (<= 8), then per transition: UTC instant
 * u32, offset minutes i16. Answer: status only. Not refused on a low battery: the clock is not
 * the table, and a door with a flat battery needs the right time most of all for its audit.
 */
export const setClock = defineCommand({
  code: 0x03,
  name: 'SET_CLOCK',
  refusals: doorRefusals,
  args: { write: writeSetting, read: readSetting },
  data: noData,
});
export type SetClockResult = ResultOf<typeof setClock>;
