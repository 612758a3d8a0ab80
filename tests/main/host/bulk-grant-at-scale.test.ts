import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startBrowserHost, type BrowserHost } from '../../../src/main/host/browser-host';
import { openDatabase } from '../../../src/main/store/database';
import { defaultPayloadBytes } from '../../../src/shared/contract';
import type { Envelope } from '../../../src/shared/envelope';
import type { BulkGrantResult, UnitPage } from '../../../src/shared/domain';
import type { ServerFrame } from '../../../src/shared/wire';
import { tempDir } from '../../helpers/test-console';

/*
 * The largest legitimate command: a delivery code on every unit of a 10,000-unit community,
 * the units named one by one, through the browser host as a tab sends it. Generating the
 * community takes a while on a small machine; this is the one test that does it.
 */

let host: BrowserHost;
let dataDir: string;
let rendererDir: string;
let tab: WebSocket;
beforeAll(async () => {
  dataDir = tempDir();
  rendererDir = tempDir('porter-renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Porter</title>');
  host = await startBrowserHost({ port: 0, rendererDir, core: { dataDir, loadDemoWhenEmpty: true, demoScale: 10_000 } });
  tab = new WebSocket(`${host.origin.replace('http', 'ws')}/porter?token=${host.token}`, { origin: host.origin });
  await new Promise((resolve) => tab.once('open', resolve));
});
afterAll(async () => {
  await tab?.close();
  await host?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(rendererDir, { recursive: true, force: true });
});

let nextId = 1;
function call<T>(command: string, input: unknown): Promise<Envelope<T>> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const onClose = (code: number): void => reject(new Error(`The host closed the tab's connection (${code})`));
    const onMessage = (data: WebSocket.RawData): void => {
      const frame = JSON.parse(String(data)) as ServerFrame;
      if ('id' in frame && frame.id === id) {
        tab.off('message', onMessage);
        tab.off('close', onClose);
        resolve(frame.envelope as Envelope<T>);
      }
    };
    tab.on('message', onMessage);
    tab.once('close', onClose);
    tab.send(JSON.stringify({ id, command, input }));
  });
}

describe('a bulk grant over every unit of a 10,000-unit community, by id', () => {
  it('grants every unit', async () => {
    expect(await call('staff.signIn', { staffId: 'avery', passcode: '1357' })).toMatchObject({ ok: true });
    const unitIds: string[] = [];
    let total = Infinity;
    while (unitIds.length < total) {
      const page = await call<UnitPage>('units.list', { offset: unitIds.length, limit: 500 });
      if (!page.ok) throw new Error(page.error.message);
      total = page.value.total;
      unitIds.push(...page.value.rows.map((row) => row.id));
    }
    expect(unitIds).toHaveLength(10_000);
    const request = {
      target: { scope: 'units', unitIds },
      kind: 'pin',
      audience: 'guest',
      guest: { name: 'Dash Couriers', phone: '312-555-0100' },
      schedule: { type: 'delivery' },
    };
    // Well over the limit every other command keeps to.
    expect(JSON.stringify(request).length).toBeGreaterThan(defaultPayloadBytes);

    const result = await call<BulkGrantResult>('access.bulkGrant', request);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    expect(result.value.refused).toEqual([]);
    expect(new Set(result.value.granted.map((g) => g.unitId))).toEqual(new Set(unitIds));

    const db = openDatabase({ dataDir });
    try {
      const live = db
        .prepare('SELECT count(DISTINCT unit_id) FROM credentials WHERE id IN (SELECT value FROM json_each(?)) AND ended_at IS NULL')
        .pluck()
        .get(JSON.stringify(result.value.granted.map((g) => g.credentialId)));
      expect(live).toBe(10_000);
    } finally {
      db.close();
    }
  });
});
