import { useId, useState } from 'react';
import { Button } from 'react-aria-components';
import type { BulkGrantResult, BulkRun } from '../../../../shared/domain';
import { useFinishBulkRun } from '../../api/mutations';
import { useStoppedBulkRuns } from '../../api/queries';
import { useCommunityTime } from '../../components/community-time';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useCan } from '../../components/permissions';
import { BulkOutcome } from './BulkOutcome';

/**
 * Bulk grants a crash cut short, from the store, so they outlast the crash: how far each got,
 * and Finish, which grants the units not yet done (none twice) and shows the whole outcome.
 * Shown only while there is one, or an outcome to read.
 */
export function StoppedBulkRuns() {
  const canFinish = useCan('access.finishBulkRun') === true;
  const runs = useStoppedBulkRuns(canFinish);
  const finish = useFinishBulkRun();
  const [finished, setFinished] = useState<{ result: BulkGrantResult; what: string } | null>(null);
  const headingId = useId();
  if (!canFinish || (!finished && !runs.error && !runs.data?.length)) return null;
  const onFinish = (run: BulkRun) =>
    finish.mutate({ runId: run.id }, { onSuccess: (result) => setFinished({ result, what: run.what }) });
  return (
    <section className="card stopped-runs" aria-labelledby={headingId}>
      <h3 className="card__title" id={headingId}>
        Bulk grants cut short
      </h3>
      {runs.error && <ErrorNotice error={runs.error} title="Could not load the bulk grants cut short." />}
      {finish.error && <ErrorNotice error={finish.error} title="The bulk grant was not finished." />}
      {finished ? (
        <BulkOutcome result={finished.result} what={finished.what} onDone={() => setFinished(null)} />
      ) : (
        <ul className="stopped-runs__list">
          {runs.data?.map((run) => (
            <StoppedRun key={run.id} run={run} finishing={finish.isPending && finish.variables?.runId === run.id} busy={finish.isPending} onFinish={() => onFinish(run)} />
          ))}
        </ul>
      )}
    </section>
  );
}

function StoppedRun({ run, finishing, busy, onFinish }: { run: BulkRun; finishing: boolean; busy: boolean; onFinish: () => void }) {
  const titleId = useId();
  const time = useCommunityTime();
  const left = run.total - run.done;
  return (
    <li className="stopped-run" aria-labelledby={titleId}>
      <div className="stopped-run__text">
        <h4 className="stopped-run__title" id={titleId}>
          {run.what}
        </h4>
        <p className="stopped-run__progress">
          Stopped after {run.done} of {run.total} units. Finish grants the {left} {left === 1 ? 'unit' : 'units'} not yet done.
        </p>
        <span className="stopped-run__when">
          Started <time dateTime={run.startedAt}>{time.dateTime(run.startedAt)}</time> by {run.startedBy}
        </span>
      </div>
      <Button className="button button--primary" aria-describedby={titleId} isPending={finishing} isDisabled={busy && !finishing} onPress={onFinish}>
        {finishing ? 'Finishing…' : 'Finish'}
      </Button>
    </li>
  );
}
