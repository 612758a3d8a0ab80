import { dskToString } from '@zwave-js/core';
import { MockNode, type MockController, type MockControllerBehavior } from '@zwave-js/testing';
// The Serial API messages come from the subpath that defines them, not the package root. In
// @zwave-js/serial's CommonJS build (Playwright's worker, the browser host under tsx, Electron's
// main) the message files require the root while `serialapi` is still loading, so the root
// copies a half-filled `serialapi` and never has these names: they import as undefined there.
import {
  AddNodeStatus,
  AddNodeToNetworkRequest,
  AddNodeToNetworkRequestStatusReport,
  AddNodeType,
  RemoveNodeFromNetworkRequest,
  RemoveNodeFromNetworkRequestStatusReport,
  RemoveNodeStatus,
  RemoveNodeType,
} from '@zwave-js/serial/serialapi';
import type { Message } from '@zwave-js/serial';
import { joiningLockBehaviors } from './behaviors/joining';
import type { SimulatedLockSpec } from './lock-spec';
import { removeFailedNodeBehavior } from './remove-failed-node';
import { defineLockBehaviors, lockNodeOptions } from './mock-lock-node';
import type { FactoryNewLockOptions, FactoryNewLockView } from './simulated-zwave';
import type { ZWaveWorld } from './zwave-world';

/**
 * The DSK printed on the lock's label: the first 16 bytes of its public key (S2). zwave-js's
 * MockNode.dsk reads them one byte late, so its PIN is not the one the driver checks.
 */
function labelDsk(node: MockNode): string {
  return dskToString(node.ecdhKeyPair.publicKey.subarray(0, 16));
}

interface Joining {
  node: MockNode;
  spec: SimulatedLockSpec;
  options: FactoryNewLockOptions;
  joined: boolean;
  /** The stick's part is over (its add mode stopped with Done); S2 bootstrapping may go on. */
  added: boolean;
  resolve: (nodeId: number) => void;
}

interface Leaving {
  nodeId: number;
  resolve: () => void;
}

/**
 * Inclusion and exclusion on the simulated stick. zwave-js's mock controller includes only a
 * node a test set up beforehand, with zwave-js's default behaviours, and never excludes; here
 * a factory-new lock waits (DSK known, so the panel can show its PIN) until the console puts
 * the stick in add mode, and a lock whose button is pressed leaves when the stick is in
 * remove mode, with the Serial API callbacks a stick gives (Ready, Node Found, Adding/Removing
 * Slave, Protocol Done, Done).
 */
export class InclusionDesk {
  private joining: Joining | null = null;
  private leaving: Leaving | null = null;
  /** The callback id of the add or remove mode the host started, while it lasts. */
  private addMode: number | null = null;
  private removeMode: number | null = null;

  constructor(private readonly world: ZWaveWorld) {}

  /** Readies a factory-new lock (its DSK drawn); `included` resolves with its node id once a controller includes it. */
  async offerLock(spec: SimulatedLockSpec, options: FactoryNewLockOptions): Promise<{ view: FactoryNewLockView; included: Promise<number> }> {
    const controller = this.requireController();
    if (this.joining && !this.joining.added) throw new Error('A factory-new lock is already waiting to be included.');
    if (spec.security === 'none') throw new Error('A factory-new simulated lock joins with S2 or S0.');
    const nodeId = this.world.nextNodeId();
    const node = await MockNode.create({ controller, ...lockNodeOptions(nodeId, spec) });
    let resolve: (nodeId: number) => void = () => {};
    const included = new Promise<number>((r) => (resolve = r));
    const joining: Joining = { node, spec, options, joined: false, added: false, resolve };
    // The label stays readable until the key exchange is over (an S2 lock's PIN is asked for after the stick's part).
    let left = false;
    const bootstrapped = (secure: boolean) => {
      if (this.joining === joining) this.joining = null;
      // Like many S2 locks, one whose secure inclusion failed resets its radio and leaves: it
      // answers nothing more, and the stick can take it off its list as a failed node.
      if (!secure) {
        left = true;
        node.autoAckControllerFrames = false;
      }
    };
    defineLockBehaviors(node, [...joiningLockBehaviors(options, bootstrapped), ...this.world.behaviors]);
    node.defineBehavior({ handleCC: () => (left ? { action: 'stop' } : undefined) });
    this.joining = joining;
    if (this.addMode !== null) void this.join(controller, this.addMode);
    return { view: this.view() ?? this.viewOf(this.joining), included };
  }

  /** The waiting lock's label, until its inclusion is over: the technician reads the PIN off it while the console asks. */
  view(): FactoryNewLockView | null {
    return this.joining ? this.viewOf(this.joining) : null;
  }

  private viewOf(j: Joining): FactoryNewLockView {
    return {
      product: j.spec.product,
      security: j.spec.security === 's0' ? 's0' : 's2',
      dsk: labelDsk(j.node),
      pin: labelDsk(j.node).slice(0, 5),
      failBootstrap: j.options.failBootstrap ?? false,
    };
  }

