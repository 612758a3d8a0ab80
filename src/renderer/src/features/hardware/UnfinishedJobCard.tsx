import { Button } from 'react-aria-components';
import { StatusBadge } from '../../components/StatusBadge';
import { jobKindLabel } from './hardware-labels';
import { JobView } from './JobView';
import { asStopped, type UnfinishedJob } from './unfinished-jobs';

/** A job that stopped short, off every programmer's card now: what happened, and how to finish it. */
export function UnfinishedJobCard({ unfinished, onDismiss }: { unfinished: UnfinishedJob; onDismiss: () => void }) {
  const job = asStopped(unfinished);
  const name = `Key-programmer ${unfinished.programmerName}`;
  return (
    <section className="card programmer programmer--gone" aria-label={`Unfinished job: ${jobKindLabel(job.kind)}, ${job.door.name}`}>
      <header className="programmer__head">
        <h4 className="programmer__title">{name}</h4>
        {unfinished.simulated && <StatusBadge tone="accent">Simulated</StatusBadge>}
        <StatusBadge tone="bad">{unfinished.unplugged ? 'Unplugged' : 'Door off the cable'}</StatusBadge>
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
              {unfinished.unplugged ? `Plug ${name} back in and connect` : 'Connect'} its cable to {job.door.name}: Resume is
              then on its card.
            </span>
          }
        />
      </div>
    </section>
  );
}
