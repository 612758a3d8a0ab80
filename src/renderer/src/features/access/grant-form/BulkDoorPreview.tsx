import type { BulkAccessPreview } from '../../../../../shared/domain';
import { DoorPreviewTable } from './DoorPreviewTable';

export const bulkRefusalId = 'bulk-door-preview-refusal';

interface Props {
  data: BulkAccessPreview | undefined;
  error: Error | null;
  leaveOut: boolean;
  onLeaveOutChange: (leaveOut: boolean) => void;
}

/** Units named before "and N more" under the leave-out choice. */
const shownUnits = 5;

/**
 * The bulk form's "What each door will hold": the doors of the units that can hold it (unit
 * doors alike in one row), then the units that cannot, and the choice to leave them out.
 */
export function BulkDoorPreview({ data, error, leaveOut, onLeaveOutChange }: Props) {
  if (!data && !error) return null;
  if (error || !data)
    return (
      <section className="form-section door-preview" aria-label="What each door will hold">
        <h3 className="form-section__title">What each door will hold</h3>
        <p className="door-preview__note">{error?.message}</p>
      </section>
    );
  const { units, cannotHold, doors } = data;
  const can = units.length - cannotHold.length;
  return (
    <section className="form-section door-preview" aria-label="What each door will hold">
      <h3 className="form-section__title">What each door will hold</h3>
      <p className="door-preview__note">
        {can} of {units.length} {units.length === 1 ? 'unit' : 'units'} can hold it.
      </p>
      {doors.length > 0 && <DoorPreviewTable rows={doors} bulk />}
      {cannotHold.length > 0 && (
        <div className="door-preview__cannot-units">
          <p className="door-preview__refusal" id={leaveOut ? undefined : bulkRefusalId} role="status">
            {cannotHold.length} {cannotHold.length === 1 ? 'unit cannot' : 'units cannot'} hold it
            {leaveOut ? ': they will be left out.' : ': leave them out, or change the type or dates.'}
          </p>
          <ul className="door-preview__units" aria-label="Units that cannot hold it">
            {cannotHold.slice(0, shownUnits).map((u) => (
              <li key={u.unitId}>
                {/* A unit door's reason starts with the unit's name already. */}
                <strong>{u.unitLabel}</strong>
                {u.reason.startsWith(u.unitLabel) ? u.reason.slice(u.unitLabel.length) : `: ${u.reason}`}
              </li>
            ))}
            {cannotHold.length > shownUnits && <li>and {cannotHold.length - shownUnits} more</li>}
          </ul>
          {can > 0 && (
            <label className="door-preview__leave-out">
              <input type="checkbox" checked={leaveOut} onChange={(e) => onLeaveOutChange(e.target.checked)} /> Leave out the{' '}
              {cannotHold.length === 1 ? 'unit' : `${cannotHold.length} units`} that cannot hold it
            </label>
          )}
        </div>
      )}
    </section>
  );
}
