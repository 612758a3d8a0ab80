import { ChoiceField } from '../../../components/ChoiceField';
import { GuestInput } from '../../../../../shared/domain';
import { TextInputField } from '../../../components/TextInputField';
import type { FormErrors } from './form-errors';
import { audienceNote, whyAudienceUnavailable, type GrantLimits } from './grant-options';
import type { GuestDraft } from './guest-draft';

interface Props {
  limits: GrantLimits;
  guest: GuestDraft;
  onChange: (guest: GuestDraft) => void;
  errors: FormErrors;
  autoFocus?: boolean;
}

/** Who gets access: a guest of the resident, or a vendor and their company; name and phone for the text. */
export function GuestFields({ limits, guest, onChange, errors, autoFocus }: Props) {
  const set = (patch: Partial<GuestDraft>) => onChange({ ...guest, ...patch });
  const audienceOptions = [
    { id: 'guest' as const, label: 'Guest', unavailable: whyAudienceUnavailable(limits, 'guest') },
    { id: 'vendor' as const, label: 'Vendor', description: audienceNote(limits, 'vendor'), unavailable: whyAudienceUnavailable(limits, 'vendor') },
  ];
  const vendor = guest.audience === 'vendor';
  return (
    <>
      <ChoiceField
        label="Guest or vendor"
        size="compact"
        options={audienceOptions}
        value={guest.audience}
        onChange={(audience) => set({ audience })}
        errorMessage={errors.at('audience')}
      />
      <div className="form-row">
        <TextInputField
          label={vendor ? 'Contact name' : 'Guest name'}
          name="name"
          value={guest.name}
          onChange={(name) => set({ name })}
          isRequired
          autoFocus={autoFocus}
          maxLength={GuestInput.shape.name.maxLength ?? undefined}
          autoComplete="off"
          requiredMessage={vendor ? 'Enter the contact’s name.' : 'Enter the guest’s name.'}
          errorMessage={errors.at('guest.name')}
        />
        <TextInputField
          label="Phone number"
          name="phone"
          type="tel"
          value={guest.phone}
          maxLength={GuestInput.shape.phone.maxLength ?? undefined}
          onChange={(phone) => set({ phone })}
          isRequired
          autoComplete="off"
          requiredMessage="Enter a phone number for the text."
          description="For the text, e.g. 312-555-0142"
          errorMessage={errors.at('guest.phone')}
        />
      </div>
      {vendor && (
        <TextInputField
          label="Company"
          name="company"
          value={guest.company}
          onChange={(company) => set({ company })}
          maxLength={GuestInput.shape.company.unwrap().maxLength ?? undefined}
          isRequired
          autoComplete="off"
          requiredMessage="Enter the vendor’s company."
          errorMessage={errors.at('guest.company')}
        />
      )}
    </>
  );
}
