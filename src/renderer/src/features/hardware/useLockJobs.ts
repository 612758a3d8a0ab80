import { useState } from 'react';
import { useProgramDoor, useReadDoorAudit, useResumeJob, useSetDoorClock } from '../../api/mutations';

export type LockAction = 'program' | 'readAudit' | 'setClock' | 'resume';

export const lockActionFailed: Record<LockAction, string> = {
  program: 'Programming did not start.',
  readAudit: 'Reading the audit trail did not start.',
  setClock: 'Setting the clock did not start.',
  resume: 'The job did not resume.',
};

export interface LockJobs {
  /** Starts a job on a Bluetooth lock: the programmer's job commands, with the lock's id. */
  start: (lockId: string, action: LockAction) => void;
  /** The job being asked for now (its answer not in yet); one at a time across the list. */
  starting: { lockId: string; action: LockAction } | null;
  /** The last job asked for, when the core refused to start it. */
  failure: { lockId: string; action: LockAction; error: unknown } | null;
}

/**
 * Job starts for the whole scan list, kept above the rows: a lock that drops out of range for
 * a moment takes its row away, not the answer to what was asked of it.
 */
export function useLockJobs(): LockJobs {
  const program = useProgramDoor();
  const readAudit = useReadDoorAudit();
  const setClock = useSetDoorClock();
  const resume = useResumeJob();
  const mutations = { program, readAudit, setClock, resume };
  const [last, setLast] = useState<{ lockId: string; action: LockAction } | null>(null);
  const mutation = last ? mutations[last.action] : null;
  return {
    start: (lockId, action) => {
      for (const m of Object.values(mutations)) m.reset();
      setLast({ lockId, action });
      mutations[action].mutate({ programmerId: lockId });
    },
    starting: last && mutation?.isPending ? last : null,
    failure: last && mutation?.error ? { ...last, error: mutation.error } : null,
  };
}
