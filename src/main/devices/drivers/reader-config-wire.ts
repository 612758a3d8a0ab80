import type { ReaderConfig } from '../../../shared/domain';
import { weekdays } from '../../../shared/domain/schedule';
import { daysMaskOf } from '../../../shared/domain/matter-door-lock';
import type { ReaderConfig as ReaderConfigWire } from '../keyprog/commands';

const hhmm = (h: number, m: number): string => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;

/** The Hardware page's reader configuration as the reader holds it (days as a Matter mask). */
export function toReaderWire(c: ReaderConfig): ReaderConfigWire {
  return {
    osdpAddress: c.osdpAddress,
    cardFormats: [...c.cardFormats],
    ledMode: c.led,
    buzzer: { onGrant: c.buzzerOnGrant, onDeny: c.buzzerOnDeny },
    unlockedSchedule: c.unlockedHours.map((h) => {
      const [startHour, startMinute] = h.from.split(':').map(Number) as [number, number];
      const [endHour, endMinute] = h.until.split(':').map(Number) as [number, number];
      return { daysMask: daysMaskOf(h.days), startHour, startMinute, endHour, endMinute };
    }),
  };
}

export function fromReaderWire(w: ReaderConfigWire): ReaderConfig {
  return {
    osdpAddress: w.osdpAddress,
    cardFormats: [...w.cardFormats],
    led: w.ledMode,
    buzzerOnGrant: w.buzzer.onGrant,
    buzzerOnDeny: w.buzzer.onDeny,
    unlockedHours: w.unlockedSchedule.map((s) => ({
      days: weekdays.filter((day) => (s.daysMask & daysMaskOf([day])) !== 0),
      from: hhmm(s.startHour, s.startMinute),
      until: hhmm(s.endHour, s.endMinute),
    })),
  };
}
