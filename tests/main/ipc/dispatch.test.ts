import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandNames, commands, payloadLimit } from '../../../src/shared/contract';
import { trainingHardware } from '../../../simulators/training/training-hardware';
import { openTestConsole, writeCounts, type TestConsole } from '../../helpers/test-console';
import { leaves, validInputs, withValueAt } from './contract-samples';

let t: TestConsole;
let before: Record<string, unknown>;
// A training console, so the training section's commands go through the same checks as the rest.
beforeAll(() => {
  t = openTestConsole(undefined, { hardware: trainingHardware });
  before = writeCounts(t.db);
});
afterAll(async () => {
  // Nothing malformed may have changed anything.
  expect(writeCounts(t.db)).toEqual(before);
  expect(t.errors).toEqual([]);
  await t.close();
});

describe.each(commandNames)('%s', (command) => {
  const sample = validInputs[command];

  it('accepts its valid sample as far as the schema goes', () => {
    expect(commands[command].input.safeParse(sample).success).toBe(true);
  });

  it.each([null, 'text', 42, [], true])('refuses %j as input with invalid_input', async (input) => {
    expect(await t.core.dispatch(command, input)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses an extra field with invalid_input, naming it', async () => {
    const result = await t.core.dispatch(command, { ...sample, isAdmin: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('isAdmin') } });
  });

  it('refuses a wrong type or an oversize string in every field, naming the field', async () => {
    for (const { path, value } of leaves(sample)) {
      const bad = typeof value === 'string' ? 'x'.repeat(1000) : typeof value === 'number' ? 'seven' : 42;
      const result = await t.core.dispatch(command, withValueAt(sample, path, bad));
      expect(result, `field ${path.join('.')}`).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', field: path.join('.') },
      });
    }
  });

  it('refuses a payload over the size cap before parsing it', async () => {
    const result = await t.core.dispatch(command, { padding: 'x'.repeat(payloadLimit(command) + 1) });
    expect(result).toMatchObject({ ok: false, error: { code: 'payload_too_large' } });
  });

  it('refuses input nested deeper than the contract allows, or that is not JSON, with invalid_input', async () => {
    const deep = JSON.parse(`${'{"a":'.repeat(30_000)}1${'}'.repeat(30_000)}`) as unknown;
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    for (const input of [deep, cycle, { ...(sample as object), big: 10n }])
      expect(await t.core.dispatch(command, input)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('answers any input with an envelope: a value only for schema-valid input, never an internal error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.anything(), fc.object(), fc.jsonValue()), async (input) => {
        const result = await t.core.dispatch(command, input);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(result.error.code).not.toBe('internal');
        if (result.ok) expect(commands[command].input.safeParse(input).success).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe('command names', () => {
  it('refuses a name outside the contract with unknown_command', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything().filter((n) => !commandNames.includes(n as never)), async (name) => {
        expect(await t.core.dispatch(name, {})).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
      }),
    );
    expect(await t.core.dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    expect(await t.core.dispatch('toString', {})).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    // An object with no prototype cannot be turned into a string: still an envelope, not a throw.
    expect(await t.core.dispatch(Object.create(null), {})).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
  });
});
