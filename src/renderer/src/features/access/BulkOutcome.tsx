import { useEffect, useRef } from 'react';
import { Button } from 'react-aria-components';
import type { BulkGrantResult } from '../../../../shared/domain';
import { useSecondPressGuard } from '../../components/useSecondPressGuard';
import { credentialKindLabel } from '../../components/labels';

interface Props {
  result: BulkGrantResult;
  what: string;
  onDone: () => void;
}

/** The outcome per unit: how many were granted, and each refused unit with the reason its lock or the guidelines gave. */
export function BulkOutcome({ result, what, onDone }: Props) {
  const { granted, refused, leftOut } = result;
  const summary = useRef<HTMLParagraphElement>(null);
  // Focus on what happened, not on Done: a second Enter does nothing, Tab reaches Done.
  useEffect(() => summary.current?.focus(), []);
  // The second click of a double click on "Grant to 12 units" may land on Done: Done rests through it.
  const { resting } = useSecondPressGuard(true);
  return (
    <div className="bulk-outcome">
      <p ref={summary} tabIndex={-1} className="bulk-outcome__summary" role="status">
        <strong>
          {granted.length} {granted.length === 1 ? 'unit' : 'units'} granted
        </strong>
        {refused.length > 0 && `, ${refused.length} refused`}
        {leftOut.length > 0 && `, ${leftOut.length} left out`}. {what}
      </p>
      {result.visit && granted.length > 0 && (
        <p className="bulk-outcome__visit">
          One {credentialKindLabel(result.visit.kind)} and one text went to {result.visit.guestName} for {granted.length === 1 ? 'this unit' : `all ${granted.length} units`}: they share it as one visit,
          and revoking it on any unit ends the whole visit.
        </p>
      )}
      <UnitsWithReasons id="bulk-refused" heading="Refused" listLabel="Refused units" units={refused} />
      <UnitsWithReasons id="bulk-left-out" heading="Left out" listLabel="Units left out" units={leftOut} />
      {granted.length > 0 && (
        <section aria-labelledby="bulk-granted-heading">
          <h4 className="bulk-outcome__heading" id="bulk-granted-heading">
            Granted ({granted.length})
          </h4>
          <p className="bulk-outcome__granted">{granted.map((unit) => unit.unitLabel).join(', ')}</p>
        </section>
      )}
      <div className="form__actions">
        <Button className="button button--primary" onPress={onDone} isDisabled={resting}>
          Done
        </Button>
      </div>
    </div>
  );
}

/** Units the run did not grant, each with why; nothing when there are none. */
function UnitsWithReasons({ id, heading, listLabel, units }: { id: string; heading: string; listLabel: string; units: { unitId: string; unitLabel: string; reason: string }[] }) {
  if (units.length === 0) return null;
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h4 className="bulk-outcome__heading" id={`${id}-heading`}>
        {heading} ({units.length})
      </h4>
      <ul className="bulk-outcome__list" aria-label={listLabel}>
        {units.map((unit) => (
          <li key={unit.unitId} className="bulk-outcome__refused">
            <span className="bulk-outcome__unit">{unit.unitLabel}</span>
            <span className="bulk-outcome__reason">{unit.reason}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
