import type { Schedule } from '../../../shared/domain';
import type { ScheduleFit } from '../../devices/live/live-lock-network';

/** Whether a code Porter enforces (a 'porter' or 'both' fit) belongs on its lock at `now`, and when that next changes. */
export type Presence = (schedule: Schedule, fit: ScheduleFit, zone: string, now: Date) => { present: boolean; nextChangeAt: Date | string | null };
