import { CommandClasses, EncapsulationFlags } from '@zwave-js/core';
import { SupervisionCC, UserCodeCCExtendedUserCodeSet, type Driver, type ZWaveNode } from 'zwave-js';

/**
 * How many codes fit in one Extended User Code Set (User Code CC v2): after the number of
 * codes (1 byte), each code takes its user id (2), status (1), length (1) and its digits.
 * `room` is what the driver leaves for the command's payload after the command class and
 * command bytes and the encapsulation (S2, Supervision) on this node's route.
 */
export const extendedSetHeaderBytes = 1;
export const bytesPerCode = (code: string): number => 4 + code.length;

/** How an Extended User Code Set goes to the lock: wrapped in Supervision (the lock answers each frame) or not. */
export interface CodeFrameOptions {
  supervised: boolean;
}

/**
 * The bytes an Extended User Code Set to this lock can carry: the driver's maximum payload
 * for a singlecast to the node, less every encapsulation the driver will put around this very
 * command (S2 when User Code is secure on the node, Supervision when asked and allowed), as
 * the driver itself computes them. A probe built by hand carries no encapsulation flags (the
 * driver sets them in sendCommand), so it would be reckoned as plaintext: on an S2 lock that
 * overstated the room by S2's 12 bytes, and the driver refused every frame of three codes.
 */
export function codeFrameRoom(driver: Driver, node: ZWaveNode, options: CodeFrameOptions): number {
  const probe = new UserCodeCCExtendedUserCodeSet({ nodeId: node.id, userCodes: [] });
  if (driver.isCCSecure(CommandClasses['User Code'], node.id)) probe.toggleEncapsulationFlag(EncapsulationFlags.Security, true);
  // The driver passes itself here in sendCommand; its typings hide the node lookups it has.
  if (options.supervised && SupervisionCC.mayUseSupervision(driver as unknown as Parameters<typeof SupervisionCC.mayUseSupervision>[0], probe)) probe.toggleEncapsulationFlag(EncapsulationFlags.Supervision, true);
  return driver.computeNetCCPayloadSize(probe);
}

/** Splits codes into as few frames as the room allows, keeping their order; at least one code per frame. */
export function packCodeFrames<T extends { code: string }>(codes: readonly T[], room: number): T[][] {
  const frames: T[][] = [];
  let frame: T[] = [];
  let used = extendedSetHeaderBytes;
  for (const code of codes) {
    const size = bytesPerCode(code.code);
    if (frame.length > 0 && used + size > room) {
      frames.push(frame);
      frame = [];
      used = extendedSetHeaderBytes;
    }
    frame.push(code);
    used += size;
  }
  if (frame.length > 0) frames.push(frame);
  return frames;
}
