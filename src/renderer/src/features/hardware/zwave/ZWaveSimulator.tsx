import { useId, useState, type FormEvent } from 'react';
import { Button, Checkbox, Form, Input, Label, TextField } from 'react-aria-components';
import type { LiveNetworkOverview } from '../../../../../shared/domain';
import { errorMessage, useSimulateHardware } from '../../../api/mutations';
import { SelectField } from '../../../components/SelectField';
import { StatusBadge } from '../../../components/StatusBadge';
import { FaultFeedback } from '../FaultFeedback';
import { LatestActivity } from './LatestActivity';
import { liveLockName } from './live-lock-words';
import { zwaveFaultOptions, type ZWaveFaultId } from './zwave-faults';

/** A factory-new simulated lock waiting to join, as its label reads. */
export interface FactoryNewLock {
  product: string;
  dsk: string;
  pin: string;
}

interface Props {
  data: LiveNetworkOverview;
  /** The factory-new lock in pairing mode, if one was brought. */
  factoryNew: FactoryNewLock | null;
  /** Whether the simulated stick is in its USB port. */
  plugged: boolean;
}

/**
 * The simulated Z-Wave stick's side of the simulator, on a training console: a guest's code typed
 * at a lock's keypad (the unlock arrives in the activity log, with the guest's name), faults on a
 * lock, the stick unplugged and plugged back, and a factory-new lock to add with its DSK PIN.
 */
export function ZWaveSimulator({ data, factoryNew, plugged }: Props) {
  const headingId = useId();
  const simulate = useSimulateHardware();
  return (
    <section className="card simulator" aria-labelledby={headingId}>
      <header className="simulator__head">
        <div className="simulator__title-row">
          <h3 id={headingId} className="hw-section__title">
            Simulated Z-Wave
          </h3>
          <StatusBadge tone="accent">Simulated Z-Wave stick</StatusBadge>
        </div>
        <p className="simulator__intro">
          The simulated stick reaches the Z-Wave locks of the training community’s doors. Type a guest’s code at a lock as the guest
          would, and watch the unlock arrive in the activity log. What happens here reaches no real lock.
        </p>
        <div className="simulator__plug">
          <Button className="button" isPending={simulate.isPending} onPress={() => simulate.mutate({ action: plugged ? 'zwave_unplug' : 'zwave_plug' })}>
            {plugged ? 'Unplug the stick' : 'Plug the stick in'}
          </Button>
          {simulate.error && (
            <span role="alert" className="simulator__error">
              {errorMessage(simulate.error)}
            </span>
          )}
        </div>
      </header>
      {data.locks.length > 0 && <Keypad data={data} />}
      {data.locks.length > 0 && <LockFaults data={data} />}
      <NewLock factoryNew={factoryNew} />
    </section>
  );
}

const lockOptions = (data: LiveNetworkOverview) => data.locks.map((l) => ({ id: String(l.nodeId), label: l.door ? `${l.door.name} · node ${l.nodeId}` : liveLockName(l) }));

/** "Press" a code at a lock's keypad; what the lock made of it shows in the activity log under it. */
function Keypad({ data }: { data: LiveNetworkOverview }) {
  const simulate = useSimulateHardware();
  const [nodeId, setNodeId] = useState<string | null>(null);
  const target = data.locks.find((l) => String(l.nodeId) === nodeId) ?? data.locks[0]!;
  const [code, setCode] = useState('');
  const [pressed, setPressed] = useState('');
  const valid = /^\d{4,10}$/.test(code);

  const press = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!valid) return;
    setPressed('');
    simulate.mutate(
      { action: 'zwave_keypad', nodeId: target.nodeId, code },
      { onSuccess: () => setPressed(`Pressed at ${target.door?.name ?? liveLockName(target)}: the lock’s report shows in the activity log below.`) },
    );
  };

  return (
    <div className="simulator__programmer">
      <Form className="simulator__actions" onSubmit={press} aria-label="Keypad">
        <div className="simulator__fault">
          <SelectField label="At the lock" options={lockOptions(data)} value={String(target.nodeId)} onChange={setNodeId} />
          <TextField className="field zw-keypad" value={code} onChange={setCode} isInvalid={code !== '' && !valid ? true : undefined}>
            <Label className="field__label">Code</Label>
            <Input className="field__input zw-keypad__input" inputMode="numeric" autoComplete="off" spellCheck={false} maxLength={10} />
          </TextField>
          <Button type="submit" className="button button--small" isDisabled={!valid} isPending={simulate.isPending}>
            Press
          </Button>
        </div>
      </Form>
      <p role="status" className="zw-keypad__pressed">
        {pressed}
      </p>
      {simulate.error != null && (
        <p role="alert" className="simulator__error">
          {errorMessage(simulate.error)}
        </p>
      )}
      <LatestActivity />
    </div>
  );
}

