import type { MockController, MockControllerBehavior } from '@zwave-js/testing';
import {
  AssignSUCReturnRouteRequest,
  AssignSUCReturnRouteResponse,
  DeleteSUCReturnRouteRequest,
  DeleteSUCReturnRouteResponse,
  RequestNodeInfoRequest,
  RequestNodeInfoResponse,
  SendDataBridgeRequest,
  SendDataBridgeResponse,
  SendDataMulticastBridgeRequest,
  SendDataMulticastBridgeResponse,
  SendDataMulticastRequest,
  SendDataMulticastResponse,
  SendDataRequest,
  SendDataResponse,
} from '@zwave-js/serial/serialapi';
import type { Message } from '@zwave-js/serial';
import { Bytes } from '@zwave-js/shared';

/**
 * Where zwave-js's mock controller is stricter than a real stick, the simulated stick behaves
 * as a real one. Both places matter when the host's event loop is slow (a loaded machine: the
 * console, its renderer requests and three dozen simulated locks in one Node process).
 *
 * zwave-js hands the bytes a stick sends to its parser through `setImmediate` (unless NODE_ENV
 * is "test" or CI is set), so after the event loop stalled past 1.6 s, the driver's ACK timer
 * fires before the driver reads the ACK the stick sent at once. The driver then does what the
 * Serial API tells a host to do: it sends the frame again. The mock is still busy with the
 * first copy and throws ("Received SendDataBridgeRequest while not idle") out of its serial
 * handler: an unhandled error in the process, and a mock stuck in its sending state if it
 * throws in the middle of a transmission.
 */
export function withRealStickManners(controller: MockController): void {
  patientWithTheHost(controller);
  radioOnItsOwnClock(controller);
  controller.defineBehavior(busyStickRefusesToQueue);
}

/**
 * A real stick retransmits a frame the host did not ACK (Serial API: up to three times, about
 * 5 s in all) and then drops it; zwave-js's mock waits 1 s once and throws out of its serial
 * handler, leaving the transmission it was in half done. Bytes are never lost between the
 * driver and the simulated stick, so a missing ACK only means a slow host: the simulated stick
 * waits longer than a real one keeps trying, then drops the frame as a real one does.
 */
function patientWithTheHost(controller: MockController): void {
  const expectHostACK = controller.expectHostACK.bind(controller);
  controller.expectHostACK = (timeout: number, errorMessage?: string) => expectHostACK(patient(timeout), errorMessage).catch(() => undefined);
}

/**
 * How long the simulation waits on an answer that cannot be lost in it (an acknowledgement, the
 * host's nonce): longer than a real stick or lock keeps retransmitting, so only a stalled host takes this long.
 */
export const simulatedPatienceMs = 10_000;
const patient = (timeout: number): number => Math.max(timeout, simulatedPatienceMs);

/**
 * Over the simulated air, the stick and each lock wait 1 s for the other's acknowledgement
 * (zwave-js's MOCK_FRAME_ACK_TIMEOUT), timed on the host's event loop; a real radio's
 * acknowledgement comes in milliseconds whatever the host is doing. After a stall, the wait
 * ran out before the acknowledgement (queued behind a 10 ms air delay) was delivered: the
 * stick reported "no ACK" for a lock that heard it (the driver retried, then marked the lock
 * dead), or a lock's answer ended with an error. A frame cannot be lost in the simulation, so
 * whoever acknowledges frames is waited for longer; a lock that acknowledges nothing (dead,
 * gone, reset: `autoAckControllerFrames` off) keeps the 1 s, as a real stick gives up on it.
 */
function radioOnItsOwnClock(controller: MockController): void {
  // A stick that was closed acknowledges nothing more.
  let closed = false;
  const destroy = controller.destroy.bind(controller);
  controller.destroy = () => {
    closed = true;
    destroy();
  };
  const expectNodeACK = controller.expectNodeACK.bind(controller);
  controller.expectNodeACK = (node, timeout, errorMessage) => expectNodeACK(node, node.autoAckControllerFrames ? patient(timeout) : timeout, errorMessage);
  const addNode = controller.addNode.bind(controller);
  controller.addNode = (node) => {
    const expectControllerACK = node.expectControllerACK.bind(node);
    node.expectControllerACK = (timeout, errorMessage) => expectControllerACK(controller.autoAckNodeFrames && !closed ? patient(timeout) : timeout, errorMessage);
    addNode(node);
  };
}

/** zwave-js's mock controller's own record of what it is doing (not exported by zwave-js): 0 is idle. */
const communicationState = 'communicationState';
const idle = 0;

/**
 * The one-byte "not accepted" answer (RetVal 0) a stick gives a request it cannot take now. The
 * bridge responses have no serializer in zwave-js, so the payload is laid out as the Serial API has it.
 */
const notAccepted = <T extends Message>(response: T): T => Object.assign(response, { payload: Bytes.from([0]) });

function refusal(msg: Message): Message | undefined {
  if (msg instanceof SendDataRequest) return notAccepted(new SendDataResponse({ wasSent: false }));
  if (msg instanceof SendDataBridgeRequest) return notAccepted(new SendDataBridgeResponse({ wasSent: false }));
  if (msg instanceof SendDataMulticastRequest) return notAccepted(new SendDataMulticastResponse({ wasSent: false }));
  if (msg instanceof SendDataMulticastBridgeRequest) return notAccepted(new SendDataMulticastBridgeResponse({ wasSent: false }));
  if (msg instanceof RequestNodeInfoRequest) return notAccepted(new RequestNodeInfoResponse({ wasSent: false }));
  if (msg instanceof AssignSUCReturnRouteRequest) return notAccepted(new AssignSUCReturnRouteResponse({ wasExecuted: false }));
  if (msg instanceof DeleteSUCReturnRouteRequest) return notAccepted(new DeleteSUCReturnRouteResponse({ wasExecuted: false }));
  return undefined;
}

/**
 * A stick still transmitting answers a further transmit request with "not accepted" (its
 * transmit queue is full), which zwave-js takes as "try again in half a second"; when the
 * request is the host's retransmission of the frame in flight, the driver has already taken
 * the first copy's answers and ignores this one. zwave-js's mock throws instead.
 */
const busyStickRefusesToQueue: MockControllerBehavior = {
  async onHostMessage(controller, msg) {
    const state = controller.state.get(communicationState);
    if (state === undefined || state === idle) return undefined;
    const answer = refusal(msg);
    if (!answer) return undefined;
    await controller.sendMessageToHost(answer);
    return true;
  },
};
