import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BleDongleInfo, VirtualPeripheral } from '../../../src/main/devices/ble/gatt';
import type { ControllerTiming } from './controller-timing';
import { SimulatedHciController } from './hci-controller';

/** What may wait in the pipe to socat when no stack reads the port. */
const unreadLimit = 1 << 20;

export interface SimulatedDongleOptions extends Partial<ControllerTiming> {
  peripherals?: readonly VirtualPeripheral[];
  /** The dongle's public address. */
  address?: string;
  random?: () => number;
}

export interface SimulatedDongle {
  /** The serial port the BLE stack opens (a symlink to the pty). */
  readonly port: string;
  readonly dongleInfo: BleDongleInfo;
  readonly controller: SimulatedHciController;
  addPeripheral(peripheral: VirtualPeripheral): void;
  removePeripheral(peripheral: VirtualPeripheral): void;
  /** Pulled out: the port goes away under the stack. */
  unplug(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A simulated HCI dongle on a serial port, where a UART dongle's bytes would enter the stack.
 * Node cannot open a pty itself, so socat holds one and copies it to and from this process's
 * pipes; the controller sits on the pipes. Killing socat takes the port away, as unplugging does.
 */
export async function startSimulatedDongle(options: SimulatedDongleOptions = {}): Promise<SimulatedDongle> {
  const { peripherals, address, random, ...timing } = options;
  const directory = await mkdtemp(join(tmpdir(), 'porter-hci-'));
  const port = join(directory, 'dongle');
  const socat = spawn('socat', ['-d', '-d', `pty,rawer,echo=0,link=${port}`, 'STDIO'], { stdio: ['pipe', 'pipe', 'pipe'] });
  try {
    await transferStarted(socat);
  } catch (error) {
    socat.kill();
    await rm(directory, { recursive: true, force: true });
    throw error;
  }

  const stdin = socat.stdin!;
  stdin.on('error', () => undefined); // EPIPE once socat is gone: the dongle is unplugged anyway
  // One write per turn of the event loop, not one per HCI packet: fewer, larger pty reads.
  const write = (bytes: Uint8Array) => {
    // Nobody reads the port (no central has it open): bytes are lost, as on a real UART.
    if (stdin.writableLength > unreadLimit) return;
    if (stdin.writableCorked === 0) {
      stdin.cork();
      process.nextTick(() => stdin.uncork());
    }
    stdin.write(bytes);
  };
  const controller = new SimulatedHciController({ peripherals, address, random, timing, transmit: (bytes) => write(bytes) });
  socat.stdout!.on('data', (chunk: Buffer) => controller.receive(chunk));
  const exited = new Promise<void>((resolve) => socat.once('exit', () => resolve()));
  void exited.then(() => controller.unplug());

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      controller.unplug();
      if (socat.exitCode === null && socat.signalCode === null) socat.kill('SIGTERM');
      await exited;
      await rm(directory, { recursive: true, force: true });
    })();
    return closing;
  };

  return {
    port,
    dongleInfo: { id: `uart:${port}`, transport: 'uart', label: 'Simulated HCI dongle', vendorId: null, productId: null, port, simulated: true },
    controller,
    addPeripheral: (peripheral) => controller.addPeripheral(peripheral),
    removePeripheral: (peripheral) => controller.removePeripheral(peripheral),
    unplug: close,
    close,
  };
}

/** Resolves once socat holds the pty and copies both ways; rejects if it cannot start. */
function transferStarted(socat: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let log = '';
    const onLog = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('starting data transfer loop')) finish(null);
    };
    const onError = (error: NodeJS.ErrnoException) =>
      finish(error.code === 'ENOENT' ? new Error('The simulated dongle needs socat (apt install socat)') : error);
    const onExit = () => finish(new Error(`socat exited before the pty was ready: ${log.trim()}`));
    const finish = (error: Error | null) => {
      socat.stderr!.off('data', onLog);
      socat.off('error', onError);
      socat.off('exit', onExit);
      socat.stderr!.resume(); // socat keeps logging; nobody reads it, nothing may block
      if (error) reject(error);
      else resolve();
    };
    socat.stderr!.on('data', onLog);
    socat.once('error', onError);
    socat.once('exit', onExit);
  });
}
