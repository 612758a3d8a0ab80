/** Words the cloud's reasons use, the same as the console's (src/main/access/guidelines.ts). */
export const typeNames = { permanent: 'Permanent', temporary: 'Temporary', recurring: 'Recurring', delivery: 'Delivery' } as const;
export const kindPlurals = { pin: 'PIN codes', ble: 'Bluetooth passes' } as const;

/** "Riverside Commons’ guidelines", "Elm Court’s guidelines". */
export function possessive(name: string): string {
  return name.endsWith('s') ? `${name}’` : `${name}’s`;
}
