import { z } from 'zod';
import { Guidelines, Id, LockModel, Role } from './domain';

/**
 * The community file a console is set up from and the cloud is seeded from
 * (resources/demo/community.json is one):
 * the community, its lock and reader models, buildings, floors, units, and shared doors.
 */
export const CommunityFile = z
  .object({
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
    /** Who may sign in. Passcodes are hashed on import and never stored as typed. */
    staff: z.array(z.object({ id: Id, name: z.string().min(1), role: Role, passcode: z.string().regex(/^\d{4,12}$/) })).min(1),
    sharedDoors: z.array(
      z.object({
        id: Id,
        name: z.string().min(1),
        kind: z.enum(['entrance', 'perimeter', 'amenity', 'package_room']),
        buildingId: Id.nullable(),
        lockModelId: Id,
      }),
    ),
  })
  .strict();
export type CommunityFile = z.infer<typeof CommunityFile>;

/** A unit's own door has this id and name, on every console and in the cloud. */
export function unitDoor(unit: { id: string; number: string }, buildingName: string): { id: string; name: string } {
  return { id: `door-${unit.id}`, name: `${buildingName} ${unit.number}` };
}

function isIanaZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
