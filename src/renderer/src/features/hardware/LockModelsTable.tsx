import type { HardwareOverview, LockCapabilities } from '../../../../shared/domain';
import { credentialKindShort } from '../../components/labels';

function scheduleText(kinds: LockCapabilities['scheduleKinds']): string {
  if (kinds.length === 0) return 'None';
  const names = { week_day: 'Week day', year_day: 'Year day', one_time: 'One time' } as const;
  return kinds.map((k) => names[k]).join(', ');
}

/** Lock and reader models in service, what each can hold, and how many doors carry it. */
export function LockModelsTable({ models, labelledBy }: { models: HardwareOverview['models']; labelledBy: string }) {
  return (
    <table className="data-table" aria-labelledby={labelledBy}>
      <thead>
        <tr>
          <th scope="col">Model</th>
          <th scope="col">Maker</th>
          <th scope="col">Role</th>
          <th scope="col">Credentials</th>
          <th scope="col">PIN length</th>
          <th scope="col" className="num">Slots</th>
          <th scope="col">Schedules</th>
          <th scope="col">Enter key</th>
          <th scope="col" className="num">Doors</th>
        </tr>
      </thead>
      <tbody>
        {models.map(({ model, doorCount }) => {
          const caps = model.capabilities;
          return (
            <tr key={model.id}>
              <th scope="row">{model.name}</th>
              <td>{model.maker}</td>
              <td>{model.role === 'unit_lock' ? 'Unit lock' : 'Reader'}</td>
              <td>
                <span className="chips">
                  {caps.credentialKinds.map((kind) => (
                    <span key={kind} className="chip" data-kind={kind}>
                      {credentialKindShort(kind)}
                    </span>
                  ))}
                </span>
              </td>
              <td>{caps.pinLength ? `${caps.pinLength.min}–${caps.pinLength.max} digits` : '—'}</td>
              <td className="num">{caps.slots}</td>
              <td>{scheduleText(caps.scheduleKinds)}</td>
              <td>{caps.hasEnterKey ? 'Yes' : 'No'}</td>
              <td className="num">{doorCount.toLocaleString()}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
