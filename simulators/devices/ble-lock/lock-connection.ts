import type { PeripheralLink } from '../../../src/main/devices/ble/gatt';
import type { EphemeralKey } from '../../../src/main/devices/ble/protocol/ephemeral-key';
import { confirmationMatches, deriveHandshakeSecrets, transcriptHash, type HandshakeSecrets } from '../../../src/main/devices/ble/protocol/key-schedule';
import type { LockErrorCode } from '../../../src/main/devices/ble/protocol/lock-errors';
import { responseUuid } from '../../../src/main/devices/ble/protocol/lock-service';
import { maxAttMtu } from '../../../src/main/devices/ble/protocol/limits';
import { decodeConsoleMessage, encodeLockConfirm, encodeLockError, encodeLockHello, type ConsoleMessage, type HandshakeMode } from '../../../src/main/devices/ble/protocol/messages';
import { RecordOpener, RecordSealer } from '../../../src/main/devices/ble/protocol/record';
import { decodeConsoleContent, encodeAnswer, encodeProvisioned } from '../../../src/main/devices/ble/protocol/record-content';
import { SegmentAssembler, segmentMessage } from '../../../src/main/devices/ble/protocol/segments';

/** What the lock's firmware lends each connection: its secrets and its application. */
export interface LockFirmware {
  readonly serial: string;
  ephemeral(): EphemeralKey;
  secretFor(mode: HandshakeMode): { secret: Uint8Array } | { refusal: LockErrorCode };
  handshakeFailed(mode: HandshakeMode): void;
  handshakeSucceeded(mode: HandshakeMode): void;
  commission(lockKey: Uint8Array): void;
  /** A command payload's answer, or null when none will come (the link went mid-command). */
  run(payload: Uint8Array, signal: AbortSignal): Promise<Uint8Array | null>;
}

type Phase =
  | { name: 'hello' }
  | { name: 'confirm'; mode: HandshakeMode; secrets: HandshakeSecrets }
  | { name: 'open'; mode: HandshakeMode; sealer: RecordSealer; opener: RecordOpener }
  | { name: 'ended' };

/**
 * The lock's side of one connection, byte for byte the spec: the handshake as responder, then
 * sealed requests run one by one and answered. Anything it cannot accept ends the session:
 * ERROR with the reason, then it hangs up, forgetting the keys (and, with them, its stage).
 */
export class LockConnection {
  // The ATT layer already refused any write over the MTU: this guards the message size.
  private readonly assembler = new SegmentAssembler(maxAttMtu);
  private phase: Phase = { name: 'hello' };
  private readonly work = new AbortController();

  constructor(
    private readonly firmware: LockFirmware,
    private readonly link: PeripheralLink,
  ) {}

  received(segment: Uint8Array): void {
    if (this.phase.name === 'ended') return;
    const step = this.assembler.push(segment);
    if (step.kind === 'refused') return this.refuse('protocol');
    if (step.kind === 'message') this.handle(decodeConsoleMessage(step.message));
  }

  /** The link is gone: work in progress stops, nothing more is sent. */
  ended(): void {
    this.phase = { name: 'ended' };
    this.work.abort(new Error('The Bluetooth link dropped'));
  }

  private handle(message: ConsoleMessage | { type: 'malformed' }): void {
    const phase = this.phase;
    if (phase.name === 'hello' && message.type === 'console_hello') return this.hello(message.mode, message.publicKey);
    if (phase.name === 'confirm' && message.type === 'console_confirm') return this.confirm(phase, message.confirmation);
    if (phase.name === 'open' && message.type === 'sealed') return this.sealed(phase, message.record);
    this.refuse('protocol');
  }

  private hello(mode: HandshakeMode, consolePublicKey: Uint8Array): void {
    const secret = this.firmware.secretFor(mode);
    if ('refusal' in secret) return this.refuse(secret.refusal);
    const ephemeral = this.firmware.ephemeral();
    const shared = ephemeral.sharedSecret(consolePublicKey);
    if (!shared) return this.refuse('protocol');
    const transcript = transcriptHash({ mode, serial: this.firmware.serial, consolePublicKey, lockPublicKey: ephemeral.publicKey });
    this.phase = { name: 'confirm', mode, secrets: deriveHandshakeSecrets(secret.secret, shared, transcript) };
    this.send(encodeLockHello(ephemeral.publicKey));
  }

  private confirm(phase: Extract<Phase, { name: 'confirm' }>, confirmation: Uint8Array): void {
    if (!confirmationMatches(phase.secrets.consoleConfirmation, confirmation)) {
      this.firmware.handshakeFailed(phase.mode);
      return this.refuse('auth_failed');
    }
    this.firmware.handshakeSucceeded(phase.mode);
    const { keys } = phase.secrets;
    this.phase = { name: 'open', mode: phase.mode, sealer: new RecordSealer(keys.lockToConsole, 'lock_to_console'), opener: new RecordOpener(keys.consoleToLock, 'console_to_lock') };
    this.send(encodeLockConfirm(phase.secrets.lockConfirmation));
  }

  private sealed(phase: Extract<Phase, { name: 'open' }>, record: Uint8Array): void {
    const opened = phase.opener.open(record);
    if (!opened.ok) return this.refuse(opened.refusal === 'replayed' ? 'replay_refused' : opened.refusal === 'tampered' ? 'tampered' : 'protocol');
    const content = decodeConsoleContent(opened.plaintext);
    if (phase.mode === 'session' && content.kind === 'request') return void this.answer(phase, opened.counter, content.payload);
    if (phase.mode === 'commissioning' && content.kind === 'provision') {
      this.firmware.commission(content.lockKey);
      this.send(phase.sealer.seal(encodeProvisioned(opened.counter)).record);
      // The session's keys came from the setup code, which is now dead: hang up.
      this.phase = { name: 'ended' };
      return this.link.disconnect();
    }
    this.refuse('protocol');
  }

  private async answer(phase: Extract<Phase, { name: 'open' }>, counter: number, payload: Uint8Array): Promise<void> {
    const answer = await this.firmware.run(payload, this.work.signal).catch(() => null);
    if (answer === null || this.phase !== phase) return;
    this.send(phase.sealer.seal(encodeAnswer(counter, answer)).record);
  }

  private refuse(code: LockErrorCode): void {
    this.send(encodeLockError(code));
    this.phase = { name: 'ended' };
    this.link.disconnect();
  }

  private send(message: Uint8Array): void {
    for (const segment of segmentMessage(message, this.link.mtu)) this.link.notify(responseUuid, segment);
  }
}
