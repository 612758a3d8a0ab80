import type { DataTopic } from '../../shared/contract';
import type { AccessContext } from '../access/access-context';
import { openKeyProgrammer } from '../devices/drivers/open-key-programmer';
import type { BleDongleInfo } from '../devices/ble/gatt';
import { listBleDongles } from '../devices/links/ble-dongles';
import { createNodeHidBus } from '../devices/links/node-hid-bus';
import { openRemoteCentral, type BleHostEntry } from '../devices/links/ble-host/remote-central';
import { openNobleCentral } from '../devices/links/noble-central';
import { createHardwareService, type HardwareService } from './hardware-service';
import { createSimulator } from '../../../simulators/training/training-simulator';

export type HardwareMode = 'auto' | 'simulated' | 'off';

/**
 * The hardware a core works with. In 'auto' the real bus is always watched; the simulated
 * programmer is plugged in only when the first listing finds no real one, so the simulator is
 * never chosen silently over a programmer that is there (and the page labels it "Simulated").
 */
export function startHardware(ctx: AccessContext & { changed: (topics: DataTopic[]) => void }, mode: HardwareMode, bleHost?: BleHostEntry): HardwareService {
  const realBus = mode === 'auto' ? createNodeHidBus() : null;
  const simulator = mode === 'off' ? null : createSimulator(ctx);
  // Like the programmer: the simulated dongle only when the first listing finds no real one.
  let simulateDongle: boolean | null = mode === 'simulated' ? true : null;
  const listDongles = async (): Promise<BleDongleInfo[]> => {
    const real = mode === 'auto' ? await listBleDongles().catch(() => []) : [];
    simulateDongle ??= real.length === 0;
    return simulator && simulateDongle ? [...real, ...(await simulator.bluetooth.listDongles())] : real;
  };
  const service = createHardwareService({
    ...ctx,
    buses: realBus ? [realBus] : [],
    simulator,
    openDriver: (link) => openKeyProgrammer(link),
    bluetooth:
      mode === 'off'
        ? null
        : {
            listDongles,
            openCentral: async (dongle) => simulator?.bluetooth.loopbackFor(dongle) ?? (bleHost ? openRemoteCentral(dongle, bleHost) : openNobleCentral(dongle)),
            logError: (error) => console.error('[porter] Bluetooth:', error),
          },
  });
  if (simulator && realBus)
    void realBus.list().then(
      (found) => (found.length === 0 ? simulator.simulate({ action: 'plug' }) : undefined),
      () => simulator.simulate({ action: 'plug' }),
    );
  else if (simulator) void simulator.simulate({ action: 'plug' });
  return service;
}
