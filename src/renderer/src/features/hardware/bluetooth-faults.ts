import type { SimulatedBluetoothFault } from '../../../../shared/domain';

/**
 * The simulated Bluetooth lock's faults, said for the trainer who injects them (what each does,
 * after docs/protocols/ble-lock.md and the simulated lock).
 */
export const bluetoothFaultOptions: readonly { id: SimulatedBluetoothFault; label: string; effect: string }[] = [
  {
    id: 'out_of_range',
    label: 'Out of range',
    effect: 'The lock stops advertising, as if you walked away: it leaves the list, and a job on it is interrupted. Until Back in range.',
  },
  { id: 'back_in_range', label: 'Back in range', effect: 'The lock advertises again and shows in the list within a few seconds.' },
  {
    id: 'link_drop_mid_commit',
    label: 'Link drops during commit',
    effect:
      'During the commit of the next programming the link drops after the lock swapped tables. The job is interrupted; Resume finds the commit landed and writes nothing.',
  },
  {
    id: 'link_drop_before_commit',
    label: 'Link drops before commit',
    effect: 'The link drops as the next commit arrives: the lock keeps its old table, the job is interrupted, and Resume writes the changes again.',
  },
  {
    id: 'wrong_key',
    label: 'Wrong key',
    effect: 'The lock holds another key than this console’s (a swapped or reset lock): every job fails at “Connect and authenticate”.',
  },
  {
    id: 'tampered_write',
    label: 'Tampered write',
    effect: 'The next write reaches the lock altered: the lock refuses it and hangs up, and the job is interrupted. Resume finishes it.',
  },
  {
    id: 'replayed_write',
    label: 'Replayed write',
    effect: 'An earlier write reaches the lock again: the lock refuses the replay and hangs up, and the job is interrupted. Resume finishes it.',
  },
  { id: 'lock_full', label: 'Lock full', effect: 'The lock has no free slot from now on: a programming that adds a credential fails.' },
  { id: 'low_battery', label: 'Low battery', effect: 'The lock’s battery reads under 15 % and it refuses changes from now on; the list shows it.' },
];
