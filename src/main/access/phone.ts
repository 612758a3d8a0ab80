import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { PorterError } from '../../shared/errors';

/** Reads a phone number as staff type it and returns E.164, or refuses it with a reason. */
export function toE164(typed: string, region: string): string {
  const number = parsePhoneNumberFromString(typed, region as CountryCode);
  if (!number || !number.isValid())
    throw new PorterError('invalid_input', 'This is not a valid phone number. Include the area code.', 'guest.phone');
  return number.number;
}

/** How a stored number reads in summaries: national format for the community's region. */
export function displayPhone(e164: string, region: string): string {
  const number = parsePhoneNumberFromString(e164);
  if (!number) return e164;
  return number.country === region ? number.formatNational() : number.formatInternational();
}
