import { expect, it } from 'vitest';

it('makes zod jitless before zod loads, without loading zod itself', async () => {
  await import('../../src/renderer/src/api/zod-jitless');
  const { config, z } = await import('zod');
  // Zod took the setting when it loaded: it never probes for eval (a CSP violation report in the renderer).
  expect(config().jitless).toBe(true);
  expect(z.object({ a: z.string() }).parse({ a: 'x' })).toEqual({ a: 'x' });
});
