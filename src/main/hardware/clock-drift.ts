import type { DoorDescription } from '../devices/keyprog/commands';

/** How far the door's clock is from the console's, in seconds; positive when the door runs ahead. */
export function clockDriftSeconds(d: Pick<DoorDescription, 'clock'>, now: Date): number {
  return Math.round(d.clock.utcSeconds - now.getTime() / 1000);
}
