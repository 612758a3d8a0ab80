import { useId, useState } from 'react';
import { Button } from 'react-aria-components';
import type { BluetoothLock, BluetoothOverview, SimulatedBluetoothFault } from '../../../../shared/domain';
import { useSimulateHardware } from '../../api/mutations';
import { useCommunity } from '../../api/queries';
import { SelectField } from '../../components/SelectField';
import { StatusBadge } from '../../components/StatusBadge';
import { bluetoothFaultOptions } from './bluetooth-faults';
import { lockName } from './bluetooth-labels';
import { FaultFeedback } from './FaultFeedback';

/**
 * The simulated dongle's side of the simulator: which floor the technician stands on (its
 * Bluetooth locks are the ones heard), a factory-new lock to commission, and faults on a lock in
 * range. Shown on a training console, whose dongle is simulated.
 */
export function BluetoothSimulator({ data }: { data: BluetoothOverview }) {
  const headingId = useId();
  const effectId = useId();
  const community = useCommunity().data;
  const simulate = useSimulateHardware();
  const bleModels = (community?.lockModels ?? []).filter((m) => m.capabilities.credentialKinds.includes('ble'));
  const floors = (community?.buildings ?? []).flatMap((b) => b.floors.map((f) => ({ id: f.id, label: `${b.name}, ${f.name}` })));
  const [modelId, setModelId] = useState<string | null>(null);
  const model = modelId ?? bleModels[0]?.id ?? '';
  // Locks sent out of range leave the scan list; they stay here so they can be brought back.
  const [away, setAway] = useState<readonly BluetoothLock[]>([]);
  const locks = [...data.locks, ...away.filter((a) => !data.locks.some((l) => l.id === a.id))];
  const [lockId, setLockId] = useState<string | null>(null);
  const target = locks.find((l) => l.id === lockId) ?? locks[0] ?? null;
  const [fault, setFault] = useState<SimulatedBluetoothFault>('link_drop_mid_commit');
  const option = bluetoothFaultOptions.find((o) => o.id === fault);
  const [done, setDone] = useState('');

  const inject = () => {
    if (!target) return;
    setDone('');
    simulate.mutate(
      { action: 'ble_fault', lockId: target.id, fault },
      {
        onSuccess: () => {
          if (fault === 'out_of_range') setAway((a) => [...a.filter((l) => l.id !== target.id), target]);
          if (fault === 'back_in_range') setAway((a) => a.filter((l) => l.id !== target.id));
          setDone(`${option?.label ?? 'Fault'} injected on ${target.door?.name ?? lockName(target)}.`);
        },
      },
    );
  };

  return (
    <section className="card simulator" aria-labelledby={headingId}>
      <header className="simulator__head">
        <div className="simulator__title-row">
          <h3 id={headingId} className="hw-section__title">
            Simulated Bluetooth
          </h3>
          <StatusBadge tone="accent">Simulated dongle</StatusBadge>
        </div>
        <p className="simulator__intro">
          The simulated dongle hears the Bluetooth locks of the floor you stand on, each the same simulated door a
          programmer’s cable reaches. What happens here reaches no real lock.
        </p>
      </header>
      <div className="simulator__programmer">
        <div className="simulator__actions">
          <div className="simulator__fault">
            <SelectField
              label="Stand on"
              options={floors}
              value={data.simulatedFloorId ?? ''}
              isDisabled={simulate.isPending}
              onChange={(floorId) => {
                setDone('');
                simulate.mutate({ action: 'ble_walk', floorId });
              }}
            />
          </div>
          <span className="simulator__divider" aria-hidden="true" />
          <div className="simulator__fault">
            <SelectField label="Model" options={bleModels.map((m) => ({ id: m.id, label: m.name }))} value={model} onChange={setModelId} />
            <Button
              className="button button--small"
              isDisabled={simulate.isPending || !model}
              onPress={() => {
                setDone('');
                simulate.mutate({ action: 'ble_new_lock', modelId: model }, { onSuccess: () => setDone('A factory-new lock is in range: commission it from its row.') });
              }}
            >
              Bring a factory-new lock
            </Button>
          </div>
        </div>
        <div className="simulator__actions">
          <div className="simulator__fault">
            <SelectField
              label="Lock"
              options={locks.map((l) => ({ id: l.id, label: `${l.door?.name ?? lockName(l)}${away.some((a) => a.id === l.id) ? ' (out of range)' : ''}` }))}
              value={target?.id ?? ''}
              onChange={setLockId}
              isDisabled={locks.length === 0}
            />
            <SelectField label="Fault" options={bluetoothFaultOptions} value={fault} onChange={(id) => setFault(id as SimulatedBluetoothFault)} />
            <Button className="button button--small" isDisabled={simulate.isPending || !target} aria-describedby={effectId} onPress={inject}>
              Inject fault
            </Button>
          </div>
        </div>
        <FaultFeedback effectId={effectId} effect={option?.effect} armed={done} error={simulate.error} />
      </div>
    </section>
  );
}
