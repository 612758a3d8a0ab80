import { describe, expect, it } from 'vitest';
import { addressKey, delayAfterFailures } from '../../src/cloud/http/attempt-throttle';

describe('growing delays after wrong guesses', () => {
  it('are free for the first few, then double up to a cap', () => {
    const s = { free: 3, baseMs: 2_000, maxMs: 15 * 60_000 };
    expect([1, 2, 3, 4, 5, 6, 9, 40].map((n) => delayAfterFailures(n, s))).toEqual([0, 0, 0, 2_000, 4_000, 8_000, 64_000, 900_000]);
  });

  it('count an IPv6 client by its /64 and an IPv4-mapped one as IPv4', () => {
    expect(addressKey('2001:db8:1:2::5')).toBe(addressKey('2001:0db8:0001:0002:ffff::9'));
    expect(addressKey('2001:db8:1:2::5')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:3::5')).not.toBe(addressKey('2001:db8:1:2::5'));
    expect(addressKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
  });
});
