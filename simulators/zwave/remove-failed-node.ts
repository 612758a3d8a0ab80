import type { MockController, MockControllerBehavior } from '@zwave-js/testing';
import {
  RemoveFailedNodeRequest,
  RemoveFailedNodeRequestStatusReport,
  RemoveFailedNodeResponse,
  RemoveFailedNodeStartFlags,
  RemoveFailedNodeStatus,
} from '@zwave-js/serial/serialapi';
import type { Message } from '@zwave-js/serial';
import { Bytes } from '@zwave-js/shared';

// These messages have no serializer of their own in zwave-js (a stick sends them, a host only
// reads them): their payload is given as the Serial API lays it out.
const startReply = (removeStatus: RemoveFailedNodeStartFlags) => Object.assign(new RemoveFailedNodeResponse({ removeStatus }), { payload: Bytes.from([removeStatus]) });
const statusReport = (callbackId: number, removeStatus: RemoveFailedNodeStatus) =>
  Object.assign(new RemoveFailedNodeRequestStatusReport({ callbackId, removeStatus }), { payload: Bytes.from([callbackId, removeStatus]) });

/**
 * Remove Failed Node on the simulated stick (zwave-js's mock controller lacks it): a node that
 * no longer acknowledges frames (`autoAckControllerFrames` off: gone, reset or dead) is taken
 * off the stick's list; one that still answers stays, as a stick checks before it removes.
 * `removed` lets the simulator forget the lock's state with it.
 */
export function removeFailedNodeBehavior(removed: (nodeId: number) => void): MockControllerBehavior {
  return {
    async onHostMessage(controller: MockController, msg: Message) {
      if (!(msg instanceof RemoveFailedNodeRequest)) return undefined;
      const node = controller.nodes.get(msg.failedNodeId);
      if (!node) {
        await controller.sendMessageToHost(startReply(RemoveFailedNodeStartFlags.NodeNotFound));
        return true;
      }
      await controller.sendMessageToHost(startReply(RemoveFailedNodeStartFlags.OK));
      const answers = node.autoAckControllerFrames;
      if (!answers) {
        controller.removeNode(node);
        removed(node.id);
      }
      await controller.sendMessageToHost(statusReport(msg.callbackId ?? 0, answers ? RemoveFailedNodeStatus.NodeOK : RemoveFailedNodeStatus.NodeRemoved));
      return true;
    },
  };
}
