import type { Guidelines } from '../../shared/domain';
import { typeNames } from '../../shared/rules/words';

const types = (list: readonly (keyof typeof typeNames)[]): string => (list.length ? list.map((t) => typeNames[t]).join(', ') : 'none');
const yesNo = (b: boolean): string => (b ? 'yes' : 'no');
const opens = { unit_and_common: 'the unit and common doors', common_only: 'common doors only' } as const;

/** Each rule as the Guidelines page names it, with its value in words. */
const rules: { label: string; words: (g: Guidelines) => string }[] = [
  { label: 'PIN code types', words: (g) => types(g.allowedTypes.pin) },
  { label: 'Bluetooth pass types', words: (g) => types(g.allowedTypes.ble) },
  { label: 'Longest temporary access', words: (g) => `${g.maxTemporaryDays} days` },
  { label: 'Delivery code open for', words: (g) => `${g.deliveryWindowMinutes} minutes` },
  { label: 'Delivery codes open', words: (g) => opens[g.deliveryOpens] },
  { label: 'Vendor access needs an admin’s approval', words: (g) => yesNo(g.vendorNeedsManagerApproval) },
  { label: 'A kiosk may grant', words: (g) => types(g.kioskTypes) },
  { label: 'Amenity doors', words: (g) => (g.amenityDoorIds.length ? g.amenityDoorIds.join(', ') : 'none') },
];

/** What changed, for the audit log: "Longest temporary access 30 days → 7 days". */
export function describeGuidelineChanges(before: Guidelines, after: Guidelines): string[] {
  return rules.flatMap(({ label, words }) => (words(before) === words(after) ? [] : [`${label} ${words(before)} → ${words(after)}`]));
}
