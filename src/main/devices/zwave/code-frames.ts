/**
 * How many codes fit in one Extended User Code Set (User Code CC v2): after the number of
 * codes (1 byte), each code takes its user id (2), status (1), length (1) and its digits.
 * `room` is what the driver leaves for the command's payload after the command class and
 * command bytes and the encapsulation (S2, Supervision) on this node's route.
 */
export const extendedSetHeaderBytes = 1;
export const bytesPerCode = (code: string): number => 4 + code.length;

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
