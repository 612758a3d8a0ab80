import { FormActions } from '../../components/FormActions';
import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import type { Credential } from '../../../../shared/domain';
import { useRescheduleCredential } from '../../api/mutations';
import { ErrorNotice } from '../../components/ErrorNotice';
import { accessTypeLabel, credentialKindLabel } from '../../components/labels';
import { LoadingState } from '../../components/LoadingState';
import { communityNow } from '../../components/wall-clock';
import { formErrors } from '../access/grant-form/form-errors';
import { grantFormFields } from '../access/grant-form/grant-draft';
import type { GrantLimits } from '../access/grant-form/grant-options';
import { draftFromSchedule, toScheduleRequest } from '../access/grant-form/schedule-draft';
import { ScheduleFields } from '../access/grant-form/ScheduleFields';
import { useGrantLimits } from '../access/grant-form/useGrantLimits';
import '../access/grant-form/grant-form.css';

interface Props {
  credential: Credential;
  /** The unit door's lock, when known, so the fields offer only what it can hold. */
  lock: GrantLimits['lock'];
  onCancel: () => void;
  onRescheduled: (credential: Credential) => void;
}

/**
 * New dates for a credential, prefilled with its current ones. The core reissues it (a new
 * code or pass) and revokes the old one as replaced.
 */
export function EditDatesForm(props: Props) {
  const { limits, timeZone, error } = useGrantLimits(props.lock);
  if (error) return <ErrorNotice error={error} title="Could not load the community’s guidelines." />;
  if (!limits || !timeZone) return <LoadingState />;
  return <EditDatesFields {...props} limits={limits} timeZone={timeZone} />;
}

function EditDatesFields({ credential, limits, timeZone, onCancel, onRescheduled }: Props & { limits: GrantLimits; timeZone: string }) {
  const [draft, setDraft] = useState(() => draftFromSchedule(credential.schedule, communityNow(timeZone)));
  const reschedule = useRescheduleCredential();
  const errors = formErrors(reschedule.error, grantFormFields);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const schedule = toScheduleRequest(draft);
    if (schedule) reschedule.mutate({ credentialId: credential.id, schedule }, { onSuccess: onRescheduled });
  };
  return (
    <Form className="form" onSubmit={submit}>
      <div className="form-summary">
        <span className="form-summary__title">
          {accessTypeLabel(credential.schedule.type)} {credentialKindLabel(credential.kind)} of {credential.guest.name}
        </span>
        <span className="form-summary__detail">Now: {credential.scheduleText}</span>
      </div>
      <ScheduleFields
        limits={limits}
        timeZone={timeZone}
        draft={draft}
        onChange={(next) => {
          if (reschedule.error) reschedule.reset();
          setDraft(next);
        }}
        errors={errors}
      />
      <p className="form-section__note">
        The guest gets a new {credentialKindLabel(credential.kind)} by text; the current one stops working.
      </p>
      {errors.general && <ErrorNotice error={reschedule.error} title="The dates were not changed." />}
      <FormActions onCancel={onCancel} submit={reschedule.isPending ? 'Saving…' : 'Save new dates'} pending={reschedule.isPending} />
    </Form>
  );
}
