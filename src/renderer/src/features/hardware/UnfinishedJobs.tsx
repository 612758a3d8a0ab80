import { useId } from 'react';
import type { BluetoothLock, DoorJob, Programmer } from '../../../../shared/domain';
import { useCommunityTime } from '../../components/community-time';
import { doorKindLabel } from '../../components/labels';
import { StatusBadge } from '../../components/StatusBadge';
import { count, jobKindLabel, jobStatusLabel, jobStatusTone, programmerTitle } from './hardware-labels';

interface Props {
  /** Doors whose latest job was interrupted or failed, newest first, as the store has them. */
  jobs: readonly DoorJob[];
  programmers: readonly Programmer[];
  /** The Bluetooth locks in range: a door whose lock is among them is resumed from its row. */
  bluetoothLocks: readonly BluetoothLock[];
  nameWithSerial: boolean;
}

/**
 * Jobs that stopped short, wherever their door's lock is now: a programmer pulled out, a cable
 * off the door, a door that refused. From the store, so they outlast a reload, another window
 * or a restart. Resume is on the card of the programmer whose cable is on the door, or in the
 * row of the door's Bluetooth lock when it is in range.
 */
export function UnfinishedJobs({ jobs, programmers, bluetoothLocks, nameWithSerial }: Props) {
  const headingId = useId();
  return (
    <section className="card unfinished" aria-labelledby={headingId}>
      <header className="hw-section__head">
        <h3 id={headingId} className="hw-section__title">
          Unfinished jobs
        </h3>
        <span className="muted">{count(jobs.length, 'door')} whose last job stopped short, newest first</span>
      </header>
      <ul className="unfinished__list">
        {jobs.map((job) => (
          <UnfinishedJob
            key={job.id}
            job={job}
            programmer={programmers.find((p) => p.door?.door?.id === job.door.id) ?? null}
            inRange={bluetoothLocks.some((l) => l.door?.id === job.door.id)}
            nameWithSerial={nameWithSerial}
          />
        ))}
      </ul>
    </section>
  );
}

interface JobProps {
  job: DoorJob;
  programmer: Programmer | null;
  /** The door's Bluetooth lock is heard now. */
  inRange: boolean;
  nameWithSerial: boolean;
}

function UnfinishedJob({ job, programmer, inRange, nameWithSerial }: JobProps) {
  const titleId = useId();
  const time = useCommunityTime();
  const stoppedAt = job.steps.find((s) => s.status === 'failed');
  const reader = job.kind === 'configure_reader';
  const next = programmer
    ? `${job.door.name} is on the cable of ${programmerTitle(programmer, nameWithSerial)}: ${
        reader ? 'write the configuration again with Configure reader…' : 'press Resume'
      } on its card.`
    : inRange && !reader
      ? `${job.door.name}’s lock is in Bluetooth range: press Resume in its row of the Bluetooth list.`
      : reader
      ? 'Attach this door to a programmer and write the configuration again with Configure reader….'
      : 'Attach this door to a programmer and press Resume on its card.';
  return (
    <li className="unfinished-job" aria-labelledby={titleId} data-status={job.status}>
      <div className="unfinished-job__head">
        <h4 id={titleId} className="unfinished-job__title">
          {jobKindLabel(job.kind)} · {job.door.name}
        </h4>
        <span className="muted">{doorKindLabel(job.door.kind)}</span>
        <StatusBadge tone={jobStatusTone(job.status)}>{jobStatusLabel(job.status)}</StatusBadge>
        <span className="unfinished-job__when">
          {job.finishedAt ? (
            <>
              Stopped <time dateTime={job.finishedAt}>{time.dateTime(job.finishedAt)}</time>
            </>
          ) : (
            <>
              Started <time dateTime={job.startedAt}>{time.dateTime(job.startedAt)}</time>
            </>
          )}
          {stoppedAt && <> at “{stoppedAt.name}”</>} · started by {job.startedBy}
        </span>
      </div>
      {job.error && (
        <p className="unfinished-job__problem">
          <strong>{job.error.message}</strong> {job.error.advice}
        </p>
      )}
      <p className="unfinished-job__next">{next}</p>
    </li>
  );
}
