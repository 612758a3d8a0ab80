import { Suspense, useState, type ReactNode } from 'react';
import { DialogTrigger } from 'react-aria-components';

interface Props {
  /** The button that opens the dialog: drawn at once. */
  trigger: ReactNode;
  /** The dialog (a ModalDialog), typically a React.lazy component: rendered once first opened. */
  children: ReactNode;
}

/**
 * A DialogTrigger whose dialog is first rendered when first opened, so a lazy dialog's code
 * (its form, the schemas it checks with) loads then, not with the page behind its button.
 * Kept mounted afterwards: its ModalOverlay opens and closes with the trigger as usual.
 */
export function LazyDialogTrigger({ trigger, children }: Props) {
  const [isOpen, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  if (isOpen && !opened) setOpened(true);
  return (
    <DialogTrigger isOpen={isOpen} onOpenChange={setOpen}>
      {trigger}
      {opened && <Suspense fallback={null}>{children}</Suspense>}
    </DialogTrigger>
  );
}
