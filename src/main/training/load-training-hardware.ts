import type { HardwareProvider } from '../hardware/hardware-provider';

/**
 * The one door from the product to the simulators: the hosts call it only when started in
 * training mode (`--training`, or a fresh machine's demo). A dynamic import, so a console
 * started otherwise never loads simulator code at all (the build keeps it in a chunk of its own).
 */
export async function loadTrainingHardware(): Promise<HardwareProvider> {
  const { trainingHardware } = await import('../../../simulators/training/training-hardware');
  return trainingHardware;
}
