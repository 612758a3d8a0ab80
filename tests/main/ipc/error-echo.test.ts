import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandNames, type CommandName } from '../../../src/shared/contract';
import type { Envelope } from '../../../src/shared/envelope';
import { trainingHardware } from '../../../simulators/training/training-hardware';
import { comboUnit, jane, openTestConsole, type TestConsole } from '../../helpers/test-console';
import { leaves, validInputs, withValueAt } from './contract-samples';

/*
 * An error message never repeats a value from the request: what was sent may be markup, a
 * terminal escape, a line for a forged log entry, or someone's phone number, and refusals
 * are shown on screen and written to the activity log.
 */

let t: TestConsole;
beforeAll(() => {
  // A training console, so the training section's handlers get to refuse too.
  t = openTestConsole(undefined, { hardware: trainingHardware });
});
afterAll(() => t.close());

/** A fresh window for each call, so a sign-out or a lockout in one run leaves the next alone. */
const send = (command: unknown, input: unknown): Promise<Envelope<unknown>> => t.core.connect('core').dispatch(command, input);

function expectNoEcho(answer: Envelope<unknown>, sent: string[]): void {
  if (answer.ok) return;
  for (const value of sent) {
    expect(answer.error.message, `${answer.error.code} repeats ${JSON.stringify(value)}`).not.toContain(value);
    expect(answer.error.field ?? '').not.toContain(value);
  }
}

/** Zod's own English ("Too big: expected string to have <=100 characters") is for programmers, not staff. */
const schemaWording = /Invalid input|Invalid option|Invalid string|Too big|Too small|expected (string|number|boolean|array|object)|Unrecognized key/;

function expectPlainWords(answer: Envelope<unknown>): void {
  if (!answer.ok) expect(answer.error.message).not.toMatch(schemaWording);
}

/** Values no message could contain by chance: "Zq" and letters and digits, id-shaped. */
const marker = fc.stringMatching(/^[A-Za-z0-9]{6,12}$/).map((s) => `Zq${s}`);

describe('refusals that named the value sent', () => {
  it.each([
    ['units.get', { unitId: 'ghost-unit-Zq7' }, 'not_found'],
    ['access.grant', { unitId: 'ghost-unit-Zq7', kind: 'pin', schedule: { type: 'permanent' }, guest: jane }, 'not_found'],
    ['access.grant', { unitId: comboUnit, kind: 'pin', schedule: { type: 'permanent' }, guest: { name: 'Jane Doe', phone: '555-Zq7-evil' } }, 'invalid_input'],
    ['access.revoke', { credentialId: 'cred_Zq7' }, 'not_found'],
    ['community.updateGuidelines', { ...validInputs['community.updateGuidelines'], amenityDoorIds: ['pool', 'door-Zq7'] }, 'invalid_input'],
    ['<img src=x onerror=alert(1)>Zq7', {}, 'unknown_command'],
  ] as const)('%s answers %j with %s without repeating it', async (command, input, code) => {
    const answer = await send(command, input);
    expect(answer).toMatchObject({ ok: false, error: { code } });
    expectNoEcho(answer, ['Zq7']);
  });

  it('names an unknown field only when it looks like one, never a key made of anything else', async () => {
    expect(await send('units.list', { isAdmin: true })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('isAdmin') } });
    for (const key of ['<script>Zq7</script>', 'Zq7\u001b[2J', 'Zq7\nAvery Brooks granted everything', '4821 Zq7', 'x'.repeat(40) + 'Zq7']) {
      const answer = await send('units.list', { [key]: 1 });
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expectNoEcho(answer, ['Zq7']);
    }
  });
});

describe.each(commandNames)('%s', (command: CommandName) => {
  const sample = validInputs[command];
  const stringLeaves = leaves(sample).filter((leaf) => typeof leaf.value === 'string');

  it('never repeats a value it was sent, in any field, in its error, and speaks plain words', async () => {
    await fc.assert(
      fc.asyncProperty(
        stringLeaves.length ? fc.option(fc.constantFrom(...stringLeaves.map((leaf) => leaf.path)), { nil: undefined }) : fc.constant(undefined),
        marker,
        fc.constantFrom('', ' ', '<b>', '\n', '-1'),
        async (path, value, around) => {
          const sent = `${around}${value}${around}`;
          // One field at a time, the rest valid, so handlers deep inside get to refuse it too.
          const input = path ? withValueAt(sample, path, sent) : { ...(sample as object), extra: sent };
          const answer = await send(command, input);
          expectNoEcho(answer, [value]);
          expectPlainWords(answer);
        },
      ),
      { numRuns: 40 },
    );
  });
});
