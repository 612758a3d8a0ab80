import { z } from 'zod';
import { AccessType, CredentialKind, Id } from './primitives';

/** What a lock or reader model can hold, after the Matter Door Lock cluster's feature map. */
export const LockCapabilities = z.object({
  credentialKinds: z.array(CredentialKind).min(1),
  pinLength: z.object({ min: z.number().int().min(4), max: z.number().int().max(12) }).nullable(),
  slots: z.number().int().min(1),
  scheduleKinds: z.array(z.enum(['week_day', 'year_day', 'one_time'])),
  hasEnterKey: z.boolean(),
});
export type LockCapabilities = z.infer<typeof LockCapabilities>;

export const LockModel = z.object({
  id: Id,
  maker: z.string(),
  name: z.string(),
  role: z.enum(['unit_lock', 'reader']),
  capabilities: LockCapabilities,
});
export type LockModel = z.infer<typeof LockModel>;

/** The community's rules for what staff may issue. */
export const Guidelines = z.object({
  allowedTypes: z.object({
    pin: z.array(AccessType),
    ble: z.array(z.enum(['permanent', 'temporary'])),
  }),
  maxTemporaryDays: z.number().int().min(1),
  deliveryWindowMinutes: z.number().int().min(1),
  deliveryOpens: z.enum(['unit_and_common', 'common_only']),
  vendorNeedsManagerApproval: z.boolean(),
  /** The access types a kiosk may issue. */
  kioskTypes: z.array(AccessType),
  /** Amenity doors a unit grant also opens, where the access system is supported. */
  amenityDoorIds: z.array(Id),
});
export type Guidelines = z.infer<typeof Guidelines>;

export const Floor = z.object({ id: Id, level: z.number().int(), name: z.string() });
export const Building = z.object({ id: Id, name: z.string(), floors: z.array(Floor) });
export type Building = z.infer<typeof Building>;

export const Community = z.object({
  id: Id,
  name: z.string(),
  /** IANA zone: every schedule is wall-clock time here. */
  timeZone: z.string(),
  /** ISO 3166 region used to read phone numbers typed without a country code. */
  phoneRegion: z.string().length(2),
  accessSystem: z.object({ name: z.string(), supported: z.boolean() }).nullable(),
  guidelines: Guidelines,
  buildings: z.array(Building),
  /** Lock and reader models in service, for filters and forms. */
  lockModels: z.array(LockModel),
});
export type Community = z.infer<typeof Community>;
