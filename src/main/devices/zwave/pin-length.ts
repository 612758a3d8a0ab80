import { CommandClasses } from '@zwave-js/core';
import type { ZWaveNode } from 'zwave-js';

export interface PinLength {
  min: number;
  max: number;
}

/** User Code CC's own bounds: a code is 4 to 10 characters. What a lock says of itself narrows them. */
export const userCodeCcPinLength: PinLength = { min: 4, max: 10 };

/**
 * A lock's setting for the length every code must have, as its device file names the
 * configuration parameter (Schlage BE468/BE469 and their kin: "User Code PIN Length", #16).
 */
const pinLengthLabel = /\b(user )?code (pin )?length\b|\bpin (code )?length\b/i;

/**
 * The code lengths this lock takes. Most locks say nothing beyond User Code CC's 4 to 10
 * characters; a lock with a PIN length setting takes only codes of that length: the value it
 * reported for the setting, or, before it has reported it, the range its model's device file
 * gives for the setting. Never wider than the command class allows.
 */
export function lockPinLength(node: ZWaveNode): PinLength {
  for (const id of node.getDefinedValueIDs()) {
    if (id.commandClass !== CommandClasses.Configuration) continue;
    const meta = node.getValueMetadata(id) as { label?: string; min?: number; max?: number };
    if (!meta.label || !pinLengthLabel.test(meta.label)) continue;
    const set = node.getValue<number>(id);
    if (typeof set === 'number' && within(set)) return { min: set, max: set };
    const min = Math.max(userCodeCcPinLength.min, meta.min ?? userCodeCcPinLength.min);
    const max = Math.min(userCodeCcPinLength.max, meta.max ?? userCodeCcPinLength.max);
    if (min <= max) return { min, max };
  }
  return userCodeCcPinLength;
}

const within = (n: number): boolean => Number.isInteger(n) && n >= userCodeCcPinLength.min && n <= userCodeCcPinLength.max;
