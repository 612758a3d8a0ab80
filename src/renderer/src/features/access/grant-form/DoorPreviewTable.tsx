import type { DoorPreview } from '../../../../../shared/domain';
import { doorKindLabel } from '../../../components/labels';

export type PreviewRow = DoorPreview & { units?: number };

interface Props {
  rows: readonly PreviewRow[];
  /** "this grant" or "each unit": whose slots the Slot column names. */
  bulk?: boolean;
}

const keptByWords: Record<DoorPreview['schedule']['keptBy'], string> = {
  lock: 'Kept by the lock',
  porter: 'Kept by Porter',
  both: 'Kept by the lock and Porter',
};

/**
 * "What each door will hold": one row per door the credential would reach, with the slot its
 * lock would store it in, the schedule as that lock will run it (community time), anything the
 * lock cannot represent and what Porter does instead, and how it gets there.
 */
export function DoorPreviewTable({ rows, bulk = false }: Props) {
  const approximated = rows.some((r) => r.canHold && r.approximations.length > 0);
  return (
    <>
      <table className="data-table door-preview__table" aria-label="What each door will hold">
        <colgroup>
          <col className="door-preview__col-door" />
          <col className="door-preview__col-slot" />
          <col />
          <col className="door-preview__col-path" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Door</th>
            <th scope="col" className="num">
              Slot
            </th>
            <th scope="col">Schedule as the lock runs it</th>
            <th scope="col">Gets there</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.door.id}|${row.units ?? 1}`} data-cannot-hold={row.canHold ? undefined : ''}>
              <th scope="row">
                <span className="door-preview__door">{row.door.name}</span>{' '}
                <span className="door-preview__meta">
                  {doorKindLabel(row.door.kind)} · {row.lockModel}
                  {bulk && row.door.kind !== 'unit' && row.units ? ` · ${row.units} ${row.units === 1 ? 'unit' : 'units'}` : ''}
                </span>
              </th>
              <td className="num">{row.canHold ? (row.slot ?? 'Next free') : '—'}</td>
              <td>
                {row.canHold ? (
                  <>
                    <span>{row.schedule.words}</span>{' '}
                    <span className="door-preview__meta">{keptByWords[row.schedule.keptBy]}</span>
                    {row.approximations.map((a) => (
                      <span key={a.what} className="door-preview__approx">
                        {' '}
                        {a.what} {a.porterDoes}.
                      </span>
                    ))}
                  </>
                ) : (
                  <span className="door-preview__cannot">Cannot hold it: {row.reason}</span>
                )}
              </td>
              <td>{row.delivery.words}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {approximated && (
        <p className="door-preview__note">
          Porter makes these changes while this console runs. If it is off when one is due, it catches up as soon as it starts: a code whose time
          has come is added, and one whose time has ended is removed.
        </p>
      )}
    </>
  );
}
