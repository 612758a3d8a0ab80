import { z } from 'zod';
// Every schema speaks plain words (the import installs them for zod): see plain-words.ts.
import '../plain-words';

export { searchMaxLength } from './values';

/** Identifiers are short, printable and safe to put in a URL or a log line. */
export const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'must be letters, digits, and . _ : -');

/** A date-time in ISO 8601 with offset, as stored and sent. */
export const Timestamp = z.string().max(40);

/** admin: everything, guidelines included; leasing: access; maintenance: hardware; kiosk: the guidelines' kiosk set. */
export const Role = z.enum(['admin', 'leasing', 'maintenance', 'kiosk']);
export type Role = z.infer<typeof Role>;
export const allRoles = Role.options;

export const CredentialKind = z.enum(['pin', 'ble']);
export type CredentialKind = z.infer<typeof CredentialKind>;

export const AccessType = z.enum(['permanent', 'temporary', 'recurring', 'delivery']);
export type AccessType = z.infer<typeof AccessType>;
