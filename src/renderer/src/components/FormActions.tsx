import type { ReactNode } from 'react';
import { Button } from 'react-aria-components';

interface Props {
  onCancel: () => void;
  /** The submit button's words ("Assign lock"); shown as given, pending or not. */
  submit: ReactNode;
  pending: boolean;
  /** The id of the words saying why submitting is not possible now; the submit button is disabled and described by them. */
  blockedBy?: string | null;
}

/** A dialog form's last row: Cancel, then the primary submit button. */
export function FormActions({ onCancel, submit, pending, blockedBy = null }: Props) {
  return (
    <div className="form__actions">
      <Button className="button" onPress={onCancel}>
        Cancel
      </Button>
      <Button type="submit" className="button button--primary" isPending={pending} isDisabled={blockedBy !== null} aria-describedby={blockedBy ?? undefined}>
        {submit}
      </Button>
    </div>
  );
}
