import { FormActions } from '../../components/FormActions';
import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import type { Credential, UnitRow, VendorApproval } from '../../../../shared/domain';
import { useAskApproval, useGrantAccess } from '../../api/mutations';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LoadingState } from '../../components/LoadingState';
import { communityNow } from '../../components/wall-clock';
import { formErrors } from '../access/grant-form/form-errors';
import { grantFormFields, newGrantDraft, toGrantRequest } from '../access/grant-form/grant-draft';
import { needsApproval, type GrantLimits } from '../access/grant-form/grant-options';
import { ApprovalAsked } from '../approvals/ApprovalAsked';
import { askErrors } from '../approvals/ask-errors';
import { GrantDoorPreview, previewRefusalId } from '../access/grant-form/GrantDoorPreview';
import { useAccessPreview } from '../../api/door-preview';
import { GrantFields } from '../access/grant-form/GrantFields';
import { toScheduleRequest } from '../access/grant-form/schedule-draft';
import { useGrantLimits } from '../access/grant-form/useGrantLimits';
import { GrantCapacityWarning } from '../capacity/GrantCapacityWarning';

interface Props {
  unit: UnitRow;
  onCancel: () => void;
  onGranted: (credential: Credential) => void;
}

/** Who the guest is and what they get, limited by the guidelines and the unit's lock. The core checks everything again. */
export function GrantAccessForm({ unit, onCancel, onGranted }: Props) {
  const { limits, timeZone, error } = useGrantLimits({ name: unit.lockModel.name, capabilities: unit.lockModel.capabilities });
  if (error) return <ErrorNotice error={error} title="Could not load the community’s guidelines." />;
  if (!limits || !timeZone) return <LoadingState />;
  return <UnitGrantForm unit={unit} limits={limits} timeZone={timeZone} onCancel={onCancel} onGranted={onGranted} />;
}

function UnitGrantForm({ unit, limits, timeZone, onCancel, onGranted }: Props & { limits: GrantLimits; timeZone: string }) {
  const [draft, setDraft] = useState(() => newGrantDraft(limits, communityNow(timeZone)));
  // One id for this form: the core grants once however often it is sent (a double click, a retry).
  const [requestId] = useState(() => crypto.randomUUID());
  const grant = useGrantAccess();
  // Vendor access the guidelines keep for admins: leasing asks one instead.
  const ask = useAskApproval();
  const [asked, setAsked] = useState<VendorApproval | null>(null);
  const asking = needsApproval(limits, draft.guest.audience);
  const sent = asking ? ask : grant;
  const errors = asking ? askErrors(ask.error, grantFormFields) : formErrors(grant.error, grantFormFields);
  const schedule = toScheduleRequest(draft.schedule);
  const preview = useAccessPreview(unit.id, draft.kind, schedule);
  // Some door cannot hold this draft: Save waits for another type or dates (the core refuses it anyway).
  const blocked = schedule !== null && !preview.isPlaceholderData && preview.data?.refusal ? previewRefusalId : null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const request = toGrantRequest(draft);
    if (!request) return;
    if (asking) ask.mutate({ scope: 'unit', grant: { requestId, unitId: unit.id, ...request }, reason: draft.approvalReason }, { onSuccess: setAsked });
    else grant.mutate({ requestId, unitId: unit.id, ...request }, { onSuccess: onGranted });
  };

  if (asked) return <ApprovalAsked approval={asked} onDone={onCancel} />;

  return (
    <Form className="form" onSubmit={submit}>
      <GrantFields
        limits={limits}
        timeZone={timeZone}
        draft={draft}
        onChange={(next) => {
          if (sent.error) sent.reset();
          setDraft(next);
        }}
        errors={errors}
        autoFocus
      />
      {schedule && <GrantDoorPreview data={preview.data} error={preview.error} />}
      <GrantCapacityWarning unitId={unit.id} kind={draft.kind} schedule={schedule} />
      {errors.general && <ErrorNotice error={sent.error} title={asking ? 'The request was not sent.' : 'Access was not granted.'} />}
      <FormActions onCancel={onCancel} submit={submitLabel(asking, sent.isPending)} pending={sent.isPending} blockedBy={blocked} />
    </Form>
  );
}

function submitLabel(asking: boolean, pending: boolean): string {
  if (asking) return pending ? 'Asking…' : 'Ask an admin';
  return pending ? 'Granting…' : 'Grant access';
}
