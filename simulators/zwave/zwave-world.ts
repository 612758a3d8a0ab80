import type { MockController, MockNode, MockNodeBehavior } from '@zwave-js/testing';
import type { MockPort } from '@zwave-js/serial/mock';
import { UserCodeCCReport, UserIDStatus } from 'zwave-js';
import { lockBehaviors } from './behaviors';
import { batteryReport, doorLockReport } from './behaviors/lock-status';
import { emptyCounts, type FrameCounts } from './frame-counter';
import { judgeKeypadCode } from './keypad';
import type { SimulatedLockSpec } from './lock-spec';
import { accessNotification, AccessEvent, sendUnsolicited, tamperNotification, WRONG_CODE_LIMIT } from './notifications';
import { SimLockState } from './sim-lock-state';
import type { FactoryNewLockOptions, FactoryNewLockView, KeypadOutcome, SimulatedLockView, SimulatedZWaveWorld, ZWaveFault } from './simulated-zwave';
import { InclusionDesk } from './inclusion-desk';

const FIRST_LOCK_NODE_ID = 2;

/** The simulated locks and whichever stick is plugged in to reach them. */
export class ZWaveWorld implements SimulatedZWaveWorld {
  readonly counts: FrameCounts = emptyCounts();
  readonly behaviors: MockNodeBehavior[];
  private readonly states = new Map<number, SimLockState>();
  private stick: { controller: MockController; mockPort: MockPort } | null = null;
  private plugged = true;
  private readonly unplugWatchers = new Set<() => void>();
  readonly inclusion: InclusionDesk;

  constructor(
    specs: readonly SimulatedLockSpec[],
    readonly now: () => number,
  ) {
    for (const spec of specs) this.addState(spec);
    this.behaviors = lockBehaviors((node) => this.lock(node.id), (node) => this.states.has(node.id));
    this.inclusion = new InclusionDesk(this);
  }

  addState(spec: SimulatedLockSpec, nodeId = spec.nodeId ?? this.nextNodeId()): SimLockState {
    if (this.states.has(nodeId)) throw new Error(`Node ${nodeId} is already a simulated lock.`);
    const state = new SimLockState(nodeId, spec);
    this.states.set(nodeId, state);
    return state;
  }

  removeState(nodeId: number): void {
    this.states.delete(nodeId);
  }

  nextNodeId(): number {
    let id = FIRST_LOCK_NODE_ID;
    while (this.states.has(id)) id += 1;
    return id;
  }

  specs(): SimulatedLockSpec[] {
    return [...this.states.values()].map((s) => s.spec);
  }

  lockStates(): SimLockState[] {
    return [...this.states.values()];
  }

  lock(nodeId: number): SimLockState {
    const state = this.states.get(nodeId);
    if (!state) throw new Error(`No simulated Z-Wave lock is node ${nodeId}.`);
    return state;
  }

  locks(): SimulatedLockView[] {
    return this.lockStates().map((s) => ({
      nodeId: s.nodeId,
      doorId: s.spec.doorId ?? null,
      product: s.spec.product,
      security: s.security,
      locked: s.locked,
      batteryPercent: s.batteryPercent,
      dead: s.faults.dead,
    }));
  }

  inclusionBehaviors() {
    return this.inclusion.behaviors();
  }

  attach(stick: { controller: MockController; mockPort: MockPort }): void {
    this.stick = stick;
    for (const node of stick.controller.nodes.values()) node.autoAckControllerFrames = !this.lock(node.id).faults.dead;
  }

  detach(controller: MockController): void {
    if (this.stick?.controller === controller) this.stick = null;
  }

  controller(): MockController | null {
    return this.stick?.controller ?? null;
  }

  private node(nodeId: number): { controller: MockController; node: MockNode } | null {
    const controller = this.stick?.controller;
    const node = controller?.nodes.get(nodeId);
    return controller && node ? { controller, node } : null;
  }

  /** Sends what the lock reports on its own, when a stick is there to hear it and the lock is alive. */
  private async report(nodeId: number, build: (controller: MockController) => Parameters<typeof sendUnsolicited>[2]): Promise<void> {
    const lock = this.lock(nodeId);
    const reach = this.node(nodeId);
    if (!reach || lock.faults.dead) return;
    await sendUnsolicited(reach.controller, reach.node, build(reach.controller), lock.security);
  }

