import { AccessChoiceFields } from './AccessChoiceFields';
import type { FormErrors } from './form-errors';
import { withKind, type GrantDraft } from './grant-draft';
import { GuestFields } from './GuestFields';
import { needsApproval, type GrantLimits } from './grant-options';
import { ApprovalReasonField } from '../../approvals/ApprovalReasonField';
import { ScheduleFields } from './ScheduleFields';
import './grant-form.css';

interface Props {
  limits: GrantLimits;
  timeZone: string;
  draft: GrantDraft;
  onChange: (draft: GrantDraft) => void;
  errors: FormErrors;
  autoFocus?: boolean;
}

/**
 * The grant form's fields, as on the phone app leasing agents know: what (kind and type),
 * who (guest or vendor, name, phone), then only the "when" fields the type needs.
 */
export function GrantFields({ limits, timeZone, draft, onChange, errors, autoFocus }: Props) {
  return (
    <>
      <fieldset className="form-section">
        <legend className="form-section__title">Access</legend>
        <AccessChoiceFields
          limits={limits}
          kind={draft.kind}
          type={draft.schedule.type}
          onKindChange={(kind) => onChange(withKind(limits, draft, kind))}
          onTypeChange={(type) => onChange({ ...draft, schedule: { ...draft.schedule, type } })}
          errors={errors}
        />
      </fieldset>
      <fieldset className="form-section">
        <legend className="form-section__title">Who</legend>
        <GuestFields limits={limits} guest={draft.guest} onChange={(guest) => onChange({ ...draft, guest })} errors={errors} autoFocus={autoFocus} />
        {needsApproval(limits, draft.guest.audience) && (
          <ApprovalReasonField value={draft.approvalReason} onChange={(approvalReason) => onChange({ ...draft, approvalReason })} errorMessage={errors.at('reason')} />
        )}
      </fieldset>
      <ScheduleFields
        limits={limits}
        timeZone={timeZone}
        draft={draft.schedule}
        onChange={(schedule) => onChange({ ...draft, schedule })}
        errors={errors}
      />
    </>
  );
}