function LockFaults({ data }: { data: LiveNetworkOverview }) {
  const simulate = useSimulateHardware();
  const effectId = useId();
  const [nodeId, setNodeId] = useState<string | null>(null);
  const target = data.locks.find((l) => String(l.nodeId) === nodeId) ?? data.locks[0]!;
  const [fault, setFault] = useState<ZWaveFaultId>('dead');
  const option = zwaveFaultOptions.find((o) => o.id === fault);
  const [done, setDone] = useState('');
  return (
    <div className="simulator__programmer">
      <div className="simulator__actions">
        <div className="simulator__fault">
          <SelectField label="Lock" options={lockOptions(data)} value={String(target.nodeId)} onChange={setNodeId} />
          <SelectField label="Fault" options={zwaveFaultOptions} value={fault} onChange={(id) => setFault(id as ZWaveFaultId)} />
          <Button
            className="button button--small"
            isDisabled={simulate.isPending}
            aria-describedby={effectId}
            onPress={() => {
              setDone('');
              simulate.mutate(
                { action: 'zwave_fault', nodeId: target.nodeId, fault },
                { onSuccess: () => setDone(`${option?.label ?? 'Fault'}: done at ${target.door?.name ?? liveLockName(target)}.`) },
              );
            }}
          >
            Inject fault
          </Button>
        </div>
      </div>
      <FaultFeedback effectId={effectId} effect={option?.effect} armed={done} error={simulate.error} />
    </div>
  );
}

/** A factory-new lock put in pairing mode, S2 or S0; its DSK label shows here, to type its PIN in the prompt. */
function NewLock({ factoryNew }: { factoryNew: FactoryNewLock | null }) {
  const simulate = useSimulateHardware();
  const [security, setSecurity] = useState<'s2' | 's0'>('s2');
  const [failBootstrap, setFailBootstrap] = useState(false);
  return (
    <div className="simulator__programmer">
      <div className="simulator__actions">
        <div className="simulator__fault">
          <SelectField
            label="Security"
            options={[
              { id: 's2', label: 'S2 (DSK PIN)' },
              { id: 's0', label: 'S0 only (older lock)' },
            ]}
            value={security}
            onChange={(id) => setSecurity(id === 's0' ? 's0' : 's2')}
          />
          {security === 's2' && (
            <Checkbox className="check" isSelected={failBootstrap} onChange={setFailBootstrap}>
              <span className="check__box" aria-hidden="true" />
              Fails S2 bootstrapping
            </Checkbox>
          )}
          <Button
            className="button button--small"
            isDisabled={simulate.isPending}
            onPress={() => simulate.mutate({ action: 'zwave_new_lock', security, ...(security === 's2' && failBootstrap ? { failBootstrap: true } : {}) })}
          >
            Bring a factory-new lock
          </Button>
        </div>
      </div>
      {factoryNew ? (
        <p role="status" className="zw-newlock">
          A factory-new {factoryNew.product} is in pairing mode: press “Add a lock…” above. Its DSK label reads{' '}
          <code className="zw-newlock__dsk">
            <strong>{factoryNew.pin}</strong>
            {factoryNew.dsk.slice(factoryNew.pin.length)}
          </code>
          ; the PIN is the first five digits, <strong>{factoryNew.pin}</strong>.
        </p>
      ) : (
        <p role="status" className="simulator__effect">
          The lock waits in pairing mode until the network adds it with “Add a lock…”.
        </p>
      )}
      {simulate.error != null && (
        <p role="alert" className="simulator__error">
          {errorMessage(simulate.error)}
        </p>
      )}
    </div>
  );
}
