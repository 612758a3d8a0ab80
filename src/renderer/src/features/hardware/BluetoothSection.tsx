import { useId, useState } from 'react';
import type { BluetoothLock, BluetoothOverview, PendingDoor } from '../../../../shared/domain';
import { useBluetoothOverview } from '../../api/queries';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LoadingState } from '../../components/LoadingState';
import { inRound } from './bluetooth-labels';
import { BluetoothJobPanel } from './BluetoothJobPanel';
import { BluetoothLocksTable } from './BluetoothLocksTable';
import { BluetoothRoundPanel } from './BluetoothRoundPanel';
import { CommissionLockDialog } from './CommissionLockDialog';
import { DongleLine } from './DongleLine';
import { count } from './hardware-labels';
import { useLockJobs } from './useLockJobs';

/**
 * Bluetooth locks, through the BLE dongle: the dongle in use, the locks heard in the last few
 * seconds with what each advertises, jobs on them (the programmer's jobs, run over Bluetooth),
 * commissioning a factory-new lock, and the round of every pending door in range. Live: the
 * core's 'bluetooth' events refresh the scan list about once a second, its 'doors' events the jobs.
 */
export function BluetoothSection({ pendingDoors }: { pendingDoors: readonly PendingDoor[] }) {
  const headingId = useId();
  const overview = useBluetoothOverview();
  const data = overview.data;
  return (
    <section className="card bluetooth" aria-labelledby={headingId}>
      <header className="hw-section__head">
        <h3 id={headingId} className="hw-section__title">
          Bluetooth
        </h3>
        {data && data.dongle && (
          <span className="muted">
            {count(data.locks.length, 'lock')} in range · {data.locks.filter(inRound).length.toLocaleString()} pending
          </span>
        )}
      </header>
      {overview.isPending && <LoadingState label="Looking for the Bluetooth dongle…" />}
      {overview.error && (
        <div className="bluetooth__problem">
          <ErrorNotice error={overview.error} title="Could not load the Bluetooth locks." />
        </div>
      )}
      {data && <BluetoothBody data={data} pendingDoors={pendingDoors} />}
    </section>
  );
}

function BluetoothBody({ data, pendingDoors }: { data: BluetoothOverview; pendingDoors: readonly PendingDoor[] }) {
  const reasonId = useId();
  const panelId = useId();
  const jobs = useLockJobs();
  // The lock whose job shows under the list: the one last acted on, or picked in its row.
  const [selectedId, setSelectedId] = useState<string | null>(null);
  // The selected lock as last heard, so its job stays in view while it is briefly out of range.
  const [lastSelected, setLastSelected] = useState<BluetoothLock | null>(null);
  const [commissioning, setCommissioning] = useState<BluetoothLock | null>(null);

  const heard = data.locks.find((l) => l.id === selectedId) ?? null;
  if (heard && heard !== lastSelected) setLastSelected(heard);
  const selected = heard ?? (lastSelected?.id === selectedId ? lastSelected : null);

  const roundRunning = data.round?.status === 'running';
  const blocked =
    data.state !== 'scanning'
      ? 'The Bluetooth dongle is not scanning: no job can start.'
      : roundRunning
        ? 'A round is running: wait for it to finish, or stop it.'
        : null;

  return (
    <>
      <DongleLine data={data} isDisabled={roundRunning} />
      {data.dongle && data.state !== 'no_dongle' && (
        <>
          <BluetoothRoundPanel data={data} blockedId={blocked ? reasonId : undefined} />
          {blocked && (
            <p id={reasonId} className="bluetooth__reason">
              {blocked}
            </p>
          )}
          {data.locks.length === 0 ? (
            <p className="muted bluetooth__empty">
              {data.state === 'scanning'
                ? 'No Bluetooth lock heard yet. Walk closer to the doors; a lock shows here within a few seconds of being in range.'
                : 'The list fills once the dongle is scanning.'}
            </p>
          ) : (
            <BluetoothLocksTable
              locks={data.locks}
              jobs={jobs}
              blocked={blocked ? { id: reasonId } : null}
              selectedId={selected?.id ?? null}
              panelId={panelId}
              onSelect={(lockId) => setSelectedId((current) => (current === lockId ? null : lockId))}
              onStart={(lockId, action) => {
                setSelectedId(lockId);
                jobs.start(lockId, action);
              }}
              onCommission={setCommissioning}
            />
          )}
          <div id={panelId}>
            {selected && (
              <BluetoothJobPanel
                lock={selected}
                inRange={heard !== null}
                jobs={jobs}
                onClose={() => {
                  // Back to the row's "Last job" toggle that shows this panel, when the row has one.
                  document.querySelector<HTMLElement>(`[aria-controls="${CSS.escape(panelId)}"][aria-pressed="true"]`)?.focus();
                  setSelectedId(null);
                }}
              />
            )}
          </div>
        </>
      )}
      {commissioning && (
        <CommissionLockDialog lock={commissioning} pendingDoors={pendingDoors} onClose={() => setCommissioning(null)} />
      )}
    </>
  );
}
