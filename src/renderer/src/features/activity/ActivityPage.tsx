import { useMemo, useState } from 'react';
import { Button } from 'react-aria-components';
import type { ActivityFilter } from '../../../../shared/domain';
import { useActivityLog } from '../../api/activity';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LoadingState } from '../../components/LoadingState';
import { ActivityFilters, noActivityFilters, type ActivityFilterValues } from './ActivityFilters';
import { ActivityTable } from './ActivityTable';
import { AuditChainTools } from './AuditChainTools';
import { useDebouncedText } from '../../components/useDebouncedText';
import '../../components/tables.css';
import './activity.css';

function toFilter(action: ActivityFilterValues['action'], actor: string, search: string): ActivityFilter {
  const filter: ActivityFilter = {};
  if (action !== 'all') filter.action = action;
  if (actor) filter.actor = actor;
  if (search) filter.search = search;
  return filter;
}

/** The hash-chained audit log: who did what, filtered; the chain can be verified and exported. */
export function ActivityPage() {
  const [values, setValues] = useState<ActivityFilterValues>(noActivityFilters);
  const actor = useDebouncedText(values.actor.trim(), 300);
  const search = useDebouncedText(values.search.trim(), 300);
  const filter = useMemo(() => toFilter(values.action, actor, search), [values.action, actor, search]);
  const isFiltered = Object.keys(filter).length > 0;
  const log = useActivityLog(filter);
  const [brokenSeq, setBrokenSeq] = useState<number | null>(null);
  const entries = log.data?.pages.flatMap((page) => page.entries) ?? [];

  return (
    <div className="stack-page">
      <div className="activity__top">
        <AuditChainTools filter={filter} onBrokenSeq={setBrokenSeq} />
        <ActivityFilters values={values} onChange={setValues} />
      </div>
      {log.isPending && <LoadingState />}
      {log.error && <ErrorNotice error={log.error} title="Could not load activity." />}
      {log.data && entries.length === 0 && (
        <p className="muted">{isFiltered ? 'No entries match these filters.' : 'Nothing has happened yet.'}</p>
      )}
      {entries.length > 0 && (
        <section className="card" aria-label="Audit log" aria-busy={log.isPlaceholderData || undefined}>
          <ActivityTable entries={entries} brokenSeq={brokenSeq} />
          <div className="activity__more">
            {log.hasNextPage ? (
              <Button className="button" onPress={() => void log.fetchNextPage()} isPending={log.isFetchingNextPage}>
                {log.isFetchingNextPage ? 'Loading…' : 'Load older'}
              </Button>
            ) : (
              <span className="muted">{isFiltered ? 'No older matching entries.' : 'Beginning of the log.'}</span>
            )}
          </div>
        </section>
      )}
    </div>
  );
}
