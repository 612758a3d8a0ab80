import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SimulatedLockSpec } from './lock-spec';

/** Manufacturer Specific CC ids of the simulated locks: "not defined" maker, a product type of their own. */
export const SIM_MANUFACTURER_ID = 0xffff;
export const SIM_PRODUCT_TYPE = 0x5054;

/**
 * zwave-js names a device from its configuration database by manufacturer and product ids; a
 * simulated lock has no entry there, so its label ("Simulated keypad deadbolt") is given in a
 * device file of its own, in the directory zwave-js reads before its database.
 */
export async function writeDeviceConfigs(dir: string, specs: readonly SimulatedLockSpec[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  const byProduct = new Map(specs.map((spec) => [spec.productId, spec]));
  for (const [productId, spec] of byProduct) {
    const hex = (n: number) => `0x${n.toString(16).padStart(4, '0')}`;
    const file = {
      manufacturer: spec.manufacturer,
      manufacturerId: hex(SIM_MANUFACTURER_ID),
      label: spec.product,
      description: spec.product,
      devices: [{ productType: hex(SIM_PRODUCT_TYPE), productId: hex(productId) }],
      firmwareVersion: { min: '0.0', max: '255.255' },
    };
    await writeFile(join(dir, `simulated-${hex(productId)}.json`), JSON.stringify(file, null, 2));
  }
}
