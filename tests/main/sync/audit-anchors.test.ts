import { afterEach, describe, expect, it } from 'vitest';
import type { ImmediateSecretStore } from '../../../src/main/secrets/memory-secret-store';
import { readAuditKeyNow } from '../../../src/main/secrets/audit-key';
import { auditHead } from '../../../src/main/store/audit-log';
import { storeIdOf } from '../../../src/main/store/audit-seal';
import { startTestCloud, type TestCloud } from '../../cloud/helpers/test-cloud';
import { appendByHand, cutShort, editEntry, lastSeq, rewriteChain } from '../../helpers/audit-tamper';
import { call, comboUnit, jane, linkedFetch, memorySecrets, openTestConsole, signIn, type TestConsole } from '../../helpers/test-console';
import { setUpSync } from '../../helpers/cloud-pairing';

let cloud: TestCloud | null = null;
const consoles: TestConsole[] = [];
afterEach(async () => {
  for (const c of consoles.splice(0)) await c.close();
  await cloud?.close();
  cloud = null;
});

const grant = (name: string) => ({ unitId: comboUnit, kind: 'pin', audience: 'guest', schedule: { type: 'permanent' }, guest: { ...jane, name } }) as const;

interface Paired {
  console: TestConsole;
  secrets: ImmediateSecretStore;
  link: { online: boolean };
  consoleId: string;
}

/** A console paired with the test cloud that made a few grants and synced them. */
async function pairedConsole(): Promise<Paired> {
  cloud ??= await startTestCloud();
  const link = { online: true };
  const secrets = memorySecrets();
  const c = openTestConsole(undefined, {
    secrets,
    syncFetch: linkedFetch(link),
  });
  consoles.push(c);
  await setUpSync(c, cloud, 'Front desk');
  await signIn(c);
  for (const name of ['Ana Ruiz', 'Ben Okafor', 'Cleo Hart']) await call(c, 'access.grant', grant(name));
  await call(c, 'sync.now', {});
  const consoleId = c.db.prepare("SELECT value FROM settings WHERE key = 'sync.console_id'").pluck().get() as string;
  return { console: c, secrets, link, consoleId };
}

const cloudAnchor = (p: Paired) => cloud!.store.latestAuditAnchor(p.consoleId);

describe('the chain head goes to the cloud with each sync round', () => {
  it('the cloud holds this console’s newest entry after every round, each chained to the one before', async () => {
    const p = await pairedConsole();
    expect(await cloudAnchor(p)).toMatchObject(auditHead(p.console.db)!);
    await call(p.console, 'access.grant', grant('Dee Park'));
    await call(p.console, 'sync.now', {});
    expect(await cloudAnchor(p)).toMatchObject(auditHead(p.console.db)!);
    expect(await call(p.console, 'activity.verify', {})).toMatchObject({ intact: true, findings: [], cloud: { state: 'checked', seq: auditHead(p.console.db)!.seq } });
  });

  it('a lost record of the last anchor (a settings row restored from a backup) is settled with the cloud, not refused', async () => {
    const p = await pairedConsole();
    p.console.db.prepare("DELETE FROM settings WHERE key = 'audit.anchored'").run();
    await call(p.console, 'access.grant', grant('Dee Park'));
    await call(p.console, 'sync.now', {});
    expect(await cloudAnchor(p)).toMatchObject(auditHead(p.console.db)!);
  });

  it('verifying with the cloud out of reach still checks the log, and says the cloud was not asked', async () => {
    const p = await pairedConsole();
    p.link.online = false;
    expect(await call(p.console, 'activity.verify', {})).toMatchObject({ intact: true, cloud: { state: 'unreachable', seq: null } });
  });
});

