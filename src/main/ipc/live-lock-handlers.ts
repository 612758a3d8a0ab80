import type { LiveNetworkOverview } from '../../shared/domain';
import { PorterError } from '../../shared/errors';
import type { LiveLocks } from '../hardware/live-locks/live-locks';
import { actorOf, type Handlers } from './handlers-type';

type LiveLockCommand =
  | 'hardware.liveLocks'
  | 'hardware.useStick'
  | 'hardware.includeLock'
  | 'hardware.answerInclusionPin'
  | 'hardware.excludeLock'
  | 'hardware.stopInclusion'
  | 'hardware.assignLiveLock';

/** What a console without a Z-Wave link shows: no stick (the page says what to plug in). */
const noLiveLocks: LiveNetworkOverview = {
  sticks: [],
  network: null,
  state: 'no_stick',
  message: null,
  locks: [],
  inclusion: { state: 'idle', dskHidden: null, message: null, nodeId: null },
};

/**
 * The Hardware page's Z-Wave section: the live locks' service (`HardwareService.live`). A console
 * without one (no Z-Wave link) answers its overview as "no stick" and refuses every action, saying so.
 */
export function createLiveLockHandlers(live: () => LiveLocks | null): Pick<Handlers, LiveLockCommand> {
  const service = (): LiveLocks => {
    const found = live();
    if (!found) throw new PorterError('not_allowed', 'This console has no Z-Wave stick: plug one in, then try again.');
    return found;
  };
  return {
    'hardware.liveLocks': () => live()?.overview() ?? noLiveLocks,
    // The service tells the windows what changed ('live_locks', and the doors an assignment moves).
    'hardware.useStick': ({ path }) => service().useStick(path),
    'hardware.includeLock': (_input, ctx) => service().startInclusion(actorOf(ctx)),
    'hardware.answerInclusionPin': ({ pin }) => service().answerPin(pin),
    'hardware.excludeLock': (_input, ctx) => service().startExclusion(actorOf(ctx)),
    'hardware.stopInclusion': () => service().stopInclusion(),
    'hardware.assignLiveLock': ({ nodeId, doorId }, ctx) => service().assign(nodeId, doorId, actorOf(ctx)),
  };
}
