import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mayRun, type CommandName } from '../../src/shared/contract';
import type { Role } from '../../src/shared/domain';

/*
 * The README's staff table says what each role may do; the contract's role lists decide it.
 * Each duty is named by the command it cannot be done without, so the table's "may" column is
 * what the contract lets the role run, in the table's words. A role given or taken a duty in
 * the contract fails here until the README says so too.
 */
const duties: readonly { words: string; command: CommandName; alike?: CommandName[] }[] = [
  { words: 'grant access', command: 'access.grant' },
  { words: 'revoke, change dates and resend texts', command: 'access.revoke', alike: ['access.reschedule', 'access.resend'] },
  { words: 'bulk grants', command: 'access.bulkGrant' },
  { words: 'ask an admin to approve vendor access', command: 'approvals.request' },
  { words: 'approve or decline vendor access', command: 'approvals.approve', alike: ['approvals.decline'] },
  { words: 'the activity log', command: 'activity.list' },
  { words: 'the Hardware page', command: 'hardware.overview' },
  { words: 'the Guidelines page', command: 'community.updateGuidelines' },
  { words: 'reserve lock slots for staff', command: 'capacity.setReserved' },
  { words: 'set up cloud sync', command: 'sync.setUp' },
];

const root = path.resolve(__dirname, '../..');
const demo = JSON.parse(fs.readFileSync(path.join(root, 'resources/demo/community.json'), 'utf8')) as { staff: { name: string; role: Role; passcode: string }[] };

/** The table's rows under "The demo community's staff:": name, role, passcode, may. */
function staffTable(): string[][] {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8').split('\n');
  const start = readme.findIndex((line) => line.includes('The demo community’s staff:') || line.includes("The demo community's staff:"));
  expect(start, 'the README introduces the staff table').toBeGreaterThan(-1);
  const rows: string[][] = [];
  for (const line of readme.slice(start + 1)) {
    if (rows.length && !line.startsWith('|')) break;
    if (line.startsWith('|')) rows.push(line.split('|').slice(1, -1).map((cell) => cell.trim()));
  }
  return rows.slice(2); // the header and its rule
}

describe('the README’s staff table', () => {
  it('lists the demo community’s staff with their roles and passcodes', () => {
    expect(staffTable().map(([name, role, passcode]) => ({ name, role, passcode }))).toEqual(demo.staff.map(({ name, role, passcode }) => ({ name, role, passcode })));
  });

  it('names duties whose commands the contract gives the same roles', () => {
    for (const d of duties) for (const other of d.alike ?? []) for (const role of ['admin', 'leasing', 'maintenance', 'kiosk'] as const) expect(mayRun(other, role), `${other} for ${role}`).toBe(mayRun(d.command, role));
  });

  it('says for each role what the contract lets it run', () => {
    for (const [name, role, , may] of staffTable()) {
      const expected = duties.filter((d) => mayRun(d.command, role as Role)).map((d) => d.words).join(', ');
      expect(may, `${name} (${role})`).toBe(expected);
    }
  });
});
