import type { WeekDaySchedule } from '../../../../shared/domain/matter-door-lock';
import type { ByteReader } from '../../framing/bytes';
import { readList, weekDayWire, writeList } from '../schedule-wire';
import { BitSet, CodeTable } from '../wire-enums';
import type { Codec } from './command';

/*
 * A perimeter reader's own settings, read and written whole (READ_READER_CONFIG,
 * WRITE_READER_CONFIG). Locks have none and answer not_a_reader.
 */

export const cardFormatBits = new BitSet('card formats', ['wiegand_26', 'wiegand_34', 'wiegand_37', 'osdp_secure'] as const);
export type CardFormat = (typeof cardFormatBits.bits)[number];

export const ledModes = new CodeTable('LED mode', { off: 0, on_idle: 1, on_grant_only: 2 });
export type LedMode = ReturnType<typeof ledModes.read>;

export interface ReaderConfig {
  /** OSDP bus address, 0..126 (127 is OSDP's broadcast address). */
  osdpAddress: number;
  cardFormats: CardFormat[];
  ledMode: LedMode;
  buzzer: { onGrant: boolean; onDeny: boolean };
  /** Windows in which the door stands unlocked (a lobby in office hours), reader-local time. */
  unlockedSchedule: WeekDaySchedule[];
}

export const maxOsdpAddress = 126;
const buzzerOnGrant = 0x01;
const buzzerOnDeny = 0x02;

function readBuzzer(r: ByteReader): ReaderConfig['buzzer'] {
  const flags = r.u8('buzzer flags');
  if ((flags & ~(buzzerOnGrant | buzzerOnDeny)) !== 0) r.fail(`unknown buzzer flags 0x${flags.toString(16)}`);
  return { onGrant: (flags & buzzerOnGrant) !== 0, onDeny: (flags & buzzerOnDeny) !== 0 };
}

/**
 * OSDP address u8, card formats u8 (bit 0 Wiegand 26, 1 Wiegand 34, 2 Wiegand 37, 3 OSDP
 * secure channel), LED mode u8 (0 off, 1 on when idle, 2 on at a grant only), buzzer flags u8
 * (bit 0 on grant, bit 1 on deny), unlocked windows count u8 + 5 bytes each (as a week-day schedule).
 */
export const readerConfigWire: Codec<ReaderConfig> = {
  write(w, c) {
    w.u8(c.osdpAddress, 'OSDP address');
    cardFormatBits.write(w, c.cardFormats);
    ledModes.write(w, c.ledMode);
    w.u8((c.buzzer.onGrant ? buzzerOnGrant : 0) | (c.buzzer.onDeny ? buzzerOnDeny : 0), 'buzzer flags');
    writeList(w, weekDayWire, c.unlockedSchedule, 'unlocked window');
  },
  read(r) {
    const osdpAddress = r.u8('OSDP address');
    if (osdpAddress > maxOsdpAddress) r.fail(`OSDP address ${osdpAddress} is over ${maxOsdpAddress}`);
    return {
      osdpAddress,
      cardFormats: cardFormatBits.read(r),
      ledMode: ledModes.read(r),
      buzzer: readBuzzer(r),
      unlockedSchedule: readList(r, weekDayWire, 'unlocked window'),
    };
  },
};
