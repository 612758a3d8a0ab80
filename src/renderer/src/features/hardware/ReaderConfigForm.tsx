import type { Time } from '@internationalized/date';
import { FormActions } from '../../components/FormActions';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useId, useState, type FormEvent } from 'react';
import { Button, Checkbox, CheckboxGroup, FieldError, Form, Group, Label } from 'react-aria-components';
import type { ReaderConfig, Weekday } from '../../../../shared/domain';
import { useConfigureReader } from '../../api/mutations';
import { SelectField } from '../../components/SelectField';
import { TimeInputField } from '../../components/TimeInputField';
import { fromLocalTime, toLocalTime } from '../../components/wall-clock';
import { WeekdayField } from '../../components/WeekdayField';
import { WholeNumberField } from '../../components/WholeNumberField';
import { formErrors } from '../access/grant-form/form-errors';
import { cardFormatOptions, ledOptions } from './hardware-labels';

interface HoursDraft {
  key: number;
  days: Weekday[];
  from: Time | null;
  until: Time | null;
}

interface Draft {
  osdpAddress: number;
  cardFormats: ReaderConfig['cardFormats'];
  led: ReaderConfig['led'];
  buzzerOnGrant: boolean;
  buzzerOnDeny: boolean;
  hours: HoursDraft[];
}

const maxHours = 8;
let nextKey = 1;

function toDraft(config: ReaderConfig): Draft {
  return {
    osdpAddress: config.osdpAddress,
    cardFormats: config.cardFormats,
    led: config.led,
    buzzerOnGrant: config.buzzerOnGrant,
    buzzerOnDeny: config.buzzerOnDeny,
    hours: config.unlockedHours.map((h) => ({ key: nextKey++, days: h.days, from: fromLocalTime(h.from), until: fromLocalTime(h.until) })),
  };
}

function fromDraft(draft: Draft): ReaderConfig | null {
  if (draft.hours.some((h) => h.days.length === 0 || !h.from || !h.until)) return null;
  return {
    osdpAddress: draft.osdpAddress,
    cardFormats: draft.cardFormats,
    led: draft.led,
    buzzerOnGrant: draft.buzzerOnGrant,
    buzzerOnDeny: draft.buzzerOnDeny,
    unlockedHours: draft.hours.map((h) => ({ days: h.days, from: toLocalTime(h.from!), until: toLocalTime(h.until!) })),
  };
}

const shownFields = [
  'config.osdpAddress',
  'config.cardFormats',
  'config.led',
  ...Array.from({ length: maxHours }, (_, i) => [`config.unlockedHours.${i}.days`, `config.unlockedHours.${i}.from`, `config.unlockedHours.${i}.until`]).flat(),
];

interface Props {
  programmerId: string;
  initial: ReaderConfig;
  close: () => void;
}

/** A perimeter reader's settings as the reader holds them; saving writes them to it as a job. */
export function ReaderConfigForm({ programmerId, initial, close }: Props) {
  const configure = useConfigureReader();
  const [draft, setDraft] = useState(() => toDraft(initial));
  const errors = formErrors(configure.error, shownFields);
  const buzzerId = useId();
  const set = (patch: Partial<Draft>) => {
    configure.reset();
    setDraft((d) => ({ ...d, ...patch }));
  };
  const setHours = (key: number, patch: Partial<HoursDraft>) =>
    set({ hours: draft.hours.map((h) => (h.key === key ? { ...h, ...patch } : h)) });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const config = fromDraft(draft);
    if (!config) return; // the fields say what is missing
    configure.mutate({ programmerId, config }, { onSuccess: close });
  };

  return (
    <Form className="form reader-form" onSubmit={submit}>
      <div className="form-row">
        <WholeNumberField
          label="OSDP address"
          value={draft.osdpAddress}
          onChange={(osdpAddress) => set({ osdpAddress })}
          maxValue={126}
          errorMessage={errors.at('config.osdpAddress')}
          inputClassName="reader-form__address"
        />
        <SelectField
          label="LED"
          options={ledOptions}
          value={draft.led}
          onChange={(led) => set({ led: led as ReaderConfig['led'] })}
        />
      </div>

      <CheckboxGroup
        className="field"
        value={draft.cardFormats}
        onChange={(formats) => set({ cardFormats: cardFormatOptions.map((o) => o.id).filter((id) => formats.includes(id)) })}
        isInvalid={errors.at('config.cardFormats') ? true : undefined}
      >
        <Label className="field__label">Card formats</Label>
        <div className="checks">
          {cardFormatOptions.map((option) => (
            <Checkbox key={option.id} value={option.id} className="check">
              <span className="check__box" aria-hidden="true" />
              {option.label}
            </Checkbox>
          ))}
        </div>
        <FieldError className="field__error">{errors.at('config.cardFormats')}</FieldError>
      </CheckboxGroup>

      <div className="field" role="group" aria-labelledby={buzzerId}>
        <span id={buzzerId} className="field__label">
          Buzzer
        </span>
        <div className="checks">
          <Checkbox className="check" isSelected={draft.buzzerOnGrant} onChange={(buzzerOnGrant) => set({ buzzerOnGrant })}>
            <span className="check__box" aria-hidden="true" />
            Beep when access is granted
          </Checkbox>
          <Checkbox className="check" isSelected={draft.buzzerOnDeny} onChange={(buzzerOnDeny) => set({ buzzerOnDeny })}>
            <span className="check__box" aria-hidden="true" />
            Beep when access is denied
          </Checkbox>
        </div>
      </div>

      <fieldset className="unlocked-hours">
        <legend className="field__label">Unlocked hours (free access, community time)</legend>
        {draft.hours.length === 0 && <p className="muted">None: the door stays locked and opens only for credentials.</p>}
        {draft.hours.map((h, i) => (
          <Group key={h.key} className="unlocked-hours__row" aria-label={`Unlocked hours ${i + 1}`}>
            <WeekdayField
              label="Days"
              value={h.days}
              onChange={(days) => setHours(h.key, { days })}
              errorMessage={errors.at(`config.unlockedHours.${i}.days`)}
            />
            <TimeInputField
              label="From"
              value={h.from}
              onChange={(from) => setHours(h.key, { from })}
              isRequired
              errorMessage={errors.at(`config.unlockedHours.${i}.from`)}
            />
            <TimeInputField
              label="Until"
              value={h.until}
              onChange={(until) => setHours(h.key, { until })}
              isRequired
              errorMessage={errors.at(`config.unlockedHours.${i}.until`)}
            />
            <Button
              className="button button--small button--danger-quiet unlocked-hours__remove"
              aria-label={`Remove unlocked hours ${i + 1}`}
              onPress={() => set({ hours: draft.hours.filter((x) => x.key !== h.key) })}
            >
              Remove
            </Button>
          </Group>
        ))}
        <div>
          <Button
            className="button button--small"
            isDisabled={draft.hours.length >= maxHours}
            onPress={() =>
              set({
                hours: [
                  ...draft.hours,
                  { key: nextKey++, days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: fromLocalTime('08:00'), until: fromLocalTime('18:00') },
                ],
              })
            }
          >
            Add unlocked hours
          </Button>
          {draft.hours.length >= maxHours && <span className="muted"> A reader holds up to {maxHours}.</span>}
        </div>
      </fieldset>

      {errors.general && <ErrorNotice error={configure.error} title="The configuration was not written." />}
      <FormActions onCancel={close} submit="Write to reader" pending={configure.isPending} />
    </Form>
  );
}
