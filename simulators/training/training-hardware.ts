import type { HardwareProvider } from '../../src/main/hardware/hardware-provider';
import { openBleCentral } from '../../src/main/hardware/real-hardware';
import { createSimulator } from './training-simulator';

/**
 * Training mode's hardware: one simulated key-programmer plugged in from the start, and the
 * simulated dongle, each speaking the real bytes under the product's own stack (the simulated
 * dongle is opened by the real BLE stack through its pty, or reached by loopback without socat).
 * The simulated Z-Wave stick is there too (unplugged at the first start, then where the trainee
 * left it); its locks are fitted to the demo's Z-Wave unit doors from the first start.
 * Nothing real is listed: a training console never reaches a real door.
 */
export const trainingHardware: HardwareProvider = {
  kind: 'training',
  open(env) {
    const simulator = createSimulator(env);
    void simulator.simulate({ action: 'plug' });
    return {
      buses: [simulator.bus],
      bluetooth: {
        listDongles: () => simulator.bluetooth.listDongles(),
        openCentral: async (dongle) => simulator.bluetooth.loopbackFor(dongle) ?? openBleCentral(dongle, env.bleHost),
      },
      // The simulated Z-Wave stick: zwave-js's driver on its mock controller, with the demo's Z-Wave unit locks.
      live: simulator.zwave.links,
      simulators: { simulate: (action) => simulator.simulate(action), floorId: () => simulator.bluetooth.floorId(), zwave: () => simulator.zwave.panel() },
      close: async () => {
        await simulator.bluetooth.close();
        simulator.zwave.close();
      },
    };
  },
};
