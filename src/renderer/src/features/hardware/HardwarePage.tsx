import { useId } from 'react';
import type { HardwareOverview } from '../../../../shared/domain';
import { useBluetoothOverview, useHardwareOverview, useLiveLocks, useSession, useSimulatedZWave } from '../../api/queries';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LoadingState } from '../../components/LoadingState';
import { BluetoothSection } from './BluetoothSection';
import { BluetoothSimulator } from './BluetoothSimulator';
import { count } from './hardware-labels';
import { LockModelsTable } from './LockModelsTable';
import { PendingDoorsTable } from './PendingDoorsTable';
import { PlugInGuidance } from './PlugInGuidance';
import { ProgrammerCard } from './ProgrammerCard';
import { SimulatorPanel } from './SimulatorPanel';
import { UnfinishedJobs } from './UnfinishedJobs';
import { ZWaveSection } from './zwave/ZWaveSection';
import { ZWaveSimulator } from './zwave/ZWaveSimulator';
import { DoorCapacitySection } from '../capacity/DoorCapacitySection';
import '../../components/tables.css';
import './hardware.css';

/**
 * The maintenance technician's page: the key-programmers on this console's USB ports and the
 * door on each cable, jobs on those doors, the Bluetooth locks in range of the BLE dongle, the
 * jobs left unfinished, the simulators on a training console, the round of doors waiting
 * to be programmed, the Z-Wave locks the stick reaches live, and the lock models in service. Live: the core's 'doors' events refresh it as
 * programmers come and go and jobs move; its 'bluetooth' events refresh the locks in range.
 */
export function HardwarePage() {
  const overview = useHardwareOverview();
  const data = overview.data;
  return (
    <div className="stack-page hardware-page">
      <div className="page-heading">
        <h2 className="page-heading__title">Hardware</h2>
        {data && (
          <span className="page-heading__meta">
            {count(data.programmers.length, 'programmer')} connected · {count(data.pendingDoors.length, 'door')} pending
            {data.unfinishedJobs.length > 0 && <> · {count(data.unfinishedJobs.length, 'unfinished job')}</>}
          </span>
        )}
      </div>
      {overview.isPending && <LoadingState />}
      {overview.error && <ErrorNotice error={overview.error} title="Could not load the hardware overview." />}
      {data && <HardwareSections data={data} />}
    </div>
  );
}

function HardwareSections({ data }: { data: HardwareOverview }) {
  const programmersId = useId();
  const pendingId = useId();
  const modelsId = useId();
  const bluetooth = useBluetoothOverview().data;
  const liveLocks = useLiveLocks().data;
  // Only a training core serves the simulator commands: anywhere else the panels would only fail.
  const training = useSession().data?.training === true;
  const simulatedZWave = useSimulatedZWave(training).data;
  const names = data.programmers.map((p) => p.name);
  const nameWithSerial = new Set(names).size < names.length;
  return (
    <>
      <section className="hw-section" aria-labelledby={programmersId}>
        <h3 id={programmersId} className="hw-section__title">
          Programmers
        </h3>
        {data.programmers.length === 0 && training && (
          <p className="card hw-section__empty muted">No simulated key-programmer is plugged in: plug one in from the simulator below.</p>
        )}
        {data.programmers.length === 0 && !training && <PlugInGuidance />}
        {data.programmers.length > 0 && (
          <div className="programmers">
            {data.programmers.map((p) => (
              <ProgrammerCard
                key={p.id}
                programmer={p}
                nameWithSerial={nameWithSerial}
                pendingDoors={data.pendingDoors}
              />
            ))}
          </div>
        )}
      </section>

      <BluetoothSection pendingDoors={data.pendingDoors} />

      <ZWaveSection />

      {data.unfinishedJobs.length > 0 && (
        <UnfinishedJobs
          jobs={data.unfinishedJobs}
          programmers={data.programmers}
          bluetoothLocks={bluetooth?.locks ?? []}
          nameWithSerial={nameWithSerial}
        />
      )}

      {training && (
        <SimulatorPanel
          programmers={data.programmers.filter((p) => p.simulated)}
          pendingDoors={data.pendingDoors}
          nameWithSerial={nameWithSerial}
        />
      )}

      {training && bluetooth?.dongle?.simulated && <BluetoothSimulator data={bluetooth} />}

      {/* Also while the simulated stick is unplugged, to plug it back. */}
      {training && liveLocks && simulatedZWave && <ZWaveSimulator data={liveLocks} factoryNew={simulatedZWave.factoryNewLock} plugged={simulatedZWave.plugged} />}

      <section className="card" aria-labelledby={pendingId}>
        <header className="hw-section__head">
          <h3 id={pendingId} className="hw-section__title">
            Doors pending programming
          </h3>
          <span className="muted">{count(data.pendingDoors.length, 'door')}, ended codes first, then oldest</span>
        </header>
        <PendingDoorsTable doors={data.pendingDoors} labelledBy={pendingId} />
      </section>

      <DoorCapacitySection />

      <section className="card" aria-labelledby={modelsId}>
        <header className="hw-section__head">
          <h3 id={modelsId} className="hw-section__title">
            Lock models in service
          </h3>
        </header>
        <LockModelsTable models={data.models} labelledBy={modelsId} />
      </section>
    </>
  );
}
