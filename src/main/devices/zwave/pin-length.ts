import { CommandClasses, type ValueID } from '@zwave-js/core';
import { InterviewStage, type ZWaveNode } from 'zwave-js';

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

/** Where each lock keeps its PIN length setting, once found (null: it has none, its interview done). */
const settingOf = new WeakMap<ZWaveNode, ValueID | null>();

/**
 * The lock's PIN length setting among its own Configuration CC values only (those its device
 * file or its interview defined), found once per lock: not every value of the lock, nor of
 * every node, on each look (the Hardware page asks for each lock's capabilities often).
 */
function pinLengthSetting(node: ZWaveNode): ValueID | null {
  const known = settingOf.get(node);
  if (known !== undefined) return known;
  const found = node.valueDB.getAllMetadata(CommandClasses.Configuration).find((m) => {
    const label = (m.metadata as { label?: string }).label;
    return label !== undefined && pinLengthLabel.test(label);
  });
  const id: ValueID | null = found ? { commandClass: found.commandClass, endpoint: found.endpoint, property: found.property, ...(found.propertyKey === undefined ? {} : { propertyKey: found.propertyKey }) } : null;
  // A lock still being interviewed may define the setting later: only a found one, or none after the interview, is kept.
  if (id || node.interviewStage === InterviewStage.Complete) settingOf.set(node, id);
  return id;
}

/**
 * The code lengths this lock takes. Most locks say nothing beyond User Code CC's 4 to 10
 * characters; a lock with a PIN length setting takes only codes of that length: the value it
 * reported for the setting, or, before it has reported it, the range its model's device file
 * gives for the setting. Never wider than the command class allows.
 */
export function lockPinLength(node: ZWaveNode): PinLength {
  const id = pinLengthSetting(node);
  if (!id) return userCodeCcPinLength;
  const set = node.getValue<number>(id);
  if (typeof set === 'number' && within(set)) return { min: set, max: set };
  const meta = node.getValueMetadata(id) as { min?: number; max?: number };
  const min = Math.max(userCodeCcPinLength.min, meta.min ?? userCodeCcPinLength.min);
  const max = Math.min(userCodeCcPinLength.max, meta.max ?? userCodeCcPinLength.max);
  return min <= max ? { min, max } : userCodeCcPinLength;
}

const within = (n: number): boolean => Number.isInteger(n) && n >= userCodeCcPinLength.min && n <= userCodeCcPinLength.max;
