import type { BluetoothOverview } from '../../../../shared/domain';
import { errorMessage, useChooseDongle } from '../../api/mutations';
import { SelectField } from '../../components/SelectField';
import { StatusBadge } from '../../components/StatusBadge';
import { dongleOptionLabel, noDongleText, scanStateLabel, scanStateTone, transportLabel } from './bluetooth-labels';

/**
 * The BLE dongle in use (simulated or not, scanning or not), a picker in its place when this
 * computer has more than one, and what to do when it has none or the one in use fails.
 */
export function DongleLine({ data, isDisabled }: { data: BluetoothOverview; isDisabled: boolean }) {
  const choose = useChooseDongle();
  const { dongle, dongles, state } = data;
  const canChoose = dongles.length > 1 || (dongle === null && dongles.length > 0);
  return (
    <>
      <div className="device-line bt-dongle">
        {canChoose ? (
          <SelectField
            label="Dongle"
            options={dongles.map((d) => ({ id: d.id, label: dongleOptionLabel(d) }))}
            value={dongle?.id ?? ''}
            onChange={(dongleId) => dongleId !== dongle?.id && choose.mutate({ dongleId })}
            isDisabled={isDisabled || choose.isPending}
          />
        ) : (
          dongle && (
            <>
              <span className="device-line__label">Dongle</span>
              <strong>{dongle.label}</strong>
              <span className="muted">{transportLabel(dongle.transport)}</span>
            </>
          )
        )}
        {dongle && dongle.simulated && <StatusBadge tone="accent">Simulated</StatusBadge>}
        {dongle && <StatusBadge tone={scanStateTone(state)}>{scanStateLabel(state)}</StatusBadge>}
        {!dongle && (
          <p className="device-line__none">
            {/* "The dongle was unplugged.", then what to do. */}
            {state === 'no_dongle' && data.message && <>{data.message} </>}
            {canChoose ? 'Choose the dongle to use.' : noDongleText}
          </p>
        )}
      </div>
      {state === 'error' && data.message && <p className="device-line__message">{data.message}</p>}
      {choose.error && (
        <p role="alert" className="device-line__message">
          The dongle was not changed. {errorMessage(choose.error)}
        </p>
      )}
    </>
  );
}
