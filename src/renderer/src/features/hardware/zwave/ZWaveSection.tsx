import { useId, useState } from 'react';
import { Button } from 'react-aria-components';
import type { LiveLockView, LiveNetworkOverview } from '../../../../../shared/domain';
import { useLiveLocks, useSession } from '../../../api/queries';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { LoadingState } from '../../../components/LoadingState';
import { AssignLiveLockDialog } from './AssignLiveLockDialog';
import type { InclusionMode } from './inclusion-steps';
import { InclusionDialog } from './InclusionDialog';
import { LiveLocksTable } from './LiveLocksTable';
import { needsStick, networkSummary } from './live-lock-words';
import { StickLine } from './StickLine';
import { ZWavePlugInGuidance } from './ZWavePlugInGuidance';
import './zwave.css';

/**
 * Z-Wave locks, through the stick on this console's USB port: the stick and its network, each
 * lock with its door, security, state, battery, signal and whether it holds its door's codes,
 * adding and removing locks (the DSK prompt), and assigning a lock to its door. Live: the core's
 * 'live_locks' events refresh it as locks report and the queue works.
 */
export function ZWaveSection() {
  const headingId = useId();
  const overview = useLiveLocks();
  const data = overview.data;
  return (
    <section className="card zwave" aria-labelledby={headingId}>
      <header className="hw-section__head">
        <h3 id={headingId} className="hw-section__title">
          Z-Wave
        </h3>
        {data?.network && <span className="muted">{networkSummary(data)}</span>}
      </header>
      {overview.isPending && <LoadingState label="Looking for the Z-Wave stick…" />}
      {overview.error && (
        <div className="zwave__problem">
          <ErrorNotice error={overview.error} title="Could not load the Z-Wave locks." />
        </div>
      )}
      {data && <ZWaveBody data={data} />}
    </section>
  );
}

function ZWaveBody({ data }: { data: LiveNetworkOverview }) {
  const training = useSession().data?.training === true;
  const [mode, setMode] = useState<InclusionMode | null>(null);
  const [assigning, setAssigning] = useState<LiveLockView | null>(null);
  const ready = data.state === 'ready' && data.network !== null;
  const busy = data.inclusion.state !== 'idle' && data.inclusion.state !== 'done' && data.inclusion.state !== 'failed';

  return (
    <>
      <StickLine data={data}>
        {ready && (
          <div className="zw-stick__actions">
            <Button className="button button--small" isDisabled={busy} onPress={() => setMode('include')}>
              Add a lock…
            </Button>
            <Button className="button button--small" isDisabled={busy} onPress={() => setMode('exclude')}>
              Remove a lock…
            </Button>
          </div>
        )}
      </StickLine>
      {needsStick(data) &&
        (training ? (
          <p className="muted zwave__empty">The simulated Z-Wave stick is unplugged: plug it in from “Simulated Z-Wave” below.</p>
        ) : (
          <ZWavePlugInGuidance />
        ))}
      {data.network &&
        (data.locks.length === 0 ? (
          <p className="muted zwave__empty">No lock on this network yet. Add one with “Add a lock…”, then assign it to its door.</p>
        ) : (
          <LiveLocksTable locks={data.locks} onAssign={setAssigning} />
        ))}
      {mode && (
        <InclusionDialog
          mode={mode}
          data={data}
          onAssign={(lock) => {
            setMode(null);
            setAssigning(lock);
          }}
          onClose={() => setMode(null)}
        />
      )}
      {assigning && <AssignLiveLockDialog lock={assigning} onClose={() => setAssigning(null)} />}
    </>
  );
}
