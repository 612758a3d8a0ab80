import { transportCommands, transportErrors, type TransportError } from '../../../../src/main/devices/framing/commands';
import { BROADCAST_CHANNEL } from '../../../../src/main/devices/framing/constants';
import { MessageAssembler, type HidMessage } from '../../../../src/main/devices/framing/message-assembler';
import { encodeMessage, parsePacket } from '../../../../src/main/devices/framing/packets';
import { decodeInitResponse } from '../../../../src/main/devices/framing/transport-payloads';
import { SimHidDevice, type SimHidDeviceOptions } from '../../../../simulators/devices/sim-hid-device';

/** A simulated programmer driven report by report, without a bus or a session in between. */
export function rawDevice(options: SimHidDeviceOptions = {}) {
  const device = new SimHidDevice(options);
  const out: Uint8Array[] = [];
  device.connect((report) => out.push(report));

  const send = (channelId: number, command: number, payload: Uint8Array) => {
    for (const report of encodeMessage(channelId, command, payload)) device.receive(report);
  };

  /** Every whole message the programmer sent so far (and forgets them). */
  const answers = (): HidMessage[] => {
    const messages: HidMessage[] = [];
    const assemblers = new Map<number, MessageAssembler>();
    for (const report of out.splice(0)) {
      const packet = parsePacket(report)!;
      const assembler = assemblers.get(packet.channelId) ?? new MessageAssembler(packet.channelId);
      assemblers.set(packet.channelId, assembler);
      const step = assembler.accept(packet);
      if (step.status === 'complete') messages.push(step.message);
      if (step.status === 'failed') throw new Error(`The programmer sent a broken message: ${step.error}`);
    }
    return messages;
  };

  const openChannel = (): number => {
    send(BROADCAST_CHANNEL, transportCommands.init, Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8));
    const [answer] = answers();
    return decodeInitResponse(answer!.payload)!.channelId;
  };

  return { device, out, send, answers, openChannel };
}

export const errorAnswer = (channelId: number, error: TransportError): HidMessage => ({
  channelId,
  command: transportCommands.error,
  payload: Uint8Array.of(transportErrors[error]),
});
