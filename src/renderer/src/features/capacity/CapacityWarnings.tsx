import type { CapacityWarning } from '../../../../shared/domain';
import { useCommunityTime } from '../../components/community-time';
import { endFirstText, rateText, slots, usedAndFree } from './capacity-words';
import './capacity.css';

interface Props {
  warnings: readonly CapacityWarning[] | undefined;
  /** "this grant" or "this bulk grant". */
  what: string;
}

/**
 * In the grant and bulk forms: the doors this grant would take to within a few slots of full
 * (or past it), each with its figures and the credentials staff could end first. It warns; the
 * core refuses only when a door has no guest slot left.
 */
export function CapacityWarnings({ warnings, what }: Props) {
  const time = useCommunityTime();
  if (!warnings || warnings.length === 0) return null;
  return (
    <section className="form-section capacity-warning" aria-label="Doors near full">
      <h3 className="form-section__title">Doors near full</h3>
      <ul className="capacity-warning__list">
        {warnings.map((w) => {
          const c = w.capacity;
          return (
            <li key={c.door.id} className="capacity-warning__door" data-over={w.freeAfter < 0 || undefined}>
              <span className="capacity-warning__head">
                <strong>{c.door.name}</strong>{' '}
                {w.freeAfter < 0
                  ? `cannot take all of ${what}: it needs ${slots(w.needed)} and ${c.free} ${c.free === 1 ? 'is' : 'are'} free for guests.`
                  : `will have ${slots(w.freeAfter)} free for guests after ${what}.`}
              </span>
              <span className="capacity-warning__facts">
                {usedAndFree(c)} · {rateText(c)}
                {c.runsOutAt && w.freeAfter >= 0 && ` · at that rate full by ${time.dateTime(c.runsOutAt)}`}
              </span>
              {w.endFirst.length > 0 ? (
                <div className="capacity-warning__end-first">
                  <span>End first:</span>
                  <ul>
                    {w.endFirst.map((e) => (
                      <li key={e.credentialId}>{endFirstText(e, time.dateTime)}</li>
                    ))}
                  </ul>
                </div>
              ) : (
                <span className="capacity-warning__facts">Every credential on it is permanent: ending one is the unit’s decision.</span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
