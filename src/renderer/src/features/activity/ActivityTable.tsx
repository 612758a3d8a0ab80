import type { AuditEntry } from '../../../../shared/domain';
import { useCommunityTime } from '../../components/community-time';
import { StatusBadge } from '../../components/StatusBadge';
import { auditActionLabel } from './audit-actions';

interface Props {
  entries: readonly AuditEntry[];
  /** The first entry the last chain check found broken, marked in the list. */
  brokenSeq: number | null;
}

/** Audit entries, newest first, with times in the community's zone. */
export function ActivityTable({ entries, brokenSeq }: Props) {
  const time = useCommunityTime();
  return (
    <table className="data-table">
      <caption className="data-table__caption">Audit log, newest first</caption>
      <thead>
        <tr>
          <th scope="col" className="activity__seq">
            Entry
          </th>
          <th scope="col" className="activity__time">
            Time
          </th>
          <th scope="col" className="activity__actor">
            By
          </th>
          <th scope="col" className="activity__action">
            Action
          </th>
          <th scope="col">What happened</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.seq} data-broken={entry.seq === brokenSeq || undefined}>
            <td className="activity__seq">
              {entry.seq === brokenSeq && <span className="activity__broken">Altered</span>}#{entry.seq}
            </td>
            <td className="activity__time">
              <time dateTime={entry.at}>{time.fullDateTime(entry.at)}</time>
            </td>
            <td className="activity__actor">{entry.actor}</td>
            <td className="activity__action">
              {/* A change made here that the cloud refused: staff must see it and act on it. */}
              {entry.action === 'sync.rejected' ? (
                <StatusBadge tone="warn">{auditActionLabel(entry.action)}</StatusBadge>
              ) : (
                auditActionLabel(entry.action)
              )}
            </td>
            <td>{entry.summary}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
