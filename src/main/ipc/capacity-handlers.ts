import { bulkGrantCapacity, grantCapacity } from '../capacity/grant-capacity';
import { capacityOverview } from '../capacity/capacity-overview';
import { setReservedSlots } from '../capacity/slot-reservations';
import type { HandlerDeps } from './handlers';
import { actorOf, type Handlers } from './handlers-type';

type CapacityCommand = 'capacity.forGrant' | 'capacity.forBulkGrant' | 'capacity.overview' | 'capacity.setReserved';

/** Slot capacity (src/main/capacity): the forms' warnings, the Hardware page's section, and the admin's reservation. */
export function createCapacityHandlers(deps: HandlerDeps): Pick<Handlers, CapacityCommand> {
  return {
    'capacity.forGrant': (request) => grantCapacity(deps, request),
    'capacity.forBulkGrant': (request) => bulkGrantCapacity(deps, request),
    'capacity.overview': ({ limit }) => capacityOverview(deps.db, deps.now(), limit),
    'capacity.setReserved': (request, ctx) => {
      const reservations = setReservedSlots(deps.db, actorOf(ctx), request, deps.now().toISOString());
      deps.changed(['doors', 'activity']);
      return reservations;
    },
  };
}
