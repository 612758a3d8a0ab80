import { z } from 'zod';
import type { $ZodRawIssue } from 'zod/v4/core';

/*
 * Zod's own messages ("Too big: expected string to have <=100 characters") are written for
 * programmers. Every schema Porter has, in the core, the renderer and the cloud, speaks
 * through this map instead: a limit says itself in plain words, naming the field as the form
 * labels it. A message a schema gives itself ('Enter the guest’s name') still wins.
 * The value sent is never echoed.
 */

/** How the forms label a field, by the last key of its path; others are spelled out from the key. */
const fieldLabels: Record<string, string> = {
  name: 'Name',
  phone: 'Phone number',
  company: 'Company',
  search: 'Search',
  reason: 'Reason',
  url: 'Cloud address',
  pairingCode: 'Pairing code',
  passcode: 'Passcode',
  pin: 'PIN',
  unitId: 'Unit',
  unitIds: 'Units',
  doorId: 'Door',
  nodeId: 'Node',
};

/** "pairingCode" reads "Pairing code"; an array index is skipped ("units.3.name" is a Name). */
export function fieldLabel(path: readonly PropertyKey[]): string {
  const key = [...path].reverse().find((k): k is string => typeof k === 'string');
  if (!key) return 'This value';
  const known = fieldLabels[key];
  if (known) return known;
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const plural = (n: number | bigint, one: string): string => `${n.toLocaleString('en-US')} ${one}${n === 1 || n === 1n ? '' : 's'}`;

const kindWords: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'yes or no',
  array: 'a list',
  object: 'a group of fields',
  date: 'a date',
};

/** One issue in words that name the field and the limit, never the value. */
export function plainWords(issue: $ZodRawIssue): string {
  const field = fieldLabel(issue.path ?? []);
  switch (issue.code) {
    case 'too_big':
      if (issue.origin === 'string') return `${field} can be at most ${plural(issue.maximum, 'character')}`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${field} can hold at most ${plural(issue.maximum, 'item')}`;
      return `${field} can be at most ${issue.maximum.toLocaleString('en-US')}`;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? `${field} cannot be empty` : `${field} needs at least ${plural(issue.minimum, 'character')}`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${field} needs at least ${plural(issue.minimum, 'item')}`;
      return `${field} must be at least ${issue.minimum.toLocaleString('en-US')}`;
    case 'invalid_type':
      if (issue.input === undefined) return `${field} is missing`;
      return `${field} must be ${kindWords[issue.expected] ?? 'of another kind'}`;
    case 'invalid_format':
      return `${field} is not in the expected form`;
    case 'invalid_value':
      return `${field} is not one of the choices`;
    case 'not_multiple_of':
      return `${field} must be a multiple of ${issue.divisor}`;
    case 'unrecognized_keys':
      return `${field} has fields it does not take`;
    default:
      return `${field} is not valid`;
  }
}

z.config({ customError: plainWords });

/**
 * The first field that did not parse and what was wrong, never its value (it could hold a
 * PIN): for wire-level readers (the cloud's API, the console's client, a community file),
 * whose readers want the path too. `whole` names the thing when the issue is about all of it.
 */
export function firstIssueWords(error: z.ZodError, whole: string): string {
  const issue = error.issues[0];
  const at = issue && issue.path.length ? issue.path.join('.') : whole;
  return `${at}: ${issue?.message ?? 'invalid'}`;
}
