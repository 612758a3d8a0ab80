import { Button } from 'react-aria-components';
import { useActivity } from '../../api/queries';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LoadingState } from '../../components/LoadingState';
import { ActivityTable } from './ActivityTable';
import '../../components/tables.css';
import './activity.css';

/** The hash-chained audit log: who did what, and a loud warning if the chain is broken. */
export function ActivityPage() {
  const activity = useActivity();
  const pages = activity.data?.pages ?? [];
  const entries = pages.flatMap((page) => page.entries);
  const chainBroken = pages.some((page) => !page.chainIntact);
  return (
    <div className="stack-page">
      <div className="page-heading">
        <h2 className="page-heading__title">Activity</h2>
      </div>
      {chainBroken && (
        <div role="alert" className="notice" data-tone="bad">
          <strong className="notice__title">The audit log has been altered.</strong>
          <span>
            A stored entry no longer matches its hash. Entries shown may not be what was recorded. Tell the property
            manager before relying on this log.
          </span>
        </div>
      )}
      {activity.isPending && <LoadingState />}
      {activity.error && <ErrorNotice error={activity.error} title="Could not load activity." />}
      {activity.data && entries.length === 0 && <p className="muted">Nothing has happened yet.</p>}
      {entries.length > 0 && (
        <section className="card" aria-label="Audit log">
          <ActivityTable entries={entries} />
          <div className="activity__more">
            {activity.hasNextPage ? (
              <Button className="button" onPress={() => void activity.fetchNextPage()} isPending={activity.isFetchingNextPage}>
                {activity.isFetchingNextPage ? 'Loading…' : 'Load older'}
              </Button>
            ) : (
              <span className="muted">Beginning of the log.</span>
            )}
          </div>
        </section>
      )}
    </div>
  );
}
