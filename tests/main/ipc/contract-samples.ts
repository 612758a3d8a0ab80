import type { CommandInput, CommandName } from '../../../src/shared/contract';
import { comboUnit, jane } from '../../helpers/test-console';

/** One valid input per command: the starting point every malformed variant is made from. */
export const validInputs: { [C in CommandName]: CommandInput<C> } = {
  'session.get': {},
  'community.get': {},
  'units.list': { search: '204', buildingId: 'north', floor: 2, doorStatus: 'pending', sort: { column: 'unit', direction: 'asc' }, offset: 0, limit: 50 },
  'units.get': { unitId: comboUnit },
  'access.grant': { unitId: comboUnit, kind: 'pin', accessType: 'permanent', guest: { ...jane, company: 'Acme' } },
  'access.revoke': { credentialId: 'cred_missing', reason: 'Moved out' },
  'activity.list': { limit: 10, beforeSeq: 5 },
  'hardware.overview': {},
};

type Path = (string | number)[];

/** Every leaf of a sample with its path, to make one bad variant per field. */
export function leaves(value: unknown, path: Path = []): { path: Path; value: unknown }[] {
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [{ path, value }];
}

export function withValueAt(sample: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(sample) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
  return copy;
}
