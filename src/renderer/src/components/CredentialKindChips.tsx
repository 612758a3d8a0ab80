import './badges.css';

interface Props {
  kinds: { pin: number; ble: number };
}

/** "2 PIN · 1 BLE" as small chips; a dash when the unit has no active credential. */
export function CredentialKindChips({ kinds }: Props) {
  const chips = [
    { key: 'pin', count: kinds.pin, short: 'PIN', long: 'PIN code' },
    { key: 'ble', count: kinds.ble, short: 'BLE', long: 'Bluetooth pass' },
  ].filter((chip) => chip.count > 0);
  if (chips.length === 0) return <span className="muted">None</span>;
  return (
    <span className="chips">
      {chips.map((chip, i) => (
        <span key={chip.key} className="chips__item">
          {i > 0 && <span className="chips__sep" aria-hidden="true">·</span>}
          <span className="chip" data-kind={chip.key} title={`${chip.count} ${chip.long}${chip.count === 1 ? '' : 's'}`}>
            {chip.count} {chip.short}
          </span>
        </span>
      ))}
    </span>
  );
}
