import { useState } from 'react';
import type { DoorJob, Programmer } from '../../../../shared/domain';

/**
 * A job that stopped short and is no longer on any programmer's card: its programmer was
 * pulled out, or its door came off the cable (the card shows the door on the cable's job).
 */
export interface UnfinishedJob {
  job: DoorJob;
  programmerName: string;
  simulated: boolean;
  /** The programmer itself went (else only the door left its cable). */
  unplugged: boolean;
}

interface Memory {
  seen: readonly Programmer[];
  /** The job each programmer last started from this window, as the command answered: a
   * programmer pulled out at once may go before any overview shows the job on it. */
  started: Record<string, DoorJob>;
  jobs: UnfinishedJob[];
}

/** The newer of what the overview last showed on a programmer and what this window started through it. */
function lastJob(p: Programmer, started: DoorJob | undefined): DoorJob | null {
  if (!started || p.job?.id === started.id) return p.job;
  if (!p.job || started.startedAt >= p.job.startedAt) return started;
  return p.job;
}

/**
 * The overview lists only the programmers plugged in now, each with the job of the door on its
 * cable, so a job stopped by a pulled cable would leave the page with it. This keeps such jobs
 * (in this window only) until a card shows a job on the same door again (the door back on a
 * cable: Resume is there) or the technician dismisses them.
 */
export function useUnfinishedJobs(programmers: readonly Programmer[]) {
  const [memory, setMemory] = useState<Memory>({ seen: programmers, started: {}, jobs: [] });
  if (memory.seen !== programmers) {
    const present = new Set(programmers.map((p) => p.id));
    const doorsShown = new Set(programmers.flatMap((p) => (p.job ? [p.job.door.id] : [])));
    const left = memory.seen.flatMap((p) => {
      const job = lastJob(p, memory.started[p.id]);
      return job && job.status !== 'succeeded'
        ? [{ job, programmerName: p.name, simulated: p.simulated, unplugged: !present.has(p.id) }]
        : [];
    });
    const jobs = [...memory.jobs.filter((u) => !left.some((l) => l.job.id === u.job.id)), ...left].filter(
      (u) => !doorsShown.has(u.job.door.id),
    );
    const started = Object.fromEntries(Object.entries(memory.started).filter(([id]) => present.has(id)));
    setMemory({ seen: programmers, started, jobs });
  }
  return {
    unfinished: memory.jobs,
    dismiss: (jobId: string) => setMemory((m) => ({ ...m, jobs: m.jobs.filter((u) => u.job.id !== jobId) })),
    /** A job this window started through a programmer (the command's answer). */
    noteStarted: (programmerId: string, job: DoorJob) => setMemory((m) => ({ ...m, started: { ...m.started, [programmerId]: job } })),
  };
}

/** A job last seen running: whatever took it off the page stopped it (the core records it interrupted). */
export function asStopped({ job, programmerName, unplugged }: UnfinishedJob): DoorJob {
  if (job.status !== 'running') return job;
  return {
    ...job,
    status: 'interrupted',
    steps: job.steps.map((s) => (s.status === 'running' ? { ...s, status: 'failed' } : s)),
    error: {
      message: unplugged
        ? `Key-programmer ${programmerName} was unplugged during the job.`
        : `${job.door.name} came off the programmer’s cable during the job.`,
      advice: 'Reconnect the programmer and the door cable, then press Resume.',
    },
  };
}
