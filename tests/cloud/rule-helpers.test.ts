import fc from 'fast-check';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hashPairingCode, newPairingCode, normalizePairingCode } from '../../src/cloud/consoles/pairing-code';
import { bearerToken, newConsoleToken } from '../../src/cloud/consoles/console-token';
import { isTrivialPin } from '../../src/shared/rules/pin-blocklist';
import { codeTaken, drawPin, pinSpace, type TakenCodes } from '../../src/cloud/rules/pin-codes';
import type { LockModel } from '../../src/shared/domain';
import { longerThanDays, scheduleEndsAt } from '../../src/shared/rules/schedule-rules';

describe('PIN codes the cloud draws', () => {
  it('knows trivial codes', () => {
    for (const code of ['000000', '123456', '654321', '111111', '121212', '123123', '1990', '031599']) expect(isTrivialPin(code), code).toBe(true);
    for (const code of ['482913', '593024', '7391']) expect(isTrivialPin(code), code).toBe(false);
  });

  it('draws codes of the asked length that are not trivial and that the doors accept', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 4, max: 8 }), fc.array(fc.string({ minLength: 1, maxLength: 2, unit: fc.constantFrom(...'0123456789') }), { maxLength: 5 }), async (length, bannedPrefixes) => {
        const code = await drawPin(length, async (c) => bannedPrefixes.some((p) => c.startsWith(p)));
        if (code === null) return;
        expect(code).toMatch(new RegExp(`^\\d{${length}}$`));
        expect(isTrivialPin(code)).toBe(false);
        expect(bannedPrefixes.some((p) => code.startsWith(p))).toBe(false);
      }),
      { numRuns: 100 },
    );
  });

  it('answers null when every code clashes', async () => {
    expect(await drawPin(6, async () => true, 50)).toBeNull();
  });

  it('the code space: lengths from the doors’ lock models, prefixes only where a keypad without Enter takes both lengths', async () => {
    const models = (JSON.parse(fs.readFileSync('resources/demo/community.json', 'utf8')) as { lockModels: LockModel[] }).lockModels;
    const space = pinSpace(models);
    // Arden KP-200 and Halden ZW-300: 4 to 8 digits with Enter (the ZW-300 check key); Kestrel KB-500: 6 to 8 without; Kestrel PR-1: 6 to 8 with.
    expect(space.lengths).toEqual([4, 6]);
    expect(space.prefixLengths(6)).toEqual([7, 8]);
    expect(space.prefixLengths(4)).toEqual([]);
    const holding = (codes: string[]): TakenCodes => ({
      pinsTaken: async (asked) => asked.some((c) => codes.includes(c)),
      pinsExtending: async (prefix, lengths) => codes.some((c) => c.length > prefix.length && lengths.includes(c.length) && c.startsWith(prefix)),
    });
    const now = new Date().toISOString();
    expect(await codeTaken(holding(['482913']), space, '482913', now)).toBe(true);
    expect(await codeTaken(holding(['48291375']), space, '482913', now)).toBe(true);
    expect(await codeTaken(holding(['482913']), space, '48291375', now)).toBe(true);
    // No keypad without Enter takes 4 digits, so 4829 and 482913 never meet where a prefix opens.
    expect(await codeTaken(holding(['4829']), space, '482913', now)).toBe(false);
    expect(await codeTaken(holding(['593024']), space, '482913', now)).toBe(false);
  });
});

describe('schedules in the community’s zone', () => {
  it('ends as the console reads it: wall-clock in the zone, spring-forward gaps moved forward', () => {
    expect(scheduleEndsAt({ type: 'permanent' }, 'America/Chicago')).toBeNull();
    expect(scheduleEndsAt({ type: 'temporary', starts: '2027-01-10T09:00', ends: '2027-01-12T18:00' }, 'America/Chicago')).toBe('2027-01-13T00:00:00.000Z');
    expect(scheduleEndsAt({ type: 'temporary', starts: '2027-03-10T09:00', ends: '2027-03-14T02:30' }, 'America/Chicago')).toBe('2027-03-14T08:30:00.000Z');
    expect(scheduleEndsAt({ type: 'recurring', days: ['mon'], from: '09:00', until: '11:00', endsOn: '2027-06-30' }, 'America/Chicago')).toBe('2027-06-30T16:00:00.000Z');
    expect(scheduleEndsAt({ type: 'recurring', days: ['mon'], from: '09:00', until: '11:00' }, 'America/Chicago')).toBeNull();
  });

  it('counts a temporary grant’s days on the wall clock, across a DST change', () => {
    const across = { type: 'temporary', starts: '2027-03-01T09:00', ends: '2027-03-31T09:00' } as const;
    expect(longerThanDays(across, 30)).toBe(false);
    expect(longerThanDays({ ...across, ends: '2027-03-31T09:01' }, 30)).toBe(true);
    expect(longerThanDays({ type: 'permanent' }, 1)).toBe(false);
  });
});

describe('pairing codes and tokens', () => {
  it('pairing codes are 12 unambiguous characters, forgiving of how they are typed', () => {
    const code = newPairingCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(normalizePairingCode('ab0o-1il ')).toBe('AB00111');
    expect(hashPairingCode(code.toLowerCase().replace(/-/g, ' '))).toBe(hashPairingCode(code));
  });

  it('reads only well-formed bearer tokens', () => {
    const token = newConsoleToken();
    expect(bearerToken(`Bearer ${token}`)).toBe(token);
    expect(bearerToken(`bearer ${token}`)).toBe(token);
    for (const header of [undefined, '', token, `Basic ${token}`, `Bearer ${token}x`, `Bearer ${token} extra`]) expect(bearerToken(header), header).toBeNull();
  });
});
