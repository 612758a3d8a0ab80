import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button, Dialog, FieldError, Form, Heading, Input, Label, Modal, ModalOverlay, ProgressBar, Text, TextField } from 'react-aria-components';
import type { LiveLockView, LiveNetworkOverview } from '../../../../../shared/domain';
import { errorMessage, useAnswerInclusionPin, useExcludeLock, useIncludeLock, useStopInclusion } from '../../../api/mutations';
import '../../../components/modal.css';
import { formErrors } from '../../access/grant-form/form-errors';
import { dskRest, inclusionStep, pinDigits, pinProblem, type InclusionMode, type InclusionStep } from './inclusion-steps';

interface Props {
  mode: InclusionMode;
  data: LiveNetworkOverview;
  /** "Assign to a door…" after a lock was added. */
  onAssign: (lock: LiveLockView) => void;
  onClose: () => void;
}

/**
 * "Add a lock…" and "Remove a lock…": the network waits for the lock's button, then (adding) asks
 * for the PIN from the lock's DSK label, shows the keys being exchanged, and says how it ended in
 * the core's words (a wrong PIN, security that failed, a lock that never answered). Opening it
 * starts the wait; closing it stops whatever the network still waits for. The ModalDialog frame,
 * controlled from the section so the core's refreshes do not close it.
 */
export function InclusionDialog({ mode, data, onAssign, onClose }: Props) {
  const include = useIncludeLock();
  const exclude = useExcludeLock();
  const stop = useStopInclusion();
  const start = mode === 'include' ? include : exclude;
  const started = useRef(false);
  useEffect(() => {
    // Once per opening (React's development double effects included).
    if (started.current) return;
    started.current = true;
    start.mutate({});
  }, [start]);

  const { inclusion } = data;
  const lock = inclusion.nodeId === null ? null : (data.locks.find((l) => l.nodeId === inclusion.nodeId) ?? null);
  // Until the core has answered, the last inclusion's end is not this one's.
  const step: InclusionStep = start.isPending || start.isIdle ? inclusionStep(mode, { ...inclusion, state: 'idle' }, null) : inclusionStep(mode, inclusion, lock);
  const close = () => {
    if (step.stoppable && !start.isError) stop.mutate({});
    onClose();
  };

  return (
    <ModalOverlay className="modal-overlay" isDismissable={step.kind !== 'working'} isOpen onOpenChange={(open) => !open && close()}>
      <Modal className="modal">
        <Dialog className="dialog zw-inclusion">
          <Heading slot="title" className="dialog__title">
            {mode === 'include' ? 'Add a Z-Wave lock' : 'Remove a Z-Wave lock'}
          </Heading>
          {start.isError ? (
            <>
              <p role="alert" className="zw-inclusion__failed">
                {errorMessage(start.error)}
              </p>
              <div className="form__actions">
                <Button className="button" onPress={onClose} autoFocus>
                  Close
                </Button>
              </div>
            </>
          ) : step.kind === 'pin' ? (
            <PinForm text={step.text} dskHidden={inclusion.dskHidden} onCancel={close} />
          ) : (
            <StepBody step={step} lock={lock} onAssign={onAssign} onRetry={() => start.mutate({})} onStop={close} onClose={onClose} />
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

interface StepProps {
  step: InclusionStep;
  lock: LiveLockView | null;
  onAssign: (lock: LiveLockView) => void;
  onRetry: () => void;
  onStop: () => void;
  onClose: () => void;
}

function StepBody({ step, lock, onAssign, onRetry, onStop, onClose }: StepProps) {
  return (
    <>
      {step.kind === 'failed' ? (
        <p role="alert" className="zw-inclusion__failed">
          {step.text}
        </p>
      ) : (
        <p role="status" className={step.kind === 'done' ? 'zw-inclusion__done' : 'dialog__text'}>
          {step.text}
        </p>
      )}
      {step.progress && (
        <ProgressBar className="job-progress zw-inclusion__progress" isIndeterminate aria-label={step.progress}>
          <div className="job-progress__labels">
            <Label className="job-progress__label">{step.progress}…</Label>
          </div>
          <div className="job-progress__track">
            <div className="zw-inclusion__sweep" />
          </div>
        </ProgressBar>
      )}
      <div className="form__actions">
        {step.stoppable && (
          <Button className="button" onPress={onStop} autoFocus>
            Stop
          </Button>
        )}
        {step.kind === 'failed' && (
          <Button className="button" onPress={onRetry} autoFocus>
            Try again
          </Button>
        )}
        {(step.kind === 'done' || step.kind === 'failed') && (
          <Button className={step.kind === 'done' && lock && !lock.door ? 'button' : 'button button--primary'} onPress={onClose} autoFocus={step.kind === 'done' && !lock}>
            Close
          </Button>
        )}
        {step.kind === 'done' && lock && !lock.door && (
          <Button className="button button--primary" onPress={() => onAssign(lock)} autoFocus>
            Assign to a door…
          </Button>
        )}
      </div>
    </>
  );
}

/** The DSK prompt: the five digits typed where the label's first group is, the rest shown to compare. */
function PinForm({ text, dskHidden, onCancel }: { text: string; dskHidden: string | null; onCancel: () => void }) {
  const answer = useAnswerInclusionPin();
  const [pin, setPin] = useState('');
  const [checked, setChecked] = useState(false);
  const errors = formErrors(answer.error, ['pin']);
  const problem = checked ? (pinProblem(pin) ?? errors.at('pin')) : errors.at('pin');
  const rest = dskRest(dskHidden);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (pinProblem(pin)) return;
    answer.mutate({ pin: pinDigits(pin) });
  };

  return (
    <Form className="form" onSubmit={submit}>
      <p className="dialog__text">{text}</p>
      <TextField
        className="field"
        name="pin"
        value={pin}
        onChange={(next) => {
          setPin(next);
          answer.reset();
        }}
        isInvalid={problem ? true : undefined}
        autoFocus
      >
        <Label className="field__label">PIN (the first five digits of the DSK)</Label>
        <div className="zw-dsk">
          <Input className="field__input zw-dsk__pin" inputMode="numeric" autoComplete="off" spellCheck={false} maxLength={7} placeholder="_____" />
          {rest.length > 0 && (
            <span className="zw-dsk__rest" aria-label={`The rest of the DSK: ${rest.join(' ')}`}>
              {rest.map((group, i) => (
                <span key={i} className="zw-dsk__group">
                  -{group}
                </span>
              ))}
            </span>
          )}
        </div>
        <Text slot="description" className="field__description">
          If the rest does not match the label, the lock is not the one in your hands: cancel.
        </Text>
        <FieldError className="field__error">{problem}</FieldError>
      </TextField>
      {errors.general && (
        <p role="alert" className="zw-inclusion__failed">
          {errorMessage(answer.error)}
        </p>
      )}
      <div className="form__actions">
        <Button className="button" onPress={onCancel}>
          Cancel
        </Button>
        <Button type="submit" className="button button--primary" isPending={answer.isPending}>
          Add lock
        </Button>
      </div>
    </Form>
  );
}
