import { useId, useState } from 'react';
import { Button, DialogTrigger } from 'react-aria-components';
import type { HardwareOverview, JobKind, PendingDoor, Programmer, SimulatedFault } from '../../../../shared/domain';
import { errorMessage, useSimulateHardware } from '../../api/mutations';
import { ModalDialog } from '../../components/ModalDialog';
import { SelectField } from '../../components/SelectField';
import { StatusBadge } from '../../components/StatusBadge';
import { AssignDoorForm } from './AssignDoorForm';
import { faultOptions, programmerTitle } from './hardware-labels';
import { FaultFeedback } from './FaultFeedback';

interface Props {
  programmers: readonly Programmer[];
  pendingDoors: readonly PendingDoor[];
  /** Whether two programmers share a name, so rows are told apart by serial. */
  nameWithSerial: boolean;
}

/**
 * Simulated hardware for demos and training: programmers plugged in and out, doors put on
 * their cables, faults injected. Shown only on a training console.
 */
export function SimulatorPanel({ programmers, pendingDoors, nameWithSerial }: Props) {
  const headingId = useId();
  const plug = useSimulateHardware();
  return (
    <section className="card simulator" aria-labelledby={headingId}>
      <header className="simulator__head">
        <div className="simulator__title-row">
          <h3 id={headingId} className="hw-section__title">
            Simulator
          </h3>
          <StatusBadge tone="accent">Simulated hardware</StatusBadge>
        </div>
        <p className="simulator__intro">
          This is a training console: its key-programmers are simulated. What happens here reaches no real lock; jobs, the
          activity log and door states behave as with real hardware, faults included.
        </p>
        <div className="simulator__plug">
          <Button className="button" isPending={plug.isPending} onPress={() => plug.mutate({ action: 'plug' })}>
            Plug in a programmer
          </Button>
          {plug.error && (
            <span role="alert" className="simulator__error">
              {errorMessage(plug.error)}
            </span>
          )}
        </div>
      </header>
      {programmers.length === 0 ? (
        <p className="muted simulator__empty">No simulated programmer is plugged in.</p>
      ) : (
        <ul className="simulator__list">
          {programmers.map((p) => (
            <SimulatedProgrammer key={p.id} programmer={p} pendingDoors={pendingDoors} title={programmerTitle(p, nameWithSerial)} />
          ))}
        </ul>
      )}
    </section>
  );
}

interface Armed {
  text: string;
  onDoor: boolean;
  /** The job that sets the fault off; the note goes once the card shows a new one of this kind. */
  strikes: JobKind | null;
  /** The job on the programmer's card when the fault was injected. */
  beforeJob: string | null;
}

function SimulatedProgrammer({ programmer: p, pendingDoors, title }: { programmer: Programmer; pendingDoors: readonly PendingDoor[]; title: string }) {
  const simulate = useSimulateHardware();
  const effectId = useId();
  const [fault, setFault] = useState<SimulatedFault>('unplug_mid_commit');
  const option = faultOptions.find((o) => o.id === fault);
  // "Injected" stays until the job it waits for has run (or another simulator action here).
  const [armed, setArmed] = useState<Armed | null>(null);
  const struck = armed && p.job && p.job.id !== armed.beforeJob && p.job.kind === armed.strikes;
  const armedText = armed && !struck ? armed.text : '';
  const onCable = p.door ? (p.door.door?.name ?? `an unassigned lock (serial ${p.door.serial})`) : null;
  const run = (input: Parameters<typeof simulate.mutate>[0], done?: () => void) => {
    setArmed(null);
    simulate.mutate(input, { onSuccess: done });
  };
  // Another door on the cable: a door's fault left with the old one; the programmer's stays,
  // waiting for a job after the new door's last one.
  const doorChanged = (overview: HardwareOverview) =>
    setArmed((a) => (!a || a.onDoor ? null : { ...a, beforeJob: overview.programmers.find((x) => x.id === p.id)?.job?.id ?? null }));
  return (
    // A list item around the group: a role on the <li> itself would take it out of the list.
    <li>
      <div className="simulator__programmer" role="group" aria-label={title}>
        <div className="simulator__who">
          <strong>{title.replace(/ \(simulated\)$/, '')}</strong>
          <span className="muted">{onCable ? `${onCable} on the cable` : 'Nothing on the cable'}</span>
        </div>
        <div className="simulator__actions">
          <AttachDoorDialog programmer={p} pendingDoors={pendingDoors} onAttached={doorChanged} />
          <Button
            className="button button--small"
            isDisabled={!p.door || simulate.isPending}
            onPress={() => simulate.mutate({ action: 'detach', programmerId: p.id }, { onSuccess: doorChanged })}
          >
            Detach door
          </Button>
          <Button
            className="button button--small button--danger-quiet"
            isDisabled={simulate.isPending}
            onPress={() => run({ action: 'unplug', programmerId: p.id })}
          >
            Unplug
          </Button>
          <span className="simulator__divider" aria-hidden="true" />
          <div className="simulator__fault">
            <SelectField label="Fault" options={faultOptions} value={fault} onChange={(id) => setFault(id as SimulatedFault)} />
            <Button
              className="button button--small"
              isDisabled={simulate.isPending}
              aria-describedby={effectId}
              onPress={() =>
                run({ action: 'fault', programmerId: p.id, fault }, () =>
                  setArmed({
                    text: option ? `${option.label} injected: ${option.armed}` : 'Fault injected.',
                    strikes: option?.strikes ?? null,
                    onDoor: option?.onDoor ?? false,
                    beforeJob: p.job?.id ?? null,
                  }),
                )
              }
            >
              Inject fault
            </Button>
          </div>
        </div>
        <FaultFeedback effectId={effectId} effect={option?.effect} armed={armedText} error={simulate.error} />
      </div>
    </li>
  );
}

interface AttachProps {
  programmer: Programmer;
  pendingDoors: readonly PendingDoor[];
  onAttached: (overview: HardwareOverview) => void;
}

/** "Attach door…": puts a simulated lock or reader for one of the community's doors on the programmer's cable. */
function AttachDoorDialog(props: AttachProps) {
  return (
    <DialogTrigger>
      <Button className="button button--small">Attach door…</Button>
      <ModalDialog title="Attach a simulated door">{(close) => <AttachDoorForm {...props} close={close} />}</ModalDialog>
    </DialogTrigger>
  );
}

function AttachDoorForm({ programmer, pendingDoors, onAttached, close }: AttachProps & { close: () => void }) {
  const simulate = useSimulateHardware();
  const attached = (overview: HardwareOverview) => {
    onAttached(overview);
    close();
  };
  return (
    <AssignDoorForm
      intro={`A simulated lock or reader for the door, as installed, goes on ${programmer.name}’s cable${programmer.door ? ', replacing the one there' : ''}.`}
      pendingDoors={pendingDoors}
      description="Any door of the community, by door, building or lock serial. Doors waiting for programming come first."
      mutation={simulate}
      onSubmit={(doorId) => simulate.mutate({ action: 'attach', programmerId: programmer.id, doorId }, { onSuccess: attached })}
      submit="Attach door"
      failure="The door was not attached."
      close={close}
    />
  );
}
