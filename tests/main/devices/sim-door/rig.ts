import fs from 'node:fs';
import { LockModel } from '../../../../src/shared/domain/community';
import type { LockUser } from '../../../../src/shared/domain/matter-door-lock';
import type { DeviceStatus, KeyProgrammerCommand, Malformed } from '../../../../src/main/devices/keyprog/commands';
import { commit, stageBegin, stagePut } from '../../../../src/main/devices/keyprog/commands';
import { entriesFittingStagePut, tableChecksum, type TableEntry } from '../../../../src/main/devices/keyprog/credential-table';
import { SimDoor, type SimDoorOptions } from '../../../../simulators/devices/sim-door';
import { SimKeyProgrammer, type SimKeyProgrammerOptions } from '../../../../simulators/devices/sim-key-programmer';

/** The demo community's lock models: KP-200, BT-10, KB-500 and the PR-1 reader. */
const demo = JSON.parse(fs.readFileSync('resources/demo/community.json', 'utf8')) as { lockModels: unknown[] };
const models = new Map(demo.lockModels.map((m) => LockModel.parse(m)).map((m) => [m.id, m]));
export function model(id: 'arden-kp200' | 'arden-bt10' | 'kestrel-kb500' | 'kestrel-pr1'): LockModel {
  const found = models.get(id);
  if (!found) throw new Error(`no demo lock model ${id}`);
  return found;
}

export const unrestricted: LockUser = { userType: 'unrestricted_user', weekDaySchedules: [], yearDaySchedules: [] };
export const pinEntry = (slot: number, pin = String(100000 + slot), user = unrestricted): TableEntry => ({ slot, kind: 'pin', pin, user });
export const bleEntry = (slot: number, user = unrestricted): TableEntry => ({ slot, kind: 'ble', blePass: new Uint8Array(16).fill(slot % 256), user });

/** A door on a programmer's cable and a console sending it commands through the programmer's handler. */
export function rig(modelId: Parameters<typeof model>[0], door: Partial<SimDoorOptions> = {}, programmer: SimKeyProgrammerOptions = {}) {
  let nowMs = Date.parse('2026-01-15T12:00:00Z');
  const simDoor = new SimDoor({ model: model(modelId), serial: 'SN-1', now: () => nowMs, ...door });
  const simProgrammer = new SimKeyProgrammer({ writeMsPerEntry: 0, ...programmer });
  simProgrammer.attach(simDoor);

  /** Encodes, hands the payload to the programmer as the transport would, decodes. Commands without arguments take none. */
  async function send<A, R extends { status: DeviceStatus }>(
    command: KeyProgrammerCommand<A, R>,
    ...[args, signal = new AbortController().signal]: [A] extends [void] ? [args?: A, signal?: AbortSignal] : [args: A, signal?: AbortSignal]
  ): Promise<R | Malformed> {
    return command.decode(await simProgrammer.handle(command.encode(args as A), signal));
  }

  /** The driver's flow in miniature: stage from `base` (or empty), put in batches, commit. */
  async function program(entries: readonly TableEntry[], table: readonly TableEntry[] = entries, from: { base: number } | 'empty' = 'empty') {
    const begun = await send(stageBegin, from === 'empty' ? { baseChecksum: 0, fromEmpty: true } : { baseChecksum: from.base, fromEmpty: false });
    if (begun.status !== 'ok') return begun;
    for (let i = 0; i < entries.length; ) {
      const count = entriesFittingStagePut(entries.slice(i));
      const put = await send(stagePut, { entries: entries.slice(i, i + count) });
      if (put.status !== 'ok') return put;
      i += count;
    }
    return send(commit, { expectedChecksum: tableChecksum(table) });
  }

  return {
    door: simDoor,
    programmer: simProgrammer,
    send,
    program,
    advanceTo: (iso: string) => void (nowMs = Date.parse(iso)),
  };
}
