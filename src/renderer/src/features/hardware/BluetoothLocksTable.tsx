import { useId, useMemo, useRef, useState } from 'react';
import { Button, ToggleButton } from 'react-aria-components';
import type { BluetoothLock } from '../../../../shared/domain';
import { DoorStatusBadge } from '../../components/DoorStatusBadge';
import { StatusBadge } from '../../components/StatusBadge';
import { bluetoothLowBatteryPercent, dbm, heardText, lockName, signalLevel, signalWord } from './bluetooth-labels';
import { calmOrder } from './calm-order';
import { jobKindShort, jobStatusLabel } from './hardware-labels';
import type { LockAction, LockJobs } from './useLockJobs';
import { useKeptFocus } from './useKeptFocus';
import { useNow } from './useNow';

interface Props {
  /** As the core lists them, strongest first. */
  locks: readonly BluetoothLock[];
  jobs: LockJobs;
  /** Why no job can start on any lock now (the dongle, a round): the id of the sentence saying so. */
  blocked: { id: string } | null;
  /** The lock whose job shows in the panel under the list. */
  selectedId: string | null;
  panelId: string;
  onSelect: (lockId: string) => void;
  onStart: (lockId: string, action: LockAction) => void;
  onCommission: (lock: BluetoothLock) => void;
}

/**
 * The locks in range, strongest first, as a plain table with the actions in each row. Rows are
 * keyed by lock id and keep their order unless a lock is heard clearly stronger, and focus stays
 * on the control it was on, so the list can refresh every second under the technician's hands.
 */
export function BluetoothLocksTable({ locks, jobs, blocked, selectedId, panelId, onSelect, onStart, onCommission }: Props) {
  const now = useNow();
  const body = useRef<HTMLTableSectionElement>(null);
  useKeptFocus(body);
  const [shownIds, setShownIds] = useState<readonly string[]>([]);
  const rows = useMemo(() => calmOrder(shownIds, locks), [shownIds, locks]);
  if (rows.length !== shownIds.length || rows.some((lock, i) => lock.id !== shownIds[i])) setShownIds(rows.map((l) => l.id));

  return (
    <div className="bt-table-wrap">
      <table className="data-table bt-table" aria-label="Bluetooth locks in range">
        <thead>
          <tr>
            <th scope="col">Door</th>
            <th scope="col">Serial</th>
            <th scope="col">Signal</th>
            <th scope="col" className="num">
              Battery
            </th>
            <th scope="col">State</th>
            <th scope="col">Last job</th>
            <th scope="col">Heard</th>
            <th scope="col">
              <span className="bt-table__actions-head">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody ref={body}>
          {rows.map((lock) => (
            <LockRow
              key={lock.id}
              lock={lock}
              now={now}
              jobs={jobs}
              blocked={blocked}
              selected={lock.id === selectedId}
              panelId={panelId}
              onSelect={onSelect}
              onStart={onStart}
              onCommission={onCommission}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

type RowProps = Omit<Props, 'locks' | 'selectedId'> & { lock: BluetoothLock; now: number; selected: boolean };

function LockRow({ lock, now, jobs, blocked, selected, panelId, onSelect, onStart, onCommission }: RowProps) {
  const busyId = useId();
  const level = signalLevel(lock.rssi);
  const low = lock.batteryPercent < bluetoothLowBatteryPercent;
  const door = lock.door;
  const job = lock.job;
  const stopped = job && (job.status === 'failed' || job.status === 'interrupted') && job.kind !== 'configure_reader';
  const startingHere = jobs.starting?.lockId === lock.id ? jobs.starting.action : null;
  const disabled = Boolean(blocked) || lock.busy || jobs.starting !== null;
  const describedBy = blocked ? blocked.id : lock.busy ? busyId : undefined;
  const doorName = door?.name ?? lockName(lock);

  const jobButton = (action: LockAction, label: string) => (
    <Button
      className="button button--small"
      aria-label={`${label} ${doorName}`}
      isDisabled={disabled}
      isPending={startingHere === action}
      aria-describedby={describedBy}
      onPress={() => onStart(lock.id, action)}
    >
      {label}
    </Button>
  );

  return (
    <tr className="bt-row" data-selected={selected || undefined}>
      <th scope="row">
        {door ? (
          <>
            {door.name}
            {/* Unit doors are named after their building ("North Tower 207"); others may not be. */}
            {door.buildingName && !door.name.startsWith(door.buildingName) && <span className="bt-row__building"> · {door.buildingName}</span>}
          </>
        ) : (
          <span className="bt-row__no-door">{lock.commissioned ? 'Not assigned' : 'Not commissioned'}</span>
        )}
      </th>
      <td className="bt-row__serial">{lock.serial ?? <span className="muted">Unknown</span>}</td>
      <td>
        <span className="bt-signal" data-level={level}>
          <span className="bt-signal__bars" aria-hidden="true">
            <span />
            <span />
            <span />
          </span>
          <span className="bt-signal__word">{signalWord[level]}</span>
          <span className="bt-signal__dbm">{dbm(lock.rssi)}</span>
        </span>
      </td>
      <td className="num">
        <span className="bt-battery" data-low={low || undefined}>
          {low && <StatusBadge tone="bad">Low</StatusBadge>}
          <span className="bt-battery__value">{lock.batteryPercent} %</span>
        </span>
      </td>
      <td>{door ? <DoorStatusBadge status={lock.pending ? 'pending' : 'in_sync'} pendingSince={null} /> : <span className="muted">—</span>}</td>
      <td>
        {job ? (
          <ToggleButton
            className="bt-job-toggle"
            data-status={job.status}
            isSelected={selected}
            onChange={() => onSelect(lock.id)}
            aria-controls={panelId}
          >
            <span className="bt-job-toggle__dot" aria-hidden="true" />
            {jobKindShort(job.kind)} · {jobStatusLabel(job.status)}
            {job.status === 'running' && <span className="bt-job-toggle__pct" aria-hidden="true">{Math.round(job.progress * 100)} %</span>}
          </ToggleButton>
        ) : (
          <span className="muted">None yet</span>
        )}
        {lock.busy && (
          <span id={busyId} hidden>
            A job is running on this lock.
          </span>
        )}
      </td>
      <td className="bt-row__heard">
        <time dateTime={lock.lastHeardAt}>{heardText(lock.lastHeardAt, now)}</time>
      </td>
      <td>
        <div className="bt-row__actions">
          {door ? (
            <>
              {jobButton('program', 'Program')}
              {jobButton('readAudit', 'Read audit')}
              {jobButton('setClock', 'Set clock')}
              {stopped && jobButton('resume', 'Resume')}
            </>
          ) : lock.commissioned ? (
            // Its key is another console's (or a door's here that lost it): the lock takes a new one only after a factory reset.
            <span className="bt-row__note">Factory-reset it to commission it here</span>
          ) : (
            <Button
              className="button button--small"
              aria-label={`Commission ${doorName}…`}
              isDisabled={Boolean(blocked) || lock.busy}
              aria-describedby={describedBy}
              onPress={() => onCommission(lock)}
            >
              Commission…
            </Button>
          )}
        </div>
      </td>
    </tr>
  );
}
