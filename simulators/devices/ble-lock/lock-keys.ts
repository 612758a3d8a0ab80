import { randomBytes } from 'node:crypto';
import { setupKeyOfSync } from '../../../src/main/devices/ble/protocol/key-schedule';
import type { LockErrorCode } from '../../../src/main/devices/ble/protocol/lock-errors';
import type { HandshakeMode } from '../../../src/main/devices/ble/protocol/messages';

/** Five wrong setup codes in a row shut commissioning for ten minutes: 10^8 codes cannot be tried online. */
const maxSetupFailures = 5;
const lockoutMs = 10 * 60_000;

/**
 * What a Bluetooth lock keeps secret: the setup key from the factory (the label's code run
 * through PBKDF2, so the code itself is not in the lock) and, once commissioned, its lock key.
 */
export class LockKeys {
  private lockKey: Uint8Array | null;
  private setupKey: Uint8Array | null = null;
  private impostorKey: Uint8Array | null = null;
  private setupFailures = 0;
  private lockedOutUntil = 0;

  constructor(
    private readonly serial: string,
    private readonly setupCode: string,
    lockKey: Uint8Array | null,
    private readonly now: () => number,
  ) {
    this.lockKey = lockKey ? Uint8Array.from(lockKey) : null;
  }

  get commissioned(): boolean {
    return this.lockKey !== null;
  }

  /** The secret a handshake in `mode` is keyed by, or why the lock refuses it. */
  secretFor(mode: HandshakeMode): { secret: Uint8Array } | { refusal: LockErrorCode } {
    if (mode === 'session') return this.lockKey ? { secret: this.impostorKey ?? this.lockKey } : { refusal: 'not_commissioned' };
    if (this.lockKey) return { refusal: 'already_commissioned' };
    if (this.now() < this.lockedOutUntil) return { refusal: 'too_many_attempts' };
    // Derived when first needed: PBKDF2's rounds cost a moment, which a demo of fifty locks would feel.
    this.setupKey ??= setupKeyOfSync(this.setupCode, this.serial);
    return { secret: this.setupKey };
  }

  handshakeFailed(mode: HandshakeMode): void {
    if (mode !== 'commissioning' || ++this.setupFailures < maxSetupFailures) return;
    this.setupFailures = 0;
    this.lockedOutUntil = this.now() + lockoutMs;
  }

  handshakeSucceeded(mode: HandshakeMode): void {
    if (mode === 'commissioning') this.setupFailures = 0;
  }

  /** PROVISION: from now on only this key opens sessions, and the setup code is dead. */
  commission(lockKey: Uint8Array): void {
    this.lockKey = Uint8Array.from(lockKey);
  }

  /** The button inside the housing: back to the setup code. */
  factoryReset(): void {
    this.lockKey = null;
    this.setupFailures = 0;
    this.lockedOutUntil = 0;
  }

  /** The wrong-key fault: the lock answers as if it held another key, until cleared. */
  holdAnotherKey(on: boolean): void {
    this.impostorKey = on ? Uint8Array.from(randomBytes(32)) : null;
  }

  /** For tests: does the lock hold exactly this key? */
  holds(lockKey: Uint8Array): boolean {
    return this.lockKey !== null && Buffer.from(this.lockKey).equals(Buffer.from(lockKey));
  }
}
