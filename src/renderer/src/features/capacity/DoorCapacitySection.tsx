import { useId, useState } from 'react';
import { Button } from 'react-aria-components';
import { useCapacityOverview } from '../../api/capacity';
import { useCommunityTime } from '../../components/community-time';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LoadingState } from '../../components/LoadingState';
import { useCan } from '../../components/permissions';
import { ReservedSlotsForm } from './ReservedSlotsForm';
import { slotSource } from './capacity-words';
import './capacity.css';

const firstShown = 10;

/**
 * The Hardware page's door capacity: the fullest doors first, with slots used and free (the
 * lock's own count where a live lock reported one), the grant rate of the last four weeks and
 * when the door runs out at that rate; an admin sets the slots each lock model keeps for staff.
 */
export function DoorCapacitySection() {
  const headingId = useId();
  const [limit, setLimit] = useState(firstShown);
  const overview = useCapacityOverview(limit);
  const mayReserve = useCan('capacity.setReserved') === true;
  const time = useCommunityTime();
  const data = overview.data;
  return (
    <section className="card" aria-labelledby={headingId}>
      <header className="hw-section__head">
        <h3 id={headingId} className="hw-section__title">
          Door capacity
        </h3>
        {data && (
          <span className="muted">
            {data.nearFullCount.toLocaleString()} of {data.doorCount.toLocaleString()} doors near full · fullest first · rate over the last 4 weeks
          </span>
        )}
      </header>
      {overview.isPending && <LoadingState />}
      {overview.error && <ErrorNotice error={overview.error} title="Could not weigh the doors’ slots." />}
      {data && (
        <>
          <table className="data-table" aria-labelledby={headingId}>
            <thead>
              <tr>
                <th scope="col">Door</th>
                <th scope="col">Building</th>
                <th scope="col">Model</th>
                <th scope="col" className="num">Used</th>
                <th scope="col" className="num">Kept for staff</th>
                <th scope="col" className="num">Free for guests</th>
                <th scope="col" className="num">Granted a week</th>
                <th scope="col">Full by</th>
              </tr>
            </thead>
            <tbody>
              {data.doors.map((c) => (
                <tr key={c.door.id} data-near-full={c.nearFull || undefined}>
                  <th scope="row">{c.door.name}</th>
                  <td>{c.buildingName ?? <span className="muted">Grounds</span>}</td>
                  <td>{c.modelName}</td>
                  <td className="num capacity-meter">
                    {c.used.toLocaleString()} of {c.total.toLocaleString()} <span className="muted">({slotSource(c)})</span>
                    {c.otherCodesOnLock > 0 && <span className="muted"> · {c.otherCodesOnLock} other codes on the lock</span>}
                  </td>
                  <td className="num">{c.reserved.toLocaleString()}</td>
                  <td className="num">{c.nearFull ? <strong>{c.free.toLocaleString()}</strong> : c.free.toLocaleString()}</td>
                  <td className="num">
                    {c.grantsPerWeek.toLocaleString()} <span className="muted">({c.endsPerWeek.toLocaleString()} ended)</span>
                  </td>
                  <td>{c.free === 0 ? <strong>Full</strong> : c.runsOutAt ? time.dateTime(c.runsOutAt) : <span className="muted">Not filling</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {data.doorCount > data.doors.length && (
            <Button className="button button--small" onPress={() => setLimit((l) => l + 40)}>
              Show more doors
            </Button>
          )}
          {mayReserve && <ReservedSlotsForm reservations={data.reservations} />}
        </>
      )}
    </section>
  );
}
