import { CommandError } from '../../api/porter-client';
import { formErrors, type FormErrors } from '../access/grant-form/form-errors';

/**
 * A refusal of an approval request, said where the grant form says a grant's: the core names
 * the request's fields under `grant.` ('grant.guest.phone') when the schema refuses them.
 */
export function askErrors(error: unknown, shownFields: readonly string[]): FormErrors {
  if (error instanceof CommandError && error.field?.startsWith('grant.')) {
    const field = error.field.slice('grant.'.length);
    const message = error.message.startsWith(`${error.field}: `) ? error.message.slice(error.field.length + 2) : error.message;
    return formErrors(new CommandError(error.command, error.code, message, field), shownFields);
  }
  return formErrors(error, shownFields);
}
