import type { DataTopic } from '../../../shared/contract';
import type { LiveNetworkOverview } from '../../../shared/domain';
import { PorterError } from '../../../shared/errors';
import type { AccessContext } from '../../access/access-context';
import type { LiveLockEvent, LiveLockLinks, LiveLockNetwork } from '../../devices/live/live-lock-network';
import { untilAborted } from '../../devices/session/deadline';
import { appendAudit } from '../../store/audit-log';
import { doorById } from '../../store/door-table-repo';
import { liveDoorDone } from '../../store/live-lock-queue-repo';
import { assignLiveLock, assignedLiveDoors, liveDoorsAhead, liveLock, liveLockForDoor, liveLocksOf, removeLiveLock, saveLiveLock } from '../../store/live-locks-repo';
import { runUserAction } from '../../store/user-action';
import { createInclusion } from './inclusion';
import { recordCodeChanged, recordLiveLockEvent } from './live-events';
import type { LiveLocks } from './live-locks';
import { createLiveQueue } from './live-queue';
import { liveLockView } from './live-views';
import { lockClocks, type ClockTimer } from './lock-clocks';
import { presenceTimers } from './presence-timers';
import { programLiveDoor } from './program-live-door';
import { watchSticks } from './stick-watch';

export interface LiveLocksDeps extends AccessContext, LiveLockLinks {
  changed(topics: DataTopic[]): void;
  logError(error: unknown): void;
  hotplugIntervalMs?: number;
  /** The queue's first retry; tests shorten it. */
  firstRetryMs?: number;
  /** When the locks' clocks are set again after a DST transition; tests pass their own. */
  clockTimer?: ClockTimer;
}

const statusWords = { dead: 'The lock is not answering (the network marks it dead)', asleep: 'The lock is asleep', alive: 'The lock answered', unknown: 'The lock’s state is not known' };

/**
 * Live locks over the stick in use: the network's locks kept in step in the store, inclusion
 * and exclusion, assignment to doors, the per-door queue that brings each lock's codes to the
 * door's desired table, and the locks' news (events) to the activity log and the grid.
 */
