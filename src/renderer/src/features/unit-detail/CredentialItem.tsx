import { useEffect, useRef, useState } from 'react';
import type { Credential } from '../../../../shared/domain';
import { isLive } from '../../components/credential-status';
import { CredentialStatusBadge } from '../../components/CredentialStatusBadge';
import { accessTypeLabel, audienceLabel, credentialKindLabel, visitLine } from '../../components/labels';
import { useCan } from '../../components/permissions';
import { formatPhone } from '../../../../shared/phone-format';
import type { GrantLimits } from '../access/grant-form/grant-options';
import { CredentialDoors } from './CredentialDoors';
import { CredentialExposureLine } from '../exposure/CredentialExposureLine';
import { CredentialHistory } from './CredentialHistory';
import { CredentialTextStatus, ResendTextButton } from './CredentialText';
import { textWaitWords, useTextWait } from '../../components/text-wait';
import { HandOverCodeButton, HandOverCodeDialog } from './HandOverCodeDialog';
import { EditDatesDialog } from './EditDatesDialog';
import { RevokeCredentialDialog } from './RevokeCredentialDialog';

interface Props {
  credential: Credential;
  /** The unit door's lock, for "Edit dates". */
  lock: GrantLimits['lock'];
  onRevoked?: (credential: Credential) => void;
  onRescheduled?: (credential: Credential) => void;
  /** Just granted: take focus, so the next Enter or screen reader starts from it, not from "Grant access" again. */
  focus?: boolean;
}

/** One guest's PIN code or Bluetooth pass: who, what, when, which doors, the text, and what staff can do. */
export function CredentialItem({ credential, lock, onRevoked, onRescheduled, focus = false }: Props) {
  // A kiosk is sent only what a kiosk granted on this console, which it may change.
  const live = isLive(credential);
  const canRevoke = useCan('access.revoke') && live;
  // A visit's units share one code and one schedule: new dates mean a new visit.
  const canEdit = useCan('access.reschedule') && live && credential.schedule.type !== 'permanent' && !credential.visit;
  const canResend = useCan('access.resend') && live;
  const textWait = useTextWait();
  const [handingOver, setHandingOver] = useState(false);
  const canHandOver =
    useCan('access.handOverCode') && live && credential.kind === 'pin' && credential.notification.status !== 'sent' && !credential.codeHandOver && textWait !== null;
  const headingId = `credential-${credential.id}`;
  const article = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!focus) return;
    // After the closing dialog has put focus back on its trigger (it does so on the next frame).
    const frame = requestAnimationFrame(() => article.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [focus]);
  return (
    <article ref={article} tabIndex={-1} className="credential" data-live={live} aria-labelledby={headingId}>
      <div className="credential__top">
        <h4 className="credential__guest" id={headingId}>
          {credential.guest.name}
          {credential.guest.company && <span className="credential__company"> · {credential.guest.company}</span>}
        </h4>
        <CredentialStatusBadge status={credential.status} />
      </div>
      <div className="credential__line credential__line--muted">
        {credential.guest.phone && (
          <>
            <span>{formatPhone(credential.guest.phone)}</span>
            <span aria-hidden="true">·</span>
          </>
        )}
        <span>{credentialKindLabel(credential.kind)}</span>
        <span aria-hidden="true">·</span>
        <span>{accessTypeLabel(credential.schedule.type)}</span>
        {credential.audience === 'vendor' && (
          <>
            <span aria-hidden="true">·</span>
            <span>{audienceLabel(credential.audience)}</span>
          </>
        )}
      </div>
      {credential.visit && <div className="credential__line">{visitLine(credential.visit.units)}</div>}
      <div className="credential__window">{credential.scheduleText}</div>
      <CredentialDoors credential={credential} />
      {!live && <CredentialExposureLine unitId={credential.unitId} credentialId={credential.id} />}
      {live && <CredentialTextStatus credential={credential} wait={textWait} />}
      <CredentialHistory credential={credential} />
      {handingOver && <HandOverCodeDialog credential={credential} waitingFor={textWait ? textWaitWords[textWait] : 'on its way'} onClose={() => setHandingOver(false)} />}
      {(canResend || canEdit || canRevoke || canHandOver) && (
        <div className="credential__actions">
          {canResend && <ResendTextButton credential={credential} />}
          {canHandOver && <HandOverCodeButton credential={credential} onPress={() => setHandingOver(true)} />}
          {canEdit && <EditDatesDialog credential={credential} lock={lock} onRescheduled={onRescheduled} />}
          {canRevoke && <RevokeCredentialDialog credential={credential} onRevoked={onRevoked} />}
        </div>
      )}
    </article>
  );
}
