import { Button, Disclosure, DisclosurePanel } from 'react-aria-components';
import type { Credential } from '../../../../shared/domain';
import { doorSummary, isLive, orderedDoors } from '../../components/credential-status';
import { doorKindLabel } from '../../components/labels';

/**
 * Every door a credential opens, folded to "Unit door + 5 common doors" and expandable to
 * the list. An ended credential says it was taken off them.
 */
export function CredentialDoors({ credential }: { credential: Credential }) {
  const live = isLive(credential);
  const doors = orderedDoors(credential.doors);
  return (
    <Disclosure className="credential-doors">
      <Button slot="trigger" className="credential-doors__trigger">
        <span className="credential-doors__chevron" aria-hidden="true" />
        <span>
          <span className="credential__label">{live ? 'Opens' : 'No longer opens'}</span>{' '}
          <span className="credential-doors__summary">{doorSummary(doors)}</span>
        </span>
      </Button>
      <DisclosurePanel className="credential-doors__panel">
        <ul className="credential-doors__list" aria-label={`Doors of ${credential.guest.name}`}>
          {doors.map((door) => (
            <li key={door.id} className="credential-doors__door">
              <span>{door.name}</span>
              <span className="credential-doors__kind">{doorKindLabel(door.kind)}</span>
            </li>
          ))}
        </ul>
      </DisclosurePanel>
    </Disclosure>
  );
}
