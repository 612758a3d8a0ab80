import type { MockController, MockControllerBehavior } from '@zwave-js/testing';
import {
  RemoveFailedNodeRequest,
  RemoveFailedNodeRequestStatusReport,
  RemoveFailedNodeResponse,
  RemoveFailedNodeStartFlags,
  RemoveFailedNodeStatus,
} from '@zwave-js/serial/serialapi';
import type { Message } from '@zwave-js/serial';

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
        await controller.sendMessageToHost(new RemoveFailedNodeResponse({ removeStatus: RemoveFailedNodeStartFlags.NodeNotFound }));
        return true;
      }
      await controller.sendMessageToHost(new RemoveFailedNodeResponse({ removeStatus: RemoveFailedNodeStartFlags.OK }));
      const answers = node.autoAckControllerFrames;
      if (!answers) {
        controller.removeNode(node);
        removed(node.id);
      }
      await controller.sendMessageToHost(
        new RemoveFailedNodeRequestStatusReport({ callbackId: msg.callbackId, removeStatus: answers ? RemoveFailedNodeStatus.NodeOK : RemoveFailedNodeStatus.NodeRemoved }),
      );
      return true;
    },
  };
}
