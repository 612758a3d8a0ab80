import type { InclusionView, StaffMember } from '../../../shared/domain';
import { PorterError } from '../../../shared/errors';
import type { InclusionResult, LiveLockNetwork } from '../../devices/live/live-lock-network';

export interface InclusionDeps {
  network(): LiveLockNetwork | null;
  /** A lock joined (included) or left (excluded) the network: recorded and audited by the caller. */
  included(result: Extract<InclusionResult, { ok: true }>, actor: StaffMember): void;
  /** Answers the name of the door the lock was on, if it was on one. */
  excluded(nodeId: number, actor: StaffMember): string | null;
  changed(): void;
  logError(error: unknown): void;
}

const idle: InclusionView = { state: 'idle', dskHidden: null, message: null, nodeId: null };

/**
 * Adding and removing a lock, one at a time, as the Hardware page's prompt shows it: waiting
 * for the lock, waiting for the five digits of its DSK label (S2), adding, then done or failed
 * with the reason in words. Stopping aborts whatever is under way.
 */
export function createInclusion(deps: InclusionDeps) {
  let view: InclusionView = idle;
  let abort: AbortController | null = null;
  let answer: ((pin: string | null) => void) | null = null;

  const set = (next: InclusionView): void => {
    view = next;
    deps.changed();
  };
  const busy = (): boolean => abort !== null;
  const open = (): LiveLockNetwork => {
    const network = deps.network();
    if (!network) throw new PorterError('not_allowed', 'No Z-Wave stick is ready. Plug one in and wait for its network to open.');
    if (busy()) throw new PorterError('conflict', 'A lock is being added or removed already. Finish or stop it first.');
    return network;
  };

  return {
    view: (): InclusionView => view,
    include(actor: StaffMember): void {
      const network = open();
      const mine = (abort = new AbortController());
      set({ state: 'waiting_for_lock', dskHidden: null, message: 'Put the lock in inclusion mode (see its manual).', nodeId: null });
      const pin = (prompt: { dskHidden: string }): Promise<string | null> =>
        new Promise((resolve) => {
          answer = resolve;
          set({ state: 'waiting_for_pin', dskHidden: prompt.dskHidden, message: 'Type the first five digits of the DSK printed on the lock’s label.', nodeId: null });
        });
      network
        .include({ pin, signal: mine.signal })
        .then((result) => {
          if (!result.ok) return set({ state: result.reason === 'aborted' ? 'idle' : 'failed', dskHidden: null, message: result.reason === 'aborted' ? null : result.message, nodeId: null });
          deps.included(result, actor);
          const weak = result.lock.security === 'strong' ? '' : ' It joined without S2 security: its traffic is less protected.';
          set({ state: 'done', dskHidden: null, message: `Added ${result.lock.manufacturer} ${result.lock.product} as node ${result.lock.nodeId}. Assign it to its door.${weak}`, nodeId: result.lock.nodeId });
        })
        .catch((error: unknown) => {
          deps.logError(error);
          set({ state: 'failed', dskHidden: null, message: `The lock could not be added: ${error instanceof Error ? error.message : String(error)}`, nodeId: null });
        })
        .finally(() => {
          if (abort === mine) abort = null;
          answer = null;
        });
    },
    answerPin(pin: string | null): void {
      if (view.state !== 'waiting_for_pin' || !answer) throw new PorterError('conflict', 'No lock is waiting for its DSK PIN.');
      if (pin !== null && !/^\d{5}$/.test(pin)) throw new PorterError('invalid_input', 'The PIN is the first five digits of the DSK on the lock’s label.', 'pin');
      answer(pin);
      answer = null;
      set({ ...view, state: pin === null ? 'idle' : 'adding', dskHidden: null, message: pin === null ? null : 'Adding the lock…' });
    },
    exclude(actor: StaffMember): void {
      const network = open();
      const mine = (abort = new AbortController());
      set({ state: 'waiting_for_exclusion', dskHidden: null, message: 'Put the lock in exclusion mode (see its manual).', nodeId: null });
      network
        .exclude(mine.signal)
        .then((nodeId) => {
          if (nodeId === null) return set(mine.signal.aborted ? idle : { state: 'failed', dskHidden: null, message: 'No lock asked to leave the network in time. Try again.', nodeId: null });
          const doorName = deps.excluded(nodeId, actor);
          set({ state: 'done', dskHidden: null, message: `Removed ${doorName ? `${doorName}’s lock (node ${nodeId})` : `node ${nodeId}`} from the network.`, nodeId });
        })
        .catch((error: unknown) => {
          deps.logError(error);
          set({ state: 'failed', dskHidden: null, message: `The lock could not be removed: ${error instanceof Error ? error.message : String(error)}`, nodeId: null });
        })
        .finally(() => {
          if (abort === mine) abort = null;
        });
    },
    stop(): void {
      answer?.(null);
      answer = null;
      abort?.abort();
      abort = null;
      set(idle);
    },
  };
}