export function createLiveLocks(deps: LiveLocksDeps): LiveLocks {
  const { db } = deps;
  let network: LiveLockNetwork | null = null;
  let networkId: string | null = null;
  let unsubscribe: (() => void) | null = null;
  let closing = false;
  // Doors whose lock's codes are not known: read (or checksummed) before the next plan.
  const unverified = new Set<string>();
  // The desired version each door was last queued at: the core's 'doors' news queues a door only when it moved on.
  const queuedVersion = new Map<string, number>();
  const doorsChanged = (): void => deps.changed(['doors', 'units', 'live_locks']);
  // The door each lock that left the network was on: the network may tell of the node's removal
  // before the exclusion ends, and the exclusion's activity line names the door.
  const leftFrom = new Map<number, string | null>();

  const queue = createLiveQueue({
    db,
    now: deps.now,
    logError: deps.logError,
    firstRetryMs: deps.firstRetryMs,
    changed: doorsChanged,
    ready: (doorId) => network !== null && liveLockForDoor(db, doorId) !== null,
    async work(doorId, signal) {
      const assigned = liveLockForDoor(db, doorId);
      if (!network || !assigned) throw new Error('The Z-Wave network is not open.');
      const lock = network.lock(assigned.nodeId);
      try {
        // A job cut short (the stick went away) ends at once: a call in flight on the closed
        // driver may not settle for minutes, and the door must be free to run on the next stick.
        const { nextChangeAt } = await untilAborted(programLiveDoor(deps, lock, doorId, { verify: unverified.has(doorId), signal }), signal);
        unverified.delete(doorId);
        timers.at(doorId, nextChangeAt);
        // After the codes: a lock that does not take the time keeps its codes, and the job is tried again for the clock.
        await untilAborted(clocks.setIfDue(doorId, lock), signal);
      } catch (error) {
        if (signal.aborted) throw new Error(`The Z-Wave stick went away during the job: ${String((signal.reason as Error | undefined)?.message ?? signal.reason)}`);
        const status = lock.info().status;
        const why = error instanceof Error ? error.message : String(error);
        // Words that already say the lock is not answering are not said twice.
        const said = why.startsWith(statusWords.dead.split(' (')[0]!);
        throw new Error((status === 'dead' && !said) || status === 'asleep' ? `${statusWords[status]}: ${why}` : why);
      }
    },
  });
  const timers = presenceTimers({ now: deps.now, due: (doorId) => queue.queue([doorId]) });
  const clocks = lockClocks({
    now: deps.now,
    zone: () => deps.community().timeZone,
    timer: deps.clockTimer,
    transitioned() {
      if (!networkId) return;
      const doors = assignedLiveDoors(db, networkId).map((a) => a.doorId);
      for (const d of doors) clocks.mark(d);
      queue.queue(doors);
    },
  });

  const inclusion = createInclusion({
    network: () => network,
    changed: () => deps.changed(['live_locks']),
    logError: deps.logError,
    included(result, actor) {
      runUserAction(db, () => {
        saveLiveLock(db, networkId!, result.lock, deps.now().toISOString());
        const weak = result.lock.security === 'strong' ? '' : ` (${result.lock.security === 'weak' ? 'S0 only' : 'no security'}: weaker)`;
        appendAudit(db, { at: deps.now().toISOString(), actor: actor.name, action: 'door.lock_assigned', subjectId: null, summary: `${actor.name} added Z-Wave lock ${result.lock.manufacturer} ${result.lock.product} as node ${result.lock.nodeId}${weak}`, details: { networkId, nodeId: result.lock.nodeId, security: result.lock.security } });
        return { result: undefined, record: null };
      });
    },
    excluded(nodeId, actor) {
      const doorId = runUserAction(db, () => {
        const door = (networkId ? removeLiveLock(db, networkId, nodeId) : null) ?? leftFrom.get(nodeId) ?? null;
        leftFrom.delete(nodeId);
        if (door) liveDoorDone(db, door);
        const doorName = door ? (doorById(db, door)?.name ?? door) : null;
        const what = doorName ? `${doorName}’s lock (node ${nodeId})` : `node ${nodeId}`;
        appendAudit(db, { at: deps.now().toISOString(), actor: actor.name, action: 'door.lock_assigned', subjectId: door, summary: `${actor.name} removed ${what} from the Z-Wave network`, details: { networkId, nodeId, doorId: door } });
        return { result: door, record: null };
      });
      if (doorId) timers.at(doorId, null);
      deps.changed(['doors', 'units', 'activity', 'live_locks']);
      return doorId ? (doorById(db, doorId)?.name ?? null) : null;
    },
  });

  const onEvent = (event: LiveLockEvent): void => {
    try {
      handle(event);
    } catch (error) {
      deps.logError(error);
    }
  };
  const handle = (event: LiveLockEvent): void => {
    if (!network || !networkId) return;
    switch (event.kind) {
      case 'network_lost':
        // The network's words are a whole sentence already ("The Z-Wave stick is gone (it was unplugged).").
        void sticks.lost(event.message);
        return;
      case 'lock_added':
        saveLiveLock(db, networkId, network.lock(event.nodeId).info(), deps.now().toISOString());
        deps.changed(['live_locks']);
        return;
      case 'lock_removed':
        leftFrom.set(event.nodeId, removeLiveLock(db, networkId, event.nodeId));
        deps.changed(['live_locks', 'doors', 'units']);
        return;
      case 'code_changed': {
        const doorId = liveLock(db, networkId, event.nodeId)?.doorId;
        if (!doorId) return;
        recordCodeChanged(deps, doorId, event);
        unverified.add(doorId);
        queue.queue([doorId]);
        return;
      }
      default: {
        const doorId = recordLiveLockEvent(deps, networkId, event);
        if (event.kind === 'status' && event.status === 'alive' && doorId) queue.kick([doorId]);
        deps.changed(event.kind === 'access' || event.kind === 'battery' ? ['live_locks', 'doors', 'units', 'activity', 'credentials'] : ['live_locks']);
      }
    }
  };

  const opened = (next: LiveLockNetwork | null): void => {
    unsubscribe?.();
    unsubscribe = null;
    const was = networkId;
    network = next;
    if (!next) {
      queue.interrupt(new Error('the network closed'));
      // Every live door waits for the network: what it holds is not known until the lock answers again.
      if (was && !closing) for (const { doorId } of assignedLiveDoors(db, was)) unverified.add(doorId);
      if (was && !closing) queue.queue(assignedLiveDoors(db, was).map((a) => a.doorId));
      return;
    }
    networkId = next.info().networkId;
    const at = deps.now().toISOString();
    for (const info of next.locks()) saveLiveLock(db, networkId, info, at);
    unsubscribe = next.onEvent(onEvent);
    const doors = assignedLiveDoors(db, networkId).map((a) => a.doorId);
    for (const d of doors) unverified.add(d);
    for (const d of doors) clocks.mark(d);
    queue.queue(doors);
    deps.changed(['live_locks', 'doors']);
  };

  const sticks = watchSticks({ ...deps, opened, changed: () => deps.changed(['live_locks']), hotplugIntervalMs: deps.hotplugIntervalMs });

  const service: LiveLocks = {
    overview(): LiveNetworkOverview {
      const view = sticks.view();
      const info = network?.info() ?? null;
      const now = deps.now().toISOString();
      const live = new Map((network?.locks() ?? []).map((l) => [l.nodeId, l]));
      return {
        sticks: view.sticks,
        network: info ? { protocol: info.protocol, networkId: info.networkId, label: info.label, path: info.path, simulated: info.simulated } : null,
        state: view.state,
        message: view.message,
        locks: networkId ? liveLocksOf(db, networkId).map((r) => liveLockView(db, r, live.get(r.nodeId) ?? null, now)) : [],
        inclusion: inclusion.view(),
      };
    },
    async useStick(path) {
      if (!(await sticks.choose(path))) throw new PorterError('not_found', 'That stick is no longer plugged in.', 'path');
      return service.overview();
    },
    startInclusion(actor) {
      inclusion.include(actor);
      return service.overview();
    },
    answerPin(pin) {
      inclusion.answerPin(pin);
      return service.overview();
    },
    startExclusion(actor) {
      inclusion.exclude(actor);
      return service.overview();
    },
    stopInclusion() {
      inclusion.stop();
      return service.overview();
    },
    assign(nodeId, doorId, actor) {
      const lock = networkId ? liveLock(db, networkId, nodeId) : null;
      if (!lock) throw new PorterError('not_found', `Node ${nodeId} is not a lock of this network.`, 'nodeId');
      const door = doorById(db, doorId);
      if (!door) throw new PorterError('not_found', 'There is no door with this id.', 'doorId');
      const left = runUserAction(db, () => {
        const previous = assignLiveLock(db, lock.networkId, nodeId, doorId, deps.now().toISOString());
        if (previous) liveDoorDone(db, previous);
        appendAudit(db, { at: deps.now().toISOString(), actor: actor.name, action: 'door.lock_assigned', subjectId: doorId, summary: `${actor.name} assigned Z-Wave lock ${lock.manufacturer} ${lock.product} (node ${nodeId}) to ${door.name}`, details: { doorId, networkId: lock.networkId, nodeId, previousDoorId: previous } });
        return { result: previous, record: null };
      });
      if (left) timers.at(left, null);
      if (left) clocks.forget(left);
      unverified.add(doorId);
      clocks.mark(doorId);
      queue.queue([doorId]);
      deps.changed(['live_locks', 'doors', 'units', 'activity']);
      return service.overview();
    },
    desiredChanged(doorIds) {
      const live = doorIds.filter((id) => liveLockForDoor(db, id) !== null);
      for (const id of live) queuedVersion.set(id, doorById(db, id)?.desiredVersion ?? 0);
      if (live.length > 0) queue.queue(live);
    },
    doorsChanged() {
      const moved = liveDoorsAhead(db).filter((id) => queuedVersion.get(id) !== doorById(db, id)?.desiredVersion);
      if (moved.length > 0) service.desiredChanged(moved);
    },
    async close() {
      closing = true;
      inclusion.stop();
      timers.close();
      clocks.close();
      await queue.close();
      await sticks.close();
      unsubscribe?.();
    },
  };
  return service;
}
