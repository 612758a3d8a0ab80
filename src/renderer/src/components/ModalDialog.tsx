import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import './modal.css';

interface Props {
  title: ReactNode;
  /** 'alertdialog' for confirmations of destructive actions. */
  role?: 'dialog' | 'alertdialog';
  /**
   * Whether a click outside closes it (Escape always does). Off by default for wide forms: a
   * stray click, or a press whose release lands outside as a field's message goes, must not
   * throw away what staff typed.
   */
  isDismissable?: boolean;
  /** 'wide' for forms with side-by-side fields (grant, bulk grant). */
  size?: 'regular' | 'wide';
  /**
   * Opened by its parent instead of a DialogTrigger: open while mounted, and `onClose` when
   * Escape, a click outside or the form closes it (for dialogs the page's refreshes must not close).
   */
  onClose?: () => void;
  children: (close: () => void) => ReactNode;
}

/**
 * The console's one modal frame around a React Aria Dialog: focus is trapped and restored,
 * Escape closes, the rest of the page is inert. Put it inside a DialogTrigger, or give it `onClose`.
 */
export function ModalDialog({ title, role = 'dialog', size = 'regular', isDismissable = size !== 'wide', onClose, children }: Props) {
  const controlled = onClose ? { isOpen: true, onOpenChange: (open: boolean) => !open && onClose() } : {};
  return (
    <ModalOverlay className="modal-overlay" isDismissable={isDismissable} {...controlled}>
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
