import type { UnitRow } from '../../../../shared/domain';
import { CredentialKindChips } from '../../components/CredentialKindChips';
import { DoorStatusBadge } from '../../components/DoorStatusBadge';

/** The unit at a glance: where it is, its lock, its door's sync state. */
export function UnitFacts({ unit }: { unit: UnitRow }) {
  return (
    <dl className="facts">
      <div className="facts__item">
        <dt>Building</dt>
        <dd>{unit.buildingName}</dd>
      </div>
      <div className="facts__item">
        <dt>Floor</dt>
        <dd>{unit.floor}</dd>
      </div>
      <div className="facts__item">
        <dt>Lock model</dt>
        <dd>{unit.lockModel.name}</dd>
      </div>
      <div className="facts__item facts__item--wide">
        <dt>Door status</dt>
        <dd>
          <DoorStatusBadge status={unit.doorStatus} pendingSince={unit.pendingSince} />
        </dd>
      </div>
      <div className="facts__item facts__item--wide">
        <dt>Active credentials</dt>
        <dd>
          <CredentialKindChips kinds={unit.kinds} />
        </dd>
      </div>
    </dl>
  );
}
