import { useState } from 'react';
import type { DoorJob, Programmer } from '../../../../shared/domain';

/** A job whose programmer went away (unplugged, or the cable came out) before it succeeded. */
export interface UnpluggedJob {
  job: DoorJob;
  programmerName: string;
  simulated: boolean;
}

interface Memory {
  seen: readonly Programmer[];
  jobs: UnpluggedJob[];
}

/**
 * The overview lists only the programmers plugged in now, so a programmer pulled out mid-job
 * takes its job off the page with it. This remembers such jobs (in this window only) until a
 * programmer shows the same job again (its door back on a cable: Resume is there) or the
 * technician dismisses it.
 */
export function useUnpluggedJobs(programmers: readonly Programmer[]): [UnpluggedJob[], (jobId: string) => void] {
  const [memory, setMemory] = useState<Memory>({ seen: programmers, jobs: [] });
  if (memory.seen !== programmers) {
    const present = new Set(programmers.map((p) => p.id));
    const shown = new Set(programmers.flatMap((p) => (p.job ? [p.job.id] : [])));
    const gone = memory.seen.flatMap((p) =>
      !present.has(p.id) && p.job && p.job.status !== 'succeeded' ? [{ job: p.job, programmerName: p.name, simulated: p.simulated }] : [],
    );
    const jobs = [...memory.jobs.filter((u) => !gone.some((g) => g.job.id === u.job.id)), ...gone].filter((u) => !shown.has(u.job.id));
    setMemory({ seen: programmers, jobs });
  }
  const dismiss = (jobId: string) => setMemory((m) => ({ ...m, jobs: m.jobs.filter((u) => u.job.id !== jobId) }));
  return [memory.jobs, dismiss];
}

/** A job last seen running: the programmer's going interrupted it (the core records it so). */
export function asInterrupted({ job, programmerName }: UnpluggedJob): DoorJob {
  if (job.status !== 'running') return job;
  return {
    ...job,
    status: 'interrupted',
    steps: job.steps.map((s) => (s.status === 'running' ? { ...s, status: 'failed' } : s)),
    error: {
      message: `Key-programmer ${programmerName} was unplugged during the job.`,
      advice: `Plug it back in and connect its cable to ${job.door.name}, then press Resume on its card.`,
    },
  };
}
