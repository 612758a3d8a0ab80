import { Button } from 'react-aria-components';
import { StatusBadge } from '../../components/StatusBadge';
import { jobKindLabel } from './hardware-labels';
import { JobView } from './JobView';
import { asInterrupted, type UnpluggedJob } from './unplugged-jobs';

/** A job left unfinished by a programmer that is no longer plugged in: what happened, and how to finish it. */
export function UnpluggedJobCard({ unplugged, onDismiss }: { unplugged: UnpluggedJob; onDismiss: () => void }) {
  const job = asInterrupted(unplugged);
  const name = `${unplugged.programmerName}${unplugged.simulated ? ' (simulated)' : ''}`;
  return (
    <section className="card programmer programmer--gone" aria-label={`Unfinished job: ${jobKindLabel(job.kind)}, ${job.door.name}`}>
      <header className="programmer__head">
        <h4 className="programmer__title">Key-programmer {unplugged.programmerName}</h4>
        {unplugged.simulated && <StatusBadge tone="accent">Simulated</StatusBadge>}
        <StatusBadge tone="bad">Unplugged</StatusBadge>
        <Button className="button button--small programmer__dismiss" onPress={onDismiss}>
          Dismiss
        </Button>
      </header>
      <div className="programmer__job programmer__job--alone">
        <JobView
          job={job}
          heading="Unfinished job"
          resume={
            <span className="job__resume-hint">
              Plug {name} back in and connect its cable to {job.door.name}; Resume is then on its card.
            </span>
          }
        />
      </div>
    </section>
  );
}
