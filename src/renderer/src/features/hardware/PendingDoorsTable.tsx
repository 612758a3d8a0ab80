import type { HardwareOverview } from '../../../../shared/domain';
import { useCommunityTime } from '../../components/community-time';
import { doorKindLabel } from '../../components/labels';

/** Doors whose lock has not yet reported what the console wants on it, oldest first. */
export function PendingDoorsTable({ doors }: { doors: HardwareOverview['pendingDoors'] }) {
  const time = useCommunityTime();
  if (doors.length === 0) return <p className="muted">Every door is in sync. Nothing to program.</p>;
  const oldestFirst = [...doors].sort((a, b) => a.pendingSince.localeCompare(b.pendingSince));
  return (
    <table className="data-table">
      <caption className="data-table__caption">Doors pending programming ({doors.length})</caption>
      <thead>
        <tr>
          <th scope="col">Door</th>
          <th scope="col">Kind</th>
          <th scope="col">Model</th>
          <th scope="col">Pending since</th>
        </tr>
      </thead>
      <tbody>
        {oldestFirst.map((door) => (
          <tr key={door.id}>
            <th scope="row">{door.name}</th>
            <td>{doorKindLabel(door.kind)}</td>
            <td>{door.modelName}</td>
            <td>
              <time dateTime={door.pendingSince}>{time.dateTime(door.pendingSince)}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