  offerExclusion(nodeId: number): Promise<void> {
    const controller = this.requireController();
    this.world.lock(nodeId);
    if (this.leaving) throw new Error('A lock is already waiting to be excluded.');
    return new Promise<void>((resolve) => {
      this.leaving = { nodeId, resolve };
      if (this.removeMode !== null) void this.leave(controller, this.removeMode);
    });
  }

  behaviors(): MockControllerBehavior[] {
    return [
      { onHostMessage: (controller, msg) => this.onAddNode(controller, msg) },
      { onHostMessage: (controller, msg) => this.onRemoveNode(controller, msg) },
      removeFailedNodeBehavior((nodeId) => this.world.removeState(nodeId)),
    ];
  }

  private requireController(): MockController {
    const controller = this.world.controller();
    if (!controller) throw new Error('No simulated Z-Wave stick is open.');
    return controller;
  }

  private async onAddNode(controller: MockController, msg: Message): Promise<boolean | undefined> {
    if (!(msg instanceof AddNodeToNetworkRequest)) return undefined;
    const reply = (status: AddNodeStatus.Ready | AddNodeStatus.Failed) =>
      msg.callbackId ? controller.sendMessageToHost(new AddNodeToNetworkRequestStatusReport({ callbackId: msg.callbackId, status })) : undefined;
    if (msg.addNodeType === AddNodeType.Stop) {
      this.addMode = null;
      const joined = this.joining?.joined && !this.joining.added ? this.joining : null;
      if (!joined) {
        await reply(AddNodeStatus.Failed);
        return true;
      }
      joined.added = true;
      // An S0 lock has no label to read; an S2 lock's stays until its key exchange ends.
      if (joined.spec.security !== 's2') this.joining = null;
      if (msg.callbackId) {
        await controller.sendMessageToHost(new AddNodeToNetworkRequestStatusReport({ callbackId: msg.callbackId, status: AddNodeStatus.Done, nodeId: joined.node.id }));
      }
      joined.resolve(joined.node.id);
      return true;
    }
    if (this.removeMode !== null) {
      await reply(AddNodeStatus.Failed);
      return true;
    }
    this.addMode = msg.callbackId ?? 0;
    await reply(AddNodeStatus.Ready);
    if (this.joining && !this.joining.joined) void this.join(controller, this.addMode);
    return true;
  }

  private async join(controller: MockController, callbackId: number): Promise<void> {
    const j = this.joining;
    if (!j || j.joined) return;
    j.joined = true;
    const { node } = j;
    const supportedCCs = [...node.implementedCCs].filter(([, info]) => info.isSupported && !info.secure).map(([cc]) => cc);
    const status = (options: ConstructorParameters<typeof AddNodeToNetworkRequestStatusReport>[0]) => controller.sendMessageToHost(new AddNodeToNetworkRequestStatusReport(options));
    await status({ callbackId, status: AddNodeStatus.NodeFound });
    await status({
      callbackId,
      status: AddNodeStatus.AddingSlave,
      nodeInfo: {
        nodeId: node.id,
        basicDeviceClass: node.capabilities.basicDeviceClass,
        genericDeviceClass: node.capabilities.genericDeviceClass,
        specificDeviceClass: node.capabilities.specificDeviceClass,
        supportedCCs,
      },
    });
    controller.addNode(node);
    const state = this.world.addState(j.spec, node.id);
    if (j.options.failBootstrap) state.security = 'none';
    await status({ callbackId, status: AddNodeStatus.ProtocolDone });
  }

  private async onRemoveNode(controller: MockController, msg: Message): Promise<boolean | undefined> {
    if (!(msg instanceof RemoveNodeFromNetworkRequest)) return undefined;
    const reply = (status: RemoveNodeStatus.Ready | RemoveNodeStatus.Failed) =>
      msg.callbackId ? controller.sendMessageToHost(new RemoveNodeFromNetworkRequestStatusReport({ callbackId: msg.callbackId, status })) : undefined;
    if (msg.removeNodeType === RemoveNodeType.Stop) {
      this.removeMode = null;
      await reply(RemoveNodeStatus.Failed);
      return true;
    }
    if (this.addMode !== null) {
      await reply(RemoveNodeStatus.Failed);
      return true;
    }
    this.removeMode = msg.callbackId ?? 0;
    await reply(RemoveNodeStatus.Ready);
    if (this.leaving) void this.leave(controller, this.removeMode);
    return true;
  }

  private async leave(controller: MockController, callbackId: number): Promise<void> {
    const l = this.leaving;
    if (!l) return;
    this.leaving = null;
    const node = controller.nodes.get(l.nodeId);
    await controller.sendMessageToHost(new RemoveNodeFromNetworkRequestStatusReport({ callbackId, status: RemoveNodeStatus.NodeFound }));
    await controller.sendMessageToHost(new RemoveNodeFromNetworkRequestStatusReport({ callbackId, status: RemoveNodeStatus.RemovingSlave, nodeId: l.nodeId }));
    if (node) controller.removeNode(node);
    this.world.removeState(l.nodeId);
    this.removeMode = null;
    await controller.sendMessageToHost(new RemoveNodeFromNetworkRequestStatusReport({ callbackId, status: RemoveNodeStatus.Done }));
    l.resolve();
  }
}
