import { FormActions } from '../../components/FormActions';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useId, useRef, useState, type FormEvent } from 'react';
import { Checkbox, Form } from 'react-aria-components';
import { SyncSetupRequest, type SyncStatus } from '../../../../shared/domain';
import { useSetUpSync } from '../../api/mutations';
import { CommandError } from '../../api/porter-client';
import { ModalDialog } from '../../components/ModalDialog';
import { TextInputField } from '../../components/TextInputField';
import { formErrors } from '../access/grant-form/form-errors';
import '../../components/notices.css';
import './sync.css';

const fields = ['url', 'pairingCode', 'name'] as const;
type Field = (typeof fields)[number];

/**
 * The core's schema check names the field but says it the schema's way ("Invalid URL");
 * staff read what to type instead. Refusals from the cloud itself keep their own words.
 */
const malformed: Record<Field, string> = {
  url: 'Enter the cloud’s web address, starting with https:// (or http://), e.g. https://cloud.example.com.',
  pairingCode: 'Enter the pairing code the cloud’s operator gave you (4 to 64 characters).',
  name: 'Give this console a name of up to 100 characters.',
};

function fieldMessage(error: unknown, field: Field, shown: string | undefined): string | undefined {
  if (shown === undefined) return undefined;
  return error instanceof CommandError && error.code === 'invalid_input' ? malformed[field] : shown;
}

/** The setup form in its dialog: loaded when "Set up cloud sync…" is first pressed (see SyncSetupDialog). */
export function SyncSetupModal({ status }: { status: SyncStatus }) {
  return <ModalDialog title="Set up cloud sync">{(close) => <SyncSetupForm status={status} close={close} />}</ModalDialog>;
}

function SyncSetupForm({ status, close }: { status: SyncStatus; close: () => void }) {
  const setUp = useSetUpSync();
  const formRef = useRef<HTMLFormElement>(null);
  const kioskNoteId = useId();
  const [url, setUrl] = useState(status.cloudUrl ?? '');
  const [pairingCode, setPairingCode] = useState('');
  const [name, setName] = useState(status.consoleName ?? '');
  const [kiosk, setKiosk] = useState(false);
  const errors = formErrors(setUp.error, fields);

  // Typing again takes the last refusal away.
  const edit =
    <T,>(set: (value: T) => void) =>
    (value: T): void => {
      if (setUp.error) setUp.reset();
      set(value);
    };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setUp.mutate(
      { url: url.trim(), pairingCode, name, kiosk },
      {
        onSuccess: close,
        // A refusal about a field: focus goes there, where its message is.
        onError: (error) => {
          if (error.field && (fields as readonly string[]).includes(error.field))
            formRef.current?.querySelector<HTMLInputElement>(`input[name="${error.field}"]`)?.focus();
        },
      },
    );
  };

  return (
    <Form ref={formRef} className="form" onSubmit={submit}>
      <p className="dialog__text">
        Pair this console with the community’s cloud, so its changes reach the other consoles and theirs reach it.
      </p>
      <TextInputField
        label="Cloud address (URL)"
        name="url"
        value={url}
        onChange={edit(setUrl)}
        maxLength={SyncSetupRequest.shape.url.maxLength ?? undefined}
        isRequired
        requiredMessage="Enter the cloud’s web address."
        autoComplete="url"
        description="The cloud’s web address, e.g. https://cloud.example.com."
        errorMessage={fieldMessage(setUp.error, 'url', errors.at('url'))}
        autoFocus
      />
      <TextInputField
        label="Pairing code"
        name="pairingCode"
        value={pairingCode}
        onChange={edit(setPairingCode)}
        maxLength={SyncSetupRequest.shape.pairingCode.maxLength ?? undefined}
        isRequired
        requiredMessage="Enter the pairing code from the cloud’s operator."
        autoComplete="off"
        description='From the cloud’s operator: npm run cloud -- --pair "Front desk"'
        errorMessage={fieldMessage(setUp.error, 'pairingCode', errors.at('pairingCode'))}
      />
      <TextInputField
        label="This console’s name"
        name="name"
        value={name}
        onChange={edit(setName)}
        maxLength={SyncSetupRequest.shape.name.maxLength ?? undefined}
        isRequired
        requiredMessage="Give this console a name, e.g. Front desk."
        autoComplete="off"
        description="How the other consoles’ activity logs name this one, e.g. Front desk."
        errorMessage={fieldMessage(setUp.error, 'name', errors.at('name'))}
      />
      <div className="sync-setup__kiosk">
        <Checkbox className="check" isSelected={kiosk} onChange={edit(setKiosk)} aria-describedby={kioskNoteId}>
          <span className="check__box" aria-hidden="true" />
          This console is a kiosk
        </Checkbox>
        <span id={kioskNoteId} className="field__description">
          The cloud lets a kiosk change only the access it granted itself.
        </span>
      </div>
      <p className="sync-setup__keychain">
        The console’s token is kept in the operating system’s keychain.
      </p>
      {errors.general && <ErrorNotice error={setUp.error} title="Cloud sync was not set up." />}
      <FormActions onCancel={close} submit={setUp.isPending ? 'Pairing…' : 'Pair console'} pending={setUp.isPending} />
    </Form>
  );
}
