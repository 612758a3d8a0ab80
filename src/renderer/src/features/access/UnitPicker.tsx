import { useState } from 'react';
import { Input, Label, SearchField } from 'react-aria-components';
import { searchMaxLength, type UnitRow } from '../../../../shared/domain';
import { useUnitSearch } from '../../api/queries';
import { CredentialKindChips } from '../../components/CredentialKindChips';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useDebouncedText } from '../../components/useDebouncedText';

interface Props {
  selectedUnitId: string | null;
  onPick: (unit: UnitRow) => void;
}

/** Find a unit by number, guest name or phone, and pick it. */
export function UnitPicker({ selectedUnitId, onPick }: Props) {
  const [search, setSearch] = useState('');
  const settled = useDebouncedText(search.trim(), 250);
  const results = useUnitSearch(settled);
  const units = settled ? (results.data?.rows ?? []) : [];
  return (
    <div className="unit-picker">
      <SearchField className="field field--search" value={search} onChange={setSearch}>
        <Label className="field__label">Find a unit</Label>
        <Input className="field__input" maxLength={searchMaxLength} placeholder="Unit number, guest name or phone" autoFocus />
      </SearchField>
      {results.error && <ErrorNotice error={results.error} />}
      {settled && results.data && units.length === 0 && <p className="muted">No unit matches “{settled}”.</p>}
      {units.length > 0 && (
        <ul className="unit-picker__results" aria-label="Matching units">
          {units.map((unit) => (
            <li key={unit.id}>
              <button
                type="button"
                className="unit-picker__unit"
                aria-pressed={unit.id === selectedUnitId}
                onClick={() => onPick(unit)}
              >
                <span className="unit-picker__number">{`${unit.buildingName} ${unit.number}`}</span>
                <span className="unit-picker__where">
                  Floor {unit.floor} · {unit.lockModel.name}
                </span>
                <CredentialKindChips kinds={unit.kinds} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
