import type { AuditEntry } from '../../../../shared/domain';
import { useCommunityTime } from '../../components/community-time';

/** Audit entries, newest first, with times in the community's zone. */
export function ActivityTable({ entries }: { entries: readonly AuditEntry[] }) {
  const time = useCommunityTime();
  return (
    <table className="data-table">
      <caption className="data-table__caption">Audit log, newest first</caption>
      <thead>
        <tr>
          <th scope="col" className="activity__time">Time</th>
          <th scope="col" className="activity__actor">By</th>
          <th scope="col">What happened</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.seq}>
            <td className="activity__time">
              <time dateTime={entry.at}>{time.fullDateTime(entry.at)}</time>
            </td>
            <td className="activity__actor">{entry.actor}</td>
            <td>{entry.summary}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