  async pressKeypad(nodeId: number, code: string): Promise<KeypadOutcome> {
    if (!/^\d{4,10}$/.test(code)) throw new Error('A keypad code is 4 to 10 digits.');
    const lock = this.lock(nodeId);
    if (lock.faults.dead) return { opened: false, reason: 'dead' };
    const verdict = judgeKeypadCode(lock, code, this.now());
    if (!verdict.opened) {
      await this.reportRefusal(lock, verdict.reason);
      return verdict;
    }
    lock.wrongCodes = 0;
    lock.locked = false;
    const slot = lock.slot(verdict.slot);
    // The event parameter is the User Code Report of the slot used, as the Notification CC spec gives it.
    const reach = this.node(nodeId);
    const parameter = reach
      ? await new UserCodeCCReport({ nodeId: reach.controller.ownNodeId, userId: verdict.slot, userIdStatus: slot.status, userCode: slot.code }).serialize(reach.node.encodingContext)
      : undefined;
    await this.report(nodeId, (c) => accessNotification(c, AccessEvent.keypadUnlock, parameter));
    await this.report(nodeId, (c) => doorLockReport(c.ownNodeId, false));
    return verdict;
  }

  /**
   * One event per refused press: a wrong code is an invalid credential (0x32), the third in a
   * row the manual code entry limit (0x13) instead; a code out of its hours, schedule inactive (0x30).
   */
  private async reportRefusal(lock: SimLockState, reason: 'wrong_code' | 'outside_schedule' | 'jammed' | 'keypad_disabled'): Promise<void> {
    if (reason === 'outside_schedule') return this.report(lock.nodeId, (c) => accessNotification(c, AccessEvent.scheduleInactive));
    if (reason !== 'wrong_code') return;
    lock.wrongCodes += 1;
    const atLimit = lock.wrongCodes >= WRONG_CODE_LIMIT;
    if (atLimit) lock.wrongCodes = 0;
    await this.report(lock.nodeId, (c) => accessNotification(c, atLimit ? AccessEvent.codeLimitExceeded : AccessEvent.invalidCredential));
  }

  async fault(nodeId: number, fault: ZWaveFault): Promise<void> {
    const lock = this.lock(nodeId);
    const reach = this.node(nodeId);
    switch (fault) {
      case 'dead':
      case 'alive':
        lock.faults.dead = fault === 'dead';
        if (reach) reach.node.autoAckControllerFrames = !lock.faults.dead;
        return;
      case 'refuse_next_code':
        lock.faults.refuseNextCode = true;
        return;
      case 'full':
        lock.faults.full = true;
        return;
      case 'codes_changed_at_keypad':
        return this.changeCodeAtKeypad(lock);
      case 'battery_low':
        lock.batteryPercent = 5;
        return this.report(nodeId, (c) => batteryReport(c.ownNodeId, lock.batteryPercent));
      case 'jammed':
        lock.faults.jammed = true;
        return this.report(nodeId, (c) => accessNotification(c, AccessEvent.jammed));
      case 'tamper':
        return this.report(nodeId, (c) => tamperNotification(c));
    }
  }

  /**
   * Someone with the lock's programming code changed a slot at the keypad: the highest held
   * slot is cleared, or slot 1 set when none is held; the lock reports it on its own.
   */
  private async changeCodeAtKeypad(lock: SimLockState): Promise<void> {
    const held = [...lock.slots.keys()].sort((a, b) => b - a)[0];
    if (held !== undefined) {
      lock.clearSlot(held);
      await this.report(lock.nodeId, (c) => accessNotification(c, AccessEvent.codeDeleted, Uint8Array.of(held)));
      return;
    }
    let code = '135790';
    while (lock.holderOf(code) !== null) code = String(Number(code) + 1);
    lock.setSlot(1, UserIDStatus.Enabled, code);
    await this.report(lock.nodeId, (c) => accessNotification(c, AccessEvent.codeAdded, Uint8Array.of(1)));
  }

  /** The port closes under the driver, and whoever watches for the stick's device going away hears it. */
  async unplug(): Promise<void> {
    this.plugged = false;
    this.stick?.mockPort.destroy();
    for (const removed of [...this.unplugWatchers]) removed();
  }

  watchUnplug(removed: () => void): () => void {
    this.unplugWatchers.add(removed);
    return () => this.unplugWatchers.delete(removed);
  }

  plug(): void {
    this.plugged = true;
  }

  isPlugged(): boolean {
    return this.plugged;
  }

  async addFactoryNewLock(spec: SimulatedLockSpec, options: FactoryNewLockOptions = {}): Promise<number> {
    return (await this.offerFactoryNewLock(spec, options)).included;
  }

  offerFactoryNewLock(spec: SimulatedLockSpec, options: FactoryNewLockOptions = {}): Promise<{ view: FactoryNewLockView; included: Promise<number> }> {
    return this.inclusion.offerLock(spec, options);
  }

  factoryNewLock(): FactoryNewLockView | null {
    return this.inclusion.view();
  }

  excludeLock(nodeId: number): Promise<void> {
    return this.inclusion.offerExclusion(nodeId);
  }

  frames(): FrameCounts {
    return { ...this.counts };
  }

  resetFrames(): void {
    Object.assign(this.counts, emptyCounts());
  }
}
