import { useActivityLog } from '../../../api/activity';
import { useCommunityTime } from '../../../components/community-time';

/**
 * The newest few lines of the activity log, live (its 'activity' events refresh it): under the
 * simulated keypad, so a trainer sees the lock's report arrive without leaving the page.
 */
export function LatestActivity({ lines = 3 }: { lines?: number }) {
  const time = useCommunityTime();
  const entries = useActivityLog({}).data?.pages[0]?.entries.slice(0, lines) ?? [];
  if (entries.length === 0) return null;
  return (
    <ol className="zw-latest" aria-label="Latest in the activity log">
      {entries.map((entry) => (
        <li key={entry.seq}>
          <time dateTime={entry.at}>{time.recentTime(entry.at)}</time>{' '}
          {/* A door's own report names the door first already ("North Tower 201 refused a wrong code…"). */}
          {!entry.summary.startsWith(entry.actor) && <span className="zw-latest__actor">{entry.actor} </span>}
          {entry.summary}
        </li>
      ))}
    </ol>
  );
}
