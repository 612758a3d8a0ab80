import type { AttachedDoor, PendingDoor } from '../../../../shared/domain';
import { useCommunityTime } from '../../components/community-time';
import { doorKindLabel } from '../../components/labels';
import { StatusBadge } from '../../components/StatusBadge';
import { changesText, driftLimitSeconds, driftText, lowBatteryPercent } from './hardware-labels';

/**
 * The lock or reader on the programmer's cable, as it described itself, and what it lacks.
 * `round`: the door's row on the round, when it waits there (for the ended codes it still holds).
 */
export function AttachedDoorFacts({ door, round }: { door: AttachedDoor; round?: PendingDoor }) {
  const time = useCommunityTime();
  const lowBattery = door.batteryPercent < lowBatteryPercent;
  const drifted = Math.abs(door.clockDriftSeconds) > driftLimitSeconds;
  const full = door.usedSlots >= door.slots;
  const changes = door.changes ? changesText(door.changes) : null;
  return (
    <dl className="door-facts">
      <div className="door-facts__item door-facts__item--wide">
        <dt>Door</dt>
        <dd>
          {door.door ? (
            <>
              <strong>{door.door.name}</strong> <span className="muted">· {doorKindLabel(door.door.kind)}</span>
            </>
          ) : (
            <StatusBadge tone="warn">Not assigned to a door</StatusBadge>
          )}
        </dd>
      </div>
      <div className="door-facts__item door-facts__item--wide">
        <dt>Desired vs on the {door.kind}</dt>
        <dd>
          {changes ? (
            <StatusBadge tone={changes.inSync ? 'good' : 'warn'}>{changes.text}</StatusBadge>
          ) : (
            <span className="muted">Unknown until the lock is assigned</span>
          )}
          {round?.exposedSince && (
            <>
              {' '}
              <StatusBadge tone="warn">
                Still holds {round.exposedCount === 1 ? '1 ended code' : `${round.exposedCount} ended codes`} since {time.dateTime(round.exposedSince)}
              </StatusBadge>
            </>
          )}
        </dd>
      </div>
      <div className="door-facts__item">
        <dt>Model</dt>
        <dd>{door.modelName}</dd>
      </div>
      <div className="door-facts__item">
        <dt>Serial</dt>
        <dd className="door-facts__code">{door.serial}</dd>
      </div>
      <div className="door-facts__item">
        <dt>Firmware</dt>
        <dd className="door-facts__code">{door.firmware}</dd>
      </div>
      <div className="door-facts__item">
        <dt>Battery</dt>
        <dd>
          <span className="door-facts__num">{door.batteryPercent} %</span>
          {lowBattery && <StatusBadge tone="warn">Low: replace</StatusBadge>}
        </dd>
      </div>
      <div className="door-facts__item">
        <dt>Clock</dt>
        <dd>
          <span className="door-facts__num">{driftText(door.clockDriftSeconds)}</span>
          {drifted && <StatusBadge tone="warn">Set the clock</StatusBadge>}
        </dd>
      </div>
      <div className="door-facts__item">
        <dt>Slots used</dt>
        <dd>
          <span className="door-facts__num">
            {door.usedSlots.toLocaleString()} / {door.slots.toLocaleString()}
          </span>
          {full && <StatusBadge tone="warn">Full</StatusBadge>}
        </dd>
      </div>
    </dl>
  );
}
