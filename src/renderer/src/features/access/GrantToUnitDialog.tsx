import { useState } from 'react';
import { Button, DialogTrigger } from 'react-aria-components';
import type { Credential, UnitRow } from '../../../../shared/domain';
import { ModalDialog } from '../../components/ModalDialog';
import { GrantAccessForm } from '../unit-detail/GrantAccessForm';
import { UnitPicker } from './UnitPicker';

interface Props {
  onGranted: (credential: Credential) => void;
}

/** Granting from the front desk: find the unit, then the same grant form as the unit panel. */
export function GrantToUnitDialog({ onGranted }: Props) {
  return (
    <DialogTrigger>
      <Button className="button button--primary">Grant access</Button>
      <ModalDialog title="Grant access" size="wide">
        {(close) => <PickThenGrant close={close} onGranted={onGranted} />}
      </ModalDialog>
    </DialogTrigger>
  );
}

function PickThenGrant({ close, onGranted }: Props & { close: () => void }) {
  const [unit, setUnit] = useState<UnitRow | null>(null);
  if (!unit)
    return (
      <>
        <UnitPicker selectedUnitId={null} onPick={setUnit} />
        <div className="form__actions">
          <Button className="button" onPress={close}>
            Cancel
          </Button>
        </div>
      </>
    );
  return (
    <>
      <div className="picked-unit">
        <span>
          <strong>{`${unit.buildingName} ${unit.number}`}</strong> · Floor {unit.floor} · {unit.lockModel.name} lock
        </span>
        <Button className="button button--small" onPress={() => setUnit(null)}>
          Change unit
        </Button>
      </div>
      <GrantAccessForm
        key={unit.id}
        unit={unit}
        onCancel={close}
        onGranted={(credential) => {
          close();
          onGranted(credential);
        }}
      />
    </>
  );
}
