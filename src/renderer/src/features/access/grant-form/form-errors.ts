import { errorMessage } from '../../../api/mutations';
import { CommandError } from '../../../api/porter-client';

export interface FormErrors {
  /** The message for a field the form shows, e.g. 'guest.phone'. */
  at(field: string): string | undefined;
  /** A refusal about no field on the form: shown above the buttons. */
  general: string | null;
}

const none: FormErrors = { at: () => undefined, general: null };

/** A wire-level "schedule.days: must be …" reads "Must be …" next to the days; a sentence stays as it is. */
function withoutFieldPrefix(message: string, field: string): string {
  const text = message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Sorts a failed command's message: next to the field the core named when the form shows
 * that field, above the buttons otherwise.
 */
export function formErrors(error: unknown, shownFields: readonly string[]): FormErrors {
  if (!error) return none;
  if (error instanceof CommandError && error.field && shownFields.includes(error.field)) {
    const field = error.field;
    const message = withoutFieldPrefix(error.message, field);
    return { at: (name) => (name === field ? message : undefined), general: null };
  }
  return { at: () => undefined, general: errorMessage(error) };
}
