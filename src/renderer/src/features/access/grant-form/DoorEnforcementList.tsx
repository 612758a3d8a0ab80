import type { CredentialKind, DoorEnforcement, ScheduleRequest } from '../../../../../shared/domain';
import { useDoorEnforcement } from '../../../api/queries';
import { formatDate, formatDateTime, formatTime, fromLocalDate, fromLocalDateTime, fromLocalTime } from '../../../components/wall-clock';

interface Props {
  unitId: string;
  kind: CredentialKind;
  /** The schedule as typed so far; null while a required field is empty. */
  schedule: ScheduleRequest | null;
}

const linkNames: Record<DoorEnforcement['link'], string> = { zwave: 'Z-Wave', key_programmer: 'Key-programmer', bluetooth: 'Bluetooth' };

/** Under the schedule fields: how each door the grant opens will keep the schedule, and why. */
export function DoorEnforcementList({ unitId, kind, schedule }: Props) {
  const { data, error } = useDoorEnforcement(unitId, kind, schedule);
  if (!schedule || (!data && !error)) return null;
  const porterKeepsTime = data?.some((d) => d.by === 'porter' || d.by === 'both') ?? false;
  return (
    <section className="form-section door-enforcement" aria-label="How the doors enforce it">
      <h3 className="form-section__title">How the doors enforce it</h3>
      {error ? (
        <p className="door-enforcement__why">{error.message}</p>
      ) : (
        <ul className="door-enforcement__list">
          {alike(data!).map((group) => {
            const d = group[0]!;
            return (
              <li key={d.door.id} className="door-enforcement__door" data-by={d.by}>
                <span className="door-enforcement__name">
                  {group.map((g) => g.door.name).join(', ')} <span className="door-enforcement__link">{linkNames[d.link]}</span>
                </span>
                <span className="door-enforcement__how">{howText(d, schedule)}</span>
                {d.why && <span className="door-enforcement__why">{d.why}</span>}
              </li>
            );
          })}
        </ul>
      )}
      {porterKeepsTime && (
        <p className="door-enforcement__why">
          Porter makes these changes while this console runs. If it is off when one is due, it catches up as soon as it starts: a code whose
          time has come is added, and one whose time has ended is removed.
        </p>
      )}
    </section>
  );
}

/** Doors enforced the same way for the same reason, in one line, in the order the core gave them. */
function alike(doors: readonly DoorEnforcement[]): DoorEnforcement[][] {
  const groups = new Map<string, DoorEnforcement[]>();
  for (const d of doors) {
    const key = `${d.by}|${d.link}|${d.why ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  return [...groups.values()];
}

function howText(d: DoorEnforcement, schedule: ScheduleRequest): string {
  switch (d.by) {
    case 'lock':
      return 'Lock enforces the schedule';
    case 'porter':
      return `Porter adds and removes the code ${porterTimes(schedule)}`;
    case 'both':
      return schedule.type === 'recurring'
        ? `Lock enforces the weekly window; ${porterDates(schedule)}`
        : 'Lock enforces the window; Porter removes the code once it is used';
    case 'technician':
      return d.link === 'bluetooth' ? 'Next Bluetooth round' : 'Next technician round';
  }
}

/** When Porter adds and removes a code it keeps whole, in the community's wall-clock time. */
function porterTimes(schedule: ScheduleRequest): string {
  switch (schedule.type) {
    case 'permanent':
      return 'when access starts and ends';
    case 'temporary':
      return `at ${formatDateTime(fromLocalDateTime(schedule.starts))} and ${formatDateTime(fromLocalDateTime(schedule.ends))}`;
    case 'recurring': {
      const window = `at ${formatTime(fromLocalTime(schedule.from))} and ${formatTime(fromLocalTime(schedule.until))} on the chosen days`;
      const from = schedule.startsOn ? ` from ${formatDate(fromLocalDate(schedule.startsOn))}` : '';
      const to = schedule.endsOn ? ` to ${formatDate(fromLocalDate(schedule.endsOn))}` : '';
      return `${window}${from || to ? ',' : ''}${from}${to}`;
    }
    case 'delivery':
      return 'when the delivery window opens and closes, or once it is used';
  }
}

/** Porter's part of a weekly window the lock keeps: the first and last day. */
function porterDates(schedule: Extract<ScheduleRequest, { type: 'recurring' }>): string {
  const first = schedule.startsOn ? formatDate(fromLocalDate(schedule.startsOn)) : null;
  const last = schedule.endsOn ? formatDate(fromLocalDate(schedule.endsOn)) : null;
  if (first && last) return `Porter adds the code on ${first} and removes it after ${last}`;
  if (first) return `Porter adds the code on ${first}`;
  return `Porter removes the code after ${last}`;
}
