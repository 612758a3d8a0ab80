import type { DoorStatus } from '../../../shared/domain';
import { useCommunityTime } from './community-time';
import { doorStatusLabel } from './labels';
import './badges.css';

interface Props {
  status: DoorStatus;
  pendingSince: string | null;
}

/** "In sync", "Pending since Mar 4, 2:05 PM" or "Never programmed", with a status dot. */
export function DoorStatusBadge({ status, pendingSince }: Props) {
  const time = useCommunityTime();
  const text =
    status === 'pending' && pendingSince ? `Pending since ${time.dateTime(pendingSince)}` : doorStatusLabel(status);
  return (
    <span className="door-status" data-status={status} title={text}>
      <span className="door-status__dot" aria-hidden="true" />
      <span className="door-status__text">{text}</span>
    </span>
  );
}
