import type { HardwareOverview } from '../../../../shared/domain';
import { useCommunityTime } from '../../components/community-time';
import { doorKindLabel } from '../../components/labels';

/**
 * Doors whose lock has not yet reported what the console wants on it, in the core's order: doors
 * still holding an ended credential first, the longest exposed first, then the oldest change.
 */
export function PendingDoorsTable({ doors, labelledBy }: { doors: HardwareOverview['pendingDoors']; labelledBy: string }) {
  const time = useCommunityTime();
  if (doors.length === 0) return <p className="muted">Every door is in sync. Nothing to program.</p>;
  return (
    <table className="data-table" aria-labelledby={labelledBy}>
      <thead>
        <tr>
          <th scope="col">Building</th>
          <th scope="col">Door</th>
          <th scope="col">Kind</th>
          <th scope="col">Model</th>
          <th scope="col">Pending since</th>
          <th scope="col">Ended codes still on it</th>
        </tr>
      </thead>
      <tbody>
        {doors.map((door) => (
          <tr key={door.id}>
            <td>{door.buildingName ?? <span className="muted">Grounds</span>}</td>
            <th scope="row">{door.name}</th>
            <td>{doorKindLabel(door.kind)}</td>
            <td>{door.modelName}</td>
            <td>
              <time dateTime={door.pendingSince}>{time.dateTime(door.pendingSince)}</time>
            </td>
            <td>
              {door.exposedSince === null ? (
                <span className="muted">None</span>
              ) : (
                <>
                  {door.exposedCount === 1 ? '1 ended code' : `${door.exposedCount} ended codes`} since{' '}
                  <time dateTime={door.exposedSince}>{time.dateTime(door.exposedSince)}</time>
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
