import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import './modal.css';

interface Props {
  title: ReactNode;
  /** 'alertdialog' for confirmations of destructive actions. */
  role?: 'dialog' | 'alertdialog';
  /** Whether a click outside or Escape closes it; confirmations keep Escape only. */
  isDismissable?: boolean;
  /** 'wide' for forms with side-by-side fields (grant, bulk grant). */
  size?: 'regular' | 'wide';
  children: (close: () => void) => ReactNode;
}

/**
 * The console's one modal frame around a React Aria Dialog: focus is trapped and restored,
 * Escape closes, the rest of the page is inert. Put it inside a DialogTrigger.
 */
export function ModalDialog({ title, role = 'dialog', isDismissable = true, size = 'regular', children }: Props) {
  return (
    <ModalOverlay className="modal-overlay" isDismissable={isDismissable}>
      <Modal className={size === 'wide' ? 'modal modal--wide' : 'modal'}>
        <Dialog className="dialog" role={role}>
          {({ close }) => (
            <>
              <Heading slot="title" className="dialog__title">
                {title}
              </Heading>
              {children(close)}
            </>
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
