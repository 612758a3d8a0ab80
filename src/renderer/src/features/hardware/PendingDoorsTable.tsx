import type { HardwareOverview } from '../../../../shared/domain';
import { useCommunityTime } from '../../components/community-time';
import { doorKindLabel } from '../../components/labels';

/** Doors whose lock has not yet reported what the console wants on it, oldest first. */
export function PendingDoorsTable({ doors, labelledBy }: { doors: HardwareOverview['pendingDoors']; labelledBy: string }) {
  const time = useCommunityTime();
  if (doors.length === 0) return <p className="muted">Every door is in sync. Nothing to program.</p>;
  const oldestFirst = [...doors].sort((a, b) => a.pendingSince.localeCompare(b.pendingSince));
  return (
    <table className="data-table" aria-labelledby={labelledBy}>
      <thead>
        <tr>
          <th scope="col">Building</th>
          <th scope="col">Door</th>
          <th scope="col">Kind</th>
          <th scope="col">Model</th>
          <th scope="col">Pending since</th>
        </tr>
      </thead>
      <tbody>
        {oldestFirst.map((door) => (
          <tr key={door.id}>
            <td>{door.buildingName ?? <span className="muted">Grounds</span>}</td>
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
