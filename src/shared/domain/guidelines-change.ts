import { z } from 'zod';
import { Guidelines } from './community';
import { AccessType, Id } from './primitives';

/** The longest temporary access and delivery window an admin may set. */
export const guidelineLimits = { maxTemporaryDays: 365, minDeliveryMinutes: 5, maxDeliveryMinutes: 24 * 60 } as const;

const typeList = (what: string) =>
  z
    .array(AccessType)
    .max(4)
    .refine((types) => new Set(types).size === types.length, `${what} names a type twice`);

/**
 * What an admin saves on the Guidelines page, held to limits the page says in the same words.
 * Stricter than Guidelines itself (what the cloud and older consoles may send), so a console
 * never refuses guidelines it received.
 */
export const GuidelinesChange = z
  .object({
    allowedTypes: z
      .object({
        pin: typeList('PIN code types'),
        ble: z.array(z.enum(['permanent', 'temporary'])).max(2).refine((types) => new Set(types).size === types.length, 'Bluetooth pass types names a type twice'),
      })
      .strict(),
    maxTemporaryDays: z
      .number('Enter the longest temporary access in days')
      .int('Enter a whole number of days')
      .min(1, 'Temporary access lasts at least 1 day')
      .max(guidelineLimits.maxTemporaryDays, `Temporary access may last at most ${guidelineLimits.maxTemporaryDays} days`),
    deliveryWindowMinutes: z
      .number('Enter how long a delivery code stays open, in minutes')
      .int('Enter a whole number of minutes')
      .min(guidelineLimits.minDeliveryMinutes, `A delivery code stays open at least ${guidelineLimits.minDeliveryMinutes} minutes`)
      .max(guidelineLimits.maxDeliveryMinutes, `A delivery code stays open at most ${guidelineLimits.maxDeliveryMinutes} minutes (a day)`),
    deliveryOpens: Guidelines.shape.deliveryOpens,
    vendorNeedsManagerApproval: z.boolean(),
    kioskTypes: typeList('The kiosk’s types'),
    amenityDoorIds: z.array(Id).max(50),
  })
  .strict()
  .refine((g) => g.allowedTypes.pin.length + g.allowedTypes.ble.length > 0, { message: 'Allow at least one type of PIN code or Bluetooth pass', path: ['allowedTypes'] })
  .refine((g) => g.kioskTypes.every((t) => g.allowedTypes.pin.includes(t) || (g.allowedTypes.ble as string[]).includes(t)), {
    message: 'A kiosk may grant only types staff may grant: allow the type for PIN codes or Bluetooth passes first',
    path: ['kioskTypes'],
  });
export type GuidelinesChange = z.input<typeof GuidelinesChange>;
