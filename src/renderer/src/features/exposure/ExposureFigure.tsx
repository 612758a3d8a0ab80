import { memo } from 'react';
import { exposureFigure, spanWords } from '../../../../shared/domain/exposure-words';
import { useRevocationExposure } from '../../api/queries';
import { useCommunityTime } from '../../components/community-time';
import { useCan } from '../../components/permissions';
import { useNow } from '../hardware/useNow';

/**
 * The Units page's one figure for revocation exposure ("3 ended codes still open 7 doors; the
 * oldest for 2 days"), opening onto the longest exposed ended credentials (the first 100) and the doors still holding each.
 */
/** Memoized: the Units page draws again on every keystroke in its search; the figure need not. */
export const ExposureFigure = memo(function ExposureFigure({ afterRows }: { afterRows: boolean }) {
  const may = useCan('access.exposure') === true;
  // Asked once the grid's first rows are in: the core answers one call at a time, rows first.
  const exposure = useRevocationExposure(null, may && afterRows);
  const time = useCommunityTime();
  const nowIso = new Date(useNow(60_000)).toISOString();
  if (!may) return null;
  // Its line is kept from the first paint, so the filters and the grid below do not move when the
  // figure comes (it is asked after the rows).
  if (!exposure.data) return <p className="exposure-figure" aria-hidden="true">{'\u00a0'}</p>;
  const e = exposure.data;
  const figure = exposureFigure(e, nowIso);
  if (e.credentialCount === 0) return <p className="exposure-figure muted" aria-label="Revocation exposure">{figure}</p>;
  return (
    <details className="exposure-figure" aria-label="Revocation exposure">
      <summary>{figure}</summary>
      <ul>
        {e.credentials.map((c) => (
          <li key={c.credentialId}>
            {c.guestName}, {c.unitLabel}, ended <time dateTime={c.endedAt}>{time.dateTime(c.endedAt)}</time>:{' '}
            {c.doors.map((d) => `${d.doorName} since ${spanWords(d.since, nowIso)}${d.link === 'live' ? ' (Z-Wave queue)' : ''}`).join(', ')}
          </li>
        ))}
      </ul>
      {e.credentialCount > e.credentials.length && (
        <p className="muted">
          and {(e.credentialCount - e.credentials.length).toLocaleString()} more; each unit’s panel names its own, and the Hardware page’s round takes the longest exposed doors first.
        </p>
      )}
    </details>
  );
});
