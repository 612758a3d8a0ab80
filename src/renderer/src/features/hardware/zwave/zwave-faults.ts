/**
 * The simulated Z-Wave lock's faults, said for the trainer who injects them (what each does,
 * after the simulated lock in simulators/zwave/ and docs/protocols/zwave.md).
 */
export const zwaveFaultOptions = [
  {
    id: 'dead',
    label: 'Lock stops answering',
    effect: 'The lock drops off the network (a flat battery, a door out of range): the stick marks it dead, its door stays Pending, and Porter tries it again later.',
  },
  { id: 'alive', label: 'Lock answers again', effect: 'The lock is back: at its next try Porter brings its codes up to date and the door turns In sync.' },
  {
    id: 'refuse_next_code',
    label: 'Refuse the next code',
    effect: 'The lock turns down the next code Porter sets, as a lock does with a code it already holds: the row says Failed with the lock’s reason.',
  },
  { id: 'full', label: 'Lock full', effect: 'The lock has no free slot from now on: a grant that adds a code to its door fails there, saying so.' },
  {
    id: 'codes_changed_at_keypad',
    label: 'Codes changed at the keypad',
    effect: 'Someone with the lock’s programming code adds or deletes a code at the keypad: the lock reports it, and Porter puts back what the door should hold.',
  },
  { id: 'battery_low', label: 'Battery low', effect: 'The lock reports 5 % battery: its row and the door in the Units grid show a low battery.' },
  { id: 'jammed', label: 'Bolt jammed', effect: 'The bolt jams: the lock reports it, the activity log says so, and it opens for nobody until it is freed.' },
  { id: 'tamper', label: 'Tamper', effect: 'The lock reports someone tampering with it (its cover removed): the activity log says so.' },
] as const;

export type ZWaveFaultId = (typeof zwaveFaultOptions)[number]['id'];
