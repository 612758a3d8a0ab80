import type { ReaderConfig } from '../../src/main/devices/keyprog/commands/reader-config';

/** How many unlocked windows a simulated reader holds. */
export const readerWindowCapacity = 8;

const factoryConfig: ReaderConfig = {
  osdpAddress: 0,
  cardFormats: ['wiegand_26'],
  ledMode: 'on_idle',
  buzzer: { onGrant: true, onDeny: true },
  unlockedSchedule: [],
};

/** A perimeter reader's own settings, as it left the factory until written. */
export class SimDoorReader {
  private current: ReaderConfig = factoryConfig;

  get config(): ReaderConfig {
    return structuredClone(this.current);
  }

  write(config: ReaderConfig): 'ok' | 'schedule_unsupported' {
    if (config.unlockedSchedule.length > readerWindowCapacity) return 'schedule_unsupported';
    this.current = structuredClone(config);
    return 'ok';
  }
}
