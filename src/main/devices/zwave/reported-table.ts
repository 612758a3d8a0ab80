import type { ReportedCode } from '../live/live-lock-network';
import { userCodeChecksum } from './code-checksum';

/** The checksum the lock would give for this reported table (available slots do not count). */
export function tableChecksum(codes: Iterable<ReportedCode>): number {
  return userCodeChecksum(
    [...codes].flatMap((c) => (c.state === 'available' ? [] : [{ slot: c.slot, status: c.state === 'enabled' ? (1 as const) : (2 as const), code: c.code }])),
  );
}
