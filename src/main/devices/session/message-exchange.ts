/**
 * What a session offers the drivers above it: MSG exchanges, the device lock, closing. The
 * key-programmer's HID session and a Bluetooth lock's session both have it, so one driver runs
 * over either.
 */
export interface MessageExchange {
  exchange(command: 'msg', payload: Uint8Array, options: { signal: AbortSignal; timeoutMs?: number }): Promise<{ payload: Uint8Array }>;
  lock(seconds: number, options: { signal: AbortSignal }): Promise<void>;
  close(): Promise<void>;
}
