import { assertNever } from '../../../../../shared/errors';
import { zoneName } from '../../../components/wall-clock';
import { DeliveryFields } from './DeliveryFields';
import type { FormErrors } from './form-errors';
import type { GrantLimits } from './grant-options';
import { RecurringFields } from './RecurringFields';
import type { ScheduleDraft } from './schedule-draft';
import { TemporaryFields } from './TemporaryFields';

interface Props {
  limits: GrantLimits;
  timeZone: string;
  draft: ScheduleDraft;
  onChange: (draft: ScheduleDraft) => void;
  errors: FormErrors;
}

/** Only the fields the chosen type needs, under the community's time zone. */
export function ScheduleFields({ limits, timeZone, draft, onChange, errors }: Props) {
  return (
    <fieldset className="form-section">
      <legend className="form-section__title">
        When <span className="form-section__zone">Times in {zoneName(timeZone)} ({timeZone})</span>
      </legend>
      <TypeFields limits={limits} draft={draft} onChange={onChange} errors={errors} />
    </fieldset>
  );
}

function TypeFields({ limits, draft, onChange, errors }: Omit<Props, 'timeZone'>) {
  switch (draft.type) {
    case 'permanent':
      return <p className="form-section__note">Opens until someone revokes it.</p>;
    case 'temporary':
      return (
        <TemporaryFields
          limits={limits}
          value={draft.temporary}
          onChange={(temporary) => onChange({ ...draft, temporary })}
          errors={errors}
        />
      );
    case 'recurring':
      return (
        <RecurringFields
          limits={limits}
          value={draft.recurring}
          onChange={(recurring) => onChange({ ...draft, recurring })}
          errors={errors}
        />
      );
    case 'delivery':
      return (
        <DeliveryFields
          limits={limits}
          value={draft.delivery}
          onChange={(delivery) => onChange({ ...draft, delivery })}
          errors={errors}
        />
      );
    default:
      return assertNever(draft.type, 'access type');
  }
}
