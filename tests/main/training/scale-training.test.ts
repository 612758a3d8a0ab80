import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { trainingHardware } from '../../../simulators/training/training-hardware';
import { sealAuditLogNow } from '../../../src/main/activity/seal-audit-log';
import { createCore } from '../../../src/main/core';
import type { Core } from '../../../src/main/core-types';
import type { BluetoothOverview } from '../../../src/shared/domain';
import { loadScaleCommunity } from '../../../src/main/demo/load-scale-community';
import { processSecrets } from '../../../src/main/secrets/memory-secret-store';
import { openDatabase } from '../../../src/main/store/database';
import { avery, tempDir } from '../../helpers/test-console';

let core: Core | null = null;
let dir: string | null = null;
afterEach(async () => {
  await core?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  core = null;
  dir = null;
});

describe('training on a scale community', () => {
  // It used to start on the demo's floor north-f2 and log "no floor with this id" every few seconds.
  it('starts the simulated technician on a floor of that community with Bluetooth locks in range, and logs no error', async () => {
    dir = tempDir();
    const db = openDatabase({ dataDir: dir });
    sealAuditLogNow(db, processSecrets, () => new Date());
    loadScaleCommunity(db, () => new Date(), 500);
    db.close();
    const errors: unknown[] = [];
    core = createCore({ dataDir: dir, operator: avery, hardware: trainingHardware, syncIntervalMs: 3_600_000, logError: (_c, e) => errors.push(e) });

    const scanning = async () => {
      for (;;) {
        const answer = await core!.dispatch('hardware.bluetooth', {});
        if (!answer.ok) throw new Error(answer.error.message);
        const overview = answer.value as BluetoothOverview;
        if (overview.state === 'scanning' && overview.locks.length > 0) return overview;
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const overview = await scanning();
    expect(overview.simulatedFloorId).toMatch(/^b01-f\d+$/);
    expect(overview.locks.every((l) => l.door?.id.startsWith('door-b01-'))).toBe(true);
    expect(errors).toEqual([]);
  });
});
