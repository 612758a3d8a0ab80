import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../src/main/core';
import type { Core } from '../../../src/main/core-types';
import { openDatabase, type Db } from '../../../src/main/store/database';
import type { BulkGrantResult, BulkRun } from '../../../src/shared/domain';
import { avery, tempDir } from '../../helpers/test-console';

/*
 * A console killed (SIGKILL) in the middle of a bulk grant over North Tower's 168 units, inside
 * a unit's transaction (the child's clock holds it there). A new core on the same folder lists
 * the run as stopped after the units it had done, and Finish grants the rest, each unit once.
 */

let child: ChildProcess | undefined;
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  child?.kill('SIGKILL');
  child = undefined;
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const killed = (): Promise<void> =>
  new Promise((resolve) => {
    if (child!.exitCode !== null || child!.signalCode !== null) return resolve();
    child!.once('exit', () => resolve());
    child!.kill('SIGKILL');
  });

/** Kills the child once it says its clock has stopped it; answers how many units it had done. */
async function killMidRun(watcher: Db, lines: string[]): Promise<number> {
  while (!lines.includes('paused')) {
    if (child!.exitCode !== null) throw new Error(`the console exited (${child!.exitCode}) before it paused`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await killed();
  return watcher.prepare('SELECT count(*) FROM bulk_run_units WHERE outcome IS NOT NULL').pluck().get() as number;
}

describe('a console killed mid bulk grant', () => {
  it('leaves the run stopped after N of 168 units; Finish on a new core grants the rest, each unit once', async () => {
    const dataDir = tempDir();
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    await createCore({ dataDir, loadDemoWhenEmpty: true }).close();
    const watcher = openDatabase({ dataDir });
    cleanups.push(() => watcher.close());

    const lines: string[] = [];
    child = spawn(process.execPath, ['--import', 'tsx', 'tests/main/access/fixtures/bulk-child.ts', dataDir, '90'], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout!.on('data', (d: Buffer) => lines.push(...d.toString().trim().split('\n')));
    const stoppedAt = await killMidRun(watcher, lines);
    expect(lines).toContain('granting');
    expect(lines.some((l) => l.startsWith('granted'))).toBe(false);
    expect(stoppedAt).toBeGreaterThan(0);
    expect(stoppedAt).toBeLessThan(168);

    const core: Core = createCore({ dataDir, operator: avery });
    cleanups.push(() => core.close());
    const listed = await core.dispatch('access.stoppedBulkRuns', {});
    expect(listed).toMatchObject({ ok: true, value: [{ what: 'Permanent PIN code for Brightway crew of Brightway Cleaning', startedBy: 'Avery Brooks', done: stoppedAt, total: 168 }] });
    const [run] = (listed as { value: BulkRun[] }).value;
    const crewCredentials = watcher.prepare("SELECT c.id, c.unit_id FROM credentials c JOIN guests g ON g.id = c.guest_id WHERE g.name = 'Brightway crew'");
    const beforeFinish = crewCredentials.all() as { id: string; unit_id: string }[];
    expect(beforeFinish).toHaveLength(stoppedAt);

    const finished = await core.dispatch('access.finishBulkRun', { runId: run!.id });
    expect(finished).toMatchObject({ ok: true });
    const outcome = (finished as { value: BulkGrantResult }).value;
    expect(outcome.granted.length + outcome.refused.length).toBe(168);
    expect(outcome.granted[0]!.unitLabel).toBe('North Tower 101');

    // Each unit granted once: one credential per unit, those from before the kill kept as they were.
    const after = crewCredentials.all() as { id: string; unit_id: string }[];
    expect(after).toHaveLength(outcome.granted.length);
    expect(new Set(after.map((c) => c.unit_id)).size).toBe(after.length);
    expect(after).toEqual(expect.arrayContaining(beforeFinish));
    expect(outcome.granted.map((g) => g.credentialId).sort()).toEqual(after.map((c) => c.id).sort());
    // ...and sent to the cloud once each.
    const queued = watcher.prepare("SELECT count(*) FROM outbox WHERE kind = 'credential.granted' AND json_extract(payload_json, '$.guest.name') = 'Brightway crew'").pluck().get();
    expect(queued).toBe(after.length);

    const summary = watcher.prepare("SELECT summary FROM audit_log WHERE action = 'access.bulk_granted' ORDER BY seq DESC LIMIT 1").pluck().get();
    expect(summary).toBe(`Finished the bulk Permanent PIN code for Brightway crew of Brightway Cleaning that stopped after ${stoppedAt} of 168 units: ${outcome.granted.length} of 168 units granted, ${outcome.refused.length} refused`);
    expect(await core.dispatch('access.stoppedBulkRuns', {})).toEqual({ ok: true, value: [] });
    expect(await core.dispatch('access.finishBulkRun', { runId: run!.id })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'runId' } });
  });
});
