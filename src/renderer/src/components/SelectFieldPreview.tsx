import type { SelectFieldProps } from './SelectField';
import './fields.css';

/**
 * A SelectField as it looks before it is drawn for real: the same label and button showing the
 * chosen option, in the same place, but inert (neither focusable nor announced, as if absent)
 * until the page swaps in the SelectField a moment later (useAfterFirstPaint).
 */
export function SelectFieldPreview({ label, options, value }: SelectFieldProps) {
  return (
    <div className="field field--select" inert>
      <span className="field__label">{label}</span>
      <button type="button" className="select__button" tabIndex={-1}>
        <span className="select__value">{options.find((option) => option.id === value)?.label}</span>
        <span className="select__chevron" aria-hidden="true" />
      </button>
    </div>
  );
}
