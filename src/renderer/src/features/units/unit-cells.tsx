import type { ReactNode } from 'react';
import type { UnitRow, UnitSortColumn } from '../../../../shared/domain';
import { doorLowBatteryPercent } from '../../../../shared/domain/values';
import { doorStatusLabel } from '../../components/labels';
import '../../components/badges.css';
import { CredentialChips } from './CredentialChips';

/** Formats an instant in the community's zone ("Mar 4, 2:05 PM"); one for the whole grid. */
export type FormatDateTime = (iso: string) => string;

/**
 * The door status as DoorStatusBadge draws it, with the grid's one formatter passed in: the
 * badge reads the community's zone through a query hook, which costs every row as it mounts.
 */
function DoorStatusCell({ unit, dateTime }: { unit: UnitRow; dateTime: FormatDateTime }) {
  const text = unit.doorStatus === 'pending' && unit.pendingSince ? `Pending since ${dateTime(unit.pendingSince)}` : doorStatusLabel(unit.doorStatus);
  return (
    <span className="door-status" data-status={unit.doorStatus} title={text}>
      <span className="door-status__dot" aria-hidden="true" />
      <span className="door-status__text">{text}</span>
      {unit.doorBatteryPercent !== null && unit.doorBatteryPercent < doorLowBatteryPercent && <LowBatteryMark percent={unit.doorBatteryPercent} />}
    </span>
  );
}

/** A quiet mark beside the door's status: its lock reported a low battery (the Hardware page says which). */
function LowBatteryMark({ percent }: { percent: number }) {
  const label = `Low battery: ${percent} %`;
  return (
    <span className="door-battery" role="img" aria-label={label} title={label}>
      <svg viewBox="0 0 16 10" width="16" height="10" aria-hidden="true">
        <rect x="0.75" y="0.75" width="12.5" height="8.5" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <rect x="14" y="3" width="1.5" height="4" rx="0.5" fill="currentColor" />
        <rect x="2.5" y="2.5" width="2.5" height="5" rx="0.5" fill="currentColor" />
      </svg>
    </span>
  );
}

/** What each column's cell shows for a unit, by column id (unit-columns.tsx). */
export const unitCells: Record<UnitSortColumn, (unit: UnitRow, dateTime: FormatDateTime) => ReactNode> = {
  unit: (unit) => unit.number,
  building: (unit) => unit.buildingName,
  floor: (unit) => String(unit.floor),
  lockModel: (unit) => unit.lockModel.name,
  credentialCount: (unit) => <CredentialChips chips={unit.chips} />,
  doorStatus: (unit, dateTime) => <DoorStatusCell unit={unit} dateTime={dateTime} />,
};
