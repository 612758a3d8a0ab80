import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { doorWithCodes, drawPin, isBlocklisted } from '../../../src/main/access/pin-allocator';

describe('the PIN blocklist', () => {
  it.each(['1111', '000000', '1234', '4321', '345678', '987654', '8901', '1212', '123123', '1987', '2024', '1004', '071599'])(
    'refuses %s',
    (code) => expect(isBlocklisted(code)).toBe(true),
  );
  it.each(['4817', '502913', '73910264', '2960'])('accepts %s', (code) => expect(isBlocklisted(code)).toBe(false));
});

describe('drawing a PIN code', () => {
  it('gives the asked length, never a blocklisted code, never one already on a door', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 4, max: 8 }),
        fc.array(fc.array(fc.stringMatching(/^\d{4,8}$/), { maxLength: 30 }), { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (length, taken, hasEnterKey) => {
          const doors = taken.map((takenCodes) => ({ takenCodes, hasEnterKey }));
          const code = drawPin(length, doors.map((d) => doorWithCodes(d.takenCodes, d.hasEnterKey)));
          if (code === null) return;
          expect(code).toMatch(new RegExp(`^\\d{${length}}$`));
          expect(isBlocklisted(code)).toBe(false);
          for (const door of doors) {
            expect(door.takenCodes).not.toContain(code);
            if (!hasEnterKey)
              for (const other of door.takenCodes) expect(other.startsWith(code) || code.startsWith(other)).toBe(false);
          }
        },
      ),
    );
  });

  it('on a keypad without Enter, never draws a prefix of a live code or one a live code prefixes', () => {
    const door = { takenCodes: ['58', '123456'], hasEnterKey: false };
    for (let i = 0; i < 200; i++) {
      const code = drawPin(6, [doorWithCodes(door.takenCodes, door.hasEnterKey)])!;
      expect(code.startsWith('58')).toBe(false);
      expect(code).not.toBe('123456');
    }
  });

  it('answers null when a door’s code space is exhausted instead of looping', () => {
    const all = Array.from({ length: 10_000 }, (_, i) => String(i).padStart(4, '0'));
    expect(drawPin(4, [doorWithCodes(all, true)])).toBeNull();
  });
});
