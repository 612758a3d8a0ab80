import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { PorterError } from '../../shared/errors';

/** Reads a phone number as staff type it and returns E.164, or refuses it with a reason. */
export function toE164(typed: string, region: string): string {
  const number = parsePhoneNumberFromString(typed, region as CountryCode);
  if (!number || !number.isValid())
    throw new PorterError('invalid_input', 'This is not a valid phone number. Include the area code.', 'guest.phone');
  return number.number;
}
