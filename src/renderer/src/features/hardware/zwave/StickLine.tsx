import type { ReactNode } from 'react';
import type { LiveNetworkOverview } from '../../../../../shared/domain';
import { errorMessage, useChooseStick } from '../../../api/mutations';
import { SelectField } from '../../../components/SelectField';
import { StatusBadge } from '../../../components/StatusBadge';
import { networkStateWord } from './live-lock-words';

/**
 * The stick in use (its label, its serial port, simulated or not) and its network's id, a picker
 * in its place when this computer has more than one, and why it is not ready when it is not.
 * `children`: the network's actions, at the end of the line.
 */
export function StickLine({ data, children }: { data: LiveNetworkOverview; children?: ReactNode }) {
  const choose = useChooseStick();
  const { network, sticks } = data;
  const state = networkStateWord(data.state);
  // While the only stick opens, the line says so ("Opening …") rather than offering an empty picker.
  const canChoose = sticks.length > 1 || (network === null && sticks.length > 0 && data.state !== 'opening');
  const note = !canChoose && (data.state === 'no_stick' || data.state === 'opening') ? data.message : null;
  // Nothing to say on the line: no stick and no news of one (what to plug in follows).
  const empty = !network && !canChoose && !note && data.state === 'no_stick';
  return (
    <>
      {!empty && (
        <div className="device-line zw-stick">
          {canChoose ? (
            <SelectField
              label="Stick"
              options={sticks.map((s) => ({ id: s.path, label: `${s.label} · ${s.path}${s.simulated ? ' (simulated)' : ''}` }))}
              value={network?.path ?? ''}
              onChange={(path) => path !== network?.path && choose.mutate({ path })}
              isDisabled={choose.isPending}
            />
          ) : (
            network && (
              <>
                <span className="device-line__label">Stick</span>
                <strong>{network.simulated ? 'Simulated Z-Wave stick' : network.label}</strong>
                <code className="zw-stick__path">{network.path}</code>
              </>
            )
          )}
          {network?.simulated && <StatusBadge tone="accent">Simulated</StatusBadge>}
          {(network || data.state !== 'no_stick') && <StatusBadge tone={state.tone}>{state.text}</StatusBadge>}
          {network && (
            <span className="zw-stick__network">
              <span className="device-line__label">Network</span> <code>{network.networkId}</code>
            </span>
          )}
          {!network && canChoose && <span className="muted">Choose the stick to use.</span>}
          {/* "The Z-Wave stick was unplugged.": what to do follows under the line. */}
          {note && <span className="muted">{note}</span>}
          {children}
        </div>
      )}
      {data.message && data.state === 'lost' && <p className="device-line__message">{data.message}</p>}
      {choose.error && (
        <p role="alert" className="device-line__message">
          The stick was not changed. {errorMessage(choose.error)}
        </p>
      )}
    </>
  );
}
