import { MockZWaveFrameType, type MockController, type MockControllerBehavior } from '@zwave-js/testing';

/** Traffic on the simulated stick, for the bench: Serial API frames each way, and Z-Wave commands over the air. */
export interface FrameCounts {
  /** Serial API data frames the host (zwave-js) wrote to the stick. */
  hostToStick: number;
  /** Serial API data frames the stick wrote to the host (responses, callbacks, commands from nodes). */
  stickToHost: number;
  /** ACK/NAK/CAN bytes, both ways. */
  handshakes: number;
  /** Z-Wave frames the stick sent to nodes (each radio transmission, encapsulation included). */
  commandsToNodes: number;
  /** Z-Wave frames nodes sent to the stick. */
  commandsFromNodes: number;
}

const SOF = 0x01;

export function emptyCounts(): FrameCounts {
  return { hostToStick: 0, stickToHost: 0, handshakes: 0, commandsToNodes: 0, commandsFromNodes: 0 };
}

/** Counts one chunk of serial bytes: a data frame starts with SOF; anything else is one handshake byte each. */
function countChunk(counts: FrameCounts, data: Uint8Array, dataFrame: 'hostToStick' | 'stickToHost'): void {
  if (data[0] === SOF) counts[dataFrame] += 1;
  else counts.handshakes += data.length;
}

/**
 * Wires counting into a mock controller: host bytes through a controller behaviour that
 * handles nothing, stick bytes and radio frames by wrapping the controller's own senders.
 */
export function countFrames(controller: MockController, counts: FrameCounts): void {
  const observe: MockControllerBehavior = {
    onHostData: (_controller, data) => {
      countChunk(counts, data, 'hostToStick');
      return undefined;
    },
    onNodeFrame: (_controller, _node, frame) => {
      if (frame.type === MockZWaveFrameType.Request) counts.commandsFromNodes += 1;
      return undefined;
    },
  };
  controller.defineBehavior(observe);
  const port = controller.mockPort;
  const emit = port.emitData.bind(port);
  port.emitData = (data) => {
    countChunk(counts, data, 'stickToHost');
    emit(data);
  };
  const sendToNode = controller.sendToNode.bind(controller);
  controller.sendToNode = (node, frame) => {
    if (frame.type === MockZWaveFrameType.Request) counts.commandsToNodes += 1;
    return sendToNode(node, frame);
  };
}
