import { useRef } from 'react';
import { Button } from 'react-aria-components';
import type { LiveLockView } from '../../../../../shared/domain';
import { useCommunityTime } from '../../../components/community-time';
import { StatusBadge } from '../../../components/StatusBadge';
import { useKeptFocus } from '../useKeptFocus';
import {
  batteryText,
  liveLockName,
  lockModelName,
  lockStatusWord,
  nextAttemptText,
  securityWord,
  signalOf,
  syncWord,
  unreachedRevokeText,
  type FormatTime,
} from './live-lock-words';

interface Props {
  /** As the core lists them (by node). */
  locks: readonly LiveLockView[];
  onAssign: (lock: LiveLockView) => void;
}

/**
 * The network's locks, one dense row each: the door, the lock, its security, whether it answers,
 * its battery and signal, whether it holds its door's codes (and the revoked ones it still holds),
 * and when the queue next tries it. Focus stays put as the core's events refresh the rows.
 */
export function LiveLocksTable({ locks, onAssign }: Props) {
  const time = useCommunityTime();
  const body = useRef<HTMLTableSectionElement>(null);
  useKeptFocus(body);
  return (
    <div className="bt-table-wrap">
      <table className="data-table bt-table zw-table" aria-label="Z-Wave locks">
        <thead>
          <tr>
            <th scope="col">Door</th>
            <th scope="col">Lock</th>
            <th scope="col">Security</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Battery
            </th>
            <th scope="col">Signal</th>
            <th scope="col">Codes</th>
            <th scope="col">Next try</th>
          </tr>
        </thead>
        <tbody ref={body}>
          {locks.map((lock) => (
            <LockRow key={lock.nodeId} lock={lock} time={time.dateTime} onAssign={onAssign} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function LockRow({ lock, time, onAssign }: { lock: LiveLockView; time: FormatTime; onAssign: Props['onAssign'] }) {
  const security = securityWord(lock.security);
  const status = lockStatusWord(lock.status);
  const battery = batteryText(lock);
  const signal = signalOf(lock.rssiDbm);
  const sync = syncWord(lock, time);
  const next = nextAttemptText(lock, time);
  return (
    <tr className="zw-row">
      <th scope="row">
        {lock.door ? (
          lock.door.name
        ) : (
          <span className="zw-row__unassigned">
            <span className="bt-row__no-door">Not assigned</span>
            <Button className="button button--small" aria-label={`Assign ${liveLockName(lock)} to a door…`} onPress={() => onAssign(lock)}>
              Assign…
            </Button>
          </span>
        )}
      </th>
      <td>
        <span className="zw-row__lock">{lockModelName(lock) || 'Unknown lock'}</span>
        <span className="zw-row__node"> · node {lock.nodeId}</span>
      </td>
      <td title={security.why}>
        <StatusBadge tone={security.tone}>{security.text}</StatusBadge>
        <span className="zw-hidden">. {security.why}</span>
      </td>
      <td>
        <span className="zw-status" data-tone={status.tone}>
          {status.text}
        </span>
      </td>
      <td className="num">
        {battery === null ? (
          <span className="muted">—</span>
        ) : (
          <span className="bt-battery" data-low={lock.batteryLow || undefined}>
            {lock.batteryLow && <StatusBadge tone="bad">Low</StatusBadge>}
            <span className="bt-battery__value">{battery}</span>
          </span>
        )}
      </td>
      <td>
        {signal ? (
          <span className="bt-signal" data-level={signal.level}>
            <span className="bt-signal__bars" aria-hidden="true">
              <span />
              <span />
              <span />
            </span>
            <span className="bt-signal__word">{signal.word}</span>
            <span className="bt-signal__dbm">{signal.dbm}</span>
          </span>
        ) : (
          <span className="muted" title="The stick does not report this lock’s signal." aria-label="Signal not known">
            —
          </span>
        )}
      </td>
      <td className="zw-row__codes">
        {sync ? (
          <span className="zw-sync" data-status={sync.status} title={sync.text}>
            <span className="door-status__dot" aria-hidden="true" />
            {sync.text}
            {lock.slots && <span className="zw-sync__slots"> · {lock.slots.used}/{lock.slots.total} slots</span>}
          </span>
        ) : (
          <span className="muted">—</span>
        )}
        {sync?.problem && (
          <span className="zw-row__problem" data-status={sync.status}>
            {sync.problem}
          </span>
        )}
        {lock.unreachedRevokes.length > 0 && (
          <ul className="zw-row__revokes" aria-label="Revoked codes still on the lock">
            {lock.unreachedRevokes.map((r) => (
              <li key={r.credentialId}>{unreachedRevokeText(r, time)}</li>
            ))}
          </ul>
        )}
      </td>
      <td className="bt-row__heard">{next ? <time dateTime={lock.nextAttemptAt ?? undefined}>{next}</time> : <span className="muted">—</span>}</td>
    </tr>
  );
}
