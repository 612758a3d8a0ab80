import { Button } from 'react-aria-components';
import type { CodeHandOver, Credential } from '../../../../shared/domain';
import { useHandOverCode } from '../../api/mutations';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ModalDialog } from '../../components/ModalDialog';

interface Props {
  credential: Credential;
  /** What the text waits for, in words ("sent when this console syncs with the cloud"). */
  waitingFor: string;
}

/** The code, big and spaced for reading aloud, and what a card says with it. */
function CodeCard({ card }: { card: CodeHandOver }) {
  return (
    <section className="code-card" aria-label={`Access card for ${card.guestName}`}>
      <p className="code-card__who">
        {card.guestName} · {card.unitLabel}
      </p>
      <p className="code-card__code" aria-label={`PIN code ${card.code.split('').join(' ')}`}>
        {card.code}
      </p>
      <p className="code-card__line">{card.scheduleText}</p>
      <p className="code-card__line">Opens: {card.doors.join(', ')}</p>
      <p className="code-card__line">Enter the code on the door’s keypad, then press Enter or the lock button.</p>
    </section>
  );
}

function HandOver({ credential, waitingFor, close }: Props & { close: () => void }) {
  const handOver = useHandOverCode();
  const give = (how: 'shown' | 'printed') =>
    handOver.mutate(
      { credentialId: credential.id, how },
      {
        onSuccess: () => {
          // Printed after the card has rendered; the print stylesheet shows the card alone.
          if (how === 'printed') requestAnimationFrame(() => window.print());
        },
      },
    );
  const done = () => {
    handOver.reset(); // the code leaves the page with the dialog
    close();
  };
  if (handOver.data) {
    return (
      <>
        <CodeCard card={handOver.data} />
        <p className="dialog__text">It is not shown again. The text still goes to the guest when it can.</p>
        <div className="form__actions">
          <Button className="button button--primary" onPress={done} autoFocus>
            Done
          </Button>
        </div>
      </>
    );
  }
  return (
    <>
      <p className="dialog__text">
        The text to {credential.guest.name} is {waitingFor}. You can hand the code over now instead: it is shown to you once, or printed
        on a card, and the activity log records that you did. It is not shown again.
      </p>
      {handOver.error && <ErrorNotice error={handOver.error} title="The code was not handed over." />}
      <div className="form__actions">
        <Button className="button" onPress={close} autoFocus>
          Cancel
        </Button>
        <Button className="button" isPending={handOver.isPending} onPress={() => give('printed')}>
          Print a card
        </Button>
        <Button className="button button--primary" isPending={handOver.isPending} onPress={() => give('shown')}>
          Show the code
        </Button>
      </div>
    </>
  );
}

/** "Hand over code" on a PIN code whose text waits. */
export function HandOverCodeButton({ credential, onPress }: { credential: Credential; onPress: () => void }) {
  return (
    <Button className="button button--small" aria-label={`Hand over ${credential.guest.name}’s code`} onPress={onPress}>
      Hand over code
    </Button>
  );
}

/**
 * The code once, shown or printed, audited. Opened by the credential rather than by its
 * button: the hand-over itself takes the button away, and the card must stay until Done.
 */
export function HandOverCodeDialog({ credential, waitingFor, onClose }: Props & { onClose: () => void }) {
  return (
    <ModalDialog title={`Hand over ${credential.guest.name}’s code`} isDismissable={false} onClose={onClose}>
      {(close) => <HandOver credential={credential} waitingFor={waitingFor} close={close} />}
    </ModalDialog>
  );
}
