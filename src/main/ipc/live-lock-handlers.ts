import type { DataTopic } from '../../shared/contract';
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

/** What a console without a Z-Wave link shows: nothing to reach, and why. */
const noLiveLocks: LiveNetworkOverview = {
  sticks: [],
  network: null,
  state: 'no_stick',
  message: 'This console has no Z-Wave stick.',
  locks: [],
  inclusion: { state: 'idle', dskHidden: null, message: null, nodeId: null },
};

/**
 * The Hardware page's Z-Wave section: the live locks' service (`HardwareService.live`). A console
 * without one (no Z-Wave link) answers its overview as "no stick" and refuses every action, saying so.
 */
export function createLiveLockHandlers(live: () => LiveLocks | null, changed: (topics: DataTopic[]) => void): Pick<Handlers, LiveLockCommand> {
  const service = (): LiveLocks => {
    const found = live();
    if (!found) throw new PorterError('not_allowed', 'This console has no Z-Wave stick: plug one in, then try again.');
    return found;
  };
  /** Adding, removing or assigning a lock changes what the section and the doors show. */
  const acted = (overview: LiveNetworkOverview, topics: DataTopic[] = ['live_locks']): LiveNetworkOverview => {
    changed(topics);
    return overview;
  };
  return {
    'hardware.liveLocks': () => live()?.overview() ?? noLiveLocks,
    'hardware.useStick': async ({ path }) => acted(await service().useStick(path)),
    'hardware.includeLock': (_input, ctx) => acted(service().startInclusion(actorOf(ctx))),
    'hardware.answerInclusionPin': ({ pin }) => acted(service().answerPin(pin)),
    'hardware.excludeLock': (_input, ctx) => acted(service().startExclusion(actorOf(ctx))),
    'hardware.stopInclusion': () => acted(service().stopInclusion()),
    'hardware.assignLiveLock': ({ nodeId, doorId }, ctx) =>
      acted(service().assign(nodeId, doorId, actorOf(ctx)), ['live_locks', 'doors', 'units', 'activity']),
  };
}