describe('activity.verify reports each of the four tamperings', () => {
  it('an edited row', async () => {
    const p = await pairedConsole();
    const target = lastSeq(p.console.db) - 1;
    editEntry(p.console.db, target, 'Granted nothing to nobody');
    expect(await call(p.console, 'activity.verify', {})).toMatchObject({ intact: false, firstBrokenSeq: target, findings: [{ kind: 'edited', fromSeq: target, toSeq: target }] });
  });

  it('a log rewritten without the key, and one rewritten with it (caught by the cloud’s anchor)', async () => {
    const p = await pairedConsole();
    const anchored = (await cloudAnchor(p))!;
    rewriteChain(p.console.db, null, 1, { seq: 3, summary: 'Nothing happened here' });
    expect((await call(p.console, 'activity.verify', {})).findings).toEqual([
      { kind: 'rewritten', fromSeq: 1, toSeq: anchored.seq, source: 'chain', heldSeq: null },
      { kind: 'rewritten', fromSeq: anchored.seq, toSeq: anchored.seq, source: 'cloud', heldSeq: anchored.seq },
    ]);
    const key = readAuditKeyNow(p.secrets, storeIdOf(p.console.db))!.key;
    rewriteChain(p.console.db, key, 1);
    expect((await call(p.console, 'activity.verify', {})).findings).toEqual([{ kind: 'rewritten', fromSeq: anchored.seq, toSeq: anchored.seq, source: 'cloud', heldSeq: anchored.seq }]);
  });

  it('a log cut short: the cloud holds a later entry than the log ends at', async () => {
    const p = await pairedConsole();
    const anchored = (await cloudAnchor(p))!;
    cutShort(p.console.db, 4);
    expect(await call(p.console, 'activity.verify', {})).toMatchObject({
      intact: false,
      lastSeq: anchored.seq - 4,
      findings: [{ kind: 'truncated', fromSeq: anchored.seq - 3, toSeq: anchored.seq, source: 'cloud', heldSeq: anchored.seq }],
      cloud: { state: 'checked', seq: anchored.seq },
    });
  });

  it('a log cut short that grew past the anchor again: the cloud refuses its new head, and verify still sees it', async () => {
    const p = await pairedConsole();
    const anchored = (await cloudAnchor(p))!;
    cutShort(p.console.db, 4);
    // Five grants, at least an entry each: past the 4 entries cut, whatever else a round logs.
    for (const name of ['Dee Park', 'Eli Moss', 'Fay Lin', 'Gus Hale', 'Ida Ross']) await call(p.console, 'access.grant', grant(name));
    expect(await call(p.console, 'sync.now', {})).toMatchObject({ state: 'online', pending: 0 }); // sync itself goes on
    expect(lastSeq(p.console.db)).toBeGreaterThan(anchored.seq);
    expect(await cloudAnchor(p)).toEqual(anchored);
    expect((await call(p.console, 'activity.verify', {})).findings).toEqual([{ kind: 'rewritten', fromSeq: anchored.seq, toSeq: anchored.seq, source: 'cloud', heldSeq: anchored.seq }]);
  });

  it('a log extended by hand', async () => {
    const p = await pairedConsole();
    const end = lastSeq(p.console.db);
    appendByHand(p.console.db, 3);
    expect((await call(p.console, 'activity.verify', {})).findings).toEqual([{ kind: 'extended', fromSeq: end + 1, toSeq: end + 3, source: 'chain', heldSeq: null }]);
  });
});

describe('every CSV export closes with the chain head', () => {
  it('its closing line names the newest entry; given back to verify, it shows a log cut short since', async () => {
    const t = openTestConsole();
    consoles.push(t);
    await call(t, 'access.grant', grant('Ana Ruiz'));
    // Filtered or not, the closing line is the whole log's head.
    const file = await call(t, 'activity.export', { action: 'access.granted' });
    const lines = file.csv.trimEnd().split(/\r?\n/);
    const closing = lines.at(-1)!.split(',');
    const head = auditHead(t.db)!;
    expect(closing.slice(0, 3)).toEqual(['chain head', String(head.seq), head.hash]);
    expect(file.rows).toBe(lines.length - 2); // the header and the closing line are not entries

    const exportHead = { seq: Number(closing[1]), hash: closing[2]! };
    expect(await call(t, 'activity.verify', { exportHead })).toMatchObject({ intact: true, exportSeq: head.seq, cloud: { state: 'not_set_up' } });
    cutShort(t.db, 2);
    expect((await call(t, 'activity.verify', { exportHead })).findings).toEqual([{ kind: 'truncated', fromSeq: head.seq - 1, toSeq: head.seq, source: 'export', heldSeq: head.seq }]);
  });

  it('a malformed export head is refused by the contract, naming the field', async () => {
    const t = openTestConsole();
    consoles.push(t);
    expect(await t.core.dispatch('activity.verify', { exportHead: { seq: 3, hash: 'not a hash' } })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'exportHead.hash' } });
  });
});
