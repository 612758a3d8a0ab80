import { useState, type FormEvent, type ReactNode } from 'react';
import { Form } from 'react-aria-components';
import type { PendingDoor } from '../../../../shared/domain';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormActions } from '../../components/FormActions';
import { formErrors } from '../access/grant-form/form-errors';
import { DoorField } from './DoorField';

/** The command behind the form, as a React Query mutation: its error and pending state show here. */
interface DoorMutation {
  error: unknown;
  isPending: boolean;
  reset(): void;
}

interface Props {
  /** What choosing the door does, said above the field. */
  intro: ReactNode;
  /** Only doors whose lock model is this one: the core refuses any other. */
  modelId?: string;
  pendingDoors: readonly PendingDoor[];
  /** The field's help, saying which doors are offered. */
  description: string;
  mutation: DoorMutation;
  /** Runs the command for the chosen door (and closes the dialog once it succeeds). */
  onSubmit(doorId: string): void;
  /** The submit button's label, e.g. "Assign lock". */
  submit: string;
  /** The error notice's title when the command fails, e.g. "The lock was not assigned." */
  failure: string;
  close: () => void;
}

/**
 * The Hardware page's one door-choosing form (assign a key-programmer's lock, a Z-Wave lock, or
 * attach a simulated door): the door picker, focused, a "choose the door" error when none is
 * picked, the core's refusal under the field or in a notice, and Cancel beside the submit.
 */
export function AssignDoorForm({ intro, modelId, pendingDoors, description, mutation, onSubmit, submit, failure, close }: Props) {
  const [doorId, setDoorId] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const errors = formErrors(mutation.error, ['doorId']);

  const send = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!doorId) return setMissing(true);
    onSubmit(doorId);
  };

  return (
    <Form className="form" onSubmit={send}>
      <p className="dialog__text">{intro}</p>
      <DoorField
        label="Door"
        modelId={modelId}
        pendingDoors={pendingDoors}
        value={doorId}
        onChange={(next) => {
          setDoorId(next);
          setMissing(false);
          mutation.reset();
        }}
        description={description}
        errorMessage={missing ? 'Choose the door from the list.' : errors.at('doorId')}
        autoFocus
      />
      {errors.general && <ErrorNotice error={mutation.error} title={failure} />}
      <FormActions onCancel={close} submit={submit} pending={mutation.isPending} />
    </Form>
  );
}
