import type { DoorCapacity, EndFirst } from '../../../../shared/domain';
import { accessTypeLabel, credentialKindLabel } from '../../components/labels';

const n = (count: number): string => count.toLocaleString();
export const slots = (count: number): string => `${n(count)} slot${count === 1 ? '' : 's'}`;

/** "18 of 20 used · 2 kept for staff · 2 free for guests" */
export function usedAndFree(c: DoorCapacity): string {
  const reserved = c.reserved > 0 ? ` · ${n(c.reserved)} kept for staff and emergency codes` : '';
  return `${n(c.used)} of ${n(c.total)} used${reserved} · ${n(c.free)} free for guests`;
}

/** Where the slot count comes from, in words. */
export function slotSource(c: DoorCapacity): string {
  return c.source === 'lock' ? 'as the lock reports' : `as ${c.modelName} locks hold`;
}

/** "2.3 granted and 0.5 ended a week" over the last four weeks. */
export function rateText(c: DoorCapacity): string {
  return `${c.grantsPerWeek.toLocaleString()} granted and ${c.endsPerWeek.toLocaleString()} ended a week`;
}

/** "Temporary PIN code of Jane Doe (South Tower 204): its time is over, it still holds a slot" */
export function endFirstText(e: EndFirst, dateTime: (iso: string) => string): string {
  const what = `${accessTypeLabel(e.accessType)} ${credentialKindLabel(e.kind).toLowerCase()} of ${e.guestName} (${e.unitLabel})`;
  return e.why === 'time_over' ? `${what}: its time ended ${dateTime(e.endsAt!)}, and it still holds a slot` : `${what}: granted ${dateTime(e.createdAt)}`;
}
