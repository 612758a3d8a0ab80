import type { HardwareSimulation } from '../../src/shared/domain';
import type { HardwareProvider } from '../../src/main/hardware/hardware-provider';
import { trainingHardware } from '../../simulators/training/training-hardware';

/**
 * A programmer and dongle on the test's bench, standing in for real ones plugged into a product
 * console (kind 'real': the console syncs, and serves no training command). The test, not the
 * console, moves doors onto the cable, as a technician's hands would: a product console can
 * never reach these controls.
 */
export function benchHardware(): { provider: HardwareProvider; hands: (action: HardwareSimulation) => Promise<void> } {
  let controls: ((action: HardwareSimulation) => Promise<void>) | null = null;
  const provider: HardwareProvider = {
    kind: 'real',
    open(env) {
      const links = trainingHardware.open(env);
      controls = links.simulators!.simulate;
      return { ...links, simulators: null };
    },
  };
  return {
    provider,
    hands: (action) => {
      if (!controls) throw new Error('The bench is not open yet: open a console on it first.');
      return controls(action);
    },
  };
}
