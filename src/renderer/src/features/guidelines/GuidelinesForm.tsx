import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Form, Text } from 'react-aria-components';
import { guidelineLimits, type Community, type Guidelines } from '../../../../shared/domain';
import { useSaveGuidelines } from '../../api/mutations';
import { ChoiceField } from '../../components/ChoiceField';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formErrors } from '../access/grant-form/form-errors';
import { accessTypes } from '../access/grant-form/grant-options';
import { TypeChecklist } from './TypeChecklist';
import { WholeNumberField } from '../../components/WholeNumberField';

const shownFields = ['allowedTypes', 'allowedTypes.pin', 'allowedTypes.ble', 'kioskTypes', 'maxTemporaryDays', 'deliveryWindowMinutes', 'deliveryOpens'];
const bleTypes = ['permanent', 'temporary'] as const;
const deliveryOptions = [
  { id: 'common_only' as const, label: 'Common doors only', description: 'Entrance, gates, package room' },
  { id: 'unit_and_common' as const, label: 'The unit too', description: 'And the common doors' },
];

/** The community's guidelines as an admin edits them; saved as one change, checked and audited by the core. */
export function GuidelinesForm({ community, onSaved }: { community: Community; onSaved: (g: Guidelines) => void }) {
  const [draft, setDraft] = useState<Guidelines>(community.guidelines);
  const save = useSaveGuidelines();
  const errors = formErrors(save.error, shownFields);
  const set = (patch: Partial<Guidelines> | ((current: Guidelines) => Partial<Guidelines>)) => {
    if (save.error) save.reset();
    // Functional: a number field commits on blur, in the same tick as the click that blurred it.
    setDraft((current) => ({ ...current, ...(typeof patch === 'function' ? patch(current) : patch) }));
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate(draft, { onSuccess: (c) => onSaved(c.guidelines) });
  };
  const unchanged = JSON.stringify(draft) === JSON.stringify(community.guidelines);
  return (
    <Form className="form guidelines-form" onSubmit={submit}>
      <fieldset className="form-section">
        <legend className="form-section__title">What staff may grant</legend>
        <TypeChecklist label="PIN codes" types={accessTypes} value={draft.allowedTypes.pin} onChange={(pin) => set((d) => ({ allowedTypes: { ...d.allowedTypes, pin } }))} errorMessage={errors.at('allowedTypes.pin') ?? errors.at('allowedTypes')} />
        <TypeChecklist label="Bluetooth passes" types={bleTypes} value={draft.allowedTypes.ble} onChange={(ble) => set((d) => ({ allowedTypes: { ...d.allowedTypes, ble } }))} errorMessage={errors.at('allowedTypes.ble')} />
        <TypeChecklist label="A kiosk may grant" description="Only types staff may grant above." types={accessTypes} value={draft.kioskTypes} onChange={(kioskTypes) => set({ kioskTypes })} errorMessage={errors.at('kioskTypes')} />
      </fieldset>
      <fieldset className="form-section">
        <legend className="form-section__title">How long</legend>
        <div className="form-row">
          <WholeNumberField label="Longest temporary access (days)" value={draft.maxTemporaryDays} onChange={(maxTemporaryDays) => set({ maxTemporaryDays })} maxValue={guidelineLimits.maxTemporaryDays} description={`1 to ${guidelineLimits.maxTemporaryDays} days`} errorMessage={errors.at('maxTemporaryDays')} inputClassName="guidelines-form__number" />
          <WholeNumberField label="Delivery code open for (minutes)" value={draft.deliveryWindowMinutes} onChange={(deliveryWindowMinutes) => set({ deliveryWindowMinutes })} maxValue={guidelineLimits.maxDeliveryMinutes} description={`${guidelineLimits.minDeliveryMinutes} to ${guidelineLimits.maxDeliveryMinutes} minutes`} errorMessage={errors.at('deliveryWindowMinutes')} inputClassName="guidelines-form__number" />
        </div>
        <ChoiceField label="Delivery codes open" options={deliveryOptions} value={draft.deliveryOpens} onChange={(deliveryOpens) => set({ deliveryOpens })} errorMessage={errors.at('deliveryOpens')} />
      </fieldset>
      <fieldset className="form-section">
        <legend className="form-section__title">Approval</legend>
        <Checkbox className="check" isSelected={draft.vendorNeedsManagerApproval} onChange={(vendorNeedsManagerApproval) => set({ vendorNeedsManagerApproval })}>
          <span className="check__box" aria-hidden="true" />
          Vendor access needs an admin’s approval
        </Checkbox>
        <Text className="field__description">Leasing asks an admin, who approves or declines; an admin’s own vendor grants need none.</Text>
      </fieldset>
      {errors.general && <ErrorNotice error={save.error} title="The guidelines were not saved." />}
      <div className="form__actions">
        <Button className="button" isDisabled={unchanged || save.isPending} onPress={() => setDraft(community.guidelines)}>
          Discard changes
        </Button>
        <Button type="submit" className="button button--primary" isPending={save.isPending} isDisabled={unchanged}>
          {save.isPending ? 'Saving…' : 'Save guidelines'}
        </Button>
      </div>
    </Form>
  );
}
