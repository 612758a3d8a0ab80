/** Words staff read, the same on the console's screens and in the cloud's reasons. */
export const typeNames = { permanent: 'Permanent', temporary: 'Temporary', recurring: 'Recurring', delivery: 'Delivery' } as const;
export const kindNames = { pin: 'PIN code', ble: 'Bluetooth pass' } as const;
export const kindPlurals = { pin: 'PIN codes', ble: 'Bluetooth passes' } as const;

/** "Riverside Commons’ guidelines", "Elm Court’s guidelines". */
export function possessive(name: string): string {
  return name.endsWith('s') ? `${name}’` : `${name}’s`;
}

export function dayCount(n: number): string {
  return n === 1 ? '1 day' : `${n} days`;
}
