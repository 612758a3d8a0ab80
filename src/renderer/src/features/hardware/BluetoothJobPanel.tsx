import { Button } from 'react-aria-components';
import type { BluetoothLock } from '../../../../shared/domain';
import { errorMessage } from '../../api/mutations';
import { lockName } from './bluetooth-labels';
import { JobView } from './JobView';
import { lockActionFailed, type LockJobs } from './useLockJobs';

interface Props {
  lock: BluetoothLock;
  /** False while the lock is not heard: what shows is the job as last heard. */
  inRange: boolean;
  jobs: LockJobs;
  onClose: () => void;
}

/**
 * Under the scan list: the job on the lock last acted on (or picked in its row), the same
 * JobView a programmer's card shows; a job that would not start says why.
 */
export function BluetoothJobPanel({ lock, inRange, jobs, onClose }: Props) {
  const failure = jobs.failure?.lockId === lock.id ? jobs.failure : null;
  const job = lock.job;
  const where = `Bluetooth ${lockName(lock)}${lock.door ? ` on ${lock.door.name}` : ''}`;
  return (
    <div className="bt-job" role="group" aria-label="Job">
      <div className="bt-job__head">
        <h4 className="bt-job__title">{where}</h4>
        {!inRange && <span className="bt-job__range">Out of range: shown as last heard</span>}
        <Button className="icon-button bt-job__close" aria-label="Close the job" onPress={onClose}>
          <span className="icon-close" aria-hidden="true" />
        </Button>
      </div>
      {failure && (
        <div role="alert" className="notice">
          <strong className="notice__title">{lockActionFailed[failure.action]}</strong>
          <span>{errorMessage(failure.error)}</span>
        </div>
      )}
      {job ? (
        <JobView
          job={job}
          heading={job.status === 'running' ? 'Running now' : 'Last job on this door'}
          resume={
            <span className="job__resume-reason">
              {inRange ? 'Resume is in the lock’s row above.' : 'Stand within range of the lock, then press Resume in its row.'}
            </span>
          }
        />
      ) : (
        !failure && <p className="muted">No job on record for this door yet.</p>
      )}
    </div>
  );
}
