import fs from 'node:fs';
import { z } from 'zod';
import { Guidelines, Id, LockModel, Role } from '../../shared/domain';

/**
 * The community file the cloud is seeded from: the same file a console is set up from
 * (resources/demo/community.json). The console's schema lives in src/main, which the cloud
 * may not import, so this is the cloud's reading of it: staff passcodes are not needed here
 * and are ignored, everything else is read as the console reads it.
 */
export const CommunityFile = z.object({
  community: z.object({
    id: Id,
    name: z.string().min(1),
    timeZone: z.string().refine(isIanaZone, 'must be an IANA time zone, e.g. America/Chicago'),
    phoneRegion: z.string().length(2),
    accessSystem: z.object({ name: z.string(), supported: z.boolean() }).nullable(),
    guidelines: Guidelines,
  }),
  lockModels: z.array(LockModel).min(1),
  buildings: z.array(
    z.object({
      id: Id,
      name: z.string().min(1),
      floors: z.array(
        z.object({
          id: Id,
          level: z.number().int(),
          name: z.string(),
          units: z.array(z.object({ id: Id, number: z.string().min(1), lockModelId: Id })),
        }),
      ),
    }),
  ),
  staff: z.array(z.object({ id: Id, name: z.string().min(1), role: Role })).min(1),
  sharedDoors: z.array(
    z.object({
      id: Id,
      name: z.string().min(1),
      kind: z.enum(['entrance', 'perimeter', 'amenity', 'package_room']),
      buildingId: Id.nullable(),
      lockModelId: Id,
    }),
  ),
});
export type CommunityFile = z.infer<typeof CommunityFile>;

/** A unit's own door has the id and name the console gives it on import. */
export function unitDoor(unit: { id: string; number: string }, buildingName: string): { id: string; name: string } {
  return { id: `door-${unit.id}`, name: `${buildingName} ${unit.number}` };
}

export function readCommunityFile(path: string): CommunityFile {
  return CommunityFile.parse(JSON.parse(fs.readFileSync(path, 'utf8')));
}

function isIanaZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
