import { grantGuestAccess } from '../access/grant-guest-access';
import { revokeCredential } from '../access/revoke-credential';
import type { AccessContext } from '../access/access-context';
import { listAudit, verifyAuditChain } from '../store/audit-log';
import { listUnitCredentials } from '../store/credentials-repo';
import { getHardwareOverview } from '../store/hardware-repo';
import { getUnitRow, listUnits } from '../store/units-repo';
import { PorterError } from '../../shared/errors';
import type { DataTopic } from '../../shared/contract';
import type { Handlers } from './handlers-type';

export interface HandlerDeps extends AccessContext {
  host: 'electron' | 'browser';
  /** Tells every window which data changed. */
  changed: (topics: DataTopic[]) => void;
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const { db } = deps;
  const afterAccessChange = <T>(value: T): T => {
    deps.changed(['units', 'credentials', 'activity', 'doors']);
    return value;
  };
  return {
    'session.get': () => {
      const c = deps.community();
      return { operator: deps.operator, community: { id: c.id, name: c.name, timeZone: c.timeZone }, host: deps.host };
    },
    'community.get': () => deps.community(),
    'units.list': (query) => listUnits(db, query),
    'units.get': ({ unitId }) => {
      const unit = getUnitRow(db, unitId);
      if (!unit) throw new PorterError('not_found', `No unit with id ${unitId}.`);
      return { unit, credentials: listUnitCredentials(db, unitId) };
    },
    'access.grant': (request) => afterAccessChange(grantGuestAccess(deps, request)),
    'access.revoke': (request) => afterAccessChange(revokeCredential(deps, request)),
    'activity.list': ({ limit, beforeSeq }) => ({
      entries: listAudit(db, limit, beforeSeq),
      chainIntact: verifyAuditChain(db),
    }),
    'hardware.overview': () => getHardwareOverview(db),
  };
}
