import type { ReactNode } from 'react';
import { Button } from 'react-aria-components';

interface Props {
  onCancel: () => void;
  /** The submit button's words ("Assign lock"); shown as given, pending or not. */
  submit: ReactNode;
  pending: boolean;
}

/** A dialog form's last row: Cancel, then the primary submit button. */
export function FormActions({ onCancel, submit, pending }: Props) {
  return (
    <div className="form__actions">
      <Button className="button" onPress={onCancel}>
        Cancel
      </Button>
      <Button type="submit" className="button button--primary" isPending={pending}>
        {submit}
      </Button>
    </div>
  );
}
