import type { ReactNode } from 'react';
import { Label, ProgressBar } from 'react-aria-components';
import type { DoorJob } from '../../../../shared/domain';
import { useCommunityTime } from '../../components/community-time';
import { StatusBadge } from '../../components/StatusBadge';
import { jobKindLabel, jobProgressLabel, jobStatusLabel, jobStatusTone, stepStatusLabel } from './hardware-labels';

interface Props {
  job: DoorJob;
  /** Whether this job is the one started through this programmer now, or the door's last one on record. */
  heading: string;
  /** The Resume button (or why it cannot be pressed), for a job that stopped. */
  resume: ReactNode;
}

/** A job on a door: who started it, its progress, its steps, and how it ended. */
export function JobView({ job, heading, resume }: Props) {
  const time = useCommunityTime();
  const kind = jobKindLabel(job.kind);
  const stopped = job.status === 'failed' || job.status === 'interrupted';
  return (
    <div className="job" data-status={job.status}>
      <div className="job__head">
        <h5 className="job__title">
          <span className="job__eyebrow">{heading}</span>
          {kind} · {job.door.name}
        </h5>
        <StatusBadge tone={jobStatusTone(job.status)}>{jobStatusLabel(job.status)}</StatusBadge>
      </div>
      <p className="job__meta">
        Started by {job.startedBy}, <time dateTime={job.startedAt}>{time.dateTime(job.startedAt)}</time>
        {job.finishedAt && (
          <>
            {' '}
            · ended <time dateTime={job.finishedAt}>{time.dateTime(job.finishedAt)}</time>
          </>
        )}
      </p>
      <ProgressBar className="job-progress" value={Math.round(job.progress * 100)} data-status={job.status}>
        {({ percentage, valueText }) => (
          <>
            <div className="job-progress__labels">
              <Label className="job-progress__label">{jobProgressLabel(job.kind)}</Label>
              <span className="job-progress__value">{valueText}</span>
            </div>
            <div className="job-progress__track">
              <div className="job-progress__fill" style={{ width: `${percentage ?? 0}%` }} />
            </div>
          </>
        )}
      </ProgressBar>
      <ol className="job-steps" aria-label="Steps">
        {job.steps.map((step, i) => (
          <li key={i} className="job-step" data-status={step.status}>
            <span className="status-mark job-step__mark" data-status={step.status} aria-hidden="true" />
            <span className="job-step__name">{step.name}</span>
            <span className="job-step__status">{stepStatusLabel(step.status)}</span>
            {step.detail && <span className="job-step__detail">{step.detail}</span>}
          </li>
        ))}
      </ol>
      {/* Announced when it changes (started, done, stopped), never on every tick of progress. */}
      <p role="status" className="job__announce">
        {kind} {job.door.name}: {jobStatusLabel(job.status).toLowerCase()}.
      </p>
      {/* What the job did, in the core's words ("Writing 3, removing 1", "12 records added"). */}
      {job.status === 'succeeded' && <p className="job__result">{job.result ?? `${kind} finished.`}</p>}
      {stopped && job.error && (
        <div role="alert" className="notice job__problem" data-tone={job.status === 'failed' ? 'bad' : 'warn'}>
          <strong className="notice__title">{job.error.message}</strong>
          <span>{job.error.advice}</span>
          {resume}
        </div>
      )}
      {stopped && !job.error && resume}
    </div>
  );
}
